package dev.scalelab.ui.events;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventPalettesTest {

    @Test
    void aKeyHasTheSameColourEveryTime() {
        // Fixed by the hash, not by the order keys are seen in: the same in every run and session.
        assertEquals(EventPalettes.keyIndex(42), EventPalettes.keyIndex(42));
        int[] expected = {EventPalettes.keyIndex(0), EventPalettes.keyIndex(1), EventPalettes.keyIndex(7)};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[0], EventPalettes.keyIndex(0));
            assertEquals(expected[1], EventPalettes.keyIndex(1));
            assertEquals(expected[2], EventPalettes.keyIndex(7));
        }
        assertSame(EventPalettes.KEY_COLORS[EventPalettes.keyIndex(123_456)], EventPalettes.keyColor(123_456));
    }

    @Test
    void keysSpreadOverThePaletteAndUnkeyedRecordsAreGrey() {
        Set<Integer> used = new HashSet<>();
        int[] counts = new int[EventPalettes.KEY_COLORS.length];
        for (long key = 0; key < 1_200; key++) {
            int index = EventPalettes.keyIndex(key);
            used.add(index);
            counts[index]++;
        }
        assertEquals(EventPalettes.KEY_COLORS.length, used.size(), "every colour is used");
        for (int count : counts) {
            assertTrue(count > 60 && count < 140, "about 100 keys per colour, got " + count);
        }
        assertTrue(EventPalettes.keyIndex(3) != EventPalettes.keyIndex(4) || EventPalettes.keyIndex(4) != EventPalettes.keyIndex(5),
                "neighbouring keys are not all one colour");
        assertEquals(-1, EventPalettes.keyIndex(-1));
        assertSame(EventPalettes.UNKEYED, EventPalettes.keyColor(-1));
    }

    @Test
    void consumerColoursCycleThroughTheirPalette() {
        int n = EventPalettes.CONSUMER_COLORS.length;
        assertSame(EventPalettes.CONSUMER_COLORS[3], EventPalettes.consumerColor(3));
        assertSame(EventPalettes.CONSUMER_COLORS[3], EventPalettes.consumerColor(3 + n));
        assertNull(EventPalettes.consumerColor(-1));
    }
}
