package dev.scalelab.engine.balancing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the backend for one request. Strategies keep their own state (a round-robin cursor) and
 * are confined to the simulation thread.
 */
public interface LoadBalancingStrategy {

    /**
     * Index into {@code backends} of the chosen one, or -1 when none accepts traffic.
     *
     * @param requestHash a 64-bit hash of the request's affinity key (its data key or session),
     *                    for hashing strategies; others ignore it
     * @param nowNanos    virtual time, for strategies that decay or warm up over time
     */
    int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random);

    /** Feedback when a request sent to {@code backend} finishes, for latency-aware strategies. */
    default void onComplete(Backend backend, long latencyNanos, long nowNanos) {
    }

    /** The scenario name of this strategy, such as {@code round-robin}. */
    String id();

    static LoadBalancingStrategy create(Strategy strategy) {
        switch (strategy) {
            case ROUND_ROBIN:
                return new RoundRobin();
            case LEAST_CONNECTIONS:
                return new LeastConnections();
            case RANDOM:
                return new RandomChoice();
            default:
                throw new AssertionError(strategy);
        }
    }

    /** The strategies that exist, by their scenario names. */
    enum Strategy {
        ROUND_ROBIN("round-robin", "Round robin"),
        LEAST_CONNECTIONS("least-connections", "Least connections"),
        RANDOM("random", "Random");

        private final String id;
        private final String label;

        Strategy(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        public static Strategy byId(String id) {
            for (Strategy s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }
}
