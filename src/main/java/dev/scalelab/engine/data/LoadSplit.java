package dev.scalelab.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A range split chosen by load: the new layout, and the words the decision log gives for it. */
record LoadSplit(RangeRouter router, String explanation) {

    /**
     * CockroachDB-style load-based split: the busiest shard's range splits where the load of the
     * last full second halves; {@code counts} are that second's queries per key and {@code holder}
     * each key's shard. Null when there was no load, or the shard holds fewer than two keys.
     */
    static LoadSplit ofHottest(RangeRouter ranges, int[] holder, int[] counts, int shardCount, int newShardId) {
        long[] loadByShard = new long[shardCount];
        for (int key = 0; key < counts.length; key++) {
            loadByShard[holder[key]] += counts[key];
        }
        int hottest = -1;
        for (int id : ranges.shardIds()) {
            if (loadByShard[id] > 0 && (hottest < 0 || loadByShard[id] > loadByShard[hottest])) {
                hottest = id;
            }
        }
        if (hottest < 0) {
            return null;
        }
        List<long[]> keys = new ArrayList<>(); // {position, count}
        for (int key = 0; key < counts.length; key++) {
            if (holder[key] == hottest) {
                keys.add(new long[] {ranges.keyspacePosition(key), counts[key]});
            }
        }
        if (keys.size() < 2) {
            return null;
        }
        keys.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
        long total = loadByShard[hottest];
        long below = 0;
        int bestSplit = 1;
        long bestImbalance = Long.MAX_VALUE;
        for (int i = 1; i < keys.size(); i++) {
            below += keys.get(i - 1)[1];
            long imbalance = Math.abs(2 * below - total);
            if (imbalance < bestImbalance) {
                bestImbalance = imbalance;
                bestSplit = i;
            }
        }
        RangeRouter split = ranges.withSplit(hottest, keys.get(bestSplit)[0], newShardId);
        long upperLoad = 0;
        for (int i = bestSplit; i < keys.size(); i++) {
            upperLoad += keys.get(i)[1];
        }
        long lowerLoad = total - upperLoad;
        return new LoadSplit(split, String.format(Locale.ROOT,
                "split the hottest range %s of shard %d (%,d queries in the last second) at the load median, "
                        + "%,d | %,d queries: ", ranges.rangeName(hottest), hottest, total, lowerLoad, upperLoad));
    }
}
