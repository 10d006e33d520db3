package dev.scalelab.compare;

import dev.scalelab.engine.resilience.MeshStats;
import dev.scalelab.practice.Headline;
import dev.scalelab.world.Snapshot;

/**
 * The headline figures of a run so far, read from one {@link Snapshot}: what the difference table
 * of a comparison shows while both variants run. The figures mean what the report's do (see
 * {@link Headline} and {@code practice.Metric}): totals since t = 0 over the time so far. A figure
 * the snapshot cannot give, or that the design lacks (a hit ratio without a cache), is NaN. Reading
 * them costs a few dozen operations per snapshot, whatever the run's length.
 */
public final class LiveFigures {
    private LiveFigures() {
    }

    /** Every figure of {@code s} in {@link Headline} order. */
    public static double[] of(Snapshot s) {
        Headline[] all = Headline.values();
        double[] v = new double[all.length];
        for (Headline h : all) {
            v[h.ordinal()] = of(s, h);
        }
        return v;
    }

    /**
     * {@code h} in {@code s}: NaN where the snapshot cannot say. The mean instance count is a
     * time-weighted mean the snapshot does not carry, so it is NaN here (the N-seed runs give it).
     */
    public static double of(Snapshot s, Headline h) {
        double seconds = s.timeSeconds();
        return switch (h) {
            case THROUGHPUT -> seconds > 0 ? s.completed() / seconds : Double.NaN;
            case P50_MS -> s.totalLatency().count() == 0 ? Double.NaN : s.totalLatency().p50Ms();
            case P99_MS -> s.totalLatency().count() == 0 ? Double.NaN : s.totalLatency().p99Ms();
            case ERROR_RATIO -> {
                long shed = s.gateway() == null ? 0 : s.gateway().shed();
                yield s.offered() == 0 ? Double.NaN : (s.failed() + s.rejected() + shed) / (double) s.offered();
            }
            case COST_PER_HOUR -> s.scaling() == null ? Double.NaN
                    : seconds > 0 ? s.scaling().costDollars() / (seconds / 3600) : s.scaling().costPerHour();
            case MEAN_INSTANCES -> Double.NaN;
            case CACHE_HIT_RATIO -> s.cache() == null || s.cache().reads() == 0 ? Double.NaN : s.cache().hitRatio();
            case CACHE_STALE_RATIO -> s.cache() == null || s.cache().reads() == 0 ? Double.NaN
                    : s.cache().staleReads() / (double) s.cache().reads();
            case DB_STALE_RATIO -> {
                if (s.data() == null || s.data().database() == null) {
                    yield Double.NaN;
                }
                long reads = s.data().database().counters().reads();
                yield reads == 0 ? Double.NaN : s.data().database().counters().staleReads() / (double) reads;
            }
            case RETRY_AMPLIFICATION -> amplification(s);
        };
    }

    /** Attempts sent downstream per request that called a dependency, over every dependency; NaN without calls. */
    private static double amplification(Snapshot s) {
        if (s.dependencies() == null) {
            return Double.NaN;
        }
        long requests = 0;
        long attemptsSent = 0;
        for (Snapshot.DependencyView d : s.dependencies()) {
            MeshStats m = d.stats();
            requests += m.requests();
            attemptsSent += m.attemptsSent();
        }
        return requests == 0 ? Double.NaN : attemptsSent / (double) requests;
    }
}
