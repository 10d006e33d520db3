package dev.scalelab.engine.caching;

import dev.scalelab.sim.Simulation;

import java.util.SplittableRandom;

/**
 * One cache: up to {@code capacity} unit-size entries in numbered slots, an eviction policy over
 * the slots, per-entry absolute expiry, optional XFetch early refresh, counters and a ring of
 * recent events. It holds no values, only what the simulation needs of them: the version of the
 * stored value it copies, the time that value took to compute, and whether it is an unflushed
 * write. Keys are non-negative ints. Every operation first removes the entries whose expiry has
 * come (an entry is valid while now &lt; expiry), then costs O(1) or O(log n). Confined to the
 * simulation thread; the view reads it through {@link #snapshotKeys}, {@link #stats} and
 * {@link #events} between events.
 */
public final class CacheLevel {
    public static final int NOT_FOUND = -1;
    /** The key {@link #snapshotKeys} reports for an empty slot. */
    public static final int EMPTY_SLOT = -1;
    private static final long NEVER = Long.MAX_VALUE;

    private final String name;
    private final int capacity;
    private final long ttlNanos;
    private final double ttlJitterFraction;
    private final double xfetchBeta;
    private final SplittableRandom random;
    private final EvictionPolicy policy;
    private final IntIntMap slotOfKey;
    private final int[] keys;
    private final long[] versions;
    private final long[] expiryNanos;
    private final long[] recomputeNanos;
    private final boolean[] dirty;
    private final int[] freeSlots;
    private final ExpiryHeap expiries;
    private final CacheEventRing events;
    private RemovalListener removalListener = (key, version, recompute, wasDirty, cause) -> { };

    private int freeCount;
    private int size;
    private int dirtyCount;
    /** Time of the operation in progress, stamped on the events it causes. */
    private long operationNanos;
    private long hits;
    private long misses;
    private long evictions;
    private long expired;
    private long earlyRefreshes;
    private long invalidations;
    private long lostDirtyWrites;

    /**
     * @param xfetchBeta XFetch's beta (Vattani et al. use 1); 0 turns early refresh off
     * @param eventRingCapacity how many recent events to keep for the view
     * @param random this level's own stream (random eviction, admission jitter, TTL jitter, XFetch)
     */
    public CacheLevel(CacheLevelConfig config, double xfetchBeta, int eventRingCapacity, SplittableRandom random) {
        this.name = config.name();
        this.capacity = config.capacity();
        this.ttlNanos = config.ttlSeconds() > 0 ? Simulation.secondsToNanos(config.ttlSeconds()) : 0;
        this.ttlJitterFraction = config.ttlJitterFraction();
        this.xfetchBeta = xfetchBeta;
        this.random = random;
        // One slot more than the capacity: W-TinyLFU inserts first and evicts after.
        int slots = capacity + 1;
        keys = new int[slots];
        versions = new long[slots];
        expiryNanos = new long[slots];
        recomputeNanos = new long[slots];
        dirty = new boolean[slots];
        freeSlots = new int[slots];
        for (int slot = 0; slot < slots; slot++) {
            keys[slot] = EMPTY_SLOT;
            freeSlots[slot] = slots - 1 - slot; // slot 0 is used first
        }
        freeCount = slots;
        slotOfKey = new IntIntMap(slots);
        expiries = new ExpiryHeap(expiryNanos);
        events = new CacheEventRing(eventRingCapacity);
        policy = EvictionPolicy.create(config.policy(), capacity, keys, random,
                slot -> release(slot, RemovalCause.SIZE));
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    /** Replaces the listener told of every removal (the hierarchy demotes and flushes through it). */
    public void setRemovalListener(RemovalListener listener) {
        this.removalListener = listener;
    }

    /**
     * Looks {@code key} up at {@code nowNanos}: the slot on a hit, else NOT_FOUND. Counts a hit or
     * a miss. With XFetch on, a valid entry may still answer NOT_FOUND (counted as a miss and an
     * early refresh) when now - recompute x beta x ln(U) &gt;= expiry, U uniform in (0, 1]: the
     * caller reloads while the entry keeps serving others.
     */
    public int lookup(int key, long nowNanos) {
        expireDue(nowNanos);
        int slot = slotOfKey.get(key);
        if (slot == IntIntMap.MISSING) {
            misses++;
            events.record(CacheEventKind.MISS, key, nowNanos);
            return NOT_FOUND;
        }
        if (refreshesEarly(slot, nowNanos)) {
            misses++;
            earlyRefreshes++;
            events.record(CacheEventKind.MISS, key, nowNanos);
            return NOT_FOUND;
        }
        hits++;
        events.record(CacheEventKind.HIT, key, nowNanos);
        policy.onAccess(slot);
        return slot;
    }

    /** Whether {@code key} is held and valid at {@code nowNanos}, without counting or reordering. */
    public boolean contains(int key, long nowNanos) {
        expireDue(nowNanos);
        return slotOfKey.get(key) != IntIntMap.MISSING;
    }

    /** The slot of {@code key} if held, else NOT_FOUND; no counting, no expiry pass. */
    public int slotOf(int key) {
        int slot = slotOfKey.get(key);
        return slot == IntIntMap.MISSING ? NOT_FOUND : slot;
    }

    public long versionAt(int slot) {
        return versions[slot];
    }

    public long recomputeNanosAt(int slot) {
        return recomputeNanos[slot];
    }

    public long expiryNanosAt(int slot) {
        return expiryNanos[slot];
    }

    public boolean isDirtyAt(int slot) {
        return dirty[slot];
    }

    /**
     * Inserts or overwrites {@code key}; either way it gets a fresh expiry of now + ttl (+ jitter).
     * An overwrite counts as an access for the policy. Inserting into a full level evicts.
     *
     * @param version the version of the stored value this copy holds
     * @param recomputeNanos how long the value took to load, XFetch's delta
     * @param isDirty whether the copy is a write not yet flushed to the store (write-back)
     */
    public void put(int key, long nowNanos, long version, long recomputeNanos, boolean isDirty) {
        expireDue(nowNanos);
        int slot = slotOfKey.get(key);
        boolean inserted = slot == IntIntMap.MISSING;
        if (inserted) {
            slot = freeSlots[--freeCount];
            keys[slot] = key;
            slotOfKey.put(key, slot);
            size++;
        } else if (dirty[slot]) {
            dirtyCount--;
        }
        versions[slot] = version;
        this.recomputeNanos[slot] = recomputeNanos;
        dirty[slot] = isDirty;
        if (isDirty) {
            dirtyCount++;
        }
        expiryNanos[slot] = expiryFrom(nowNanos);
        if (inserted) {
            expiries.add(slot);
            events.record(CacheEventKind.INSERT, key, nowNanos);
            policy.onInsert(slot);
        } else {
            expiries.reschedule(slot);
            policy.onAccess(slot);
        }
    }

    /** Clears the dirty mark of {@code key} if it holds exactly {@code version}; returns whether it did. */
    public boolean markClean(int key, long version) {
        int slot = slotOfKey.get(key);
        if (slot == IntIntMap.MISSING || !dirty[slot] || versions[slot] != version) {
            return false;
        }
        dirty[slot] = false;
        dirtyCount--;
        return true;
    }

    /** Removes {@code key} for {@code cause} (EXPLICIT, EXPIRED or MOVED); returns whether it was held. */
    public boolean remove(int key, long nowNanos, RemovalCause cause) {
        this.operationNanos = nowNanos;
        int slot = slotOfKey.get(key);
        if (slot == IntIntMap.MISSING) {
            return false;
        }
        policy.onRemove(slot);
        release(slot, cause);
        return true;
    }

    /**
     * Empties the level: EXPLICIT for a flush (the listener writes dirty entries back), LOST for
     * a failure (dirty entries are counted as lost writes). O(capacity), for operator actions.
     */
    public void clear(long nowNanos, RemovalCause cause) {
        this.operationNanos = nowNanos;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY_SLOT) {
                policy.onRemove(slot);
                release(slot, cause);
            }
        }
    }

    /** Removes every entry whose expiry is at or before {@code nowNanos}, counting each as an expiry. */
    public void expireDue(long nowNanos) {
        this.operationNanos = nowNanos;
        while (!expiries.isEmpty() && expiryNanos[expiries.soonestSlot()] <= nowNanos) {
            int slot = expiries.soonestSlot();
            policy.onRemove(slot);
            release(slot, RemovalCause.EXPIRED);
        }
    }

    public LevelStats stats() {
        return new LevelStats(name, capacity, size, hits, misses, evictions, expired, earlyRefreshes, invalidations,
                dirtyCount, lostDirtyWrites);
    }

    /** The recent events, for flashing slots. */
    public CacheEventRing events() {
        return events;
    }

    /**
     * Copies the keys of slots 0 .. n-1 into {@code out}, EMPTY_SLOT where a slot is free, with n
     * = min(max, out.length, capacity + 1); returns n. Slots are stable while an entry stays, so a
     * view can draw slot i at a fixed place. O(n), no allocation: a view copies what it draws.
     */
    public int snapshotKeys(int max, int[] out) {
        int n = Math.min(Math.min(max, out.length), keys.length);
        System.arraycopy(keys, 0, out, 0, n);
        return n;
    }

    /** The policy's region of a slot (W-TinyLFU: 0 window, 1 probation, 2 protected; others 0). */
    public int segmentOf(int slot) {
        return policy.segmentOf(slot);
    }

    EvictionPolicy policy() {
        return policy;
    }

    private boolean refreshesEarly(int slot, long nowNanos) {
        if (xfetchBeta <= 0 || expiryNanos[slot] == NEVER || recomputeNanos[slot] <= 0) {
            return false;
        }
        double u = 1.0 - random.nextDouble(); // in (0, 1], so ln(u) <= 0
        return nowNanos - recomputeNanos[slot] * xfetchBeta * Math.log(u) >= expiryNanos[slot];
    }

    private long expiryFrom(long nowNanos) {
        if (ttlNanos <= 0) {
            return NEVER;
        }
        long jitterNanos = ttlJitterFraction > 0 ? (long) (random.nextDouble() * ttlJitterFraction * ttlNanos) : 0;
        return nowNanos + ttlNanos + jitterNanos;
    }

    /** Frees a slot the policy no longer holds, counts the removal and tells the listener. */
    private void release(int slot, RemovalCause cause) {
        int key = keys[slot];
        long version = versions[slot];
        long recompute = recomputeNanos[slot];
        boolean wasDirty = dirty[slot];
        switch (cause) {
            case SIZE -> {
                evictions++;
                events.record(CacheEventKind.EVICT, key, operationNanos);
            }
            case EXPIRED -> {
                expired++;
                events.record(CacheEventKind.EXPIRE, key, operationNanos);
            }
            case EXPLICIT -> {
                invalidations++;
                events.record(CacheEventKind.INVALIDATE, key, operationNanos);
            }
            case LOST -> {
                if (wasDirty) {
                    lostDirtyWrites++;
                }
                events.record(CacheEventKind.INVALIDATE, key, operationNanos);
            }
            case MOVED -> { }
        }
        if (wasDirty) {
            dirty[slot] = false;
            dirtyCount--;
        }
        expiries.remove(slot);
        slotOfKey.remove(key);
        keys[slot] = EMPTY_SLOT;
        freeSlots[freeCount++] = slot;
        size--;
        removalListener.onRemoval(key, version, recompute, wasDirty, cause);
    }
}
