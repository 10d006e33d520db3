package dev.scalelab.engine.caching;

import java.util.function.IntConsumer;

/**
 * In-cache LFU in O(1) (Shah, Mitra and Matani, "An O(1) algorithm for implementing the LFU cache
 * eviction scheme", 2010; Caffeine's simulator FrequentlyUsedPolicy): residents sit in frequency
 * buckets kept in a list of increasing frequency; a hit moves an entry to the next bucket; the
 * victim is the oldest entry of the lowest bucket. Counts start at 1 on insert and are forgotten on
 * eviction.
 */
final class LfuPolicy implements EvictionPolicy {
    private static final class Bucket {
        final long frequency;
        final SlotDeque members;
        Bucket lower;
        Bucket higher;

        Bucket(long frequency, SlotDeque members) {
            this.frequency = frequency;
            this.members = members;
        }
    }

    private final int capacity;
    private final IntConsumer evict;
    private final int[] previousLinks;
    private final int[] nextLinks;
    private final Bucket[] bucketOfSlot;
    /** Sentinel below every real bucket (frequency 0); real buckets are never empty. */
    private final Bucket floor;
    private int size;

    LfuPolicy(int capacity, int slots, IntConsumer evict) {
        this.capacity = capacity;
        this.evict = evict;
        previousLinks = SlotDeque.newLinks(slots);
        nextLinks = SlotDeque.newLinks(slots);
        bucketOfSlot = new Bucket[slots];
        floor = new Bucket(0, null);
    }

    @Override
    public void onInsert(int slot) {
        if (size >= capacity) {
            int victim = floor.higher.members.first();
            onRemove(victim);
            evict.accept(victim);
        }
        join(slot, bucketAbove(floor, 1));
        size++;
    }

    @Override
    public void onAccess(int slot) {
        Bucket from = bucketOfSlot[slot];
        Bucket to = bucketAbove(from, from.frequency + 1);
        leave(slot);
        join(slot, to);
    }

    @Override
    public void onRemove(int slot) {
        leave(slot);
        size--;
    }

    /** The bucket of {@code frequency} just above {@code below}, created if missing. */
    private Bucket bucketAbove(Bucket below, long frequency) {
        if (below.higher != null && below.higher.frequency == frequency) {
            return below.higher;
        }
        Bucket bucket = new Bucket(frequency, new SlotDeque(previousLinks, nextLinks));
        bucket.lower = below;
        bucket.higher = below.higher;
        if (below.higher != null) {
            below.higher.lower = bucket;
        }
        below.higher = bucket;
        return bucket;
    }

    private void join(int slot, Bucket bucket) {
        bucket.members.addLast(slot);
        bucketOfSlot[slot] = bucket;
    }

    private void leave(int slot) {
        Bucket bucket = bucketOfSlot[slot];
        bucket.members.remove(slot);
        bucketOfSlot[slot] = null;
        if (bucket.members.isEmpty()) {
            bucket.lower.higher = bucket.higher;
            if (bucket.higher != null) {
                bucket.higher.lower = bucket.lower;
            }
        }
    }
}
