package dev.scalelab.engine.data;

import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's CPU cores shared by the queries running on it: egalitarian processor sharing. With
 * {@code n} queries running on {@code c} cores, each progresses at {@code min(1, c / n)} of full
 * speed, so a query's service time is its work at full speed and stretches by {@code n / c} while
 * the node is oversubscribed. PostgreSQL runs one process per connection and the operating
 * system's scheduler shares the cores fairly among the runnable ones, which processor sharing
 * models; cores 0 means unlimited (every query at full speed).
 *
 * <p>Each running query keeps its remaining work; whenever one starts or ends, the elapsed time is
 * charged to all at the old rate and the next completion is scheduled again (a generation counter
 * drops the stale one). Confined to the simulation thread.
 */
final class NodeCpu {
    private final Simulation sim;
    private final List<Running> running = new ArrayList<>();
    private int cores;
    private long chargedUntilNanos;
    private int generation;

    private static final class Running {
        final Runnable done;
        double remainingNanos;

        Running(double workNanos, Runnable done) {
            this.remainingNanos = workNanos;
            this.done = done;
        }
    }

    NodeCpu(Simulation sim, int cores) {
        this.sim = sim;
        this.cores = cores;
        this.chargedUntilNanos = sim.nowNanos();
    }

    /** Queries on the cores now. */
    int running() {
        return running.size();
    }

    /** The fraction of full speed each running query gets now. */
    private double rate() {
        int n = running.size();
        return cores == 0 || n <= cores ? 1 : cores / (double) n;
    }

    /** Starts a query's {@code workNanos} of work; {@code done} runs when it is finished. */
    void start(long workNanos, Runnable done) {
        charge();
        running.add(new Running(workNanos, done));
        scheduleNext();
    }

    /** A new core count; the work done so far is charged at the old one. */
    void setCores(int next) {
        charge();
        cores = next;
        scheduleNext();
    }

    /** The node died: its queries stop using the cores. */
    void clear() {
        running.clear();
        generation++;
    }

    private void charge() {
        long now = sim.nowNanos();
        double progress = (now - chargedUntilNanos) * rate();
        chargedUntilNanos = now;
        if (progress > 0) {
            for (Running r : running) {
                r.remainingNanos -= progress;
            }
        }
    }

    private void scheduleNext() {
        int gen = ++generation;
        if (running.isEmpty()) {
            return;
        }
        double least = Double.MAX_VALUE;
        for (Running r : running) {
            least = Math.min(least, r.remainingNanos);
        }
        long in = (long) Math.ceil(Math.max(0, least) / rate());
        sim.scheduleIn(in, () -> complete(gen));
    }

    private void complete(int gen) {
        if (gen != generation) {
            return;
        }
        charge();
        List<Running> finished = new ArrayList<>(1);
        // Half a nanosecond absorbs the rounding of the charged progress.
        running.removeIf(r -> {
            if (r.remainingNanos <= 0.5) {
                finished.add(r);
                return true;
            }
            return false;
        });
        scheduleNext();
        for (Running r : finished) {
            r.done.run();
        }
    }
}
