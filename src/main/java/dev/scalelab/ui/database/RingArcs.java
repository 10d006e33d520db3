package dev.scalelab.ui.database;

import dev.scalelab.engine.data.RingPoint;

import java.util.List;

/**
 * A consistent-hash ring as the arcs each shard owns. Point i owns the arc from point i-1
 * (exclusive) to itself, the first point the arc that wraps past 1 back to it; neighbouring arcs of
 * one shard merge, so 5 shards x 100 virtual nodes draw as a few hundred arcs, not 500. Immutable.
 */
final class RingArcs {
    private final double[] start;
    private final double[] end;
    private final int[] owner;
    private final int count;

    private RingArcs(double[] start, double[] end, int[] owner, int count) {
        this.start = start;
        this.end = end;
        this.owner = owner;
        this.count = count;
    }

    /** @param points the router's ring points, in ascending position */
    static RingArcs of(List<RingPoint> points) {
        int n = points.size();
        double[] start = new double[n];
        double[] end = new double[n];
        int[] owner = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            RingPoint p = points.get(i);
            double from = i == 0 ? points.get(n - 1).position() - 1 : points.get(i - 1).position();
            if (count > 0 && owner[count - 1] == p.shardId()) {
                end[count - 1] = p.position();
            } else {
                start[count] = from;
                end[count] = p.position();
                owner[count] = p.shardId();
                count++;
            }
        }
        // The wrap-around arc and the last one meet at the last point: one arc when one shard owns both.
        if (count > 1 && owner[0] == owner[count - 1]) {
            start[0] = start[count - 1] - 1;
            count--;
        }
        return new RingArcs(start, end, owner, count);
    }

    int size() {
        return count;
    }

    /** Where arc i starts, as a fraction of the ring; may be below 0 for the arc that wraps past the top. */
    double start(int i) {
        return start[i];
    }

    /** Where arc i ends, as a fraction of the ring, above its start. */
    double end(int i) {
        return end[i];
    }

    int owner(int i) {
        return owner[i];
    }
}
