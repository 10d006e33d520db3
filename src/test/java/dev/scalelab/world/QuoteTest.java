package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteTest {

    @Test
    void aShortValueIsQuotedWhole() {
        assertEquals("\"nope\"", Quote.of("nope"));
        assertEquals("nope", Quote.shorten("nope"));
        String eighty = "x".repeat(Quote.MAX_CHARS);
        assertEquals(eighty, Quote.shorten(eighty));
    }

    @Test
    void aMegabyteValueKeepsItsStartAndEndWithinEightyCharacters() {
        String huge = "start-" + "a".repeat(6_000_000) + "-end.json";
        String s = Quote.shorten(huge);
        assertTrue(s.length() <= Quote.MAX_CHARS, s);
        assertTrue(s.startsWith("start-aaa"), s);
        assertTrue(s.endsWith("aaa-end.json"), s);
        assertTrue(s.contains("…"), s);
        assertEquals("\"" + s + "\"", Quote.of(huge));
    }

    @Test
    void aSurrogatePairIsNeverCutInHalf() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        for (int shift = 0; shift < 4; shift++) {
            String s = Quote.shorten("a".repeat(shift) + emoji.repeat(100));
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertTrue(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)), s);
                } else if (Character.isLowSurrogate(c)) {
                    assertTrue(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)), s);
                }
            }
        }
    }

    @Test
    void lineBreaksAreShownEscapedSoTheMessageStaysOneLine() {
        assertEquals("\"a\\nb\\tc\\u0000\"", Quote.of("a\nb\tc\0"));
        assertFalse(Quote.shorten("x\n".repeat(1000)).contains("\n"));
    }
}
