package dev.scalelab.practice;

import java.util.List;

/**
 * A requirement's outcome: its value on each graded seed, the worst of them ({@code overall}: the
 * largest for a max, the smallest for a min), whether every seed met it, and for a failure where it
 * broke.
 */
public record RequirementResult(Requirement requirement, List<Double> perSeed, double overall, boolean passed, Breach breach) {
    public RequirementResult {
        perSeed = List.copyOf(perSeed);
    }
}
