package dev.scalelab.engine.metrics;

/**
 * An immutable copy of a {@link DownsampledSeries}: its buckets, oldest first, each covering
 * {@link #bucketSeconds()} seconds of the run from {@code k · bucketSeconds} (the last one may be
 * shorter: it covers up to {@link #seconds()}). Safe to read from any thread.
 */
public final class SeriesView {
    public static final SeriesView EMPTY = new SeriesView(new DownsampledSeries.Chunk[0], 0, 1, 0);

    private final DownsampledSeries.Chunk[] chunks;
    private final int buckets;
    private final long bucketSeconds;
    private final long seconds;

    SeriesView(DownsampledSeries.Chunk[] chunks, int buckets, long bucketSeconds, long seconds) {
        this.chunks = chunks;
        this.buckets = buckets;
        this.bucketSeconds = bucketSeconds;
        this.seconds = seconds;
    }

    public int buckets() {
        return buckets;
    }

    public long bucketSeconds() {
        return bucketSeconds;
    }

    /** Seconds of the run it covers, values or not. */
    public long seconds() {
        return seconds;
    }

    /** Where bucket {@code k} starts, in seconds of the run. */
    public double startSeconds(int k) {
        return (double) k * bucketSeconds;
    }

    /** Where bucket {@code k} ends: the next one's start, or the seconds recorded for the last one. */
    public double endSeconds(int k) {
        return Math.min((double) (k + 1) * bucketSeconds, seconds);
    }

    /** How many seconds with a value bucket {@code k} holds. */
    public int count(int k) {
        return chunks[k / DownsampledSeries.CHUNK_BUCKETS].count[k % DownsampledSeries.CHUNK_BUCKETS];
    }

    /** The least value in bucket {@code k}; NaN when it has none. */
    public double min(int k) {
        return chunks[k / DownsampledSeries.CHUNK_BUCKETS].min[k % DownsampledSeries.CHUNK_BUCKETS];
    }

    public double max(int k) {
        return chunks[k / DownsampledSeries.CHUNK_BUCKETS].max[k % DownsampledSeries.CHUNK_BUCKETS];
    }

    public double sum(int k) {
        return chunks[k / DownsampledSeries.CHUNK_BUCKETS].sum[k % DownsampledSeries.CHUNK_BUCKETS];
    }

    /** The mean of the values in bucket {@code k}; NaN when it has none. */
    public double mean(int k) {
        int c = count(k);
        return c == 0 ? Double.NaN : sum(k) / c;
    }
}
