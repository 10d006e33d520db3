package dev.scalelab.ui.events;

import dev.scalelab.world.EventsView.ConsumerView;
import javafx.scene.paint.Color;

import java.util.Arrays;
import java.util.List;

/**
 * Who owns each partition of the drawn group (its consumer's colour number, -1 for none), and for
 * {@link #FADE_NANOS} after a rebalance moved a partition, the fade of its colour from the old owner
 * to the new one, so the eye sees what moved. Arrays are reused between frames. FX thread only.
 */
final class OwnerFades {
    static final long FADE_NANOS = 500_000_000L;

    private int[] owners = new int[0];
    private int[] incoming = new int[0];
    /** The owner each partition fades from: its owner before its last change. */
    private int[] from = new int[0];
    private long[] changedAtNanos = new long[0];
    private int partitions;
    private long lastChangeNanos = Long.MIN_VALUE;

    /** Forgets the owners: another group is drawn, whose colours must not fade from this one's. */
    void clear() {
        partitions = 0;
    }

    /** Takes the owners of {@code consumers} over {@code partitionCount} partitions; a changed owner starts fading at {@code nowNanos}. */
    void update(List<ConsumerView> consumers, int partitionCount, long nowNanos) {
        if (owners.length < partitionCount) {
            int size = Math.max(partitionCount, 2 * owners.length);
            owners = Arrays.copyOf(owners, size);
            incoming = Arrays.copyOf(incoming, size);
            from = Arrays.copyOf(from, size);
            changedAtNanos = Arrays.copyOf(changedAtNanos, size);
        }
        Arrays.fill(incoming, 0, partitionCount, -1);
        for (ConsumerView c : consumers) {
            for (int p : c.partitions()) {
                if (p >= 0 && p < partitionCount) {
                    incoming[p] = c.colour();
                }
            }
        }
        boolean fresh = partitions != partitionCount;
        for (int p = 0; p < partitionCount; p++) {
            if (fresh) {
                changedAtNanos[p] = Long.MIN_VALUE; // a new layout shows its owners at once
            } else if (incoming[p] != owners[p]) {
                from[p] = owners[p];
                changedAtNanos[p] = nowNanos;
                lastChangeNanos = nowNanos;
            }
            owners[p] = incoming[p];
        }
        partitions = partitionCount;
    }

    /** True while some partition's colour is still moving to its new owner. */
    boolean fading(long nowNanos) {
        return lastChangeNanos != Long.MIN_VALUE && nowNanos - lastChangeNanos < FADE_NANOS;
    }

    /** The colour number of the owner of {@code partition}, -1 for none. */
    int owner(int partition) {
        return partition < partitions ? owners[partition] : -1;
    }

    /** How far {@code partition}'s colour has gone from its old owner's to its new one's: 0 to 1. */
    double progress(int partition, long nowNanos) {
        long since = nowNanos - changedAtNanos[partition];
        return changedAtNanos[partition] == Long.MIN_VALUE || since >= FADE_NANOS ? 1 : Math.max(0, since / (double) FADE_NANOS);
    }

    /** The band colour of {@code partition} now: its owner's, on its way from the previous owner's; {@code none} for no owner. */
    Color color(int partition, long nowNanos, Color none) {
        Color to = colorOf(owners[partition], none);
        double t = progress(partition, nowNanos);
        return t >= 1 ? to : colorOf(from[partition], none).interpolate(to, t);
    }

    private static Color colorOf(int colour, Color none) {
        Color c = EventPalettes.consumerColor(colour);
        return c == null ? none : c;
    }
}
