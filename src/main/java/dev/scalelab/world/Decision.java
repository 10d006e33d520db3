package dev.scalelab.world;

/**
 * A decision for the report: who decided, what, with which inputs (in {@code message}), and for
 * scaling decisions the replica counts before, asked for and settled on (-1 when not a scaling decision).
 */
public record Decision(double atSeconds, String source, String message, int currentReplicas, int desiredReplicas,
                       int finalReplicas) {
}
