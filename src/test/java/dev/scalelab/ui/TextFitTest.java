package dev.scalelab.ui;

import org.junit.jupiter.api.Test;

import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Canvas texts that must fit their card: the longest wording that fits, else a cut one. */
class TextFitTest {
    /** Every character 6 px wide: easy to reason about. */
    private static final ToDoubleFunction<String> MONO = s -> 6.0 * s.length();

    @Test
    void theFirstWordingThatFitsIsChosen() {
        assertEquals("read-your-writes, 241 stale reads",
                TextFit.fit(MONO, 6 * 40, "read-your-writes, 241 stale reads", "241 stale reads"));
        assertEquals("241 stale reads",
                TextFit.fit(MONO, 158, "read-your-writes, 241 stale reads", "241 stale reads"));
    }

    @Test
    void whenNoneFitsTheLastIsCutWithAnEllipsisWithinTheWidth() {
        String cut = TextFit.fit(MONO, 60, "a very long wording", "shorter wording");
        assertEquals("shorter w…", cut);
        assertEquals(true, MONO.applyAsDouble(cut) <= 60);
        assertEquals("", TextFit.cut(MONO, 5, "abc"));
    }

    @Test
    void aFaultLosesItsRemarkBeforeItsEnd() {
        String full = "outage (connections refused) until 141.5 s";
        assertEquals("outage until 141.5 s", TextFit.withoutParentheses(full));
        // Wide enough for the short wording: "until 141.5 s" stays whole, never "until 141…".
        assertEquals("outage until 141.5 s", TextFit.fit(MONO, 6 * 25, full, TextFit.withoutParentheses(full)));
    }
}
