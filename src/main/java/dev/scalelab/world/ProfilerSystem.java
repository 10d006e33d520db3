package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.MetricsRegistry;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
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
 * <p>The p99 is the world's latency recorder's, over the run so far: a request "above p99" was
 * slower than the p99 as last read before it ended. It is read at the end of a simulated second
 * once the requests completed since the last reading reach 1% of those that reading covered: a
 * p99 over N requests moves by at most about a percentile with N/100 new ones, and a reading walks
 * the histogram (the recorder's whole summary took about 0.3 ms here: every second, at the
 * default scenario's 400 requests a second, that is a microsecond per request).
 * Before 100 requests have completed there is no p99 (it would be the maximum), and none counts
 * as above it.
 *
 * <p>Tracing costs no allocation per request: spans go to the {@link TraceBuffer} ring, and a
 * request among the slowest of its second has its spans copied into a slot reused for the run;
 * the views are made when the panel asks. Confined to the simulation thread.
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
    /** The p99 is read again once the new requests reach 1/this of those it was read over. */
    private static final long P99_REFRESH_DIVISOR = 100;

    private final Simulation sim;
    private final RequestMetrics metrics;
    private final MetricsRegistry monitor;
    private final TraceBuffer traceBuffer = new TraceBuffer();

    private long requests;
    /**
     * The sums of the seconds before this one, in doubles: a long run of many slow requests would
     * overflow a long of nanoseconds. A request adds to this second's sums alone, in longs.
     */
    private final double[] sumNanos = new double[Phase.COUNT];
    private long aboveP99Requests;
    private final double[] aboveP99SumNanos = new double[Phase.COUNT];
    /**
     * The shortest latency above the p99: the recorder keeps whole microseconds, and its p99 is
     * the highest latency of its bucket. Before the first reading, none.
     */
    private long aboveP99FromNanos = Long.MAX_VALUE;
    private long requestsAtP99Reading;

    private long intervalRequests;
    private final long[] intervalSumNanos = new long[Phase.COUNT];
    private final RingSeries[] meanMsSeries = new RingSeries[Phase.COUNT];

    private final TraceBucket[] traceBuckets = new TraceBucket[TRACE_BUCKETS];
    /** The bucket of the current second, and when that second ends. */
    private TraceBucket bucket;
    private long bucketEndNanos;

    /** Whether requests may publish events: without, the report leaves the publish phase out, as it has none. */
    private final boolean publishes;
    /**
     * Whether requests pass an API gateway first. Its hop comes before a request's phases start (so
     * its phases add up to its latency less the hop); the report gives the hop's mean as {@code gateway}.
     */
    private final boolean gateway;
    private double gatewaySumNanos;
    private double aboveP99GatewaySumNanos;

    ProfilerSystem(Simulation sim, RequestMetrics metrics, MetricsRegistry monitor, boolean publishes, boolean gateway) {
        this.publishes = publishes;
        this.gateway = gateway;
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
        long inPhases = 0;
        for (int p = 0; p < Phase.COUNT; p++) {
            intervalSumNanos[p] += phases[p];
            inPhases += phases[p];
        }
        long hopNanos = latencyNanos - inPhases;
        gatewaySumNanos += hopNanos;
        if (latencyNanos >= aboveP99FromNanos) {
            aboveP99Requests++;
            for (int p = 0; p < Phase.COUNT; p++) {
                aboveP99SumNanos[p] += phases[p];
            }
            aboveP99GatewaySumNanos += hopNanos;
        }
        if (nowNanos >= bucketEndNanos) {
            long second = nowNanos / Simulation.NANOS_PER_SECOND;
            bucket = traceBuckets[(int) (second % TRACE_BUCKETS)];
            bucket.clear();
            bucketEndNanos = (second + 1) * Simulation.NANOS_PER_SECOND;
        }
        if (bucket.admits(latencyNanos)) {
            int spans = traceBuffer.chainLength(r.id, r.lastSpan);
            // A chain the ring has partly overwritten is not traced: a waterfall with a gap would mislead.
            if (spans >= 0) {
                bucket.take().copy(r, nowNanos, spans, traceBuffer);
                bucket.taken();
            }
        }
    }

    @Override
    public void sample() {
        for (int p = 0; p < Phase.COUNT; p++) {
            meanMsSeries[p].append(intervalRequests == 0 ? Double.NaN : intervalSumNanos[p] / 1e6 / intervalRequests);
            sumNanos[p] += intervalSumNanos[p];
            intervalSumNanos[p] = 0;
        }
        intervalRequests = 0;
        long fresh = requests - requestsAtP99Reading;
        if (requests >= MIN_REQUESTS_FOR_P99 && fresh > 0 && fresh * P99_REFRESH_DIVISOR >= requestsAtP99Reading) {
            aboveP99FromNanos = (metrics.totalP99Micros() + 1) * 1000;
            requestsAtP99Reading = requests;
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
        double[] ms = new double[Phase.COUNT];
        for (int p = 0; p < Phase.COUNT; p++) {
            ms[p] = requests == 0 ? Double.NaN : (sumNanos[p] + intervalSumNanos[p]) / 1e6 / requests;
        }
        return ms;
    }

    /** The same over the requests slower than the p99 when they ended. */
    double[] aboveP99MeanMs() {
        double[] ms = new double[Phase.COUNT];
        for (int p = 0; p < Phase.COUNT; p++) {
            ms[p] = aboveP99Requests == 0 ? Double.NaN : aboveP99SumNanos[p] / 1e6 / aboveP99Requests;
        }
        return ms;
    }

    /** The slowest requests that ended in the last {@link #TRACE_WINDOW_NANOS}, slowest first. */
    List<PerformanceView.TraceView> slowTraces() {
        long since = sim.nowNanos() - TRACE_WINDOW_NANOS;
        List<TraceSlot> recent = new ArrayList<>();
        for (TraceBucket bucket : traceBuckets) {
            for (int i = 0; i < bucket.size; i++) {
                if (bucket.slots[i].endNanos > since) {
                    recent.add(bucket.slots[i]);
                }
            }
        }
        recent.sort(Comparator.comparingLong((TraceSlot t) -> t.latencyNanos).reversed()
                .thenComparingLong(t -> t.requestId));
        List<PerformanceView.TraceView> out = new ArrayList<>(Math.min(TRACES, recent.size()));
        for (int i = 0; i < recent.size() && i < TRACES; i++) {
            out.add(recent.get(i).view());
        }
        return List.copyOf(out);
    }

    /** This second's mean time per phase into the run's history. */
    void recordHistory(RunHistory h) {
        for (Phase p : Phase.values()) {
            h.putLast(RunHistory.Keys.phaseMeanMs(p.id()), meanMsSeries[p.ordinal()]);
        }
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
        putPhases(breakdown.putObject("all"), meanMs(), gatewaySumNanos, requests);
        putPhases(breakdown.putObject("aboveP99"), aboveP99MeanMs(), aboveP99GatewaySumNanos, aboveP99Requests);
        breakdown.put("requests", requests);
        breakdown.put("aboveP99Requests", aboveP99Requests);
    }

    /**
     * Milliseconds to the microsecond, as {@code latencyMs} has them: the report rounds these
     * fields by their parent's name ({@code all}), which does not say milliseconds.
     */
    private void putPhases(ObjectNode o, double[] ms, double gatewayNanos, long count) {
        if (gateway) {
            putMs(o, "gateway", count == 0 ? Double.NaN : gatewayNanos / 1e6 / count);
        }
        for (Phase p : Phase.values()) {
            if (p == Phase.PUBLISH && !publishes) {
                continue;
            }
            putMs(o, p.id(), ms[p.ordinal()]);
        }
    }

    private static void putMs(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, Math.round(v * 1000) / 1000.0);
        }
    }

    /** A completed request kept as a slow trace: its spans' phases and starts, copied from the ring. */
    private static final class TraceSlot {
        long requestId;
        long arrivalNanos;
        long endNanos;
        long latencyNanos;
        String instanceId;
        int spans;
        byte[] phases = new byte[8];
        long[] starts = new long[8];

        void copy(Request r, long nowNanos, int n, TraceBuffer buffer) {
            requestId = r.id;
            arrivalNanos = r.arrivalNanos;
            endNanos = nowNanos;
            latencyNanos = nowNanos - r.arrivalNanos;
            instanceId = r.instance.id;
            spans = n;
            if (n > phases.length) {
                phases = new byte[n];
                starts = new long[n];
            }
            buffer.copyChain(r.lastSpan, n, phases, starts);
        }

        /** Each span ends where the next starts; the last at the answer. */
        PerformanceView.TraceView view() {
            List<PerformanceView.SpanView> out = new ArrayList<>(spans);
            for (int i = 0; i < spans; i++) {
                long end = i + 1 < spans ? starts[i + 1] : endNanos;
                out.add(new PerformanceView.SpanView(Phase.of(phases[i]), (starts[i] - arrivalNanos) / 1e6,
                        (end - starts[i]) / 1e6));
            }
            return new PerformanceView.TraceView(requestId, arrivalNanos / 1e9, latencyNanos / 1e6, instanceId,
                    List.copyOf(out));
        }
    }

    /** The {@link #TRACES} slowest requests that ended in one whole second, in slots reused second after second. */
    private static final class TraceBucket {
        final TraceSlot[] slots = new TraceSlot[TRACES];
        int size;
        /** Where the fastest of a full bucket is: the slot a slower request takes. */
        private int fastest;

        TraceBucket() {
            for (int i = 0; i < TRACES; i++) {
                slots[i] = new TraceSlot();
            }
        }

        void clear() {
            size = 0;
        }

        boolean admits(long latencyNanos) {
            return size < TRACES || latencyNanos > slots[fastest].latencyNanos;
        }

        /** The slot the next admitted request goes into; {@link #taken} once it is filled. */
        TraceSlot take() {
            return slots[size < TRACES ? size : fastest];
        }

        void taken() {
            if (size < TRACES) {
                size++;
            }
            if (size == TRACES) {
                fastest = 0;
                for (int i = 1; i < TRACES; i++) {
                    if (slots[i].latencyNanos < slots[fastest].latencyNanos) {
                        fastest = i;
                    }
                }
            }
        }
    }
}
