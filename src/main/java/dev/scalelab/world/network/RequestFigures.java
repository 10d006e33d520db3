package dev.scalelab.world.network;

import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.metrics.RingSeries;

/**
 * What the clients' requests alone saw. A clients node that publishes straight to a queue or topic
 * is a producer, as the pipeline's steady producer is: its publish is answered when the box takes
 * it, and its records are events, not requests. The network's totals count them with the rest (the
 * canvas shows every flow); the pipeline's request figures, which a challenge's requirements read
 * ({@link PipelineFigures}), leave them out. Without such a producer these figures are the totals'.
 */
final class RequestFigures {
    /** The response time of answered requests, publishes straight from clients left out. */
    final LatencyRecorder latency = new LatencyRecorder();
    /** Publishes straight from clients the box took, and those it refused (down or full). */
    long published;
    long publishRefused;
    private long publishedAtTick;
    private long refusedAtTick;
    private final RingSeries p99Series = new RingSeries(Network.SERIES_SECONDS);
    private final RingSeries publishedSeries = new RingSeries(Network.SERIES_SECONDS);
    private final RingSeries refusedSeries = new RingSeries(Network.SERIES_SECONDS);

    /** {@code f} is over, as its clients saw it. */
    void done(Flow f, boolean ok, long latencyNanos) {
        if (f.publishedByClients) {
            if (ok) {
                published++;
            } else {
                publishRefused++;
            }
        } else if (ok) {
            latency.recordNanos(latencyNanos);
        }
    }

    /** The end of a simulated second: its p99 (NaN when nothing was answered) and its publishes. */
    void tick(long answeredInSecond) {
        long publishedInSecond = published - publishedAtTick;
        double p99 = latency.takeIntervalPercentileMs(99);
        p99Series.append(answeredInSecond - publishedInSecond == 0 ? Double.NaN : p99);
        publishedSeries.append(publishedInSecond);
        refusedSeries.append(publishRefused - refusedAtTick);
        publishedAtTick = published;
        refusedAtTick = publishRefused;
    }

    /** Per second, aligned with {@link Network#completedPerSecond}: the p99 of requests answered, ms. */
    double[] p99MsPerSecond() {
        return p99Series.toArray();
    }

    /** Per second: publishes straight from clients taken, which {@link Network#completedPerSecond} counts too. */
    double[] publishedPerSecond() {
        return publishedSeries.toArray();
    }

    /** Per second: publishes straight from clients refused, which {@link Network#failedPerSecond} counts too. */
    double[] refusedPerSecond() {
        return refusedSeries.toArray();
    }
}
