package dev.scalelab.engine.balancing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Mitzenmacher's power of d choices: sample d distinct backends that accept traffic, uniformly,
 * and take the one with the fewest active requests; ties go to the first sampled. With fewer than
 * d eligible backends it compares all of them. O(d) per pick while most backends accept traffic
 * (see {@link Sampling}). d = 2 turns random's M/M/1 sojourn 1/(1 - lambda) into
 * T_2(lambda) = sum over i of lambda^(2^i - 2), 2.61 instead of 10 at lambda = 0.9.
 */
public final class PowerOfChoices implements LoadBalancingStrategy {
    private final int[] sample;
    // The last pick, kept for explainLastPick: the sampled backends and their active requests.
    private final Backend[] lastSampled;
    private final int[] lastActive;
    private int lastCount;
    private Backend lastChosen;

    public PowerOfChoices(int choices) {
        if (choices < 1) {
            throw new IllegalArgumentException("power of d choices needs d >= 1");
        }
        sample = new int[choices];
        lastSampled = new Backend[choices];
        lastActive = new int[choices];
    }

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        int k = Sampling.distinctAcceptingTraffic(backends, sample.length, random, sample);
        if (k == 0) {
            return -1;
        }
        int best = sample[0];
        int bestActive = backends.get(best).activeRequests();
        lastSampled[0] = backends.get(best);
        lastActive[0] = bestActive;
        for (int j = 1; j < k; j++) {
            int active = backends.get(sample[j]).activeRequests();
            lastSampled[j] = backends.get(sample[j]);
            lastActive[j] = active;
            if (active < bestActive) {
                best = sample[j];
                bestActive = active;
            }
        }
        lastCount = k;
        lastChosen = backends.get(best);
        return best;
    }

    @Override
    public PickExplanation explainLastPick() {
        if (lastChosen == null) {
            return null;
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Double> scores = new java.util.ArrayList<>();
        for (int j = 0; j < lastCount; j++) {
            names.add(lastSampled[j].id());
            scores.add((double) lastActive[j]);
        }
        return new PickExplanation(id(), names, scores, "active requests", lastChosen.id());
    }

    @Override
    public String id() {
        return Strategy.P2C.id();
    }
}
