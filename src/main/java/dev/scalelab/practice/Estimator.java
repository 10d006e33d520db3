package dev.scalelab.practice;

import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.world.Scenario;

import java.util.List;

/**
 * The back-of-the-envelope capacity estimator: the numbers an interviewer expects a candidate to
 * work out on a whiteboard, each with its arithmetic written out, from textbook formulas (M/M/c
 * with Erlang C, Che's approximation for LRU under Zipf, Little's law). {@link #checkScenario}
 * turns a pool estimate into a scenario, so the estimate can be run in the simulator and the two
 * put side by side.
 */
public final class Estimator {
    private Estimator() {
    }

    /** One line of shown arithmetic: "servers c = 6 instances × 8 workers = 48". */
    public record Step(String text) {
    }

    /**
     * A pool sized for a Poisson rate λ and exponential service times of mean 1/μ: c = instances ×
     * workers servers, utilisation ρ = λ / (c μ), the probability of waiting (Erlang C), the mean
     * wait C / (c μ − λ) and the p99 of the response time (wait + service) from M/M/c's exact
     * response-time distribution.
     */
    public record PoolEstimate(double ratePerSecond, double serviceTimeMs, int workersPerInstance, double targetUtilization,
                               InstanceSize size, int instances, int servers, double utilization, double probabilityOfWaiting,
                               double meanWaitMs, double meanResponseMs, double p99ResponseMs, double costPerHour,
                               List<Step> arithmetic) {
    }

    /** The fewest instances that keep utilisation at or under {@code targetUtilization} (at least 1). */
    public static PoolEstimate pool(double ratePerSecond, double serviceTimeMs, int workersPerInstance,
                                    double targetUtilization, InstanceSize size) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Erlang C: the probability an arrival waits in an M/M/c queue with {@code servers} servers and
     * offered load {@code erlangs} = λ/μ (less than {@code servers}); 1 at or above it.
     */
    public static double erlangC(int servers, double erlangs) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The {@code q} quantile (0 < q < 1) of M/M/c's response time (wait + service), in ms. Infinite when unstable. */
    public static double responseQuantileMs(int servers, double ratePerSecond, double serviceTimeMs, double q) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A cache sized for a hit ratio under Zipf(alpha) popularity over {@code keys} keys, by Che's approximation for LRU. */
    public record CacheEstimate(int keys, double alpha, double targetHitRatio, int capacity, double hitRatio,
                                double characteristicTime, List<Step> arithmetic) {
    }

    /** The smallest LRU capacity whose Che hit ratio reaches {@code targetHitRatio} (capped at {@code keys}). */
    public static CacheEstimate cache(int keys, double alpha, double targetHitRatio) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A count sized by rate: ceil(rate / (capacity per unit × target utilisation)). */
    public record CountEstimate(String what, double ratePerSecond, double perUnitPerSecond, double targetUtilization,
                                int count, double utilization, List<Step> arithmetic) {
    }

    /** Shards for a write rate: every write goes to its shard's primary. */
    public static CountEstimate shards(double writesPerSecond, double writesPerShardPerSecond, double targetUtilization) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Read replicas per shard for a read rate spread over {@code shards} shards, the replicas
     * serving the reads (the primary keeps the writes).
     */
    public static CountEstimate replicas(double readsPerSecond, int shards, double readsPerReplicaPerSecond,
                                         double targetUtilization) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * A connection pool by Little's law: connections in use L = λ × W (queries per second per
     * instance × the time a query holds its connection), with {@code headroom} (1.5 = 50 % more)
     * for bursts, beside HikariCP's rule of thumb for the database side, cores × 2 + spindles.
     */
    public record ConnectionEstimate(double queriesPerSecond, double holdMs, double headroom, double inUse, int poolSize,
                                     int databaseCores, int hikariRule, List<Step> arithmetic) {
    }

    public static ConnectionEstimate connections(double queriesPerSecondPerInstance, double holdMs, double headroom,
                                                 int databaseCores) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * "Check it": a scenario that runs {@code estimate} as the queue it models, Poisson arrivals at
     * its rate, exponential service times of its mean, its instances and workers, round-robin, no
     * autoscaler, a queue long enough to reject nothing, {@code durationSeconds} long.
     */
    public static Scenario checkScenario(PoolEstimate estimate, double durationSeconds) {
        throw new UnsupportedOperationException("not built yet");
    }
}
