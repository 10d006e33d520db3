package dev.scalelab.engine.scaling;

/**
 * The VPA recommender's CPU histogram ({@code util/histogram.go}, {@code decaying_histogram.go}):
 * exponential buckets, the first 0.01 cores wide and each 5% wider than the one before, up to
 * 1000 cores; a sample's weight doubles every half-life relative to a reference time, which has
 * the same effect as older samples halving. Percentiles return the end of the bucket that crosses
 * the threshold, as VPA does.
 */
public final class DecayingHistogram {
    private static final double FIRST_BUCKET_CORES = 0.01;
    private static final double RATIO = 1.05;
    private static final double MAX_CORES = 1000;

    private final double[] weights;
    private final long halfLifeNanos;
    private final long referenceNanos;
    private double totalWeight;
    private int minBucket = Integer.MAX_VALUE;
    private int maxBucket = -1;

    public DecayingHistogram(long halfLifeNanos, long referenceNanos) {
        this.halfLifeNanos = halfLifeNanos;
        this.referenceNanos = referenceNanos;
        int buckets = (int) Math.ceil(Math.log(MAX_CORES * (RATIO - 1) / FIRST_BUCKET_CORES + 1) / Math.log(RATIO)) + 1;
        weights = new double[buckets];
    }

    public static double bucketStart(int bucket) {
        return FIRST_BUCKET_CORES * (Math.pow(RATIO, bucket) - 1) / (RATIO - 1);
    }

    int findBucket(double cores) {
        if (cores < FIRST_BUCKET_CORES) {
            return 0;
        }
        int b = (int) Math.floor(Math.log(cores * (RATIO - 1) / FIRST_BUCKET_CORES + 1) / Math.log(RATIO));
        return Math.min(b, weights.length - 1);
    }

    public void add(double cores, double weight, long timeNanos) {
        double w = weight * Math.pow(2, (timeNanos - referenceNanos) / (double) halfLifeNanos);
        int b = findBucket(cores);
        weights[b] += w;
        totalWeight += w;
        minBucket = Math.min(minBucket, b);
        maxBucket = Math.max(maxBucket, b);
    }

    public boolean isEmpty() {
        return totalWeight <= 0;
    }

    /** In cores; 0 when empty. */
    public double percentile(double p) {
        if (isEmpty()) {
            return 0;
        }
        double threshold = p * totalWeight;
        double partial = 0;
        int b = minBucket;
        for (; b < maxBucket; b++) {
            partial += weights[b];
            if (partial >= threshold) {
                break;
            }
        }
        return b < weights.length - 1 ? bucketStart(b + 1) : bucketStart(b);
    }
}
