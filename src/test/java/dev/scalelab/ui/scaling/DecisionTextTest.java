package dev.scalelab.ui.scaling;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionTextTest {

    @Test
    void anHpaScaleUpIsCutIntoItsSourceAndSteps() {
        DecisionText d = DecisionText.parse("HPA: ready 4 of 4, CPU 100% vs 60% -> ratio 1.67 -> desired 7 -> 7");
        assertEquals("HPA", d.source());
        assertEquals(List.of("ready 4 of 4, CPU 100% vs 60%", "ratio 1.67", "desired 7", "7"), d.steps());
        assertEquals(List.of(DecisionText.ARROW, DecisionText.ARROW, DecisionText.ARROW), d.joins());
        assertEquals("7", d.outcome());
        assertFalse(d.keepsTheCount());
    }

    @Test
    void anArrowInsideParenthesesStaysInItsStepDrawnAsAnArrow() {
        DecisionText d = DecisionText.parse("HPA: ready 4 of 7, CPU 100% vs 60% -> ratio 1.67 (0 unready, 3 missing; "
                + "filled in -> 0.95) within tolerance 0.10 -> desired 7 (no change)");
        assertEquals(List.of("ready 4 of 7, CPU 100% vs 60%",
                "ratio 1.67 (0 unready, 3 missing; filled in → 0.95) within tolerance 0.10",
                "desired 7 (no change)"), d.steps());
        assertTrue(d.keepsTheCount());
    }

    @Test
    void aConstraintAfterASemicolonIsAStepOfItsOwn() {
        DecisionText d = DecisionText.parse("HPA: ready 12 of 12, CPU 15% vs 60% -> ratio 0.25 -> desired 3; "
                + "scale-down stabilization over 300 s keeps 12 (no change)");
        assertEquals(4, d.steps().size());
        assertEquals("scale-down stabilization over 300 s keeps 12 (no change)", d.outcome());
        assertEquals(DecisionText.CLAUSE, d.joinBefore(3));
        assertEquals(DecisionText.ARROW, d.joinBefore(1));
        assertTrue(d.keepsTheCount());
    }

    @Test
    void theThresholdRuleAndTheVerticalScalerReadAlike() {
        DecisionText keep = DecisionText.parse("threshold: ready 5, CPU 50% vs target 60% -> between half and target, keep 5");
        assertEquals("threshold", keep.source());
        assertTrue(keep.keepsTheCount());
        DecisionText up = DecisionText.parse("vertical threshold: medium at 85% of capacity > 80% -> large");
        assertEquals("vertical threshold", up.source());
        assertEquals(List.of("medium at 85% of capacity > 80%", "large"), up.steps());
        assertFalse(up.keepsTheCount());
        assertTrue(DecisionText.parse("vertical threshold: small at 76% of capacity -> keep").keepsTheCount());
    }

    @Test
    void anHpaWithoutMetricsKeepsTheCount() {
        DecisionText d = DecisionText.parse("HPA: no change; did not receive metrics for targeted pods (pods might be unready)");
        assertEquals(List.of("no change", "did not receive metrics for targeted pods (pods might be unready)"), d.steps());
        assertTrue(d.keepsTheCount());
    }

    @Test
    void noDecisionYetIsEmpty() {
        assertTrue(DecisionText.parse("").isEmpty());
        assertEquals("", DecisionText.parse(null).outcome());
    }
}
