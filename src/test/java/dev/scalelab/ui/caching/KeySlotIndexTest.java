package dev.scalelab.ui.caching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeySlotIndexTest {

    @Test
    void findsTheSlotOfEveryKeyAndNothingForEmptySlotsOrAbsentKeys() {
        KeySlotIndex index = new KeySlotIndex();
        int[] slots = new int[4096];
        for (int slot = 0; slot < slots.length; slot++) {
            slots[slot] = slot % 3 == 0 ? -1 : slot * 7;
        }
        index.rebuild(slots);
        for (int slot = 0; slot < slots.length; slot++) {
            if (slots[slot] >= 0) {
                assertEquals(slot, index.slotOf(slots[slot]));
            }
        }
        assertEquals(KeySlotIndex.MISSING, index.slotOf(1));
        assertEquals(KeySlotIndex.MISSING, index.slotOf(-1));
    }

    @Test
    void aRebuildForgetsTheKeysThatLeft() {
        KeySlotIndex index = new KeySlotIndex();
        index.rebuild(new int[] {10, 11, 12});
        index.rebuild(new int[] {12, -1, 13});
        assertEquals(KeySlotIndex.MISSING, index.slotOf(10));
        assertEquals(0, index.slotOf(12));
        assertEquals(2, index.slotOf(13));
    }
}
