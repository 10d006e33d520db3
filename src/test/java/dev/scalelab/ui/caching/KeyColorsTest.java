package dev.scalelab.ui.caching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyColorsTest {

    @Test
    void theHottestKeyIsOneEndOfTheRampAndTheColdestTheOther() {
        assertEquals(0.0, KeyColors.position(0, 1000));
        assertEquals(1.0, KeyColors.position(999, 1000));
        assertEquals(1.0, KeyColors.position(5000, 1000), "a key past the count is as cold as the coldest");
    }

    @Test
    void popularityIsPlacedByLogRankSoEachDecadeOfKeysGetsAnEqualShareOfTheRamp() {
        // log(1 + k) / log(1000): keys 0-9 take a third of the ramp, 10-99 the next third.
        assertEquals(1.0 / 3, KeyColors.position(9, 1000), 1e-9);
        assertEquals(2.0 / 3, KeyColors.position(99, 1000), 1e-9);
    }

    @Test
    void labRoundTripKeepsTheColour() {
        for (int argb : new int[] {0xff2d0b6b, 0xff3f7fd6, 0xffbcd3ee, 0xff000000, 0xffffffff}) {
            assertEquals(argb, KeyColors.argbOfLab(KeyColors.lab(argb)), Integer.toHexString(argb));
        }
    }

    @Test
    void theRampRunsFromTheHotColourToTheColdOneAndGetsLighterAllTheWay() {
        KeyColors colors = new KeyColors();
        colors.setColors(0xff2d0b6b, 0xff3f7fd6, 0xffbcd3ee, 0xfff3f5f8);
        colors.setKeyCount(1000);
        assertEquals(0xff2d0b6b, colors.argb(0));
        assertEquals(0xffbcd3ee, colors.argb(999));
        assertEquals(0xfff3f5f8, colors.argb(-1), "an empty slot");
        double lightness = -1;
        for (int key = 0; key < 1000; key += 7) {
            double l = KeyColors.lab(colors.argb(key))[0];
            assertTrue(l >= lightness - 0.5, "key " + key);
            lightness = l;
        }
        assertTrue(colors.isDark(0));
        assertFalse(colors.isDark(999));
    }
}
