package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Simulation;

import java.util.Locale;

/**
 * What happened to the requests: totals over the run, the one-second interval's counts, the
 * latencies, the recent dispatches the balancer view animates, and the per-second series of
 * charted {@link SampleColumn}s. Confined to the simulation thread.
 */
final class RequestMetrics implements Subsystem {
    static final long SAMPLE_PERIOD_NANOS = Simulation.NANOS_PER_SECOND;
    private static final int DISPATCH_RING = Snapshot.Dispatches.KEPT;
    /**
     * A queued request's footprint, from its fields' layout with compressed references: the
     * Request object (88 bytes, its phase clock included), its array of time per phase (72) and its
     * queue slot (8).
     */
    static final long BYTES_PER_REQUEST = 168;

    private final Simulation sim;
    /**
     * Requests the world may hold at once (queued, in service or waiting on the database and
     * dependencies), at {@link #BYTES_PER_REQUEST} each. Above it the run stops with a message
     * instead of ending in an OutOfMemoryError (500 instances with 100,000-deep queues at 10^6
     * requests/s fill any heap).
     */
    private final long maxRequestsInSystem;
    private long offered;
    private long completed;
    private long rejected;
    private long failed;
    /** Requests the API gateway answered itself (429 limited, 503 shed): neither rejected nor failed. */
    private long turnedAway;
    private final LatencyRecorder latency = new LatencyRecorder();

    // The current one-second interval.
    private long intervalOffered;
    private long intervalCompleted;
    private long intervalRejected;
    private long intervalFailed;
    private Sample lastSample;
    /** Per {@link SampleColumn}, by ordinal: its series when charted, else null. */
    private final RingSeries[] series = new RingSeries[SampleColumn.values().length];

    private final int[] dispatchInstance = new int[DISPATCH_RING];
    private final byte[] dispatchOutcome = new byte[DISPATCH_RING];
    private long dispatchCount;

    RequestMetrics(Simulation sim, long requestMemoryBytes) {
        this.sim = sim;
        this.maxRequestsInSystem = Math.max(1, requestMemoryBytes / BYTES_PER_REQUEST);
        for (SampleColumn c : SampleColumn.values()) {
            if (c.charted()) {
                series[c.ordinal()] = new RingSeries(World.SERIES_CAPACITY);
            }
        }
    }

    /** Requests in the system now: arrived, and neither answered, failed nor rejected. */
    long inSystem() {
        return offered - completed - failed - rejected - turnedAway;
    }

    /** Whether the world holds as many requests as its memory allows: the next arrival stops the run. */
    boolean full() {
        return inSystem() >= maxRequestsInSystem;
    }

    RunStoppedException tooManyRequests(int queueCapacity) {
        double now = sim.nowSeconds();
        return new RunStoppedException(now, String.format(Locale.ROOT,
                "the run stopped at t = %s s: %,d requests in the system fill the %,d MiB it may use for them; "
                        + "lower workload.arrival.ratePerSecond or service.queueCapacity (now %,d per instance), "
                        + "or give Java more memory (java -Xmx…: a run may use half the heap)",
                Parameter.format(Math.round(now * 1000) / 1000.0), inSystem(),
                maxRequestsInSystem * BYTES_PER_REQUEST >> 20, queueCapacity));
    }

    /** Counts an arrival; returns its id, 1 for the first. */
    long arrived() {
        intervalOffered++;
        return ++offered;
    }

    void rejected(int instanceNumber, byte outcome) {
        rejected++;
        intervalRejected++;
        dispatched(instanceNumber, outcome);
    }

    void dispatched(int instanceNumber, byte outcome) {
        int slot = (int) (dispatchCount++ % DISPATCH_RING);
        dispatchInstance[slot] = instanceNumber;
        dispatchOutcome[slot] = outcome;
    }

    /** The API gateway answered a request itself (429 or 503), at once. */
    void turnedAway() {
        turnedAway++;
    }

    void failed(int count) {
        failed += count;
        intervalFailed += count;
    }

    void completed(long latencyNanos) {
        completed++;
        intervalCompleted++;
        latency.recordNanos(latencyNanos);
    }

    /** The second that just ended, with the pool as it stands now; appended to every series. */
    Sample sample(ServicePool pool) {
        long now = sim.nowNanos();
        LatencySummary s = latency.takeInterval();
        double utilization = 0;
        int queued = 0;
        int ready = 0;
        for (ServiceInstance in : pool.instances) {
            double u = in.sampleUtilization(now);
            queued += in.queue.size();
            if (in.lifecycle == Lifecycle.READY) {
                utilization += u;
                ready++;
            }
        }
        double seconds = SAMPLE_PERIOD_NANOS / 1e9;
        lastSample = new Sample(now / 1e9, intervalOffered / seconds, intervalCompleted / seconds,
                intervalRejected / seconds, intervalFailed / seconds, s.meanMs(), s.p50Ms(), s.p99Ms(), ready,
                pool.specReplicas, ready == 0 ? 0 : utilization / ready, queued, pool.costPerHour(), pool.costDollars());
        intervalOffered = 0;
        intervalCompleted = 0;
        intervalRejected = 0;
        intervalFailed = 0;
        for (SampleColumn c : SampleColumn.values()) {
            if (c.charted()) {
                series[c.ordinal()].append(c.of(lastSample));
            }
        }
        return lastSample;
    }

    /** Replaces the last sample by the same one with its parts' columns, as a sink heard it. */
    void withParts(Sample withParts) {
        lastSample = withParts;
    }

    // ------------------------------------------------------------------ views

    Sample lastSample() {
        return lastSample;
    }

    long offered() {
        return offered;
    }

    long completed() {
        return completed;
    }

    long rejectedCount() {
        return rejected;
    }

    long failedCount() {
        return failed;
    }

    LatencySummary totalLatency() {
        return latency.total();
    }

    /** The run's p99 so far as the recorder holds it, in whole microseconds; -1 before any completion. */
    long totalP99Micros() {
        return latency.totalPercentileMicros(99);
    }

    Snapshot.Series seriesView(int points) {
        return new Snapshot.Series(tail(SampleColumn.TIME, points), tail(SampleColumn.OFFERED, points),
                tail(SampleColumn.THROUGHPUT, points), tail(SampleColumn.REJECTED, points), tail(SampleColumn.FAILED, points),
                tail(SampleColumn.P50, points), tail(SampleColumn.P99, points), tail(SampleColumn.INSTANCES, points),
                tail(SampleColumn.DESIRED, points), tail(SampleColumn.UTILIZATION, points),
                tail(SampleColumn.COST_PER_HOUR, points), tail(SampleColumn.COST, points));
    }

    private double[] tail(SampleColumn kind, int points) {
        return series[kind.ordinal()].tail(points);
    }

    Snapshot.Dispatches dispatches() {
        int k = (int) Math.min(dispatchCount, DISPATCH_RING);
        int[] instances = new int[k];
        byte[] outcomes = new byte[k];
        for (int i = 0; i < k; i++) {
            int slot = (int) ((dispatchCount - k + i) % DISPATCH_RING);
            instances[i] = dispatchInstance[slot];
            outcomes[i] = dispatchOutcome[slot];
        }
        return new Snapshot.Dispatches(dispatchCount, instances, outcomes);
    }

    @Override
    public void report(ObjectNode root) {
        double seconds = sim.nowSeconds();
        ObjectNode requests = root.putObject("requests");
        requests.put("offered", offered);
        requests.put("completed", completed);
        requests.put("failed", failed);
        requests.put("rejected", rejected);
        requests.put("timedOut", 0);
        requests.put("throughputPerSecond", seconds > 0 ? completed / seconds : 0);

        LatencySummary l = latency.total();
        ObjectNode latencyMs = root.putObject("latencyMs");
        putMs(latencyMs, "mean", l.meanMs());
        putMs(latencyMs, "p50", l.p50Ms());
        putMs(latencyMs, "p90", l.p90Ms());
        putMs(latencyMs, "p99", l.p99Ms());
        putMs(latencyMs, "p999", l.p999Ms());
        putMs(latencyMs, "max", l.maxMs());
    }

    private static void putMs(ObjectNode o, String name, double ms) {
        if (Double.isNaN(ms)) {
            o.putNull(name);
        } else {
            o.put(name, ms);
        }
    }
}
