package dev.scalelab.world;

/**
 * The run cannot go on within this machine's means: it says what ran out and which fields to
 * lower. The world stops at a clean point (between events), so what was measured up to then holds.
 */
public final class RunStoppedException extends RuntimeException {
    private final double atSeconds;

    RunStoppedException(double atSeconds, String message) {
        super(message);
        this.atSeconds = atSeconds;
    }

    /** The virtual time at which the run stopped. */
    public double atSeconds() {
        return atSeconds;
    }
}
