package dev.scalelab.ui.events;

import javafx.scene.paint.Color;

/**
 * The colours of keys and of consumers. A record's key picks one of {@link #KEY_COLORS} by a hash of
 * its value, so one key has one colour in every lane, run and session (the ordering of a key's
 * records shows on its partition); an unkeyed record is grey. A consumer's colour is its view's
 * {@code colour} number in {@link #CONSUMER_COLORS}: stronger hues than the keys', so the owner bands
 * and tiles stand out from the records. FX thread only (the colours are shared constants).
 */
final class EventPalettes {
    /** Soft hues, told apart at a block of a few pixels. */
    static final Color[] KEY_COLORS = {
            Color.web("#8fb8ef"), Color.web("#f2b880"), Color.web("#93d3b0"), Color.web("#e9a3a9"),
            Color.web("#c3b1ec"), Color.web("#9fd7e0"), Color.web("#e6cf7d"), Color.web("#d2b6a1"),
            Color.web("#b4cf8a"), Color.web("#efa8d6"), Color.web("#a9b8cc"), Color.web("#f0c6a5")};
    static final Color UNKEYED = Color.web("#c9ced6");
    static final Color[] CONSUMER_COLORS = {
            Color.web("#2f6fdf"), Color.web("#e07b16"), Color.web("#1f9a5c"), Color.web("#9a4fd0"),
            Color.web("#c43c6f"), Color.web("#138a9e"), Color.web("#8a6d1c"), Color.web("#4b5fa8"),
            Color.web("#5f8f1f"), Color.web("#b5462d")};

    private EventPalettes() {
    }

    /** The palette index of a key ({@code -1}: unkeyed, for which the answer is -1). */
    static int keyIndex(long key) {
        if (key < 0) {
            return -1;
        }
        // A 64-bit finaliser (MurmurHash3's fmix64): neighbouring keys get unrelated colours.
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) Math.floorMod(h, (long) KEY_COLORS.length);
    }

    static Color keyColor(long key) {
        int index = keyIndex(key);
        return index < 0 ? UNKEYED : KEY_COLORS[index];
    }

    /** The colour of a consumer numbered {@code colour}; a negative number (no owner) has none (null). */
    static Color consumerColor(int colour) {
        return colour < 0 ? null : CONSUMER_COLORS[colour % CONSUMER_COLORS.length];
    }
}
