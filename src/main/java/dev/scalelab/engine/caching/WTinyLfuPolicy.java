package dev.scalelab.engine.caching;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * W-TinyLFU with the semantics of Caffeine v3.2.4's BoundedLocalCache (engines.md §4.1), for unit
 * weights and with the maintenance cycle run after every operation, as if the read and write
 * buffers were drained at once.
 *
 * <ul>
 * <li>Regions: an LRU window of max - (long)(0.99 max) entries, then a segmented-LRU main of
 * probation and protected, protected = (long)(0.8 main).</li>
 * <li>Insert: to the window's recent end; sketch increment; a miss for the climber's sample.</li>
 * <li>Hit: sketch increment; a hit for the sample; window and protected entries move to their
 * recent ends, a probation entry is promoted to protected (overflow demoted later).</li>
 * <li>Maintenance: window overflow moves to probation as candidates; while over max, the
 * candidate faces the victim (probation's oldest, else protected's, else the window's) and is
 * admitted only if its sketch frequency is higher, or, when at least 6, with chance 1/128 (the
 * hash-flooding defence); then the hill climber adapts the window size.</li>
 * </ul>
 */
final class WTinyLfuPolicy implements EvictionPolicy {
    static final int WINDOW = 0;
    static final int PROBATION = 1;
    static final int PROTECTED = 2;

    private static final double PERCENT_MAIN = 0.99;
    private static final double PERCENT_MAIN_PROTECTED = 0.80;
    private static final double HILL_CLIMBER_STEP_PERCENT = 0.0625;
    private static final double HILL_CLIMBER_RESTART_THRESHOLD = 0.05;
    private static final double HILL_CLIMBER_STEP_DECAY_RATE = 0.98;
    private static final int QUEUE_TRANSFER_THRESHOLD = 1_000;
    private static final int ADMIT_HASHDOS_THRESHOLD = 6;
    private static final int NONE = SlotDeque.NONE;

    private final long maximum;
    private final int[] keyOfSlot;
    private final SplittableRandom random;
    private final IntConsumer evict;
    private final FrequencySketch sketch = new FrequencySketch();
    private final byte[] regionOfSlot;
    private final SlotDeque window;
    private final SlotDeque probation;
    private final SlotDeque protectedDeque;

    private long windowMaximum;
    private long protectedMaximum;
    private long weightedSize;
    private long windowWeightedSize;
    private long protectedWeightedSize;

    private int hitsInSample;
    private int missesInSample;
    private double previousSampleHitRate;
    private double stepSize;
    private long adjustment;

    WTinyLfuPolicy(int capacity, int[] keyOfSlot, SplittableRandom random, IntConsumer evict) {
        this.keyOfSlot = keyOfSlot;
        this.random = random;
        this.evict = evict;
        int slots = keyOfSlot.length;
        regionOfSlot = new byte[slots];
        int[] previous = SlotDeque.newLinks(slots);
        int[] next = SlotDeque.newLinks(slots);
        window = new SlotDeque(previous, next);
        probation = new SlotDeque(previous, next);
        protectedDeque = new SlotDeque(previous, next);

        maximum = capacity;
        windowMaximum = maximum - (long) (PERCENT_MAIN * maximum);
        protectedMaximum = (long) (PERCENT_MAIN_PROTECTED * (maximum - windowMaximum));
        stepSize = -HILL_CLIMBER_STEP_PERCENT * maximum;
    }

    long windowMaximum() {
        return windowMaximum;
    }

    long protectedMaximum() {
        return protectedMaximum;
    }

    FrequencySketch sketch() {
        return sketch;
    }

    @Override
    public int segmentOf(int slot) {
        return regionOfSlot[slot];
    }

    @Override
    public void onInsert(int slot) {
        weightedSize++;
        windowWeightedSize++;
        if (weightedSize >= (maximum >>> 1)) {
            sketch.ensureCapacity(maximum); // lazily, once the cache is half full
        }
        sketch.increment(keyOfSlot[slot]);
        missesInSample++;
        regionOfSlot[slot] = WINDOW;
        window.addLast(slot);
        maintenance();
    }

    @Override
    public void onAccess(int slot) {
        sketch.increment(keyOfSlot[slot]);
        switch (regionOfSlot[slot]) {
            case WINDOW -> window.moveToLast(slot);
            case PROBATION -> promoteFromProbation(slot);
            default -> protectedDeque.moveToLast(slot);
        }
        hitsInSample++;
        maintenance();
    }

    @Override
    public void onRemove(int slot) {
        weightedSize--;
        switch (regionOfSlot[slot]) {
            case WINDOW -> {
                windowWeightedSize--;
                window.remove(slot);
            }
            case PROBATION -> probation.remove(slot);
            default -> {
                protectedWeightedSize--;
                protectedDeque.remove(slot);
            }
        }
    }

    private void promoteFromProbation(int slot) {
        if (1 > protectedMaximum) {
            probation.moveToLast(slot);
            return;
        }
        // Protected overflow is demoted in the climb at the end of maintenance.
        protectedWeightedSize++;
        probation.remove(slot);
        protectedDeque.addLast(slot);
        regionOfSlot[slot] = PROTECTED;
    }

    private void maintenance() {
        evictFromMain(evictFromWindow());
        climb();
    }

    /** Moves window overflow to probation's recent end; returns the first slot moved, or NONE. */
    private int evictFromWindow() {
        int first = NONE;
        while (windowWeightedSize > windowMaximum && !window.isEmpty()) {
            int slot = window.first();
            window.remove(slot);
            probation.addLast(slot);
            regionOfSlot[slot] = PROBATION;
            windowWeightedSize--;
            if (first == NONE) {
                first = slot;
            }
        }
        return first;
    }

    /**
     * While over the maximum, the candidates (from {@code candidate} towards probation's recent
     * end, then the window's oldest) duel the victims (from probation's oldest, then protected's,
     * then the window's), as Caffeine's evictFromMain.
     */
    private void evictFromMain(int candidate) {
        int victimQueue = PROBATION;
        int candidateQueue = PROBATION;
        int victim = probation.first();
        while (weightedSize > maximum) {
            if (candidate == NONE && candidateQueue == PROBATION) {
                candidate = window.first();
                candidateQueue = WINDOW;
            }
            if (candidate == NONE && victim == NONE) {
                if (victimQueue == PROBATION) {
                    victim = protectedDeque.first();
                    victimQueue = PROTECTED;
                    continue;
                } else if (victimQueue == PROTECTED) {
                    victim = window.first();
                    victimQueue = WINDOW;
                    continue;
                }
                break;
            }
            if (victim == NONE) {
                int evicted = candidate;
                candidate = nextInRegion(candidate);
                evictSlot(evicted);
            } else if (candidate == NONE) {
                int evicted = victim;
                victim = nextInRegion(victim);
                evictSlot(evicted);
            } else if (candidate == victim) {
                victim = nextInRegion(victim);
                evictSlot(candidate);
                candidate = NONE;
            } else if (admit(keyOfSlot[candidate], keyOfSlot[victim])) {
                int evicted = victim;
                victim = nextInRegion(victim);
                evictSlot(evicted);
                candidate = nextInRegion(candidate);
            } else {
                int evicted = candidate;
                candidate = nextInRegion(candidate);
                evictSlot(evicted);
            }
        }
    }

    /** TinyLFU's admission: frequency wins; ties keep the victim; warm candidates get a 1/128 lottery. */
    boolean admit(int candidateKey, int victimKey) {
        int victimFrequency = sketch.frequency(victimKey);
        int candidateFrequency = sketch.frequency(candidateKey);
        if (candidateFrequency > victimFrequency) {
            return true;
        } else if (candidateFrequency >= ADMIT_HASHDOS_THRESHOLD) {
            return (random.nextInt() & 127) == 0;
        }
        return false;
    }

    private int nextInRegion(int slot) {
        return dequeOf(slot).next(slot);
    }

    private SlotDeque dequeOf(int slot) {
        return switch (regionOfSlot[slot]) {
            case WINDOW -> window;
            case PROBATION -> probation;
            default -> protectedDeque;
        };
    }

    private void evictSlot(int slot) {
        onRemove(slot);
        evict.accept(slot);
    }

    /** The v3.2.x hill climber: adapts the window towards the better hit rate, one sample at a time. */
    private void climb() {
        determineAdjustment();
        demoteFromProtected();
        if (adjustment > 0) {
            increaseWindow();
        } else if (adjustment < 0) {
            decreaseWindow();
        }
    }

    private void determineAdjustment() {
        if (!sketch.isInitialized()) {
            previousSampleHitRate = 0.0;
            missesInSample = 0;
            hitsInSample = 0;
            return;
        }
        int requestCount = hitsInSample + missesInSample;
        if (requestCount < sketch.sampleSize()) {
            return;
        }
        double hitRate = (double) hitsInSample / requestCount;
        double hitRateChange = hitRate - previousSampleHitRate;
        double amount = hitRateChange >= 0 ? stepSize : -stepSize;
        double nextStepSize = Math.abs(hitRateChange) >= HILL_CLIMBER_RESTART_THRESHOLD
                ? HILL_CLIMBER_STEP_PERCENT * maximum * (amount >= 0 ? 1 : -1)
                : HILL_CLIMBER_STEP_DECAY_RATE * amount;
        previousSampleHitRate = hitRate;
        adjustment = (long) amount;
        stepSize = nextStepSize;
        missesInSample = 0;
        hitsInSample = 0;
    }

    /** Grows the window by shrinking protected; entries follow from probation's (else protected's) old end. */
    private void increaseWindow() {
        if (protectedMaximum == 0) {
            return;
        }
        long quota = Math.min(adjustment, protectedMaximum);
        protectedMaximum -= quota;
        windowMaximum += quota;
        demoteFromProtected();
        for (int i = 0; i < QUEUE_TRANSFER_THRESHOLD && quota > 0; i++) {
            boolean fromProbation = !probation.isEmpty();
            int slot = fromProbation ? probation.first() : protectedDeque.first();
            if (slot == NONE) {
                break;
            }
            quota--;
            if (fromProbation) {
                probation.remove(slot);
            } else {
                protectedWeightedSize--;
                protectedDeque.remove(slot);
            }
            windowWeightedSize++;
            window.addLast(slot);
            regionOfSlot[slot] = WINDOW;
        }
        protectedMaximum += quota;
        windowMaximum -= quota;
        adjustment = quota;
    }

    /** Shrinks the window (never below 1) in favour of protected; window entries move to probation. */
    private void decreaseWindow() {
        if (windowMaximum <= 1) {
            return;
        }
        long quota = Math.min(-adjustment, Math.max(0, windowMaximum - 1));
        protectedMaximum += quota;
        windowMaximum -= quota;
        for (int i = 0; i < QUEUE_TRANSFER_THRESHOLD && quota > 0; i++) {
            int slot = window.first();
            if (slot == NONE) {
                break;
            }
            quota--;
            windowWeightedSize--;
            window.remove(slot);
            probation.addLast(slot);
            regionOfSlot[slot] = PROBATION;
        }
        protectedMaximum -= quota;
        windowMaximum += quota;
        adjustment = -quota;
    }

    private void demoteFromProtected() {
        for (int i = 0; i < QUEUE_TRANSFER_THRESHOLD && protectedWeightedSize > protectedMaximum; i++) {
            int slot = protectedDeque.first();
            if (slot == NONE) {
                break;
            }
            protectedDeque.remove(slot);
            probation.addLast(slot);
            regionOfSlot[slot] = PROBATION;
            protectedWeightedSize--;
        }
    }
}
