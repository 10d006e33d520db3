package dev.scalelab.ui.compare;

import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.seeds.SeedBands;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * "Run N seeds" of the compare bar: both variants, as they run now (the user's changes included),
 * each to its duration on the same N seeds from A's, in the background below the live run's
 * priority ({@link SeedBands#run}); then each figure's paired difference B − A
 * ({@link SeedBands#difference}). FX thread only, but for the task's own thread.
 */
final class CompareSeeds {
    static final int MIN_SEEDS = 2;
    static final int MAX_SEEDS = 100;

    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private AtomicBoolean stop = new AtomicBoolean();

    ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Progress while the runs go, then what they found or why they stopped. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void cancel() {
        stop.set(true);
    }

    /**
     * Runs {@code n} seeds of both designs that {@code designs} gives (A then B, the runner's recorded
     * scenarios) and hands {@code done} the seed count and each figure's difference.
     */
    void run(int n, CompletableFuture<List<Scenario>> designs, BiConsumer<Integer, Map<Headline, SeedBands.Difference>> done) {
        if (running.get()) {
            return;
        }
        int seeds = Math.max(MIN_SEEDS, Math.min(MAX_SEEDS, n));
        AtomicBoolean cancelled = new AtomicBoolean();
        stop = cancelled;
        Task<Map<Headline, SeedBands.Difference>> task = new Task<>() {
            @Override
            protected Map<Headline, SeedBands.Difference> call() {
                List<Scenario> both = await(designs, cancelled);
                Scenario a = both.get(0);
                Scenario b = both.get(1);
                int threads = ParallelRuns.threadsFor(seeds);
                int total = 2 * seeds;
                updateMessage("Running A on " + seeds + " seeds…");
                SeedBands.Runs ra = SeedBands.run("A", a, a.seed(), seeds, threads,
                        (d, all) -> updateMessage("Ran " + d + " of " + total + " runs…"), cancelled::get);
                SeedBands.Runs rb = SeedBands.run("B", b, a.seed(), seeds, threads,
                        (d, all) -> updateMessage("Ran " + (seeds + d) + " of " + total + " runs…"), cancelled::get);
                Map<Headline, SeedBands.Difference> differences = new EnumMap<>(Headline.class);
                for (Headline h : Headline.values()) {
                    SeedBands.Difference d = SeedBands.difference(ra, rb, h);
                    if (d != null) {
                        differences.put(h, d);
                    }
                }
                updateMessage(seeds + " seeds from seed " + a.seed() + ", each to " + Parameter.format(a.durationSeconds()) + " s");
                return differences;
            }
        };
        message.bind(task.messageProperty());
        running.set(true);
        task.setOnSucceeded(e -> {
            finish();
            message.set(task.getMessage());
            done.accept(seeds, task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            Throwable t = task.getException();
            message.set(t instanceof CancellationException ? "Seeds cancelled." : "The seed runs stopped: " + t.getMessage());
        });
        Thread thread = new Thread(task, "compare seeds");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1); // the live comparison and the window come first
        thread.start();
    }

    private void finish() {
        message.unbind();
        running.set(false);
    }

    private static List<Scenario> await(CompletableFuture<List<Scenario>> designs, AtomicBoolean stop) {
        while (true) {
            if (stop.get()) {
                throw new CancellationException("cancelled before the runs");
            }
            try {
                return designs.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not yet: ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("the designs could not be read: " + e.getCause().getMessage(), e);
            }
        }
    }
}
