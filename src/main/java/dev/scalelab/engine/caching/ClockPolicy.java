package dev.scalelab.engine.caching;

import java.util.function.IntConsumer;

/**
 * CLOCK (second chance, Corbató 1968): a hit sets the entry's reference bit; the hand sweeps from
 * the oldest entry, clearing set bits and moving those entries behind it, and evicts the first
 * entry found unreferenced. Kept as a FIFO deque the hand walks, as Caffeine's simulator
 * ClockPolicy does; amortised O(1) because each sweep step clears one bit that a hit had set.
 */
final class ClockPolicy implements EvictionPolicy {
    private final int capacity;
    private final IntConsumer evict;
    private final SlotDeque ring;
    private final boolean[] referenced;

    ClockPolicy(int capacity, int slots, IntConsumer evict) {
        this.capacity = capacity;
        this.evict = evict;
        ring = SlotDeque.standalone(slots);
        referenced = new boolean[slots];
    }

    @Override
    public void onInsert(int slot) {
        if (ring.size() >= capacity) {
            int hand = ring.first();
            while (referenced[hand]) {
                referenced[hand] = false;
                ring.moveToLast(hand);
                hand = ring.first();
            }
            ring.remove(hand);
            evict.accept(hand);
        }
        referenced[slot] = false;
        ring.addLast(slot);
    }

    @Override
    public void onAccess(int slot) {
        referenced[slot] = true;
    }

    @Override
    public void onRemove(int slot) {
        ring.remove(slot);
    }
}
