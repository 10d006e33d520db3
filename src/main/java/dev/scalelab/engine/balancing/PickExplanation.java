package dev.scalelab.engine.balancing;

import java.util.List;

/**
 * What a strategy weighed for one pick, for a person to inspect: the backends it sampled, each
 * with the score it compared (lower wins), and the one it chose.
 *
 * @param scoreName what the scores are, such as "active requests" or "peak EWMA load (ms x (pending + 1))"
 */
public record PickExplanation(String strategy, List<String> candidates, List<Double> scores, String scoreName,
                              String chosen) {
    public PickExplanation {
        candidates = List.copyOf(candidates);
        scores = List.copyOf(scores);
    }
}
