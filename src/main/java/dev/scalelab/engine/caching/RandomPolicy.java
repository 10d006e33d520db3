package dev.scalelab.engine.caching;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/** Evicts a resident chosen uniformly at random (Caffeine's simulator "sampled.Random"): a dense array of residents, O(1). */
final class RandomPolicy implements EvictionPolicy {
    private final int capacity;
    private final SplittableRandom random;
    private final IntConsumer evict;
    private final int[] residents;
    private final int[] positionOfSlot;
    private int size;

    RandomPolicy(int capacity, int slots, SplittableRandom random, IntConsumer evict) {
        this.capacity = capacity;
        this.random = random;
        this.evict = evict;
        residents = new int[slots];
        positionOfSlot = new int[slots];
    }

    @Override
    public void onInsert(int slot) {
        if (size >= capacity) {
            int victim = residents[random.nextInt(size)];
            onRemove(victim);
            evict.accept(victim);
        }
        residents[size] = slot;
        positionOfSlot[slot] = size;
        size++;
    }

    @Override
    public void onAccess(int slot) {
        // Random replacement keeps no recency or frequency.
    }

    @Override
    public void onRemove(int slot) {
        int position = positionOfSlot[slot];
        int moved = residents[--size];
        residents[position] = moved;
        positionOfSlot[moved] = position;
    }
}
