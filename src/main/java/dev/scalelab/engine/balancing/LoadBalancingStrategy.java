package dev.scalelab.engine.balancing;

import dev.scalelab.sim.HasId;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the backend for one request. Strategies keep their own state (a round-robin cursor, a
 * ring, per-backend latency estimates) and are confined to the simulation thread.
 */
public interface LoadBalancingStrategy {

    /**
     * Index into {@code backends} of the chosen one, or -1 when none accepts traffic.
     *
     * @param requestHash a 64-bit hash of the request's affinity key (its data key or session),
     *                    for hashing strategies; others ignore it
     * @param nowNanos    virtual time, for strategies that decay or warm up over time
     * @param random      the balancer's own random stream; the only randomness strategies use
     */
    int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random);

    /**
     * Feedback when a request sent to {@code backend} ends. Call it exactly once for every request
     * a pick sent somewhere, however it ends (completed, failed, rejected by the backend's full
     * queue), with the time from the pick to that end: strategies that count outstanding requests
     * ({@code peak-ewma}) would otherwise count the request as pending forever.
     */
    default void onComplete(Backend backend, long latencyNanos, long nowNanos) {
    }

    /** The scenario name of this strategy, such as {@code round-robin}. */
    String id();

    /**
     * The candidates and scores behind the most recent pick, built on demand (strategies keep only
     * primitive traces of it, so picking allocates nothing); null for strategies that compare nothing.
     */
    default PickExplanation explainLastPick() {
        return null;
    }

    /** The strategy with the real systems' default parameters. */
    static LoadBalancingStrategy create(Strategy strategy) {
        return create(strategy, BalancerConfig.DEFAULTS);
    }

    static LoadBalancingStrategy create(Strategy strategy, BalancerConfig config) {
        return switch (strategy) {
            case ROUND_ROBIN -> new RoundRobin();
            case SMOOTH_WEIGHTED_ROUND_ROBIN -> new SmoothWeightedRoundRobin();
            case LEAST_CONNECTIONS -> new LeastConnections();
            case RANDOM -> new RandomChoice();
            case WEIGHTED_RANDOM -> new WeightedRandom();
            case P2C -> new PowerOfChoices(config.choiceCount());
            case LEAST_REQUEST -> new LeastRequest(config.choiceCount(), config.activeRequestBias(), config.slowStart());
            case PEAK_EWMA -> new PeakEwma(config.peakEwmaDecayNanos());
            case RING_HASH -> new RingHash(config.ringMinimumSize(), config.ringMaximumSize(), config.ringVirtualNodes());
            case MAGLEV -> new Maglev(config.maglevTableSize());
        };
    }

    /** The strategies that exist, by their scenario names. */
    enum Strategy implements HasId {
        ROUND_ROBIN("round-robin", "Round robin"),
        SMOOTH_WEIGHTED_ROUND_ROBIN("smooth-weighted-round-robin", "Smooth weighted round robin (nginx)"),
        LEAST_CONNECTIONS("least-connections", "Least connections"),
        RANDOM("random", "Random"),
        WEIGHTED_RANDOM("weighted-random", "Weighted random"),
        P2C("p2c", "Power of d choices"),
        LEAST_REQUEST("least-request", "Least request (Envoy)"),
        PEAK_EWMA("peak-ewma", "Peak EWMA (Finagle)"),
        RING_HASH("ring-hash", "Ring hash (Ketama, Envoy)"),
        MAGLEV("maglev", "Maglev");

        private final String id;
        private final String label;

        Strategy(String id, String label) {
            this.id = id;
            this.label = label;
        }

        @Override
        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        public static Strategy byId(String id) {
            return HasId.byId(Strategy.class, id);
        }
    }
}
