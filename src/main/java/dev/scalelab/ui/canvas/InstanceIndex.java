package dev.scalelab.ui.canvas;

import dev.scalelab.world.Snapshot.InstanceView;

import java.util.Arrays;
import java.util.List;

/**
 * Where each instance number sits in a snapshot's instance list, so a dot or a strip cell finds
 * its tile or row in constant time. Instance numbers only grow, so a window over [min, max] is
 * small; the array is reused between frames. FX thread only.
 */
public final class InstanceIndex {
    private int[] indexByNumber = new int[64];
    private int offset;
    private int span;

    /** Indexes {@code instances}, replacing what was indexed before. */
    public void index(List<InstanceView> instances) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (InstanceView in : instances) {
            min = Math.min(min, in.number());
            max = Math.max(max, in.number());
        }
        offset = min;
        span = instances.isEmpty() ? 0 : max - min + 1;
        if (indexByNumber.length < span) {
            indexByNumber = new int[Math.max(span, 2 * indexByNumber.length)];
        }
        Arrays.fill(indexByNumber, 0, span, -1);
        for (int i = 0; i < instances.size(); i++) {
            indexByNumber[instances.get(i).number() - min] = i;
        }
    }

    /** The list position of instance {@code number}, or -1 when it is not in the list. */
    public int of(int number) {
        int slot = number - offset;
        return slot >= 0 && slot < span ? indexByNumber[slot] : -1;
    }
}
