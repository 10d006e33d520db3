package dev.scalelab.ui.resilience;

import dev.scalelab.world.Action;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultModelTest {
    private final List<String> acts = new ArrayList<>();
    private final FaultModel.Sink sink = (action, target, value, seconds) -> acts.add(action.id() + " " + target + " " + value + " " + seconds);

    @Test
    void anOutageTakesOnlyADuration() {
        FaultModel outage = new FaultModel(Action.OUTAGE, 0, sink);
        assertEquals("", outage.valueTextProperty().get());
        assertEquals("30", outage.durationTextProperty().get());
        assertTrue(outage.inject("payments-protected"));
        assertEquals(List.of("outage payments-protected null 30.0"), acts);
    }

    @Test
    void valuesAndDurationsAreCheckedAsOnTheTimeline() {
        FaultModel errors = new FaultModel(Action.ERROR_RATE, 0.5, sink);
        errors.valueTextProperty().set("1.5");
        assertFalse(errors.inject("payments"));
        assertEquals("error-rate.value: 1.5 is out of range; a number from 0 to 1 (the extra fraction of calls that fail)",
                errors.errorProperty().get());
        errors.valueTextProperty().set("0.25");
        errors.durationTextProperty().set("0");
        assertFalse(errors.inject("payments"));
        assertEquals("error-rate.durationSeconds: 0 is out of range; a number of seconds from 0.001 to 10000000",
                errors.errorProperty().get());
        errors.durationTextProperty().set("soon");
        assertFalse(errors.inject("payments"));
        assertEquals("error-rate.durationSeconds: \"soon\" is not a number", errors.errorProperty().get());
        assertEquals(List.of(), acts);
        errors.durationTextProperty().set("12");
        assertTrue(errors.inject("payments"));
        assertEquals("", errors.errorProperty().get());
        assertEquals(List.of("error-rate payments 0.25 12.0"), acts);
    }

    @Test
    void latencyIsInMilliseconds() {
        FaultModel latency = new FaultModel(Action.LATENCY, 500, sink);
        assertEquals("500", latency.valueTextProperty().get());
        assertTrue(latency.inject("payments"));
        assertEquals(List.of("latency payments 500.0 30.0"), acts);
    }
}
