package dev.scalelab.ui.performance;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.RunStatus;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.PerformanceView;
import dev.scalelab.world.PerformanceView.ConnectionPoolView;
import dev.scalelab.world.PerformanceView.ConnectionsView;
import dev.scalelab.world.PerformanceView.HeapView;
import dev.scalelab.world.PerformanceView.MetricView;
import dev.scalelab.world.PerformanceView.ObjectPoolView;
import dev.scalelab.world.PerformanceView.ProfileView;
import dev.scalelab.world.PerformanceView.RuntimeView;
import dev.scalelab.world.PerformanceView.SpanView;
import dev.scalelab.world.PerformanceView.TraceView;
import dev.scalelab.world.Phase;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;

import java.util.ArrayList;
import java.util.List;

/**
 * A Performance view as the world would make one, for the panel's tests: a fleet whose instance 1
 * is in a full pause and instance 2 in a young one, each with a young, an old, a full pause and an
 * allocation stall in its last 30 s; object pools, connection pools past the database's limit, three
 * slow traces and four metrics. Its per-second series end with the snapshot's seconds.
 */
final class PerformanceFixture {
    static final double HEAP_MB = 1024;
    static final int POOL_CAPACITY = 16;
    static final int MAX_POOL_SIZE = 10;
    private static long frameNumber;

    private PerformanceFixture() {
    }

    /** The view a part of the world would make at virtual time {@code nowSeconds}, with {@code seconds} per-second points. */
    interface Part {
        PerformanceView at(double nowSeconds, int seconds);
    }

    /** A real snapshot of the default preset after {@code seconds}, its performance part made by {@code part}. */
    static Snapshot snapshot(double seconds, Part part) {
        World world = new World(Presets.load("default"));
        world.advanceTo(Simulation.secondsToNanos(seconds));
        Snapshot s = world.snapshot();
        PerformanceView performance = part == null ? null : part.at(s.timeSeconds(), s.series().size());
        return new Snapshot(s.timeSeconds(), s.eventsFired(), s.current(), s.instances(), s.offered(), s.completed(),
                s.rejected(), s.failed(), s.lastSample(), s.totalLatency(), s.series(), s.dispatches(), s.logCount(),
                s.recentLog(), s.scaling(), s.balancer(), s.cache(), s.data(), s.dependencies(), performance, s.events(), s.gateway(), s.history());
    }

    static Frame frame(Snapshot snapshot) {
        return new Frame(snapshot, new RunStatus(++frameNumber, true, false, 1, 0, false, null), null);
    }

    /** The whole view for {@code instances} instances at virtual time {@code nowSeconds}, with {@code seconds} per-second points. */
    static PerformanceView view(int instances, double nowSeconds, int seconds) {
        return new PerformanceView(runtime(instances, nowSeconds, seconds), connections(instances, seconds), profile(seconds));
    }

    static RuntimeView runtime(int instances, double nowSeconds, int seconds) {
        List<HeapView> heaps = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            byte pause = i == 1 ? PerformanceView.PAUSE_FULL : i == 2 ? PerformanceView.PAUSE_YOUNG : -1;
            heaps.add(new HeapView("i-" + i, 40 + i % 5 * 30, 200, 6, 25, 300 + i * 3, 799, pause, 120 + i, 2,
                    new double[] {nowSeconds - 28, nowSeconds - 20, nowSeconds - 12, nowSeconds - 3},
                    new double[] {12, 180, 950, 40},
                    new byte[] {PerformanceView.PAUSE_YOUNG, PerformanceView.PAUSE_OLD, PerformanceView.PAUSE_FULL,
                            PerformanceView.PAUSE_ALLOCATION_STALL},
                    POOL_CAPACITY - 4 - i % 3, 4 + i % 3 * 8));
        }
        ObjectPoolView pool = new ObjectPoolView(POOL_CAPACITY, 4, 16, 40_000, 36_960, 0.924, 1_234, 577.5, series(seconds, 0.9));
        return new RuntimeView("g1", (int) HEAP_MB, 225, 200, heaps, 1_500, 12, 4_321, 180, 950, series(seconds, 38),
                series(seconds, 19), series(seconds, 4), series(seconds, 250), pool);
    }

    static ConnectionsView connections(int instances, int seconds) {
        List<ConnectionPoolView> pools = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            pools.add(new ConnectionPoolView("i-" + i, MAX_POOL_SIZE, 8, 2, i * 3, i == 0 ? 1 : 0));
        }
        return new ConnectionsView(MAX_POOL_SIZE, MAX_POOL_SIZE, 30_000, pools, instances * MAX_POOL_SIZE, 100, 8, 12, 50_000,
                17, 5, 42, 1, 3.5, 250, series(seconds, 250), series(seconds, 2), series(seconds, 1));
    }

    static ProfileView profile(int seconds) {
        double[] meanMs = {2, 20, 1.5, 4, 0, 6, 0, 0};
        double[] aboveP99 = {30, 25, 400, 120, 0, 10, 0, 0};
        double[][] perSecond = new double[Phase.COUNT][];
        for (int p = 0; p < Phase.COUNT; p++) {
            perSecond[p] = series(seconds, meanMs[p]);
        }
        List<TraceView> traces = List.of(
                new TraceView(9001, 12.5, 1_250, "i-1", List.of(new SpanView(Phase.QUEUE, 0, 50),
                        new SpanView(Phase.GC_PAUSE, 50, 950), new SpanView(Phase.SERVICE, 1_000, 200),
                        new SpanView(Phase.DATABASE, 1_200, 50))),
                new TraceView(9002, 13.0, 640, "i-2", List.of(new SpanView(Phase.CONNECTION_WAIT, 0, 600),
                        new SpanView(Phase.DATABASE, 600, 40))),
                new TraceView(9003, 14.2, 310, "i-0", List.of(new SpanView(Phase.SERVICE, 0, 310))));
        List<MetricView> metrics = List.of(new MetricView("gc.pause.ms", 950, 1_512, 14.9),
                new MetricView("pool.objects.hits", 36_960, 40_000, 15.0),
                new MetricView("pool.connections.wait.ms", 3.5, 50_000, 15.0),
                new MetricView("requests.latency.ms", 26.5, 60_000, 15.0));
        return new ProfileView(meanMs, aboveP99, 60_000, 600, perSecond, traces, metrics);
    }

    /** A per-second series of {@code seconds} points, all {@code value}. */
    static double[] series(int seconds, double value) {
        double[] s = new double[seconds];
        java.util.Arrays.fill(s, value);
        return s;
    }
}
