package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.BreakerTransition;
import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.world.Scenario;

import java.util.List;

/** What the ring of recent outcomes is drawn against: the size of the window the breaker evaluates now. */
final class BreakerWindow {
    private BreakerWindow() {
    }

    /**
     * How many calls the window the breaker evaluates can hold: in HALF_OPEN, and in an OPEN entered
     * from it, the trial calls (Resilience4j gives HALF_OPEN a count window of the permitted calls);
     * otherwise the configured count window. 0 when it is not a count of calls (a time window, the
     * consecutive rule): the ring then has a segment per call recorded.
     */
    static int capacity(BreakerView b, List<BreakerTransition> transitions, Scenario.Breaker config) {
        if (!config.mode().equals("resilience4j")) {
            return 0;
        }
        boolean trial = b.state() == BreakerState.HALF_OPEN || (b.state() == BreakerState.OPEN && !transitions.isEmpty()
                && transitions.get(transitions.size() - 1).from() == BreakerState.HALF_OPEN);
        if (trial) {
            return config.permittedNumberOfCallsInHalfOpenState();
        }
        return config.slidingWindowType().equals("count-based") ? config.slidingWindowSize() : 0;
    }
}
