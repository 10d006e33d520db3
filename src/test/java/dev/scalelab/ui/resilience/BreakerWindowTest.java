package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.BreakerTransition;
import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.engine.resilience.CallOutcome;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BreakerWindowTest {
    private final Scenario.Breaker breaker = Presets.load("retry-storm").dependencies().get(1).breaker();

    private static BreakerView view(BreakerState state) {
        return new BreakerView("payments", state, 0, 0, 0, 20, new CallOutcome[0], 0, 0, 0, 0, 0);
    }

    private static BreakerTransition t(BreakerState from, BreakerState to) {
        return new BreakerTransition(1, "payments", from, to, "");
    }

    @Test
    void theRingIsTheCountWindowThenTheTrialCalls() {
        assertEquals(50, BreakerWindow.capacity(view(BreakerState.CLOSED), List.of(), breaker));
        assertEquals(50, BreakerWindow.capacity(view(BreakerState.OPEN), List.of(t(BreakerState.CLOSED, BreakerState.OPEN)), breaker));
        assertEquals(10, BreakerWindow.capacity(view(BreakerState.HALF_OPEN), List.of(t(BreakerState.OPEN, BreakerState.HALF_OPEN)), breaker));
        assertEquals(10, BreakerWindow.capacity(view(BreakerState.OPEN), List.of(t(BreakerState.HALF_OPEN, BreakerState.OPEN)), breaker),
                "reopened by failed trials: the ring shows those trials");
    }

    @Test
    void timeWindowsAndTheConsecutiveRuleHaveNoFixedSize() {
        Scenario.Breaker time = new Scenario.Breaker("resilience4j", "time-based", 10, 20, 50, 100, 60_000, 5000, 10, false, 5);
        Scenario.Breaker consecutive = new Scenario.Breaker("consecutive", "count-based", 100, 20, 50, 100, 60_000, 5000, 10, false, 5);
        assertEquals(0, BreakerWindow.capacity(view(BreakerState.CLOSED), List.of(), time));
        assertEquals(0, BreakerWindow.capacity(view(BreakerState.CLOSED), List.of(), consecutive));
    }
}
