package dev.scalelab.engine.events;

/**
 * KEDA's Kafka scaler ({@code pkg/scalers/kafka_scaler.go}) and its activation: the lag it reports
 * to the HPA as an External metric of target AverageValue {@code lagThreshold}, capped so the HPA
 * never asks for more consumers than partitions unless idle consumers are allowed. The HPA then
 * computes desired = ceil(metric / lagThreshold) with its tolerance
 * ({@code HorizontalPodAutoscaler.reconcileExternal}).
 */
public final class KedaScaler {

    private KedaScaler() {
    }

    /**
     * The metric KEDA reports: {@code totalLag}, or {@code upperBound × lagThreshold} when
     * {@code totalLag / lagThreshold} (integer division) exceeds the upper bound, which is the
     * partition count ({@code partitionsWithLag} when {@code limitToPartitionsWithLag}), and no cap
     * when {@code allowIdleConsumers} and not {@code limitToPartitionsWithLag}.
     */
    public static long reportedLag(long totalLag, int partitions, int partitionsWithLag, long lagThreshold,
                                   boolean allowIdleConsumers, boolean limitToPartitionsWithLag) {
        if (allowIdleConsumers && !limitToPartitionsWithLag) {
            return totalLag;
        }
        long upperBound = limitToPartitionsWithLag ? partitionsWithLag : partitions;
        // kafka_scaler.go compares the integer quotient, so a lag up to one threshold short of the
        // next consumer passes uncapped: 8 partitions, threshold 1,000, lag 8,999 stays 8,999.
        if (totalLag / lagThreshold > upperBound) {
            return upperBound * lagThreshold;
        }
        return totalLag;
    }

    /** Whether KEDA activates the target (scales 0 → 1): the lag is above {@code activationLagThreshold}. */
    public static boolean active(long totalLag, long activationLagThreshold) {
        return totalLag > activationLagThreshold;
    }
}
