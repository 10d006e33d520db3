package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.World;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Independent runs (a seed each, a sweep's points) on a fixed pool of threads. Each run has its own
 * world and is deterministic, so the results, returned in the order the runs were given, are the
 * same whatever the thread count and whatever order the runs finish in. When one run fails, or the
 * caller cancels, the others stop at their next look at the stop flag.
 */
public final class ParallelRuns {
    /** One run: polls {@code stop} now and then and gives up (a {@link CancellationException}) when it turns true. */
    public interface Run<T> {
        T run(BooleanSupplier stop);
    }

    /** Told after each run ends, with the count so far; called from the pool's threads. */
    public interface Listener {
        void runDone(int done, int total);
    }

    /** Events run between two looks at the stop flag: a few milliseconds of work. */
    private static final int EVENTS_PER_CHUNK = 16_384;

    private ParallelRuns() {
    }

    /** One thread per core, but no more than there are runs. */
    public static int threadsFor(int runs) {
        return Math.max(1, Math.min(runs, Runtime.getRuntime().availableProcessors()));
    }

    /** The heap each of {@code threads} worlds may fill with requests: together half the heap, as one run alone would hold. */
    public static long requestMemoryBytes(int threads) {
        return Runtime.getRuntime().maxMemory() / 2 / Math.max(1, threads);
    }

    /**
     * Runs {@code world} to {@code endSeconds}, looking at {@code stop} every few milliseconds of
     * work; throws a {@link CancellationException} when it turns true. A run that outgrows its
     * memory ends with the world's {@link dev.scalelab.world.RunStoppedException}.
     */
    public static void toEnd(World world, double endSeconds, BooleanSupplier stop) {
        long target = Simulation.secondsToNanos(endSeconds);
        do {
            if (stop.getAsBoolean()) {
                throw new CancellationException("run cancelled");
            }
        } while (!world.advance(target, EVENTS_PER_CHUNK));
    }

    /**
     * The results of {@code runs}, in their order, computed on {@code threads} daemon threads named
     * {@code name}. When a run fails the others are told to stop, and the failure of the first run
     * in the runs' order that failed of itself (not stopped) is thrown here; {@code cancelled} (may
     * be null) is polled by every run, and a cancelled set of runs ends in a {@link CancellationException}.
     */
    public static <T> List<T> run(List<? extends Run<T>> runs, int threads, String name, Listener listener,
                                  BooleanSupplier cancelled) {
        int total = runs.size();
        AtomicInteger done = new AtomicInteger();
        // Set when the runs end early (cancelled, or a run failed): the others stop at their next look.
        AtomicBoolean abandoned = new AtomicBoolean();
        BooleanSupplier stop = () -> abandoned.get() || (cancelled != null && cancelled.getAsBoolean());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        List<Future<T>> futures = new ArrayList<>(total);
        try {
            for (Run<T> run : runs) {
                futures.add(pool.submit(() -> {
                    T result;
                    try {
                        result = run.run(stop);
                    } catch (RuntimeException | Error e) {
                        abandoned.set(true);
                        throw e;
                    }
                    if (listener != null) {
                        listener.runDone(done.incrementAndGet(), total);
                    }
                    return result;
                }));
            }
            List<T> results = new ArrayList<>(total);
            Throwable failure = null;
            for (Future<T> f : futures) {
                try {
                    results.add(f.get()); // in the runs' order, whatever order they finish in
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (failure == null || failure instanceof CancellationException && !(cause instanceof CancellationException)) {
                        failure = cause;
                    }
                }
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("runs interrupted");
        } finally {
            abandoned.set(true); // after every run has ended this stops nothing; else it stops the ones still going
            pool.shutdownNow();
        }
    }
}
