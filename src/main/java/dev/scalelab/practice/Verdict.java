package dev.scalelab.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The grader's verdict on one design.
 *
 * @param violations  fields the design changed that the challenge fixes ("workload.arrival.ratePerSecond
 *                    is fixed by the challenge: 800 in the start, 400 here"); any fails the verdict
 * @param costPerHour the mean over the seeds of {@code cost.meanPerHour}
 * @param predictions the mean over the seeds of each prediction's metric, by prediction id
 */
public record Verdict(String challenge, List<Long> seeds, boolean passed, int score, List<String> violations,
                      List<RequirementResult> requirements, double costPerHour, Map<String, Double> predictions) {
    public Verdict {
        seeds = List.copyOf(seeds);
        violations = List.copyOf(violations);
        requirements = List.copyOf(requirements);
        predictions = Map.copyOf(predictions);
    }

    /**
     * The verdict JSON {@code grade --out} writes: {@code challenge}, {@code passed}, {@code score},
     * {@code seeds}, {@code costPerHour}, {@code violations}, {@code requirements} (each: {@code id},
     * {@code label}, {@code metric}, {@code target} when it has one, {@code max} or {@code min},
     * {@code perSeed}, {@code overall}, {@code passed}, and {@code breach} for a failure: {@code seed},
     * {@code atSeconds} (absent when there is no moment), {@code what}, {@code why}) and
     * {@code predictions}.
     */
    public ObjectNode toJson() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The verdict as {@code grade} prints it: one line per requirement (value, target, PASS/FAIL), then each breach's when and why, then the score. */
    public String toText() {
        throw new UnsupportedOperationException("not built yet");
    }
}
