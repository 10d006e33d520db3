package dev.scalelab.world;

import dev.scalelab.engine.metrics.MetricsRegistry;
import dev.scalelab.engine.runtime.Heap;
import dev.scalelab.engine.runtime.ObjectPool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance's runtime: its heap (without {@code service.runtime}, none), its object pool
 * (without {@code service.objectPool}, none), whether a collector pause stops it now, and the
 * requests stalled on allocation. Confined to the simulation thread.
 */
final class RuntimeInstance {
    /** How many recent pauses an instance keeps for its view (at most {@link PerformanceView#PAUSE_WINDOW_SECONDS} old). */
    static final int RECENT_PAUSES = 256;

    /** A request that waits for a concurrent cycle to end before it can allocate its bytes. */
    record Stalled(Request request, long bytes) {
    }

    /** A pause as the view lists it. */
    record Pause(double startSeconds, double ms, byte kind) {
    }

    final ServiceInstance instance;
    Heap heap;
    ObjectPool pool;

    /** Its stop-the-world pauses. */
    final PauseClock clock = new PauseClock();
    /** The kind of the pause it is in ({@link PerformanceView#PAUSE_YOUNG} ...), or -1. */
    byte pauseKind = -1;

    final ArrayDeque<Stalled> stalled = new ArrayDeque<>();
    final ArrayDeque<Pause> recentPauses = new ArrayDeque<>();

    // This second's figures, for the monitor.
    double pauseMsThisSecond;
    long allocatedBytesThisSecond;

    RuntimeInstance(ServiceInstance instance) {
        this.instance = instance;
    }

    /** Whether a collector pause holds the instance: it starts no new service. */
    boolean stopped() {
        return clock.stopped();
    }

    /** The pause ending at {@code endNanos} is over, unless it was extended since. */
    boolean endPause(long endNanos) {
        if (!clock.end(endNanos)) {
            return false;
        }
        pauseKind = -1;
        return true;
    }

    /** Its heap now, with the pauses that started in the last {@link PerformanceView#PAUSE_WINDOW_SECONDS}; it has a heap. */
    PerformanceView.HeapView view(double nowSeconds) {
        List<Pause> recent = new ArrayList<>();
        for (Pause p : recentPauses) {
            if (p.startSeconds() >= nowSeconds - PerformanceView.PAUSE_WINDOW_SECONDS) {
                recent.add(p);
            }
        }
        double[] starts = new double[recent.size()];
        double[] lengths = new double[recent.size()];
        byte[] kinds = new byte[recent.size()];
        for (int i = 0; i < recent.size(); i++) {
            starts[i] = recent.get(i).startSeconds();
            lengths[i] = recent.get(i).ms();
            kinds[i] = recent.get(i).kind();
        }
        byte kind = clock.stopped() ? pauseKind : stalled.isEmpty() ? -1 : PerformanceView.PAUSE_ALLOCATION_STALL;
        Heap h = heap;
        return new PerformanceView.HeapView(instance.id, Heap.mb(h.edenUsedBytes()), Heap.mb(h.edenBytes()),
                Heap.mb(h.survivorUsedBytes()), Heap.mb(h.survivorBytes()), Heap.mb(h.oldUsedBytes()), Heap.mb(h.oldBytes()),
                kind, h.youngCollections(), h.oldCollections(), starts, lengths, kinds,
                pool == null ? 0 : pool.idle(), pool == null ? 0 : pool.borrowed());
    }

    /** Records the second that ended into {@code monitor} under the instance's id, and starts a new one. */
    void endSecond(MetricsRegistry monitor, double nowSeconds) {
        String id = instance.id;
        if (heap != null) {
            monitor.record(id + ".heap.usedMb", Heap.mb(heap.usedBytes()), nowSeconds);
            monitor.record(id + ".heap.allocatedMb", Heap.mb(allocatedBytesThisSecond), nowSeconds);
            monitor.record(id + ".heap.totalAllocatedMb", Heap.mb(heap.allocatedBytes()), nowSeconds);
            monitor.record(id + ".heap.collections", heap.youngCollections() + heap.oldCollections(), nowSeconds);
            monitor.record(id + ".heap.pauseMs", pauseMsThisSecond, nowSeconds);
        }
        if (pool != null) {
            monitor.record(id + ".objectPool.idle", pool.idle(), nowSeconds);
            monitor.record(id + ".objectPool.borrowed", pool.borrowed(), nowSeconds);
        }
        pauseMsThisSecond = 0;
        allocatedBytesThisSecond = 0;
    }

    void addPause(Pause p) {
        if (recentPauses.size() == RECENT_PAUSES) {
            recentPauses.pollFirst();
        }
        recentPauses.addLast(p);
    }
}
