package dev.scalelab.ui.resilience;

import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.engine.resilience.CallOutcome;
import dev.scalelab.engine.resilience.MeshStats;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResilienceTextsTest {
    private final Scenario storm = Presets.load("retry-storm");

    @Test
    void aClientIsSummedUpInOneLine() {
        assertEquals("called by 50% of requests · 3 attempts, no back-off · timeout 1 s",
                ResilienceTexts.clientSummary(storm.dependencies().get(0)));
        assertEquals("called by 50% of requests · 3 attempts, back-off 100 ms ×2 ≤ 2 s, full jitter, envoy budget 20% · timeout 1 s",
                ResilienceTexts.clientSummary(storm.dependencies().get(1)));
        assertEquals("last 50 calls · min 20 · open 5 s", ResilienceTexts.breakerSummary(storm.dependencies().get(1).breaker()));
        assertEquals("≥ 50%", ResilienceTexts.tripCondition(storm.dependencies().get(1).breaker()));
    }

    @Test
    void theStatusSaysWhatTheBreakerDoesNow() {
        Scenario.Breaker config = storm.dependencies().get(1).breaker();
        assertEquals("Open: rejecting calls, half-open in 3.4 s", ResilienceTexts.status(
                new BreakerView("p", BreakerState.OPEN, 60, 0, 50, 20, new CallOutcome[0], 3_400_000_000L, 0, 12, 1, 1), config));
        assertEquals("Half-open: 7 of 10 trial calls left", ResilienceTexts.status(
                new BreakerView("p", BreakerState.HALF_OPEN, Float.NaN, Float.NaN, 3, 10, new CallOutcome[0], 0, 7, 12, 1, 2), config));
        assertEquals("Closed: calls flow; opened 2 times", ResilienceTexts.status(
                new BreakerView("p", BreakerState.CLOSED, 0, 0, 0, 20, new CallOutcome[0], 0, 0, 12, 2, 4), config));
    }

    @Test
    void countersAndFiguresReadAsAPersonWritesThem() {
        MeshStats s = new MeshStats("p", 1000, 900, 100, 3000, 2800, 2000, 56, 200, 0, 12, 2788, 0, BreakerState.OPEN,
                new LatencySummary(1000, 50, 30, 80, 1020, 1100, 1200));
        assertEquals("retries 2,000 (56 denied by budget) · rejected by breaker 200 · timeouts 12 · errors 2,788 · p99 1,020 ms",
                ResilienceTexts.counters(s));
        assertEquals("3.0×", ResilienceTexts.amplification(2.96));
        assertEquals("–", ResilienceTexts.amplification(Double.NaN));
        assertEquals("62%", ResilienceTexts.percent(62.4));
        assertEquals("250 ms", ResilienceTexts.duration(250));
        assertEquals("5 s", ResilienceTexts.duration(5000));
        assertEquals("1 call", ResilienceTexts.calls(1));
        assertEquals("1,200 calls", ResilienceTexts.calls(1200));
    }
}
