package dev.scalelab.world;

import dev.scalelab.engine.runtime.Heap;
import dev.scalelab.engine.runtime.ObjectPool;

import java.util.ArrayDeque;

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

    /** A stop-the-world pause holds the instance from {@code pauseStartNanos} to {@code pauseEndNanos}. */
    boolean stopped;
    long pauseStartNanos;
    long pauseEndNanos;
    /** The kind of the pause it is in ({@link PerformanceView#PAUSE_YOUNG} ...), or -1. */
    byte pauseKind = -1;
    /** Length of the pauses that have ended. */
    private long endedPausesNanos;

    final ArrayDeque<Stalled> stalled = new ArrayDeque<>();
    final ArrayDeque<Pause> recentPauses = new ArrayDeque<>();

    // This second's figures, for the monitor.
    double pauseMsThisSecond;
    long allocatedBytesThisSecond;

    RuntimeInstance(ServiceInstance instance) {
        this.instance = instance;
    }

    /**
     * Time this instance has spent stopped since it started, up to {@code nowNanos} (not before
     * the last event): a request that began its CPU work at s owes {@code pausedNanos(now) - pausedNanos(s)}.
     */
    long pausedNanos(long nowNanos) {
        return endedPausesNanos + (stopped ? nowNanos - pauseStartNanos : 0);
    }

    /** The pause ending at {@code endNanos} is over, unless it was extended since. */
    boolean endPause(long endNanos) {
        if (!stopped || pauseEndNanos != endNanos) {
            return false;
        }
        endedPausesNanos += endNanos - pauseStartNanos;
        stopped = false;
        pauseKind = -1;
        return true;
    }

    void addPause(Pause p) {
        if (recentPauses.size() == RECENT_PAUSES) {
            recentPauses.pollFirst();
        }
        recentPauses.addLast(p);
    }
}
