package dev.scalelab.ui.resilience;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DotScaleTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void roundsUpToOneTwoFive() {
        assertEquals(1, DotScale.roundUp(0.3));
        assertEquals(2, DotScale.roundUp(1.5));
        assertEquals(5, DotScale.roundUp(3.34));
        assertEquals(10, DotScale.roundUp(7));
        assertEquals(50, DotScale.roundUp(33.4));
        assertEquals(100, DotScale.roundUp(100));
    }

    @Test
    void followsTheRequestRateAndComesDownOnlyWhenWellBelow() {
        DotScale scale = new DotScale();
        // 400 requests per wall second: 120 dots a second need 1 dot per 5 attempts.
        assertEquals(5, scale.update(400, SECOND));
        // Ten times faster (10× speed): 1 dot per 50.
        for (int i = 0; i < 5; i++) {
            scale.update(4000, SECOND);
        }
        assertEquals(50, scale.attemptsPerDot());
        // A little less keeps the scale; much less brings it down.
        for (int i = 0; i < 5; i++) {
            scale.update(3000, SECOND);
        }
        assertEquals(50, scale.attemptsPerDot());
        for (int i = 0; i < 5; i++) {
            scale.update(400, SECOND);
        }
        assertEquals(5, scale.attemptsPerDot());
    }
}
