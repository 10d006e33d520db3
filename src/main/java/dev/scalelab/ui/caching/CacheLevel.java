package dev.scalelab.ui.caching;

import javafx.scene.image.WritableImage;

/** One cache level's drawing state in the {@link CacheLevelsView}, kept across frames. FX thread only. */
final class CacheLevel {
    final SlotGrid grid = new SlotGrid();
    KeySlotIndex index = new KeySlotIndex();
    KeySlotIndex previousIndex = new KeySlotIndex();
    final CellFlashes flashes = new CellFlashes();
    /** Per slot: its position within its group, and its group. */
    int[] displayIndex = new int[0];
    byte[] groupOf = new byte[0];
    /** The grid at full size, cells and gaps, written pixel by pixel (see {@link SlotGridPainter#paint}). */
    int[] pixels = new int[0];
    WritableImage image;
    /** Slots in the current frame's view of the level. */
    int slotCount;
    double cardX;
    double cardWidth;
}
