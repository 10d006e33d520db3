package dev.scalelab.ui;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.RunStatus;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.LogEntry;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Snapshot;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The state of the main window: the run controls, the status bar and the decision log. It talks to
 * the {@link SimulationRunner} only through its thread-safe commands and the frames it publishes.
 *
 * <p>FX thread only, except where a method says otherwise.
 */
public final class MainWindowViewModel {
    /** The speed menu, in virtual seconds per wall second. */
    public static final List<Double> SPEEDS = List.of(0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0, SimulationRunner.MAX_SPEED);
    /** The log view keeps this many lines, like the world's own ring buffer. */
    static final int LOG_LINES = 500;

    private final SimulationRunner runner;

    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(this, "speed", 1.0);
    private final StringProperty seedText = new SimpleStringProperty(this, "seedText", "");
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper(this, "seedError", "");
    private final ReadOnlyStringWrapper scenarioLabel = new ReadOnlyStringWrapper(this, "scenarioLabel", "");
    private final ReadOnlyStringWrapper simTime = new ReadOnlyStringWrapper(this, "simTime", "");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final ReadOnlyStringWrapper eventRate = new ReadOnlyStringWrapper(this, "eventRate", "");
    private final ReadOnlyStringWrapper frameRate = new ReadOnlyStringWrapper(this, "frameRate", "");
    private final ReadOnlyBooleanWrapper lagging = new ReadOnlyBooleanWrapper(this, "lagging");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyStringWrapper finishedText = new ReadOnlyStringWrapper(this, "finishedText", "");
    private final ReadOnlyStringWrapper playText = new ReadOnlyStringWrapper(this, "playText", "Play");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final ObservableList<String> logLinesView = FXCollections.unmodifiableObservableList(logLines);

    // What the previous frame showed, to react to changes only.
    private boolean lastStatusPaused;
    private long lastLogCount;
    private double lastTimeSeconds;
    private long lastSeed;

    public MainWindowViewModel(SimulationRunner runner, String initialScenarioLabel) {
        assert FxThread.isCurrent();
        this.runner = runner;
        Frame first = runner.latest();
        lastStatusPaused = first.status().paused();
        paused.set(lastStatusPaused);
        speed.set(first.status().speed());
        lastSeed = first.snapshot().current().seed();
        seedText.set(Long.toString(lastSeed));
        scenarioLabel.set(initialScenarioLabel);
        speed.addListener((obs, old, now) -> {
            if (now != null) {
                runner.setSpeed(now);
            }
        });
        update(first);
    }

    // ------------------------------------------------------------------ commands

    public void togglePlay() {
        assert FxThread.isCurrent();
        if (paused.get()) {
            runner.play();
        } else {
            runner.pause();
        }
        // Show the request at once; the runner's status confirms it a frame later.
        paused.set(!paused.get());
        updatePlayText();
    }

    public void step() {
        assert FxThread.isCurrent();
        runner.step();
        paused.set(true);
        updatePlayText();
    }

    /** The status bar's note on a finished run: where it stopped and what Play does now. */
    static String finishedText(double atSeconds) {
        return "finished at " + Formats.clock(atSeconds) + " (the scenario's duration) · Play runs it again from 0";
    }

    private void updatePlayText() {
        playText.set(!paused.get() ? "Pause" : finished.get() ? "Play again" : "Play");
    }

    /** Starts the built-in scenario {@code name} from t = 0. */
    public void choosePreset(String name) {
        assert FxThread.isCurrent();
        Scenario scenario = Presets.load(name);
        if (scenario == null) {
            throw new IllegalArgumentException("no preset " + name);
        }
        runner.reset(scenario);
        scenarioLabel.set(name);
        message.set("Started preset " + name);
    }

    /** Starts {@code scenario} from t = 0, shown under {@code label} ("challenge: Auto-scaling"). */
    public void startScenario(Scenario scenario, String label) {
        assert FxThread.isCurrent();
        runner.reset(scenario);
        scenarioLabel.set(label);
        message.set("Started " + label);
    }

    /**
     * Restarts at t = 0 with the parameters as they are now and the seed typed in the seed field;
     * when that is not a whole number, {@link #seedErrorProperty()} says so and the run goes on.
     */
    public void reset() {
        assert FxThread.isCurrent();
        long seed;
        try {
            seed = Long.parseLong(seedText.get().trim());
        } catch (NumberFormatException e) {
            seedError.set("seed: \"" + seedText.get().trim() + "\" is not a whole number");
            message.set(seedError.get());
            return;
        }
        seedError.set("");
        // Runs on the simulation thread when the future completes there; reset() only enqueues.
        runner.restartScenario().thenAccept(start -> runner.reset(start.withSeed(seed)));
        message.set("Restarted at t = 0 with seed " + seed);
    }

    /** Starts the scenario in {@code file}; on a bad file returns its one-line problem and the run goes on. */
    public Optional<String> open(Path file) {
        assert FxThread.isCurrent();
        Scenario scenario;
        try {
            scenario = ScenarioFiles.read(file);
        } catch (ScenarioException e) {
            message.set("Not opened: " + e.getMessage());
            return Optional.of(e.getMessage());
        } catch (RuntimeException | StackOverflowError defect) {
            // A defect in the reader: say so in the dialog rather than close it with nothing shown.
            String problem = "the file could not be read (" + defect + "); the current run goes on";
            message.set("Not opened: " + problem);
            return Optional.of(problem);
        }
        runner.reset(scenario);
        scenarioLabel.set(String.valueOf(file.getFileName()));
        message.set("Opened " + file);
        return Optional.empty();
    }

    /**
     * Saves the run so far (the scenario plus the user's changes on its timeline) so that opening the
     * file replays it. The file is written off the FX thread; the future completes on the FX thread.
     */
    public CompletableFuture<Path> save(Path file) {
        assert FxThread.isCurrent();
        return runner.recordedScenario()
                .thenApplyAsync(recorded -> {
                    try {
                        ScenarioFiles.writeAtomically(file, ScenarioFiles.write(recorded));
                        return file;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .whenCompleteAsync((saved, error) ->
                        message.set(error == null ? "Saved " + saved : "Not saved: " + rootMessage(error)), Platform::runLater);
    }

    static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    // ------------------------------------------------------------------ frames

    /** Takes in a frame the runner published since the last pulse. */
    public void update(Frame frame) {
        assert FxThread.isCurrent();
        Snapshot snapshot = frame.snapshot();
        RunStatus status = frame.status();

        simTime.set(Formats.clock(snapshot.timeSeconds()));
        speedText.set(Formats.speed(status.speed()));
        eventRate.set(Formats.count(status.eventsPerSecond()) + " events/s");
        lagging.set(status.lagging());
        finished.set(status.finished());
        finishedText.set(status.finished() ? finishedText(snapshot.timeSeconds()) : "");
        failure.set(status.failure());
        if (status.paused() != lastStatusPaused) {
            // The run paused or resumed on its own (finished, stepped, failed): follow it.
            lastStatusPaused = status.paused();
            paused.set(lastStatusPaused);
        }
        updatePlayText();
        long seed = snapshot.current().seed();
        if (seed != lastSeed) {
            lastSeed = seed;
            seedText.set(Long.toString(seed));
            seedError.set("");
        }
        updateLog(snapshot);
        lastTimeSeconds = snapshot.timeSeconds();
    }

    private void updateLog(Snapshot snapshot) {
        long count = snapshot.logCount();
        boolean restarted = count < lastLogCount || snapshot.timeSeconds() < lastTimeSeconds;
        if (restarted) {
            logLines.clear();
            lastLogCount = 0;
        }
        if (count == lastLogCount) {
            return;
        }
        List<LogEntry> recent = snapshot.recentLog();
        int fresh = (int) Math.min(count - lastLogCount, recent.size());
        String[] lines = new String[fresh];
        for (int i = 0; i < fresh; i++) {
            lines[i] = Formats.logLine(recent.get(recent.size() - fresh + i));
        }
        logLines.addAll(lines);
        int excess = logLines.size() - LOG_LINES;
        if (excess > 0) {
            logLines.remove(0, excess);
        }
        lastLogCount = count;
    }

    /** Shows the frame meter's rolling figures; a few times a second is enough to read them. */
    public void showFrameRate(FrameMeter meter) {
        assert FxThread.isCurrent();
        frameRate.set(String.format(Locale.ROOT, "%.0f fps, p95 %.1f ms", meter.windowFramesPerSecond(), meter.windowP95IntervalMs()));
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The chosen speed; bound to the speed menu. */
    public ObjectProperty<Double> speedProperty() {
        return speed;
    }

    /** The seed field's text; follows the run's seed after every restart. */
    public StringProperty seedTextProperty() {
        return seedText;
    }

    public ReadOnlyStringProperty seedErrorProperty() {
        return seedError.getReadOnlyProperty();
    }

    /** The preset name or file name of the scenario that runs. */
    public ReadOnlyStringProperty scenarioLabelProperty() {
        return scenarioLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty simTimeProperty() {
        return simTime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty eventRateProperty() {
        return eventRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty frameRateProperty() {
        return frameRate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty laggingProperty() {
        return lagging.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** "finished at 04:00.0 …" while the run is finished, else empty. */
    public ReadOnlyStringProperty finishedTextProperty() {
        return finishedText.getReadOnlyProperty();
    }

    /** The play button's text: Play, Pause, or Play again on a finished run (which starts it from t = 0). */
    public ReadOnlyStringProperty playTextProperty() {
        return playText.getReadOnlyProperty();
    }

    /** The stack trace of the exception that stopped the simulation thread, or null while it runs. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The outcome of the user's last command, for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The decision and event log, oldest first, at most {@link #LOG_LINES} lines. */
    public ObservableList<String> logLines() {
        return logLinesView;
    }
}
