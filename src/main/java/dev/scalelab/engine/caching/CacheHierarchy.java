package dev.scalelab.engine.caching;

import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A multi-level cache on the request path, in virtual time. A read asks the levels in order, each
 * lookup costing that level's latency; a hit below the first level promotes the entry upwards; a
 * miss everywhere loads from the {@link BackingStore} and fills the levels. Writes follow the
 * configured {@link WritePolicy}. Instance-scoped levels have one copy per service instance, made
 * on first use; writes and invalidations reach only the writer's own copies and the shared ones,
 * so other instances' private copies may serve stale data until their TTL, as in-process caches do.
 *
 * <p>Staleness is measured with versions: each write of a key gets the next version; the store
 * holds the newest version written to it; a load copies the version the store held when the read
 * was issued. A read is stale when it returns a version older than a write acknowledged to a
 * client before the read began (a read concurrent with a write may return either version).
 *
 * <p>Memory: each level copy is bounded by its capacity, pending loads by the requests in flight,
 * and the per-key version records exist only for keys that were written, so they are bounded by
 * the key space. Confined to the simulation thread.
 */
public final class CacheHierarchy {
    public static final int SERVED_BY_STORE = -1;

    private static final class PendingLoad {
        int loadsInFlight;
        /** With coalescing, the load whose waiters later misses join. */
        Load joinable;
    }

    /**
     * A read's look into one tier, fired after the tier's latency. Reused once fired, as a lambda
     * made per lookup was most of what a read allocated.
     */
    private final class Lookup implements Event {
        int tierIndex;
        int key;
        int instance;
        long mustSeeVersion;
        RequestCallback done;
        Lookup nextFree;

        @Override
        public void fire() {
            RequestCallback d = done;
            done = null;
            nextFree = freeLookups; // free before the look: a miss goes on with the next tier's lookup
            freeLookups = this;
            lookedUp(tierIndex, key, instance, mustSeeVersion, d);
        }
    }

    /**
     * A load from the store and the reads waiting on it, in arrival order; the store fires it once,
     * when the value arrives. Reused afterwards unless a pending entry can still join it.
     */
    private final class Load implements Event {
        int key;
        long version;
        long startNanos;
        PendingLoad pending;
        int waiterCount;
        int[] instances = new int[1];
        long[] mustSeeVersions = new long[1];
        RequestCallback[] dones = new RequestCallback[1];
        Load nextFree;

        void addWaiter(int instance, long mustSeeVersion, RequestCallback done) {
            if (waiterCount == dones.length) {
                int n = 2 * waiterCount;
                instances = java.util.Arrays.copyOf(instances, n);
                mustSeeVersions = java.util.Arrays.copyOf(mustSeeVersions, n);
                dones = java.util.Arrays.copyOf(dones, n);
            }
            instances[waiterCount] = instance;
            mustSeeVersions[waiterCount] = mustSeeVersion;
            dones[waiterCount++] = done;
        }

        @Override
        public void fire() {
            loaded(this);
        }
    }

    /** One configured level and its copies (one if shared, one per instance otherwise). */
    private final class Tier {
        final int index;
        final CacheLevelConfig config;
        final long latencyNanos;
        final Map<Integer, CacheLevel> copiesByInstance = new TreeMap<>();
        final CacheLevel shared;
        /** Counters of instance copies that were dropped, so totals never go backwards. */
        LevelStats retired;

        Tier(int index, CacheLevelConfig config) {
            this.index = index;
            this.config = config;
            latencyNanos = Simulation.millisToNanos(config.latencyMs());
            shared = config.scope() == Scope.SHARED ? newCopy(-1) : null;
            retired = LevelStats.empty(config.name());
        }

        /**
         * The instance copies again, indexed by instance number: every lookup asks for one, and the
         * tree's boxed-key walk (with a method reference made per call) cost more than the lookup in
         * the copy itself. The tree stays the record, in instance order, for views and totals.
         */
        CacheLevel[] copyByNumber = new CacheLevel[16];

        CacheLevel copyFor(int instance) {
            if (shared != null) {
                return shared;
            }
            CacheLevel copy = instance < copyByNumber.length ? copyByNumber[instance] : null;
            if (copy == null) {
                copy = newCopy(instance);
                copiesByInstance.put(instance, copy);
                if (instance >= copyByNumber.length) {
                    copyByNumber = java.util.Arrays.copyOf(copyByNumber, Math.max(instance + 1, 2 * copyByNumber.length));
                }
                copyByNumber[instance] = copy;
            }
            return copy;
        }

        CacheLevel existingCopy(int instance) {
            if (shared != null) {
                return shared;
            }
            return instance < copyByNumber.length ? copyByNumber[instance] : null;
        }

        /** Instance {@code instance}'s copy goes (null if it had none). */
        CacheLevel dropCopy(int instance) {
            if (instance < copyByNumber.length) {
                copyByNumber[instance] = null;
            }
            return copiesByInstance.remove(instance);
        }

        Collection<CacheLevel> copies() {
            return shared != null ? List.of(shared) : copiesByInstance.values();
        }

        private CacheLevel newCopy(int instance) {
            CacheLevel level = new CacheLevel(config, hierarchyConfig.xfetchBeta(), hierarchyConfig.eventRingCapacity(),
                    random.split());
            level.setRemovalListener((key, version, recompute, dirty, cause) ->
                    onRemoval(index, instance, key, version, recompute, dirty, cause));
            return level;
        }
    }

    private final Simulation simulation;
    private CacheHierarchyConfig hierarchyConfig;
    private final BackingStore store;
    private final SplittableRandom random;
    private final Tier[] tiers;
    private long writeBackFlushDelayNanos;
    private final IntObjectMap<PendingLoad> pendingLoads = new IntObjectMap<>(64);
    private Lookup freeLookups;
    private Load freeLoads;
    private final KeyVersionTable versions = new KeyVersionTable();

    private long reads;
    private long cacheReads;
    private long storeReads;
    private long storeLoads;
    private long duplicateLoads;
    private long coalescedReads;
    private long staleReads;
    private long writes;
    private long storeWrites;

    /** @param random the hierarchy's own stream; each level copy gets a split of it when made */
    public CacheHierarchy(Simulation simulation, CacheHierarchyConfig config, BackingStore store, SplittableRandom random) {
        this.simulation = simulation;
        this.hierarchyConfig = config;
        this.store = store;
        this.random = random;
        writeBackFlushDelayNanos = Simulation.millisToNanos(config.writeBackFlushDelayMs());
        tiers = new Tier[config.levels().size()];
        for (int i = 0; i < tiers.length; i++) {
            tiers[i] = new Tier(i, config.levels().get(i));
        }
    }

    /**
     * Starts a request for {@code key} from service instance {@code instance} (0, 1, ...);
     * {@code done} is called when it completes in virtual time.
     */
    public void get(int key, int instance, boolean isRead, RequestCallback done) {
        if (instance < 0) {
            throw new IllegalArgumentException("instance numbers start at 0: " + instance);
        }
        if (isRead) {
            lookup(0, key, instance, acknowledgedVersion(key), done);
        } else {
            write(key, instance, done);
        }
    }

    // ---- reads

    private void lookup(int tierIndex, int key, int instance, long mustSeeVersion, RequestCallback done) {
        if (tierIndex == tiers.length) {
            load(key, instance, mustSeeVersion, done);
            return;
        }
        Lookup l = freeLookups;
        if (l == null) {
            l = new Lookup();
        } else {
            freeLookups = l.nextFree;
            l.nextFree = null;
        }
        l.tierIndex = tierIndex;
        l.key = key;
        l.instance = instance;
        l.mustSeeVersion = mustSeeVersion;
        l.done = done;
        simulation.scheduleIn(tiers[tierIndex].latencyNanos, l);
    }

    /** Tier {@code tierIndex}'s latency has passed: a hit answers (promoting from below the first), a miss goes on. */
    private void lookedUp(int tierIndex, int key, int instance, long mustSeeVersion, RequestCallback done) {
        long now = simulation.nowNanos();
        CacheLevel level = tiers[tierIndex].copyFor(instance);
        int slot = level.lookup(key, now);
        if (slot == CacheLevel.NOT_FOUND) {
            lookup(tierIndex + 1, key, instance, mustSeeVersion, done);
            return;
        }
        long version = level.versionAt(slot);
        if (tierIndex > 0) {
            promote(tierIndex, level, slot, key, instance, now);
        }
        cacheReads++;
        answerRead(version, mustSeeVersion, tierIndex, done);
    }

    /** Inclusive: copy into every level above (never over a newer copy). Exclusive: move into the first level. */
    private void promote(int tierIndex, CacheLevel level, int slot, int key, int instance, long now) {
        long version = level.versionAt(slot);
        long recompute = level.recomputeNanosAt(slot);
        if (hierarchyConfig.exclusive()) {
            boolean dirty = level.isDirtyAt(slot);
            level.remove(key, now, RemovalCause.MOVED);
            tiers[0].copyFor(instance).put(key, now, version, recompute, dirty);
        } else {
            for (int above = 0; above < tierIndex; above++) {
                putUnlessNewer(tiers[above].copyFor(instance), key, now, version, recompute);
            }
        }
    }

    private void load(int key, int instance, long mustSeeVersion, RequestCallback done) {
        PendingLoad pending = pendingLoads.get(key);
        // A load started before coalescing was switched on has no waiters to join.
        if (pending != null && hierarchyConfig.coalescing() && pending.joinable != null) {
            pending.joinable.addWaiter(instance, mustSeeVersion, done);
            coalescedReads++;
            return;
        }
        if (pending == null) {
            pending = new PendingLoad();
            pendingLoads.put(key, pending);
        } else {
            duplicateLoads++;
        }
        Load load = freeLoads;
        if (load == null) {
            load = new Load();
        } else {
            freeLoads = load.nextFree;
            load.nextFree = null;
        }
        load.addWaiter(instance, mustSeeVersion, done);
        if (hierarchyConfig.coalescing()) {
            pending.joinable = load;
        }
        pending.loadsInFlight++;
        storeLoads++;
        load.key = key;
        load.version = storedVersion(key); // the store answers with what it held when asked
        load.startNanos = simulation.nowNanos();
        load.pending = pending;
        done.storeReadStarts();
        store.read(key, instance, load);
    }

    /** The store answered {@code load}: fill the levels, answer its waiters, then reuse it. */
    private void loaded(Load load) {
        int key = load.key;
        long version = load.version;
        PendingLoad pending = load.pending;
        boolean stillPending = --pending.loadsInFlight > 0;
        if (!stillPending) {
            pendingLoads.remove(key);
        }
        long now = simulation.nowNanos();
        fill(key, version, now - load.startNanos, load, now);
        for (int w = 0; w < load.waiterCount; w++) {
            storeReads++;
            answerRead(version, load.mustSeeVersions[w], SERVED_BY_STORE, load.dones[w]);
        }
        if (stillPending && pending.joinable == load) {
            return; // a later miss may still join it (and, as ever, wait on an answered load): not reused
        }
        java.util.Arrays.fill(load.dones, 0, load.waiterCount, null);
        load.waiterCount = 0;
        load.pending = null;
        load.nextFree = freeLoads;
        freeLoads = load;
    }

    /**
     * Puts a loaded value into the levels of each waiting instance: all of them if inclusive; if
     * exclusive, the first, removing a copy left below (one XFetch refreshed early). A fill never
     * replaces a newer copy, as a memcached cas would refuse; a fill after an invalidation still
     * lands, which is cache-aside's race.
     */
    private void fill(int key, long version, long recomputeNanos, Load load, long now) {
        if (load.waiterCount == 1) {
            // One waiter (every load without coalescing, most with it): its levels are distinct
            // copies, so there is nothing to skip and no visited list to keep.
            int instance = load.instances[0];
            for (Tier tier : tiers) {
                fillOne(tier, tier.copyFor(instance), key, version, recomputeNanos, now);
            }
            return;
        }
        List<CacheLevel> visited = new ArrayList<>();
        for (int w = 0; w < load.waiterCount; w++) {
            for (Tier tier : tiers) {
                CacheLevel level = tier.copyFor(load.instances[w]);
                if (visited.contains(level)) {
                    continue;
                }
                visited.add(level);
                fillOne(tier, level, key, version, recomputeNanos, now);
            }
        }
    }

    private void fillOne(Tier tier, CacheLevel level, int key, long version, long recomputeNanos, long now) {
        if (hierarchyConfig.exclusive() && tier.index > 0) {
            level.remove(key, now, RemovalCause.MOVED);
        } else {
            putUnlessNewer(level, key, now, version, recomputeNanos);
        }
    }

    /** Caches a clean copy of {@code version} unless the level already holds a newer one. */
    private static void putUnlessNewer(CacheLevel level, int key, long now, long version, long recomputeNanos) {
        int slot = level.slotOf(key);
        if (slot == CacheLevel.NOT_FOUND || level.versionAt(slot) <= version) {
            level.put(key, now, version, recomputeNanos, false);
        }
    }

    private void answerRead(long version, long mustSeeVersion, int servedBy, RequestCallback done) {
        reads++;
        boolean stale = version < mustSeeVersion;
        if (stale) {
            staleReads++;
        }
        done.done(servedBy, stale);
    }

    // ---- writes

    private void write(int key, int instance, RequestCallback done) {
        writes++;
        long version = versions.issueNext(key);
        switch (hierarchyConfig.writePolicy()) {
            case CACHE_ASIDE -> writeStore(key, instance, version, () ->
                    invalidateCopies(key, instance, () -> acknowledge(key, version, SERVED_BY_STORE, done)));
            case WRITE_THROUGH -> updateCopies(key, instance, version, false, () ->
                    writeStore(key, instance, version, () -> acknowledge(key, version, SERVED_BY_STORE, done)));
            case WRITE_BACK -> updateCopies(key, instance, version, true, () -> {
                acknowledge(key, version, dirtyTier(), done);
                simulation.scheduleIn(writeBackFlushDelayNanos, () -> flushIfDirty(key, instance, version));
            });
            case WRITE_AROUND -> writeStore(key, instance, version, () -> acknowledge(key, version, SERVED_BY_STORE, done));
        }
    }

    /** The level that holds a write-back write: the last (inclusive) or the first (exclusive). */
    private int dirtyTier() {
        return hierarchyConfig.exclusive() ? 0 : tiers.length - 1;
    }

    /**
     * Writes the new version into the writer's copies, each after its level's latency (exclusive:
     * into the first level, removing older copies below); {@code then} fires after the slowest.
     */
    private void updateCopies(int key, int instance, long version, boolean dirty, Event then) {
        long slowestNanos = 0;
        for (Tier tier : tiers) {
            slowestNanos = Math.max(slowestNanos, tier.latencyNanos);
            simulation.scheduleIn(tier.latencyNanos, () -> {
                long now = simulation.nowNanos();
                CacheLevel level = tier.copyFor(instance);
                if (hierarchyConfig.exclusive() && tier.index > 0) {
                    level.remove(key, now, RemovalCause.EXPLICIT);
                } else {
                    level.put(key, now, version, 0, dirty && tier.index == dirtyTier());
                }
            });
        }
        simulation.scheduleIn(slowestNanos, then);
    }

    /** Removes the writer's copies, each after its level's latency; {@code then} fires after the slowest. */
    private void invalidateCopies(int key, int instance, Event then) {
        long slowestNanos = 0;
        for (Tier tier : tiers) {
            slowestNanos = Math.max(slowestNanos, tier.latencyNanos);
            simulation.scheduleIn(tier.latencyNanos, () -> {
                CacheLevel level = tier.existingCopy(instance);
                if (level != null) {
                    level.remove(key, simulation.nowNanos(), RemovalCause.EXPLICIT);
                }
            });
        }
        simulation.scheduleIn(slowestNanos, then);
    }

    private void writeStore(int key, int instance, long version, Event then) {
        storeWrites++;
        store.write(key, instance, () -> {
            versions.stored(key, version);
            then.fire();
        });
    }

    private void acknowledge(int key, long version, int servedBy, RequestCallback done) {
        versions.acknowledged(key, version);
        done.done(servedBy, false);
    }

    /** The write-back timer: flush the write if it is still dirty wherever it now sits. */
    private void flushIfDirty(int key, int instance, long version) {
        for (Tier tier : tiers) {
            CacheLevel level = tier.existingCopy(instance);
            if (level != null && level.markClean(key, version)) {
                writeStore(key, instance, version, () -> { });
                return;
            }
        }
    }

    /**
     * Exclusive hierarchies demote an evicted entry into the next level (when that level is shared
     * or the instance's own); a dirty entry that leaves otherwise, except by failure, is written
     * back at once, as a write-behind cache writes its evicted dirty lines.
     */
    private void onRemoval(int tierIndex, int instance, int key, long version, long recompute, boolean dirty,
                           RemovalCause cause) {
        int below = tierIndex + 1;
        boolean demote = cause == RemovalCause.SIZE && hierarchyConfig.exclusive() && below < tiers.length
                && (tiers[below].shared != null || instance >= 0);
        if (demote) {
            tiers[below].copyFor(instance).put(key, simulation.nowNanos(), version, recompute, dirty);
        } else if (dirty && cause != RemovalCause.LOST && cause != RemovalCause.MOVED) {
            writeStore(key, instance, version, () -> { });
        }
    }

    private long acknowledgedVersion(int key) {
        return versions.acknowledged(key);
    }

    private long storedVersion(int key) {
        return versions.stored(key);
    }

    /**
     * Changes the per-request settings while the cache runs, keeping its contents: the write policy,
     * single-flight coalescing and the write-back flush delay. A load already in flight keeps the
     * requests waiting on it. The levels and the inclusive or exclusive layout cannot change in
     * place: that takes a new hierarchy.
     */
    public void reconfigure(WritePolicy writePolicy, boolean coalescing, double writeBackFlushDelayMs) {
        CacheHierarchyConfig c = hierarchyConfig;
        hierarchyConfig = new CacheHierarchyConfig(c.levels(), c.exclusive(), writePolicy, writeBackFlushDelayMs, coalescing,
                c.xfetchBeta(), c.eventRingCapacity());
        writeBackFlushDelayNanos = Simulation.millisToNanos(writeBackFlushDelayMs);
    }

    // ---- operator actions

    /** Empties one level (every copy); dirty entries are written back first. */
    public void flushLevel(int tierIndex) {
        for (CacheLevel level : tiers[tierIndex].copies()) {
            level.clear(simulation.nowNanos(), RemovalCause.EXPLICIT);
        }
    }

    public void flushAll() {
        for (int t = 0; t < tiers.length; t++) {
            flushLevel(t);
        }
    }

    /** Expires {@code key} now in every copy of every level: the moment a hot key's TTL runs out. */
    public void expireNow(int key) {
        for (Tier tier : tiers) {
            for (CacheLevel level : tier.copies()) {
                level.remove(key, simulation.nowNanos(), RemovalCause.EXPIRED);
            }
        }
    }

    /** A crash of one level (every copy): its contents are gone and unflushed writes are lost; it comes back empty. */
    public void failLevel(int tierIndex) {
        for (CacheLevel level : tiers[tierIndex].copies()) {
            level.clear(simulation.nowNanos(), RemovalCause.LOST);
        }
    }

    /** An instance stopped: its private copies go, with their unflushed writes. */
    public void dropInstance(int instance) {
        for (Tier tier : tiers) {
            CacheLevel level = tier.shared == null ? tier.dropCopy(instance) : null;
            if (level != null) {
                level.clear(simulation.nowNanos(), RemovalCause.LOST);
                tier.retired = tier.retired.plus(level.stats());
            }
        }
    }

    // ---- stats and views

    public int levelCount() {
        return tiers.length;
    }

    /** One level's counters summed over its copies (dropped instances' included). */
    public LevelStats levelStats(int tierIndex) {
        LevelStats sum = tiers[tierIndex].retired;
        for (CacheLevel level : tiers[tierIndex].copies()) {
            sum = sum.plus(level.stats());
        }
        return sum;
    }

    /** The live copies of a level, in instance order, for the view; read between events. */
    public Collection<CacheLevel> levelCopies(int tierIndex) {
        return Collections.unmodifiableCollection(tiers[tierIndex].copies());
    }

    /** The copy of a level an instance uses, or null if the instance has not used it yet. */
    public CacheLevel levelCopy(int tierIndex, int instance) {
        return tiers[tierIndex].existingCopy(instance);
    }

    public HierarchyStats stats() {
        return new HierarchyStats(reads, cacheReads, storeReads, storeLoads, duplicateLoads, coalescedReads, staleReads,
                writes, storeWrites);
    }

    /** Store reads of {@code key} in flight now. */
    public int loadsInFlight(int key) {
        PendingLoad pending = pendingLoads.get(key);
        return pending == null ? 0 : pending.loadsInFlight;
    }
}
