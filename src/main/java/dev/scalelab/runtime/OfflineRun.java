package dev.scalelab.runtime;

import dev.scalelab.world.Scenario;

/**
 * A world run on the caller's thread, with no runner thread and no wall clock: exports use it to
 * re-run a scenario deterministically and draw a panel at chosen moments (an animated GIF at a
 * steady frame rate, whatever the live app managed), and to write the whole run's series and report.
 */
public final class OfflineRun {

    public OfflineRun(Scenario scenario) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Runs every event up to {@code atSeconds} (never back) and returns the frame a panel would get then. */
    public Frame frameAt(double atSeconds) {
        throw new UnsupportedOperationException("not built yet");
    }
}
