package dev.scalelab.practice;

/**
 * A number the candidate may guess before the run ("What p99 will the vertical design reach?"),
 * compared after it with the mean over the graded seeds.
 */
public record Prediction(String id, String question, Metric metric, String target) {
}
