package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.Highlight;
import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.Prediction;
import dev.scalelab.lesson.RunUntil;
import dev.scalelab.lesson.Step;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.Panel;
import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.Scenario;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Parent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Leads the user through a lesson: puts the lesson bar above the panel (text, step n of m, Back and
 * Next, the prediction and its answer), switches panels, applies each step's changes, runs until the
 * step's time or breakpoint, outlines the highlighted element, and on Back re-runs deterministically
 * to the exact start of the previous step. FX thread only.
 *
 * <p>How Back is exact: on entering step k the controller asks the runner for the recorded scenario
 * (the start plus every change so far, at the moments they were applied) before it applies the
 * step's changes, and notes the virtual time. Back seeks to that scenario and time, then applies the
 * step's changes again: the runner applies a change at the next whole millisecond, as it did the
 * first time, so the re-run is event for event the same.
 *
 * <p>The runner is asynchronous: the controller issues a command and then watches the published
 * frames (every pulse, in {@link #onPulse}) for the first paused frame after it.
 */
public final class LessonController {
    /** A time the run stopped at counts as the step's time within this (a double of nanoseconds). */
    private static final double EPSILON_SECONDS = 1e-6;

    private final SimulationRunner runner;
    private final LessonWindow window;
    private final LessonBar bar;
    private final HighlightOutline outline = new HighlightOutline();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    /** The window calls {@link #onPulse}; this timer makes the lesson independent of that, and costs one check a pulse. */
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse();
        }
    };
    private Supplier<List<Breakpoint>> userBreakpoints;

    private Lesson lesson;
    private int index;
    /** Per step: the recorded scenario just before its changes were applied, and the virtual time then. */
    private final List<CompletableFuture<Scenario>> startScenarios = new ArrayList<>();
    private double[] startSeconds = new double[0];
    /** The current step's run stopped where the step says (its time, its breakpoint, or the run's end). */
    private boolean reached;
    /** A command whose paused frame the controller waits for; null when it waits for nothing. */
    private Waiting waiting;
    /** A seek (the lesson's start or Back) is under way. */
    private boolean seeking;
    /** Bumped by start, Back and close: the completion of an older seek is dropped. */
    private long epoch;
    /** The step's breakpoint is set on the runner beside the user's; they are restored when its run stops. */
    private boolean stepBreakpointSet;
    private String shownProgress = "";
    /** The current step's highlighted node has been scrolled into view. */
    private boolean revealed;

    private enum Kind { RUN, SETTLE }

    /**
     * @param sinceFrame   the newest frame number when the command was given; only a later frame answers it
     * @param targetSeconds where a run should stop
     * @param breakpoint   the step's breakpoint, or null
     */
    private record Waiting(Kind kind, long sinceFrame, double targetSeconds, Breakpoint breakpoint, double fromSeconds,
                           BreakpointHit staleHit) {

        /** A settle waits for a pause: any paused frame after it. */
        static Waiting settle(long sinceFrame) {
            return new Waiting(Kind.SETTLE, sinceFrame, Double.NaN, null, Double.NaN, null);
        }

        /**
         * Whether {@code frame} shows the run stopped after the command. A run takes several commands
         * (the step's breakpoint, then the play), and the runner may publish between them a paused frame
         * that still shows the old moment: a run has stopped only when it moved, reached its target,
         * met a new breakpoint hit, or ended.
         */
        boolean answeredBy(Frame frame) {
            if (frame.status().frame() <= sinceFrame || !frame.status().paused()) {
                return false;
            }
            if (kind == Kind.SETTLE) {
                return true;
            }
            double t = frame.snapshot().timeSeconds();
            BreakpointHit hit = frame.status().breakpointHit();
            return t >= targetSeconds - EPSILON_SECONDS || t > fromSeconds + EPSILON_SECONDS
                    || (hit != null && hit != staleHit) || frame.status().finished() || frame.status().failure() != null;
        }
    }

    public LessonController(SimulationRunner runner, LessonWindow window) {
        this.runner = Objects.requireNonNull(runner);
        this.window = Objects.requireNonNull(window);
        this.bar = new LessonBar(this::back, this::next, this::close);
        this.userBreakpoints = window::userBreakpoints;
    }

    /**
     * Where the user's own "pause when…" conditions come from, so that a step's breakpoint is set
     * beside them and they are set again alone when the step's run stops. By default they are
     * {@link LessonWindow#userBreakpoints()}.
     */
    public void setUserBreakpoints(Supplier<List<Breakpoint>> breakpoints) {
        this.userBreakpoints = Objects.requireNonNull(breakpoints);
    }

    /** Starts {@code lesson} at its first step (its start scenario from t = 0), closing any lesson before. */
    public void start(Lesson lesson) {
        Objects.requireNonNull(lesson);
        close();
        this.lesson = lesson;
        int steps = lesson.steps().size();
        startScenarios.clear();
        for (int i = 0; i < steps; i++) {
            startScenarios.add(null);
        }
        startSeconds = new double[steps];
        index = 0;
        window.lessonHost().getChildren().setAll(bar.node());
        outline.attach(window.overlay());
        active.set(true);
        pulse.start();
        if (lesson.panel() != null) {
            window.selectPanel(lesson.panel());
        }
        bar.showStep(lesson, 0);
        seekThenEnter(0, lesson.start(), CompletableFuture.completedFuture(lesson.start()), 0,
                "Starting the lesson at 00:00…");
    }

    public void next() {
        if (!active.get() || seeking || waiting != null) {
            return;
        }
        Step step = currentStep();
        if (step.runUntil() != null && !reached) {
            run(step.runUntil());
        } else if (index == lesson.steps().size() - 1) {
            close();
        } else {
            // The start of the next step is where the run is now: pause (a no-op when paused) and read the time.
            waiting = Waiting.settle(runner.latest().status().frame());
            runner.pause();
            refreshButtons();
        }
    }

    public void back() {
        if (!active.get() || seeking || index == 0) {
            return;
        }
        int k = index - 1;
        waiting = null;
        restoreUserBreakpoints();
        seekThenEnter(k, null, startScenarios.get(k), startSeconds[k],
                "Going back to the start of step " + (k + 1) + " (" + clock(startSeconds[k]) + ")…");
    }

    /** Leaves the lesson: the bar and the outline go; the run stays as it is. */
    public void close() {
        if (!active.get()) {
            return;
        }
        epoch++;
        waiting = null;
        seeking = false;
        restoreUserBreakpoints();
        window.lessonHost().getChildren().remove(bar.node());
        outline.detach();
        pulse.stop();
        lesson = null;
        active.set(false);
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Every pulse: keeps the outline on its element as the panel moves and redraws. */
    public void onPulse() {
        if (!active.get()) {
            return;
        }
        Frame frame = runner.latest();
        if (waiting != null && !seeking) {
            if (waiting.answeredBy(frame)) {
                Waiting done = waiting;
                waiting = null;
                if (done.kind() == Kind.SETTLE) {
                    enter(index + 1, frame.snapshot().timeSeconds());
                } else {
                    runStopped(done, frame);
                }
            } else if (waiting.kind() == Kind.RUN) {
                showProgress(frame);
            }
        }
        followHighlight();
    }

    // ------------------------------------------------------------------ steps

    private Step currentStep() {
        return lesson.steps().get(index);
    }

    /**
     * Seeks the runner to {@code scenario} (when it is ready) at {@code atSeconds}, then enters step
     * {@code k}. {@code known} is the scenario itself when the caller has it, for the first step.
     */
    private void seekThenEnter(int k, Scenario known, CompletableFuture<Scenario> scenario, double atSeconds, String message) {
        long mine = ++epoch;
        seeking = true;
        bar.showStatus(message, true);
        refreshButtons();
        CompletableFuture<Scenario> source = known != null ? CompletableFuture.completedFuture(known) : scenario;
        source.thenCompose(s -> runner.seek(s, atSeconds)).whenComplete((frame, error) -> Platform.runLater(() -> {
            if (mine != epoch) {
                return; // closed, restarted or sent back again meanwhile
            }
            seeking = false;
            if (error != null) {
                bar.showStatus("The lesson could not go to " + clock(atSeconds) + ": " + LessonTexts.rootMessage(error), false);
                refreshButtons();
                return;
            }
            enter(k, atSeconds);
        }));
    }

    /** Enters step {@code k} with the run paused at {@code atSeconds}: its panel, its changes, its text and outline. */
    private void enter(int k, double atSeconds) {
        index = k;
        reached = false;
        revealed = false;
        waiting = null;
        Step step = currentStep();
        if (step.panel() != null) {
            window.selectPanel(step.panel());
        }
        startSeconds[k] = atSeconds;
        // Asked before the changes: the runner runs commands in order, so this is the state they start from.
        startScenarios.set(k, runner.recordedScenario());
        String refused = null;
        for (Scenario.TimelineEntry change : step.changes()) {
            try {
                runner.apply(change);
            } catch (IllegalArgumentException e) {
                refused = refused == null ? e.getMessage() : refused; // the rest of the step still applies
            }
        }
        bar.showStep(lesson, k);
        bar.showStatus(refused != null ? "A change of this step was refused: " + LessonTexts.firstLine(refused)
                : step.runUntil() == null ? "" : "Next runs the simulation " + until(step.runUntil()) + ".", false);
        refreshButtons();
        followHighlight();
    }

    private void run(RunUntil until) {
        Frame now = runner.latest();
        long since = now.status().frame();
        // Where the run starts: after the step's changes, each at the next whole millisecond (the frame
        // may not show the last of them yet), or later if the user played on meanwhile.
        double from = Math.max(now.snapshot().timeSeconds(), afterChanges(startSeconds[index], currentStep().changes().size()));
        BreakpointHit stale = now.status().breakpointHit();
        if (until.breakpoint() != null) {
            List<Breakpoint> both = new ArrayList<>(userBreakpoints.get());
            both.add(until.breakpoint());
            runner.setBreakpoints(both);
            stepBreakpointSet = true;
            runner.playUntil(until.limitSeconds());
            waiting = new Waiting(Kind.RUN, since, until.limitSeconds(), until.breakpoint(), from, stale);
        } else {
            runner.playUntil(until.atSeconds());
            waiting = new Waiting(Kind.RUN, since, until.atSeconds(), null, from, stale);
        }
        shownProgress = "";
        bar.showStatus("Running " + until(until) + "…", true);
        refreshButtons();
    }

    /** The time after {@code changes} commands given at {@code seconds}: each takes effect at the next whole millisecond. */
    static double afterChanges(double seconds, int changes) {
        long nanos = dev.scalelab.sim.Simulation.secondsToNanos(seconds);
        long milli = dev.scalelab.sim.Simulation.NANOS_PER_MILLI;
        for (int i = 0; i < changes; i++) {
            nanos = (nanos / milli + 1) * milli;
        }
        return nanos / 1e9;
    }

    private void showProgress(Frame frame) {
        String line = "Running " + until(currentStep().runUntil()) + "… now at " + clock(frame.snapshot().timeSeconds());
        if (!line.equals(shownProgress)) {
            shownProgress = line;
            bar.showStatus(line, true);
        }
    }

    private void runStopped(Waiting run, Frame frame) {
        restoreUserBreakpoints();
        double t = frame.snapshot().timeSeconds();
        BreakpointHit hit = frame.status().breakpointHit();
        RunUntil until = currentStep().runUntil();
        if (frame.status().failure() != null) {
            bar.showStatus("The simulation stopped at " + clock(t) + ": " + LessonTexts.firstLine(frame.status().failure()), false);
            refreshButtons();
            return;
        }
        boolean stepHit = run.breakpoint() != null && hit != null && run.breakpoint().equals(hit.breakpoint());
        boolean timeReached = t >= run.targetSeconds() - EPSILON_SECONDS;
        if (stepHit || timeReached || frame.status().finished()) {
            reached = true;
            String where;
            if (stepHit) {
                where = "Stopped at " + clock(hit.atSeconds()) + ": " + hit.breakpoint().describe()
                        + (hit.trigger() == null ? "." : " — " + hit.trigger().message());
            } else if (run.breakpoint() != null) {
                where = "Reached " + clock(t) + " without " + run.breakpoint().describe() + ".";
            } else {
                where = "Stopped at " + clock(t) + ".";
            }
            bar.showStatus(where, false);
            showAnswer(frame);
        } else {
            // Paused early by the user or by one of the user's own breakpoints: Next runs on.
            String why = hit != null ? "Paused at " + clock(t) + ": " + hit.breakpoint().describe() + "."
                    : "Paused at " + clock(t) + ".";
            bar.showStatus(why + " Next runs on " + until(until) + ".", false);
        }
        refreshButtons();
    }

    private void showAnswer(Frame frame) {
        Prediction prediction = currentStep().prediction();
        if (prediction == null) {
            return;
        }
        int picked = bar.picked();
        double value;
        try {
            value = prediction.probe().value(frame.snapshot());
        } catch (RuntimeException e) {
            bar.showAnswer(-1, picked, "The run could not measure " + prediction.probe().id() + ": " + LessonTexts.rootMessage(e));
            return;
        }
        int right = prediction.answer(value);
        String measured = LessonTexts.value(value, prediction.probe().unit());
        StringBuilder text = new StringBuilder();
        if (right >= 0) {
            text.append("Answer: ").append(prediction.choices().get(right).text()).append(" (measured ").append(measured).append(").");
            if (picked == right) {
                text.append(" You predicted it.");
            } else if (picked >= 0) {
                text.append(" You predicted ").append(prediction.choices().get(picked).text()).append('.');
            }
        } else {
            text.append("Measured ").append(measured).append(", outside every choice.");
        }
        if (prediction.explanation() != null && !prediction.explanation().isEmpty()) {
            text.append(' ').append(prediction.explanation());
        }
        bar.showAnswer(right, picked, text.toString());
    }

    private void restoreUserBreakpoints() {
        if (stepBreakpointSet) {
            runner.setBreakpoints(List.copyOf(userBreakpoints.get()));
            stepBreakpointSet = false;
        }
    }

    private void refreshButtons() {
        if (lesson == null) {
            return;
        }
        Step step = currentStep();
        boolean last = index == lesson.steps().size() - 1;
        boolean idle = !seeking && waiting == null;
        String text;
        String accessible;
        if (step.runUntil() != null && !reached) {
            text = "Run ▶";
            accessible = "Run the simulation " + until(step.runUntil());
        } else if (last) {
            text = "Finish";
            accessible = "Finish the lesson";
        } else {
            text = "Next ▶";
            accessible = "Next step";
        }
        bar.showButtons(index > 0 && !seeking, idle, text, accessible);
    }

    // ------------------------------------------------------------------ the outline

    private void followHighlight() {
        if (lesson == null) {
            outline.show(null);
            return;
        }
        Highlight highlight = currentStep().highlight();
        Panel panel = window.currentPanel();
        if (highlight == null || panel == null || seeking
                || (highlight.panel() != null && !highlight.panel().equalsIgnoreCase(panel.title()))) {
            outline.show(null); // another panel is on screen: the element is not
            return;
        }
        Parent root = window.overlay().getScene() == null ? null : window.overlay().getScene().getRoot();
        if (!revealed && HighlightResolver.namesNode(highlight.element())) {
            // Once per step: a row further down a scrolling pane is brought into view, then left to the user.
            javafx.scene.Node node = HighlightResolver.node(highlight.element(), panel, root);
            if (node != null && node.getScene() != null) {
                HighlightResolver.reveal(node);
                revealed = true;
            }
        }
        Bounds bounds = HighlightResolver.resolve(highlight.element(), panel, root);
        outline.show(bounds);
    }

    // ------------------------------------------------------------------ texts

    /** "to 01:30", or "until p99 above 500 ms (at the latest 02:00)". */
    static String until(RunUntil until) {
        if (until.breakpoint() != null) {
            return "until " + until.breakpoint().describe() + " (at the latest " + clock(until.limitSeconds()) + ")";
        }
        return "to " + clock(until.atSeconds());
    }

    /** Virtual time as mm:ss, as the lesson texts write it. */
    static String clock(double seconds) {
        long whole = (long) Math.floor(seconds + 1e-9);
        return String.format(java.util.Locale.ROOT, "%02d:%02d", whole / 60, whole % 60);
    }

    // ------------------------------------------------------------------ for tests

    /** The step shown now, from 0. */
    int stepIndex() {
        return index;
    }

    /** Nothing is running or seeking: Next may be pressed. */
    boolean idle() {
        return active.get() && !seeking && waiting == null;
    }

    boolean stepReached() {
        return reached;
    }

    /** The virtual time step {@code k} started at, before its changes. */
    double startSecondsOf(int k) {
        return startSeconds[k];
    }

    LessonBar bar() {
        return bar;
    }

    HighlightOutline outline() {
        return outline;
    }
}
