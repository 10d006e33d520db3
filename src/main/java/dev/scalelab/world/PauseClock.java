package dev.scalelab.world;

/**
 * An instance's stop-the-world pauses, as its requests see them: whether a pause holds it now, until
 * when, and how long it has been stopped in all. A request notes {@link #pausedNanos} when its CPU
 * work starts; when that work is up it owes the paused time since, and makes it up after the pause it
 * is in, if any. One for the pipeline's instances ({@link RuntimeInstance}) and a drawn service's.
 * Confined to the simulation thread.
 */
public final class PauseClock {
    private boolean stopped;
    private long startNanos;
    private long endNanos;
    /** Length of the pauses that have ended. */
    private long endedNanos;

    /** Whether a pause holds the instance: it starts no new work. */
    public boolean stopped() {
        return stopped;
    }

    /**
     * A pause of {@code pauseNanos} from now; one that comes while the instance is stopped already
     * follows it. Returns when the instance runs again: the owner calls {@link #end} then.
     */
    public long stop(long nowNanos, long pauseNanos) {
        if (stopped) {
            endNanos += pauseNanos;
        } else {
            stopped = true;
            startNanos = nowNanos;
            endNanos = nowNanos + pauseNanos;
        }
        return endNanos;
    }

    /** The pause ending at {@code end} is over, unless it was extended since: true when the instance runs again. */
    public boolean end(long end) {
        if (!stopped || endNanos != end) {
            return false;
        }
        endedNanos += end - startNanos;
        stopped = false;
        return true;
    }

    /**
     * Time stopped since the instance started, up to {@code nowNanos} (not before the last event): a
     * request that began its CPU work at s owes {@code pausedNanos(now) - pausedNanos(s)}.
     */
    public long pausedNanos(long nowNanos) {
        return endedNanos + (stopped ? nowNanos - startNanos : 0);
    }

    /** When work owed now can start being made up: the end of the pause it is in, or now. */
    public long resumeNanos(long nowNanos) {
        return stopped ? endNanos : nowNanos;
    }
}
