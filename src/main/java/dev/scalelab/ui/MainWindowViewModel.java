package dev.scalelab.ui;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.RunStatus;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.LogEntry;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import dev.scalelab.world.network.Pipeline;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyObjectWrapper<BreakpointHit> breakpointHit = new ReadOnlyObjectWrapper<>(this, "breakpointHit");
    private final ReadOnlyStringWrapper breakpointText = new ReadOnlyStringWrapper(this, "breakpointText", "");
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final ObservableList<String> logLinesView = FXCollections.unmodifiableObservableList(logLines);

    // What the previous frame showed, to react to changes only.
    private boolean lastStatusPaused;
    private long lastLogCount;
    private double lastTimeSeconds;
    private long lastSeed;
    /** The scenario as it was loaded (a preset, a file, a challenge), for Revert. */
    private Scenario loaded;

    /** A view model whose Revert goes back to the scenario the runner started with. */
    public MainWindowViewModel(SimulationRunner runner, String initialScenarioLabel) {
        this(runner, initialScenarioLabel, null);
    }

    /**
     * @param loaded the scenario the runner started with, as it was loaded (for Revert); null to take
     *               it from the runner's first frame
     */
    public MainWindowViewModel(SimulationRunner runner, String initialScenarioLabel, Scenario loaded) {
        assert FxThread.isCurrent();
        this.runner = runner;
        Frame first = runner.latest();
        lastStatusPaused = first.status().paused();
        paused.set(lastStatusPaused);
        speed.set(first.status().speed());
        lastSeed = first.snapshot().current().seed();
        seedText.set(Long.toString(lastSeed));
        scenarioLabel.set(initialScenarioLabel);
        this.loaded = loaded != null ? loaded : first.snapshot().current();
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

    /** + : the next speed up the speed menu (the same at its top). */
    public void faster() {
        assert FxThread.isCurrent();
        int i = speedIndex();
        speed.set(SPEEDS.get(Math.min(SPEEDS.size() - 1, i + 1)));
    }

    /** − : the next speed down the speed menu (the same at its bottom). */
    public void slower() {
        assert FxThread.isCurrent();
        int i = speedIndex();
        speed.set(SPEEDS.get(Math.max(0, i < 0 ? 0 : i - 1)));
    }

    /** The speed's place in the menu; a speed between two (from --speed) counts as the one below it. */
    private int speedIndex() {
        double now = speed.get() == null ? 1 : speed.get();
        int index = -1;
        for (int i = 0; i < SPEEDS.size(); i++) {
            if (SPEEDS.get(i) <= now) {
                index = i;
            }
        }
        return index;
    }

    public void undo() {
        assert FxThread.isCurrent();
        if (canUndo.get()) {
            runner.undo();
            message.set("Undid your last change");
        }
    }

    public void redo() {
        assert FxThread.isCurrent();
        if (canRedo.get()) {
            runner.redo();
            message.set("Redid the change");
        }
    }

    /** Starts the scenario again as it was loaded: no changes, its own seed, from t = 0. */
    public void revert() {
        assert FxThread.isCurrent();
        runner.reset(loaded);
        message.set("Reverted to " + scenarioLabel.get() + " as it was loaded");
    }

    /** Shows {@code text} on the status bar's message line (an export's or a lesson's outcome). */
    public void showMessage(String text) {
        assert FxThread.isCurrent();
        message.set(text);
    }

    /** The scenario as it was loaded, which Revert starts again. */
    public Scenario loadedScenario() {
        return loaded;
    }

    /** Starts the built-in scenario {@code name} from t = 0. */
    public void choosePreset(String name) {
        assert FxThread.isCurrent();
        Scenario scenario = Presets.load(name);
        if (scenario == null) {
            throw new IllegalArgumentException("no preset " + name);
        }
        runner.reset(scenario);
        loaded = scenario;
        scenarioLabel.set(name);
        message.set("Started preset " + name);
    }

    /** Starts {@code scenario} from t = 0, shown under {@code label} ("challenge: Auto-scaling"). */
    public void startScenario(Scenario scenario, String label) {
        assert FxThread.isCurrent();
        runner.reset(scenario);
        loaded = scenario;
        scenarioLabel.set(label);
        message.set("Started " + label);
    }

    /**
     * A lesson started {@code scenario} (it runs it itself, step by step): the window names it, and
     * Revert starts it again.
     */
    public void lessonStarted(Scenario scenario, String label) {
        assert FxThread.isCurrent();
        loaded = scenario;
        scenarioLabel.set(label);
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

    /** Opens a drawing of its own shape in the design canvas; null: such a file is refused with the reason. */
    private java.util.function.Consumer<Path> drawnOpener;
    /** Whether the last {@link #open} sent its file to the design canvas rather than starting it here. */
    private boolean openedInCanvas;

    /** Where {@link #open} sends a drawing of its own shape (the window opens it in the design canvas). */
    public void setDrawnOpener(java.util.function.Consumer<Path> opener) {
        drawnOpener = opener;
    }

    /** Whether the last {@link #open} sent its file to the design canvas; this window's run is unchanged then. */
    public boolean openedInCanvas() {
        return openedInCanvas;
    }

    /**
     * Starts the scenario in {@code file}; on a bad file returns its one-line problem and the run goes
     * on. A drawing of its own shape goes to the design canvas ({@link #setDrawnOpener}).
     */
    public Optional<String> open(Path file) {
        openedInCanvas = false;
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
        if (scenario.topology() != null) {
            Scenario lowered = Pipeline.lower(scenario);
            if (lowered == null) {
                if (drawnOpener == null) {
                    message.set("Not opened: " + World.DRAWN_SYSTEM);
                    return Optional.of(World.DRAWN_SYSTEM);
                }
                // Its own shape runs on the canvas: it opens there, and this window's run goes on.
                drawnOpener.accept(file);
                openedInCanvas = true;
                message.set("Opened " + file.getFileName() + " in the design canvas: it draws its own system, which the "
                        + "panels' pipeline does not run; this window's run goes on");
                return Optional.empty();
            }
            scenario = lowered; // the pipeline drawn: it runs here, and saves as sections
        }
        String refusal = World.memoryRefusal(scenario, Runtime.getRuntime().maxMemory() / 2);
        if (refusal != null) {
            // Its queues could fill the heap: say what it would need instead of starting a run that stops part-way.
            message.set("Not opened: " + refusal);
            return Optional.of(refusal);
        }
        runner.reset(scenario);
        loaded = scenario;
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
        modified.set(status.modified());
        canUndo.set(status.undoDepth() > 0);
        canRedo.set(status.redoDepth() > 0);
        BreakpointHit hit = status.breakpointHit();
        if (!java.util.Objects.equals(hit, breakpointHit.get())) {
            breakpointHit.set(hit);
            breakpointText.set(hit == null ? "" : pausedText(hit));
        }
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

    /** "Paused: p99 above 500 ms at 01:12.0 — <the line that tripped it>". */
    static String pausedText(BreakpointHit hit) {
        String line = hit.trigger() == null ? "" : " — " + hit.trigger().message();
        return "Paused: " + BreakpointMenu.describe(hit.breakpoint()) + " at " + Formats.clock(hit.atSeconds()) + line;
    }

    /**
     * The index in {@link #logLines()} of the line that tripped {@code hit}, added at its place in
     * time when it is a line written for the user only (the world's log does not have it); -1 without one.
     */
    public int revealTrigger(BreakpointHit hit) {
        assert FxThread.isCurrent();
        if (hit == null || hit.trigger() == null) {
            return -1;
        }
        String line = Formats.logLine(hit.trigger());
        int found = logLines.lastIndexOf(line);
        if (found >= 0) {
            return found;
        }
        int at = logLines.size();
        // After the last line at or before its time; the log lines start with their time.
        while (at > 0 && timeOf(logLines.get(at - 1)) > hit.trigger().timeSeconds()) {
            at--;
        }
        logLines.add(at, line);
        return at;
    }

    private static double timeOf(String line) {
        try {
            return Double.parseDouble(line.substring(0, Math.min(8, line.length())).trim());
        } catch (NumberFormatException e) {
            return Double.NEGATIVE_INFINITY;
        }
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

    /** The user changed something since the scenario started (RunStatus.modified). */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The breakpoint that holds the run paused, or null. */
    public ReadOnlyObjectProperty<BreakpointHit> breakpointHitProperty() {
        return breakpointHit.getReadOnlyProperty();
    }

    /** The banner's text while a breakpoint holds the run, else empty. */
    public ReadOnlyStringProperty breakpointTextProperty() {
        return breakpointText.getReadOnlyProperty();
    }

    /** The decision and event log, oldest first, at most {@link #LOG_LINES} lines. */
    public ObservableList<String> logLines() {
        return logLinesView;
    }
}
