package dev.scalelab.ui.database;

/**
 * Which reads become dots on the read path. Hundreds of reads a second would be a solid line, so the
 * path shows a steady trickle of {@link #DOTS_PER_SECOND} (wall time) in which the share of red dots
 * is the share of stale reads; a rare stale read still gets a red dot within {@link #MIN_STALE_GAP_NANOS}.
 * Pure; one instance per view.
 */
final class ReadDotPacer {
    static final double DOTS_PER_SECOND = 24;
    static final long MIN_STALE_GAP_NANOS = 300_000_000L;
    /** At most this many dots for one frame, however long the gap before it. */
    static final int MAX_DOTS_PER_FRAME = 4;

    private double credit;
    private double staleCredit;
    private long lastNanos = Long.MIN_VALUE;
    private long lastStaleDotNanos = Long.MIN_VALUE;

    /**
     * Dots for a frame that brought {@code newReads} reads, {@code newStaleReads} of them stale, at
     * {@code nowNanos}: fills {@code stale[0..n)} with each dot's colour and returns n.
     */
    int pace(long newReads, long newStaleReads, long nowNanos, boolean[] stale) {
        if (lastNanos == Long.MIN_VALUE || newReads <= 0) {
            lastNanos = nowNanos;
            return 0; // the first frame has no interval; a frame without reads has nothing to show
        }
        credit = Math.min(MAX_DOTS_PER_FRAME, credit + (nowNanos - lastNanos) * DOTS_PER_SECOND / 1e9);
        lastNanos = nowNanos;
        double staleShare = Math.min(1, newStaleReads / (double) newReads);
        int n = 0;
        while (credit >= 1 && n < stale.length) {
            credit -= 1;
            staleCredit += staleShare;
            boolean red = staleCredit >= 1;
            if (red) {
                staleCredit -= 1;
            } else if (newStaleReads > 0 && (lastStaleDotNanos == Long.MIN_VALUE
                    || nowNanos - lastStaleDotNanos >= MIN_STALE_GAP_NANOS)) {
                red = true; // rare stale reads still show
            }
            if (red) {
                lastStaleDotNanos = nowNanos;
            }
            stale[n++] = red;
        }
        return n;
    }
}
