package dev.scalelab.engine.metrics;

/**
 * A per-second series of a whole run in bounded memory: it keeps at most {@link #capacity()} buckets,
 * each the min, max, sum and count of the seconds it covers. Buckets start one second wide; when the
 * store is full and its last bucket complete, neighbouring pairs merge and every bucket doubles in
 * width (as RRDtool's consolidation, but with min and max kept beside the mean, so a one-second spike
 * survives any number of merges). A second without a value (NaN) counts toward the bucket's width but
 * not its count, and a bucket with no value at all reads NaN.
 *
 * <p>Bucket {@code k} covers the seconds {@code [k·w, (k+1)·w)} of the run, {@code w} the bucket
 * width; the state after {@code n} seconds depends on {@code n} alone, so series recorded side by side
 * (or one started late, see {@link #startingAfter}) keep the same bucket edges.
 *
 * <p>Storage is in chunks of {@link #CHUNK_BUCKETS} buckets: a chunk that no longer holds the last
 * bucket is never written again (a merge writes new chunks), so a {@link SeriesView} shares those and
 * copies only the last one. Confined to one thread (the simulation's); its views go anywhere.
 */
public final class DownsampledSeries {
    /** Buckets per storage chunk: what a view copies. */
    public static final int CHUNK_BUCKETS = 64;

    private final int capacity;
    private Chunk[] chunks;
    private long seconds;
    private long bucketSeconds = 1;
    private int buckets;
    private SeriesView cachedView;

    /** One chunk's buckets; its arrays are written only while it holds the series' last bucket. */
    static final class Chunk {
        final double[] min = new double[CHUNK_BUCKETS];
        final double[] max = new double[CHUNK_BUCKETS];
        final double[] sum = new double[CHUNK_BUCKETS];
        final int[] count = new int[CHUNK_BUCKETS];

        Chunk copy() {
            Chunk c = new Chunk();
            System.arraycopy(min, 0, c.min, 0, CHUNK_BUCKETS);
            System.arraycopy(max, 0, c.max, 0, CHUNK_BUCKETS);
            System.arraycopy(sum, 0, c.sum, 0, CHUNK_BUCKETS);
            System.arraycopy(count, 0, c.count, 0, CHUNK_BUCKETS);
            return c;
        }
    }

    /** @param capacity the most buckets kept: a power of two, at least two chunks */
    public DownsampledSeries(int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity < 2 * CHUNK_BUCKETS) {
            throw new IllegalArgumentException("capacity must be a power of two of at least " + 2 * CHUNK_BUCKETS + ": " + capacity);
        }
        this.capacity = capacity;
        this.chunks = new Chunk[capacity / CHUNK_BUCKETS];
    }

    /**
     * A series that begins after {@code emptySeconds} seconds without a value: the same buckets as one
     * that was given NaN that many times (a part that appears in the middle of a run, such as a new
     * instance), made without the loop.
     */
    public static DownsampledSeries startingAfter(int capacity, long emptySeconds) {
        DownsampledSeries s = new DownsampledSeries(capacity);
        while (emptySeconds > (long) capacity * s.bucketSeconds) {
            s.bucketSeconds *= 2; // as many merges as that many appends would have made
        }
        s.seconds = emptySeconds;
        s.buckets = (int) ((emptySeconds + s.bucketSeconds - 1) / s.bucketSeconds);
        for (int b = 0; b < s.buckets; b++) {
            s.clearBucket(b);
        }
        return s;
    }

    public int capacity() {
        return capacity;
    }

    /** Seconds recorded so far, values or not. */
    public long seconds() {
        return seconds;
    }

    /** How many seconds one bucket covers now: 1, 2, 4, … */
    public long bucketSeconds() {
        return bucketSeconds;
    }

    public int buckets() {
        return buckets;
    }

    /** Records the next second's value; NaN when it has none. */
    public void append(double value) {
        if (seconds % bucketSeconds == 0) { // the last bucket is complete: open the next one
            if (buckets == capacity) {
                mergePairs();
            }
            clearBucket(buckets++);
        }
        int b = buckets - 1;
        Chunk c = chunks[b / CHUNK_BUCKETS];
        int i = b % CHUNK_BUCKETS;
        if (!Double.isNaN(value)) {
            if (c.count[i] == 0) {
                c.min[i] = value;
                c.max[i] = value;
            } else {
                c.min[i] = Math.min(c.min[i], value);
                c.max[i] = Math.max(c.max[i], value);
            }
            c.sum[i] += value;
            c.count[i]++;
        }
        seconds++;
        cachedView = null;
    }

    private void clearBucket(int b) {
        int ci = b / CHUNK_BUCKETS;
        if (chunks[ci] == null) {
            chunks[ci] = new Chunk();
        }
        Chunk c = chunks[ci];
        int i = b % CHUNK_BUCKETS;
        c.min[i] = Double.NaN;
        c.max[i] = Double.NaN;
        c.sum[i] = 0;
        c.count[i] = 0;
    }

    /** Halves the buckets: each pair becomes one of twice the width, written into new chunks (views hold the old). */
    private void mergePairs() {
        Chunk[] merged = new Chunk[chunks.length];
        for (int b = 0; b < buckets / 2; b++) {
            int ci = b / CHUNK_BUCKETS;
            if (merged[ci] == null) {
                merged[ci] = new Chunk();
            }
            Chunk to = merged[ci];
            int i = b % CHUNK_BUCKETS;
            Chunk a = chunks[(2 * b) / CHUNK_BUCKETS];
            int ai = (2 * b) % CHUNK_BUCKETS;
            Chunk z = chunks[(2 * b + 1) / CHUNK_BUCKETS];
            int zi = (2 * b + 1) % CHUNK_BUCKETS;
            to.count[i] = a.count[ai] + z.count[zi];
            to.sum[i] = a.sum[ai] + z.sum[zi];
            to.min[i] = a.count[ai] == 0 ? z.min[zi] : z.count[zi] == 0 ? a.min[ai] : Math.min(a.min[ai], z.min[zi]);
            to.max[i] = a.count[ai] == 0 ? z.max[zi] : z.count[zi] == 0 ? a.max[ai] : Math.max(a.max[ai], z.max[zi]);
        }
        chunks = merged;
        buckets /= 2;
        bucketSeconds *= 2;
    }

    /**
     * An immutable view of the series as it stands: the chunks no longer written are shared, the
     * last one is copied. The same view is returned until the next append.
     */
    public SeriesView view() {
        if (cachedView == null) {
            int used = (buckets + CHUNK_BUCKETS - 1) / CHUNK_BUCKETS;
            Chunk[] shared = new Chunk[used];
            System.arraycopy(chunks, 0, shared, 0, used);
            if (used > 0) {
                shared[used - 1] = shared[used - 1].copy();
            }
            cachedView = new SeriesView(shared, buckets, bucketSeconds, seconds);
        }
        return cachedView;
    }

    /** Bytes held by the buckets' arrays (not counting views still held elsewhere). */
    public long retainedBytes() {
        long perChunk = (long) CHUNK_BUCKETS * (3 * Double.BYTES + Integer.BYTES);
        long n = 0;
        for (Chunk c : chunks) {
            if (c != null) {
                n++;
            }
        }
        return n * perChunk;
    }
}
