package dev.scalelab.engine.caching;

import java.util.function.IntConsumer;

/**
 * LRU (a hit moves the entry to the recent end) or FIFO (a hit changes nothing): one deque,
 * evicting from the old end before a new entry goes in, as Caffeine's simulator LinkedPolicy.
 */
final class LinkedPolicy implements EvictionPolicy {
    private final int capacity;
    private final boolean reorderOnAccess;
    private final IntConsumer evict;
    private final SlotDeque order;

    LinkedPolicy(int capacity, int slots, boolean reorderOnAccess, IntConsumer evict) {
        this.capacity = capacity;
        this.reorderOnAccess = reorderOnAccess;
        this.evict = evict;
        order = SlotDeque.standalone(slots);
    }

    @Override
    public void onInsert(int slot) {
        if (order.size() >= capacity) {
            int victim = order.first();
            order.remove(victim);
            evict.accept(victim);
        }
        order.addLast(slot);
    }

    @Override
    public void onAccess(int slot) {
        if (reorderOnAccess) {
            order.moveToLast(slot);
        }
    }

    @Override
    public void onRemove(int slot) {
        order.remove(slot);
    }
}
