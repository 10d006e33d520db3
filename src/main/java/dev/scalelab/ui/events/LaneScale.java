package dev.scalelab.ui.events;

import dev.scalelab.world.EventsView;

/**
 * Where an offset of a partition's log sits on its lane. Every lane ends at its own log end on the
 * right, so lanes compare by how far behind it things are. The newest {@link #TAIL} records (those
 * {@code tailKeys} holds) are blocks of one width; when a group lags further behind, the tail takes
 * {@link #TAIL_SHARE} of the lane and the older records share the rest at a smaller scale, so the
 * blocks stay readable whatever the lag.
 *
 * <p>The reach ({@link #span()}, records behind the log end the lane shows) grows at once to a round
 * number above what the lanes need and shrinks only when they need a quarter of it, so the scale does
 * not jump every frame. Mutable and reused; no JavaFX.
 */
final class LaneScale {
    static final int TAIL = EventsView.TAIL_RECORDS;
    static final double TAIL_SHARE = 0.6;

    private double left;
    private double right;
    private long span = TAIL;
    private double blockWidth;
    private double tailLeft;
    private double olderRecordWidth;

    /** Lays the lanes out between {@code left} and {@code right} for lanes reaching {@code behind} records behind their log end. */
    void fit(double left, double right, long behind) {
        long needed = roundSpan(behind);
        if (needed > span || needed * 4 <= span) {
            span = needed;
        }
        this.left = left;
        this.right = right;
        double width = Math.max(0, right - left);
        if (span <= TAIL) {
            blockWidth = width / TAIL;
            tailLeft = left;
            olderRecordWidth = 0;
        } else {
            blockWidth = width * TAIL_SHARE / TAIL;
            tailLeft = right - TAIL * blockWidth;
            olderRecordWidth = (tailLeft - left) / (span - TAIL);
        }
    }

    /** The x of {@code offset} on a lane whose log ends at {@code logEndOffset}; offsets beyond the reach sit at the left edge. */
    double x(long offset, long logEndOffset) {
        long behind = Math.max(0, Math.min(span, logEndOffset - offset));
        if (behind <= TAIL) {
            return right - behind * blockWidth;
        }
        return tailLeft - (behind - TAIL) * olderRecordWidth;
    }

    /** The width of one of the newest records' blocks. */
    double blockWidth() {
        return blockWidth;
    }

    /** Where the newest records' blocks begin; left of it, the older records at a smaller scale. */
    double tailLeft() {
        return tailLeft;
    }

    /** True when the lane shows older records than the tail, at their own scale. */
    boolean compressed() {
        return span > TAIL;
    }

    long span() {
        return span;
    }

    /** The least of 64 and 1, 2 or 5 × 10^k at or above {@code behind}. */
    static long roundSpan(long behind) {
        if (behind <= TAIL) {
            return TAIL;
        }
        long decade = 1;
        while (true) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * decade >= behind) {
                    return step * decade;
                }
            }
            decade *= 10;
        }
    }
}
