package dev.scalelab.engine.data;

import java.util.Arrays;

/** One resharding step: who owned a key before and who owns it after. */
public record RoutingChange(ShardRouter before, ShardRouter after) {

    public int ownerBefore(int key) {
        return before.shardFor(key);
    }

    public int ownerAfter(int key) {
        return after.shardFor(key);
    }

    public boolean moves(int key) {
        return before.shardFor(key) != after.shardFor(key);
    }

    /** The keys among {@code 0..keyCount-1} whose owner changes, in ascending order. */
    public int[] movedKeys(int keyCount) {
        int[] moved = new int[keyCount];
        int n = 0;
        for (int key = 0; key < keyCount; key++) {
            if (moves(key)) {
                moved[n++] = key;
            }
        }
        return Arrays.copyOf(moved, n);
    }
}
