package dev.scalelab.engine.data;

import java.util.Arrays;

/** Small checks and copies of shard-id arrays shared by the routers. */
final class ShardIds {
    private ShardIds() {
    }

    static int[] validated(int[] shardIds) {
        int[] copy = shardIds.clone();
        int[] sorted = copy.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("shard " + sorted[i] + " appears twice");
            }
        }
        return copy;
    }

    static int indexOf(int[] shardIds, int shardId) {
        for (int i = 0; i < shardIds.length; i++) {
            if (shardIds[i] == shardId) {
                return i;
            }
        }
        return -1;
    }

    static int[] appended(int[] shardIds, int shardId) {
        if (indexOf(shardIds, shardId) >= 0) {
            throw new IllegalArgumentException("shard " + shardId + " already exists");
        }
        int[] out = Arrays.copyOf(shardIds, shardIds.length + 1);
        out[shardIds.length] = shardId;
        return out;
    }

    static int[] removed(int[] shardIds, int shardId) {
        int index = indexOf(shardIds, shardId);
        if (index < 0) {
            throw new IllegalArgumentException("no shard " + shardId);
        }
        if (shardIds.length == 1) {
            throw new IllegalArgumentException("cannot remove the last shard");
        }
        int[] out = new int[shardIds.length - 1];
        System.arraycopy(shardIds, 0, out, 0, index);
        System.arraycopy(shardIds, index + 1, out, index, out.length - index);
        return out;
    }
}
