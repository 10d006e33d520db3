package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.engine.balancing.PickExplanation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PickTextTest {

    @Test
    void p2cNamesTheSampledInstancesWithTheirActiveRequestsAndTheWinner() {
        PickExplanation pick = new PickExplanation("p2c", List.of("i-3", "i-5"), List.of(12.0, 2.0), "active requests", "i-5");
        assertEquals("sampled i-3 (12 active) and i-5 (2 active)", PickText.compared(pick));
    }

    @Test
    void threeChoicesAreListedWithCommasAndAnd() {
        PickExplanation pick = new PickExplanation("p2c", List.of("i-1", "i-4", "i-6"), List.of(3.0, 7.0, 2.0),
                "active requests", "i-6");
        assertEquals("sampled i-1 (3 active), i-4 (7 active) and i-6 (2 active)", PickText.compared(pick));
    }

    @Test
    void peakEwmaComparesTheTwoLoadsInMilliseconds() {
        PickExplanation pick = new PickExplanation("peak-ewma", List.of("i-3", "i-5"), List.of(812.4, 41.04),
                "peak EWMA load: RTT ms x (pending + 1)", "i-5");
        assertEquals("compared i-3 (load 812 ms) and i-5 (load 41.0 ms)", PickText.compared(pick));
    }

    @Test
    void aSingleCandidateIsTheOnlyOneThatAcceptsTraffic() {
        PickExplanation pick = new PickExplanation("p2c", List.of("i-2"), List.of(4.0), "active requests", "i-2");
        assertEquals("only i-2 accepts traffic", PickText.compared(pick));
    }

    @Test
    void theLastP2cDecisionOfARunIsDescribedFromTheSnapshot() {
        Snapshot snapshot = Worlds.after(Worlds.slowInstance("p2c"), 20);
        PickExplanation pick = snapshot.balancer().lastPick();
        PickText text = PickText.of(snapshot);
        assertEquals(snapshot.dispatches().total(), text.decision());
        assertEquals(PickText.compared(pick) + " → " + pick.chosen(), text.headline());
        assertEquals(pick.candidates(), text.sampled());
        assertEquals(pick.chosen(), text.chosen());
        assertTrue(text.rule().startsWith("Power of d choices (d = 2): sample 2 different instances"), text.rule());
    }

    @Test
    void roundRobinComparesNothingAndSaysWhyTheInstance() {
        Snapshot snapshot = Worlds.after(Worlds.slowInstance("round-robin"), 5);
        PickText text = PickText.of(snapshot);
        int[] numbers = snapshot.dispatches().instanceNumbers();
        String last = "i-" + numbers[numbers.length - 1];
        assertTrue(text.headline().startsWith("→ " + last + " (next in turn)"), text.headline());
        assertTrue(text.sampled().isEmpty());
        assertEquals(last, text.chosen());
        assertTrue(text.rule().startsWith("Round robin: the next instance in turn"));
    }

    @Test
    void theRuleCarriesTheStrategysParameters() {
        Scenario.Balancer p2c = Parameter.of("balancer.choices").applyTo(
                Parameter.of("balancer.strategy").applyTo(Presets.load("slow-instance"), "p2c"), 3).balancer();
        assertTrue(PickText.rule(p2c).startsWith("Power of d choices (d = 3): sample 3 "));
        Scenario.Balancer leastRequest = Parameter.of("balancer.slowStartSeconds").applyTo(
                Parameter.of("balancer.strategy").applyTo(Presets.load("slow-instance"), "least-request"), 30.0).balancer();
        assertTrue(PickText.rule(leastRequest).contains("weight / (active + 1)^1."), PickText.rule(leastRequest));
        assertTrue(PickText.rule(leastRequest).endsWith("ramps up over 30 s (slow start)."));
    }

    @Test
    void everyStrategyHasARuleAndAReason() {
        Scenario scenario = Presets.load("slow-instance");
        for (Strategy s : Strategy.values()) {
            String rule = PickText.rule(Parameter.of("balancer.strategy").applyTo(scenario, s.id()).balancer());
            assertFalse(rule.isBlank(), s.id());
            assertFalse(PickText.reason(s).isBlank(), s.id());
        }
    }

    @Test
    void theInspectorNumbersEachDecision() {
        PickText text = new PickText(12_345, "→ i-3 (next in turn)", "", List.of(), "i-3");
        assertEquals("#12,345  → i-3 (next in turn)", text.numberedHeadline());
        assertEquals("No request routed yet.", PickText.NONE.numberedHeadline());
    }
}
