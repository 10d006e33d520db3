package dev.scalelab.ui.practice;

import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.Grader;
import dev.scalelab.practice.Prediction;
import dev.scalelab.practice.ProgressStore;
import dev.scalelab.practice.Verdict;
import dev.scalelab.ui.FxThread;
import dev.scalelab.world.Scenario;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Practice panel's state: the chosen challenge, each challenge's status from the progress
 * store, the hints opened, and a grading in the background. Grading runs the grader in a
 * {@link Task} on a daemon thread: the live run and the window go on meanwhile, the progress follows
 * the seeds done, and Cancel stops it between slices of simulated time. A progress store that cannot
 * be read or written is one line in {@link #noticeProperty()}, never an error.
 *
 * <p>FX thread only, except the grading task's body.
 */
final class PracticeViewModel {
    /** What grades a design: {@link Grader#grade}, or a stand-in in a test. Called on the grading thread. */
    @FunctionalInterface
    interface Grading {
        Verdict grade(Challenge challenge, Scenario design, int seeds, Grader.Listener listener, BooleanSupplier cancelled);
    }

    private static final long DESIGN_POLL_MILLIS = 100;

    private List<Challenge> challenges = List.of();
    private final ProgressStore store;
    private final Grading grading;

    private final ReadOnlyObjectWrapper<Challenge> challenge = new ReadOnlyObjectWrapper<>(this, "challenge");
    private final ReadOnlyIntegerWrapper hintsShown = new ReadOnlyIntegerWrapper(this, "hintsShown");
    private final ReadOnlyBooleanWrapper gradingRunning = new ReadOnlyBooleanWrapper(this, "gradingRunning");
    private final ReadOnlyDoubleWrapper gradingProgress = new ReadOnlyDoubleWrapper(this, "gradingProgress");
    private final ReadOnlyStringWrapper gradingText = new ReadOnlyStringWrapper(this, "gradingText", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /** Counts changes of any challenge's status, so the list redraws its rows. */
    private final ReadOnlyIntegerWrapper statusRevision = new ReadOnlyIntegerWrapper(this, "statusRevision");

    private AtomicBoolean cancelled;

    /** @param store opens the progress store; a failure is the panel's notice and progress is not kept */
    PracticeViewModel(Supplier<ProgressStore> store, Grading grading) {
        this.grading = grading;
        ProgressStore opened = null;
        try {
            opened = store.get();
            opened.problem().ifPresent(notice::set);
        } catch (RuntimeException e) {
            notice.set("Your progress is not kept this time: " + message(e));
        }
        this.store = opened;
    }

    List<Challenge> challenges() {
        return challenges;
    }

    /** Every challenge, in the list's order, once the library is read. */
    void setChallenges(List<Challenge> all) {
        assert FxThread.isCurrent();
        challenges = List.copyOf(all);
    }

    /** Shows a problem outside the store (the challenges could not be read) as the panel's notice. */
    void reportProblem(String problem) {
        assert FxThread.isCurrent();
        notice.set(problem);
    }

    // ------------------------------------------------------------------ the chosen challenge

    /** Shows {@code c}: its hints as far as the candidate opened them before, no verdict yet. */
    void choose(Challenge c) {
        assert FxThread.isCurrent();
        if (c == challenge.get()) {
            return;
        }
        cancel();
        // A grading of the challenge left behind stops; its progress is not this one's.
        gradingText.unbind();
        gradingProgress.unbind();
        challenge.set(c);
        verdict.set(null);
        gradingText.set("");
        gradingProgress.set(0);
        hintsShown.set(c == null ? 0 : Math.min(entry(c).hintsOpened(), c.hints().size()));
    }

    /** "✓ 87", "attempted", "new", or "waits for the Performance subsystems". */
    String status(Challenge c) {
        if (!c.playable()) {
            return "waits for " + c.waitsFor();
        }
        ProgressStore.Entry e = entry(c);
        if (e.passed()) {
            return "✓ " + e.bestScore();
        }
        return e.attempts() > 0 ? "attempted" : "new";
    }

    boolean passed(Challenge c) {
        return entry(c).passed();
    }

    private ProgressStore.Entry entry(Challenge c) {
        if (store == null) {
            return ProgressStore.Entry.NONE;
        }
        try {
            return store.entry(c.id());
        } catch (RuntimeException e) {
            notice.set("Your progress could not be read: " + message(e));
            return ProgressStore.Entry.NONE;
        }
    }

    // ------------------------------------------------------------------ hints

    /** Opens the next hint and remembers how many are open. */
    void showNextHint() {
        assert FxThread.isCurrent();
        Challenge c = challenge.get();
        if (c == null || hintsShown.get() >= c.hints().size()) {
            return;
        }
        hintsShown.set(hintsShown.get() + 1);
        if (store != null) {
            try {
                store.openedHints(c.id(), hintsShown.get());
                store.problem().ifPresent(notice::set);
            } catch (RuntimeException e) {
                notice.set("The hints you opened are not remembered: " + message(e));
            }
        }
    }

    /** "Show hint 2 of 3", or empty when every hint is open. */
    String nextHintText() {
        Challenge c = challenge.get();
        if (c == null || hintsShown.get() >= c.hints().size()) {
            return "";
        }
        return "Show hint " + (hintsShown.get() + 1) + " of " + c.hints().size();
    }

    // ------------------------------------------------------------------ grading

    /**
     * Grades {@code design} (completed by the simulation thread) against the chosen challenge on a
     * daemon thread. Ignored while a grading runs.
     */
    void submit(CompletableFuture<Scenario> design) {
        assert FxThread.isCurrent();
        Challenge c = challenge.get();
        if (c == null || gradingRunning.get()) {
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        int seeds = c.seeds();
        Task<Verdict> task = new Task<>() {
            @Override
            protected Verdict call() throws Exception {
                Scenario scenario = null;
                while (scenario == null) {
                    // The simulation thread answers between events; Cancel is heard while it has not.
                    if (stop.get()) {
                        throw new CancellationException("cancelled before the run");
                    }
                    try {
                        scenario = design.get(DESIGN_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        // not yet: ask again
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("the live design could not be read: " + message(e.getCause()), e);
                    }
                }
                updateMessage("Running seed 1 of " + seeds + "…");
                return grading.grade(c, scenario, seeds, (done, total) -> {
                    updateProgress(done, total);
                    updateMessage(done < total ? "Running seed " + (done + 1) + " of " + total + "…" : "Measuring…");
                }, stop::get);
            }
        };
        gradingText.bind(task.messageProperty());
        gradingProgress.bind(task.progressProperty());
        verdict.set(null);
        gradingRunning.set(true);
        task.setOnSucceeded(event -> finished(c, () -> took(c, task.getValue())));
        task.setOnFailed(event -> finished(c, () -> gradingText.set(failureText(task.getException()))));
        Thread thread = new Thread(task, "grading " + c.id());
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1); // the live run and the window come first
        thread.start();
    }

    private void finished(Challenge c, Runnable outcome) {
        gradingText.unbind();
        gradingProgress.unbind();
        gradingRunning.set(false);
        if (challenge.get() == c) {
            outcome.run();
        }
    }

    private void took(Challenge c, Verdict v) {
        verdict.set(v);
        gradingProgress.set(1);
        gradingText.set(String.format(Locale.ROOT, "Graded on %d seeds, with the hidden incidents.", v.seeds().size()));
        if (store != null) {
            try {
                store.record(v);
                store.problem().ifPresent(notice::set);
            } catch (RuntimeException e) {
                notice.set("This attempt is not saved: " + message(e));
            }
            statusRevision.set(statusRevision.get() + 1);
        }
    }

    static String failureText(Throwable error) {
        if (error instanceof CancellationException) {
            return "Grading cancelled; the live run goes on.";
        }
        return "Grading stopped: " + message(error);
    }

    /** Stops a running grading between slices of simulated time; the verdict stays empty. */
    void cancel() {
        assert FxThread.isCurrent();
        if (cancelled != null) {
            cancelled.set(true);
        }
    }

    /** The guess typed for {@code prediction}, as the metric's own value: a percentage becomes a ratio. */
    static Optional<Double> guess(Prediction prediction, String typed) {
        String text = typed == null ? "" : typed.trim().replace(",", "");
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(text); // NumberFormatException: the field says so
        return Optional.of(MetricTexts.typedAsPercent(prediction.metric()) ? value / 100 : value);
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    // ------------------------------------------------------------------ properties

    ReadOnlyObjectProperty<Challenge> challengeProperty() {
        return challenge.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty hintsShownProperty() {
        return hintsShown.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty gradingRunningProperty() {
        return gradingRunning.getReadOnlyProperty();
    }

    /** 0 to 1 over the seeds, or -1 (indeterminate) while the design is read. */
    ReadOnlyDoubleProperty gradingProgressProperty() {
        return gradingProgress.getReadOnlyProperty();
    }

    /** "Running seed 3 of 5…", then the outcome. */
    ReadOnlyStringProperty gradingTextProperty() {
        return gradingText.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** A problem with the progress store, in one line; empty when there is none. */
    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty statusRevisionProperty() {
        return statusRevision.getReadOnlyProperty();
    }
}
