package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.MetricsRegistry;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The profiler: where completed requests' time went, by {@link Phase}. It keeps the mean of each
 * phase over every completed request, and separately over the requests slower than the run's
 * p99 when they ended (what makes the tail slow); the mean of each phase per second, as series;
 * and the traces of the slowest requests of the last {@link #TRACE_WINDOW_NANOS}, span by span.
 *
 * <p>Only completed requests count, as in {@code latencyMs}: the phases' means add up to the mean
 * latency, and a failed request (an error answered at once, or a crash) would pull the means
 * towards whatever failed fastest.
 *
 * <p>The p99 is the world's latency recorder's, over the run so far, read once per simulated
 * second: a request "above p99" was slower than the p99 as of the last whole second before it
 * ended. Before 100 requests have completed there is no p99 (it would be the maximum), and none
 * counts as above it. Confined to the simulation thread.
 */
final class ProfilerSystem implements Subsystem {
    /** How many slow traces the view keeps. */
    static final int TRACES = 20;
    /** How far back the slow traces go, by the time their requests ended. */
    static final long TRACE_WINDOW_NANOS = 10 * Simulation.NANOS_PER_SECOND;
    /** Slow traces are kept per second of their end: the current second and the ten before it. */
    private static final int TRACE_BUCKETS = (int) (TRACE_WINDOW_NANOS / Simulation.NANOS_PER_SECOND) + 1;
    /** Completed requests before the p99 means anything. */
    private static final long MIN_REQUESTS_FOR_P99 = 100;

    private final Simulation sim;
    private final RequestMetrics metrics;
    private final MetricsRegistry monitor;
    private final TraceBuffer traceBuffer = new TraceBuffer();

    private long requests;
    /** Sums in doubles: a long run of many slow requests would overflow a long of nanoseconds. */
    private final double[] sumNanos = new double[Phase.COUNT];
    private long aboveP99Requests;
    private final double[] aboveP99SumNanos = new double[Phase.COUNT];
    /** The p99 as the latency recorder holds it (whole microseconds); none yet: every latency is below. */
    private long p99Micros = Long.MAX_VALUE;

    private long intervalRequests;
    private final long[] intervalSumNanos = new long[Phase.COUNT];
    private final RingSeries[] meanMsSeries = new RingSeries[Phase.COUNT];

    private final TraceBucket[] traceBuckets = new TraceBucket[TRACE_BUCKETS];
    /** Scratch for reading a chain out of the trace buffer, grown when a request has more spans. */
    private byte[] chainPhases = new byte[8];
    private long[] chainStarts = new long[8];

    ProfilerSystem(Simulation sim, RequestMetrics metrics, MetricsRegistry monitor) {
        this.sim = sim;
        this.metrics = metrics;
        this.monitor = monitor;
        for (int p = 0; p < Phase.COUNT; p++) {
            meanMsSeries[p] = new RingSeries(World.SERIES_CAPACITY);
        }
        for (int i = 0; i < TRACE_BUCKETS; i++) {
            traceBuckets[i] = new TraceBucket();
        }
    }

    /** Where every request's spans go (see {@link Request#enter}). */
    TraceBuffer traceBuffer() {
        return traceBuffer;
    }

    /** Request {@code r} completed at {@code nowNanos}; its phases are closed. */
    void completed(Request r, long nowNanos) {
        long latencyNanos = nowNanos - r.arrivalNanos;
        long[] phases = r.phaseNanos;
        requests++;
        intervalRequests++;
        for (int p = 0; p < Phase.COUNT; p++) {
            sumNanos[p] += phases[p];
            intervalSumNanos[p] += phases[p];
        }
        // The recorder holds whole microseconds, and its p99 is the highest latency of its bucket.
        if (latencyNanos / 1000 > p99Micros) {
            aboveP99Requests++;
            for (int p = 0; p < Phase.COUNT; p++) {
                aboveP99SumNanos[p] += phases[p];
            }
        }
        long second = nowNanos / Simulation.NANOS_PER_SECOND;
        TraceBucket bucket = traceBuckets[(int) (second % TRACE_BUCKETS)];
        if (bucket.second != second) {
            bucket.clear(second);
        }
        if (bucket.admits(latencyNanos)) {
            PerformanceView.TraceView trace = trace(r, latencyNanos);
            if (trace != null) {
                bucket.add(new SlowTrace(nowNanos, latencyNanos, trace));
            }
        }
    }

    /** The spans of {@code r}, or null when the trace buffer no longer holds all of them. */
    private PerformanceView.TraceView trace(Request r, long latencyNanos) {
        int n = traceBuffer.chainLength(r.id, r.lastSpan);
        if (n < 0) {
            return null;
        }
        if (n > chainPhases.length) {
            chainPhases = new byte[n];
            chainStarts = new long[n];
        }
        traceBuffer.copyChain(r.lastSpan, n, chainPhases, chainStarts);
        long endNanos = r.arrivalNanos + latencyNanos;
        List<PerformanceView.SpanView> spans = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = chainStarts[i];
            long end = i + 1 < n ? chainStarts[i + 1] : endNanos;
            spans.add(new PerformanceView.SpanView(Phase.of(chainPhases[i]), (start - r.arrivalNanos) / 1e6,
                    (end - start) / 1e6));
        }
        return new PerformanceView.TraceView(r.id, r.arrivalNanos / 1e9, latencyNanos / 1e6, r.instance.id,
                List.copyOf(spans));
    }

    @Override
    public void sample() {
        for (int p = 0; p < Phase.COUNT; p++) {
            meanMsSeries[p].append(intervalRequests == 0 ? Double.NaN : intervalSumNanos[p] / 1e6 / intervalRequests);
            intervalSumNanos[p] = 0;
        }
        intervalRequests = 0;
        LatencySummary total = metrics.totalLatency();
        if (total.count() >= MIN_REQUESTS_FOR_P99) {
            p99Micros = Math.round(total.p99Ms() * 1000);
        }
    }

    // ------------------------------------------------------------------ views

    long requests() {
        return requests;
    }

    long aboveP99Requests() {
        return aboveP99Requests;
    }

    /** The mean of each phase over every completed request (NaN before the first), in ms, by ordinal. */
    double[] meanMs() {
        return means(sumNanos, requests);
    }

    /** The same over the requests slower than the p99 when they ended. */
    double[] aboveP99MeanMs() {
        return means(aboveP99SumNanos, aboveP99Requests);
    }

    private static double[] means(double[] sums, long count) {
        double[] ms = new double[Phase.COUNT];
        for (int p = 0; p < Phase.COUNT; p++) {
            ms[p] = count == 0 ? Double.NaN : sums[p] / 1e6 / count;
        }
        return ms;
    }

    /** The slowest requests that ended in the last {@link #TRACE_WINDOW_NANOS}, slowest first. */
    List<PerformanceView.TraceView> slowTraces() {
        long since = sim.nowNanos() - TRACE_WINDOW_NANOS;
        List<SlowTrace> recent = new ArrayList<>();
        for (TraceBucket bucket : traceBuckets) {
            for (int i = 0; i < bucket.size; i++) {
                if (bucket.traces[i].endNanos > since) {
                    recent.add(bucket.traces[i]);
                }
            }
        }
        recent.sort(Comparator.comparingLong(SlowTrace::latencyNanos).reversed()
                .thenComparingLong(t -> t.trace.requestId()));
        List<PerformanceView.TraceView> out = new ArrayList<>(Math.min(TRACES, recent.size()));
        for (int i = 0; i < recent.size() && i < TRACES; i++) {
            out.add(recent.get(i).trace);
        }
        return List.copyOf(out);
    }

    PerformanceView.ProfileView view(int points) {
        double[][] series = new double[Phase.COUNT][];
        for (int p = 0; p < Phase.COUNT; p++) {
            series[p] = meanMsSeries[p].tail(points);
        }
        List<PerformanceView.MetricView> metricViews = new ArrayList<>(monitor.size());
        for (MetricsRegistry.Metric m : monitor.all()) {
            metricViews.add(new PerformanceView.MetricView(m.name(), m.value(), m.count(), m.lastUpdatedSeconds()));
        }
        return new PerformanceView.ProfileView(meanMs(), aboveP99MeanMs(), requests, aboveP99Requests, series,
                slowTraces(), List.copyOf(metricViews));
    }

    @Override
    public void report(ObjectNode root) {
        ObjectNode breakdown = root.putObject("latencyBreakdownMs");
        putPhases(breakdown.putObject("all"), meanMs());
        putPhases(breakdown.putObject("aboveP99"), aboveP99MeanMs());
        breakdown.put("requests", requests);
        breakdown.put("aboveP99Requests", aboveP99Requests);
    }

    /**
     * Milliseconds to the microsecond, as {@code latencyMs} has them: the report rounds these
     * fields by their parent's name ({@code all}), which does not say milliseconds.
     */
    private static void putPhases(ObjectNode o, double[] ms) {
        for (Phase p : Phase.values()) {
            double v = ms[p.ordinal()];
            if (Double.isNaN(v)) {
                o.putNull(p.id());
            } else {
                o.put(p.id(), Math.round(v * 1000) / 1000.0);
            }
        }
    }

    /** A completed request kept as a slow trace, with when it ended. */
    private record SlowTrace(long endNanos, long latencyNanos, PerformanceView.TraceView trace) {
    }

    /** The {@link #TRACES} slowest requests that ended in one whole second. */
    private static final class TraceBucket {
        long second = -1;
        final SlowTrace[] traces = new SlowTrace[TRACES];
        int size;
        /** Where the fastest of a full bucket is: the one a slower request replaces. */
        private int fastest;

        void clear(long newSecond) {
            second = newSecond;
            Arrays.fill(traces, null);
            size = 0;
        }

        boolean admits(long latencyNanos) {
            return size < TRACES || latencyNanos > traces[fastest].latencyNanos;
        }

        void add(SlowTrace t) {
            if (size < TRACES) {
                traces[size++] = t;
            } else {
                traces[fastest] = t;
            }
            if (size == TRACES) {
                fastest = 0;
                for (int i = 1; i < TRACES; i++) {
                    if (traces[i].latencyNanos < traces[fastest].latencyNanos) {
                        fastest = i;
                    }
                }
            }
        }
    }
}
