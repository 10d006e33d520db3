package dev.scalelab.ui.canvas;

import dev.scalelab.design.DesignCheck;
import dev.scalelab.runtime.DesignRun;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.network.NodeChange;
import dev.scalelab.world.network.NetworkSnapshot;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The canvas's run: Run, Pause, speed and Reset in the toolbar, a {@link DesignRun} behind them, and
 * once per frame its newest snapshot handed to the view. The run is disabled while the design has
 * problems (the list says why). An edit of a node's live fields (same nodes, kinds and edges) goes on
 * in the run, each change at the next whole millisecond of virtual time, as the pipeline's panels
 * change a parameter; any other edit stops it, since what ran is no longer what is drawn, and the
 * status says which field could not change live and why. FX thread only.
 */
final class DesignRunControls {
    static final List<String> SPEEDS = List.of("1×", "10×", "100×", "max");

    private final DesignEditor editor;
    private final BiConsumer<String, Boolean> status;
    private final Button runButton = new Button("Run");
    private final Button pauseButton = new Button("Pause");
    private final Button resetButton = new Button("Reset");
    private final ComboBox<String> speedChoice = new ComboBox<>();
    private final Label clock = new Label();
    private DesignRun run;
    /** The scenario the run was built from: another one means the design changed. */
    private Scenario ran;
    private boolean blocked = true;
    private boolean reportedEnd;
    private double particleSeconds;
    private double lastWallSeconds = Double.NaN;

    DesignRunControls(DesignEditor editor, BiConsumer<String, Boolean> status) {
        this.editor = editor;
        this.status = status;
        runButton.setId("designRun");
        pauseButton.setId("designPause");
        resetButton.setId("designReset");
        speedChoice.setId("designSpeed");
        clock.setId("designClock");
        clock.getStyleClass().add("design-clock");
        speedChoice.getItems().setAll(SPEEDS);
        speedChoice.setValue("10×");
        speedChoice.setTooltip(tooltip("Virtual seconds per wall second; max runs as fast as the machine allows."));
        speedChoice.setOnAction(e -> {
            if (run != null) {
                run.setSpeed(speed());
            }
        });
        runButton.setTooltip(tooltip("Runs the design: each box by the engine of its kind, requests walking the edges."));
        pauseButton.setTooltip(tooltip("Pauses or resumes the run."));
        resetButton.setTooltip(tooltip("Stops the run and starts it again from t = 0."));
        runButton.setOnAction(e -> start());
        pauseButton.setOnAction(e -> togglePause());
        resetButton.setOnAction(e -> {
            stop();
            start();
        });
        for (Button b : List.of(runButton, pauseButton, resetButton)) {
            b.setFocusTraversable(false);
        }
        update();
    }

    List<Node> controls() {
        return List.of(new Separator(), runButton, pauseButton, speedChoice, resetButton, clock);
    }

    DesignRun current() {
        return run;
    }

    private double speed() {
        return switch (speedChoice.getValue()) {
            case "1×" -> 1;
            case "100×" -> 100;
            case "max" -> DesignRun.MAX_SPEED;
            default -> 10;
        };
    }

    /** Starts the run at the listed speed nearest {@code speed} (virtual seconds per wall second). */
    void startAt(double speed) {
        speedChoice.setValue(Double.isInfinite(speed) ? "max" : speed >= 50 ? "100×" : speed >= 5 ? "10×" : "1×");
        start();
    }

    private void start() {
        if (blocked) {
            return;
        }
        stop();
        try {
            run = new DesignRun(editor.scenario());
        } catch (ScenarioException e) {
            status.accept("Cannot run: " + e.getMessage(), true);
            return;
        }
        ran = editor.scenario();
        reportedEnd = false;
        run.setSpeed(speed());
        run.start();
        status.accept("Running at " + speedChoice.getValue() + ". A node's settings change live; other edits stop the run.", false);
        update();
    }

    private void togglePause() {
        if (run != null) {
            run.setPaused(!run.paused());
            update();
        }
    }

    /** Stops the run, if any (the window closed, an edit). */
    void stop() {
        if (run != null) {
            run.close();
            run = null;
            ran = null;
        }
        update();
    }

    /**
     * The design or the selection changed: an edit of live node fields goes on in the run, any other
     * stops it; problems block it.
     */
    void designChanged(List<DesignCheck.Problem> problems) {
        blocked = !problems.isEmpty();
        Scenario edited = editor.scenario();
        if (run != null && !edited.equals(ran)) {
            String refusal = run.finished() ? "the run had ended" : applyLive(edited);
            if (refusal == null) {
                ran = edited;
            } else {
                stop();
                status.accept("The design changed, so the run stopped (" + refusal + "): Run starts the new design.", false);
            }
        }
        update();
    }

    /**
     * Sends the edit's node and edge changes to the run; null when it took them all, else why it
     * cannot (the caller then stops the run).
     */
    private String applyLive(Scenario edited) {
        List<Map.Entry<String, Object>> changes;
        try {
            changes = NodeChange.between(ran, edited);
        } catch (ScenarioException e) {
            return e.field().isEmpty() ? e.problem() : e.field() + " could not change live: " + e.problem();
        }
        List<CompletableFuture<DesignRun.Applied>> sent = new ArrayList<>();
        if (changes.isEmpty()) {
            return null; // a node moved: nothing the run sees
        }
        for (Map.Entry<String, Object> c : changes) {
            try {
                sent.add(run.apply(c.getKey(), c.getValue()));
            } catch (ScenarioException e) {
                return e.field() + " could not change live: " + e.problem();
            }
        }
        DesignRun applying = run;
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).whenComplete((done, failed) -> Platform.runLater(() -> {
            if (run != applying) {
                return;
            }
            if (failed != null) {
                // What runs is no longer what is drawn.
                stop();
                status.accept("A change could not be applied, so the run stopped: "
                        + (failed.getCause() == null ? failed : failed.getCause()).getMessage(), true);
                return;
            }
            List<String> said = new ArrayList<>();
            for (CompletableFuture<DesignRun.Applied> f : sent) {
                DesignRun.Applied a = f.join();
                said.add(String.format(Locale.ROOT, "%s: %s at t = %.1f s", a.node(), a.change().replace(" -> ", " → "),
                        a.atSeconds()));
            }
            status.accept(String.join("; ", said), false);
        }));
        return null;
    }

    private void update() {
        runButton.setDisable(blocked);
        runButton.setTooltip(tooltip(blocked ? "The design cannot run yet: the problems list below says what it lacks."
                : "Runs the design: each box by the engine of its kind, requests walking the edges."));
        pauseButton.setDisable(run == null);
        pauseButton.setText(run != null && run.paused() ? "Resume" : "Pause");
        resetButton.setDisable(run == null);
        if (run == null) {
            clock.setText(blocked ? "fix the problems to run" : "not running");
        }
    }

    /** The newest snapshot of the run; null when nothing runs. */
    NetworkSnapshot latest() {
        return run == null ? null : run.latest();
    }

    /** Once per frame: the newest snapshot to the view, the clock, the end. */
    void frame(DesignView view, double wallSeconds) {
        double step = Double.isNaN(lastWallSeconds) ? 0 : wallSeconds - lastWallSeconds;
        lastWallSeconds = wallSeconds;
        if (run == null) {
            view.showLive(null, particleSeconds);
            return;
        }
        if (!run.paused() && !run.finished()) {
            particleSeconds += step;
        }
        NetworkSnapshot s = run.latest();
        view.showLive(s, particleSeconds);
        NetworkSnapshot.Totals t = s.totals();
        String gateway = t.limited() + t.shed() == 0 ? ""
                : String.format(Locale.ROOT, " · %,d limited (429) · %,d shed (503)", t.limited(), t.shed());
        clock.setText(String.format(Locale.ROOT, "t = %.1f / %.0f s · %,d ok · %,d failed%s · p99 %s · $%.2f/h",
                s.timeSeconds(), s.durationSeconds(), t.completed(), t.failed(), gateway,
                Double.isNaN(t.p99Ms()) ? "–" : String.format(Locale.ROOT, "%.0f ms", t.p99Ms()), t.costPerHour()));
        if (run.finished() && !reportedEnd) {
            reportedEnd = true;
            status.accept(run.failure() != null ? "The run stopped: " + run.failure() : "The run reached its end.", run.failure() != null);
        }
    }
}
