package dev.scalelab.engine.caching;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Decides which resident slot of a {@link CacheLevel} leaves when the level is full. The level
 * owns the slots and their data; a policy only orders them and hands victims to the level's evict
 * callback (after unlinking them itself). Every method is O(1) or amortised O(1); called on the
 * simulation thread only.
 */
interface EvictionPolicy {
    List<String> NAMES = List.of("lru", "fifo", "lfu", "random", "clock", "w-tinylfu");

    /**
     * A new entry occupies {@code slot}. Before returning the policy must have brought the number
     * of residents back to at most the capacity, which may mean evicting the new entry itself
     * (W-TinyLFU's admission filter rejecting the candidate).
     */
    void onInsert(int slot);

    /** A resident was read, or overwritten by a put. */
    void onAccess(int slot);

    /** A resident left for a reason other than this policy's eviction (expiry, invalidation). */
    void onRemove(int slot);

    /** The region a slot is in, for drawing: 0 unless the policy is segmented. */
    default int segmentOf(int slot) {
        return 0;
    }

    /**
     * @param name one of {@link #NAMES}
     * @param capacity residents allowed
     * @param keyOfSlot the level's slot-to-key array (capacity + 1 long), read-only here
     * @param random the level's stream, for random eviction and W-TinyLFU's admission jitter
     * @param evict called with each victim slot, already unlinked from the policy
     */
    static EvictionPolicy create(String name, int capacity, int[] keyOfSlot, SplittableRandom random, IntConsumer evict) {
        int slots = keyOfSlot.length;
        return switch (name) {
            case "lru" -> new LinkedPolicy(capacity, slots, true, evict);
            case "fifo" -> new LinkedPolicy(capacity, slots, false, evict);
            case "lfu" -> new LfuPolicy(capacity, slots, evict);
            case "random" -> new RandomPolicy(capacity, slots, random, evict);
            case "clock" -> new ClockPolicy(capacity, slots, evict);
            case "w-tinylfu" -> new WTinyLfuPolicy(capacity, keyOfSlot, random, evict);
            default -> throw new IllegalArgumentException("unknown eviction policy '" + name + "', expected one of " + NAMES);
        };
    }
}
