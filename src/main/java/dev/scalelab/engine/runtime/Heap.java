package dev.scalelab.engine.runtime;

import java.util.Locale;

/**
 * One instance's generational heap, driven by its owner in virtual time: requests allocate into
 * eden; when an allocation does not fit, a young collection copies what survives
 * ({@code survivingFraction} of eden) into a survivor space, aging the survivors there by one
 * collection, and promotes to old space those that have survived {@code maxTenuringThreshold}
 * collections (HotSpot's rule: an object of age {@code a >= threshold} is promoted when it is
 * copied), and, when the survivor space overflows, the oldest cohorts early. Survivors stay alive
 * until promoted; promoted objects are garbage at the next old collection, except the service's
 * live set and what the object pool holds, below which old space never drops.
 *
 * <p>The collectors (engines.md §7; costs in {@link CollectorProfile}):
 * <ul>
 *   <li>parallel: stop-the-world young collections; when a promotion does not fit old space, a
 *       full collection, whose pause grows with the live heap;</li>
 *   <li>g1: sizes its young generation (5-60% of the heap) so that young pauses meet the pause
 *       target; past {@code initiatingOccupancyPercent} of the heap in old space a concurrent
 *       mark starts at a young pause, then the next {@value CollectorProfile#G1_MIXED_COUNT_TARGET}
 *       young collections are mixed: each also reclaims an eighth of the old garbage the mark found;
 *       a promotion that does not fit old space still means a full collection;</li>
 *   <li>zgc: a young cycle is concurrent, stopping threads for well under a millisecond; while it
 *       runs the eden it collects stays occupied and allocation goes to the free heap, and when that
 *       is used up allocating threads stall until the cycle ends. Past the initiating occupancy a
 *       concurrent major cycle collects old space.</li>
 * </ul>
 * Sizes are in bytes, times in virtual nanoseconds. Confined to the simulation thread.
 */
public final class Heap {
    public static final long BYTES_PER_MB = 1024 * 1024;
    private static final int MAX_AGE = 15;

    /** The heap's settings, as {@code service.runtime} gives them; {@code youngBytes} 0 lets the collector size it. */
    public record Config(CollectorKind collector, long heapBytes, long youngBytes, double survivingFraction,
                         int maxTenuringThreshold, long liveSetBytes, double pauseTargetMs, int initiatingOccupancyPercent) {
        public Config {
            if (heapBytes <= 0 || youngBytes < 0 || youngBytes >= heapBytes || survivingFraction < 0 || survivingFraction > 1
                    || maxTenuringThreshold < 0 || maxTenuringThreshold > MAX_AGE || liveSetBytes < 0 || pauseTargetMs <= 0
                    || initiatingOccupancyPercent < 1 || initiatingOccupancyPercent > 100) {
                throw new IllegalArgumentException("bad heap settings " + this);
            }
        }
    }

    private Config config;
    private CollectorProfile profile;
    private long youngBytes;
    private long edenBytes;
    private long survivorBytes;
    private long oldBytes;

    private long edenUsed;
    /** Survivor bytes by age (collections survived), 1 to 15. */
    private final long[] cohorts = new long[MAX_AGE + 1];
    private long survivorUsed;
    private long oldUsed;
    /** What the object pool holds: live in old space, so part of its floor. */
    private long pinnedBytes;

    // g1: a concurrent mark running until markEndNanos (-1: none); then mixed collections.
    private long markEndNanos = -1;
    private int mixedLeft;
    private long reclaimPerMixedBytes;
    private boolean remarkPending;

    // zgc: a young cycle running until youngCycleEndNanos, the eden it collects still occupied;
    // a major cycle until majorEndNanos, keeping what was promoted since it started.
    private long youngCycleEndNanos = -1;
    private long collectingBytes;
    private boolean stalledThisCycle;
    private long majorEndNanos = -1;
    private long oldAtMajorStart;

    private long youngCollections;
    private long oldCollections;
    private long allocatedBytes;

    public Heap(Config config) {
        this.config = config;
        this.profile = CollectorProfile.of(config.collector());
        size(initialYoungBytes(config));
        oldUsed = floorBytes();
    }

    public static double mb(long bytes) {
        return bytes / (double) BYTES_PER_MB;
    }

    public static long bytes(double mb) {
        return Math.round(mb * BYTES_PER_MB);
    }

    private static long initialYoungBytes(Config c) {
        if (c.youngBytes() > 0) {
            return c.youngBytes();
        }
        return switch (c.collector()) {
            case PARALLEL -> Math.round(c.heapBytes() * CollectorProfile.PARALLEL_YOUNG_SHARE);
            // g1 starts at its lower bound and grows the young generation while pauses stay under the target.
            case G1 -> Math.round(c.heapBytes() * CollectorProfile.G1_MIN_YOUNG_SHARE);
            case ZGC -> Math.round(c.heapBytes() * CollectorProfile.ZGC_YOUNG_SHARE);
        };
    }

    private void size(long young) {
        youngBytes = young;
        edenBytes = Math.round(young * CollectorProfile.EDEN_SHARE_OF_YOUNG);
        survivorBytes = Math.round(young * CollectorProfile.SURVIVOR_SHARE_OF_YOUNG);
        oldBytes = config.heapBytes() - young;
    }

    /**
     * New settings, keeping what the heap holds: a collection the new sizes call for happens at
     * the next allocation. A change of collector abandons the old one's concurrent work.
     */
    public void reconfigure(Config next) {
        boolean newCollector = next.collector() != config.collector();
        boolean newYoung = newCollector || next.youngBytes() != config.youngBytes() || next.heapBytes() != config.heapBytes();
        config = next;
        profile = CollectorProfile.of(next.collector());
        if (newCollector) {
            markEndNanos = -1;
            mixedLeft = 0;
            remarkPending = false;
            youngCycleEndNanos = -1;
            edenUsed += collectingBytes;
            collectingBytes = 0;
            majorEndNanos = -1;
        }
        if (newYoung) {
            size(initialYoungBytes(next));
        }
        oldUsed = Math.max(oldUsed, floorBytes());
    }

    /** The object pool now holds {@code bytes}: what it newly keeps moves into old space. */
    public void pin(long bytes) {
        if (bytes > pinnedBytes) {
            oldUsed += bytes - pinnedBytes;
        }
        pinnedBytes = bytes;
    }

    /** Old space never drops below the live set and what the pool holds. */
    public long floorBytes() {
        return config.liveSetBytes() + pinnedBytes;
    }

    /** The occupancy of old space that starts an old collection: the initiating occupancy, or (parallel) old space full. */
    public long thresholdBytes() {
        return config.collector() == CollectorKind.PARALLEL ? oldBytes
                : Math.round(config.heapBytes() * config.initiatingOccupancyPercent() / 100.0);
    }

    // ------------------------------------------------------------------ allocation

    /**
     * Allocates {@code bytes} at {@code nowNanos}. Returns null when it fits; else what the heap
     * did about it: a collection (its pause starts now), or, under zgc, an allocation stall (the
     * allocation did not happen: the caller waits until the event's end and allocates again).
     */
    public GcEvent allocate(long bytes, long nowNanos) {
        if (config.collector() == CollectorKind.ZGC) {
            return allocateConcurrently(bytes, nowNanos);
        }
        if (bytes > edenBytes) {
            // Larger than eden: allocated straight in old space, as the JVM does with a humongous object.
            allocatedBytes += bytes;
            GcEvent full = oldUsed + bytes > oldBytes ? collectFull(nowNanos, "an allocation of "
                    + fmt(mb(bytes)) + " MB did not fit old space") : null;
            oldUsed += bytes;
            return full;
        }
        GcEvent collection = null;
        if (edenUsed + bytes > edenBytes) {
            collection = collectYoung(nowNanos);
        }
        edenUsed += bytes;
        allocatedBytes += bytes;
        return collection;
    }

    private GcEvent allocateConcurrently(long bytes, long nowNanos) {
        if (youngCycleRunning(nowNanos)) {
            if (bytes <= headroomBytes()) {
                edenUsed += bytes;
                allocatedBytes += bytes;
                return null;
            }
            boolean first = !stalledThisCycle;
            stalledThisCycle = true;
            return new GcEvent(PauseKind.ALLOCATION_STALL, nowNanos, youngCycleEndNanos - nowNanos, -1, 0, 0, oldUsed, oldUsed,
                    headroomBytes(), "allocation outran the collector: " + fmt(mb(Math.max(0, headroomBytes())))
                    + " MB of free heap left while its young cycle runs", first);
        }
        if (edenUsed + bytes <= edenBytes) {
            edenUsed += bytes;
            allocatedBytes += bytes;
            return null;
        }
        // The allocation that starts a cycle takes its place in the new eden even if the free heap is short:
        // the threads after it are the ones that stall.
        GcEvent start = startYoungCycle(nowNanos);
        edenUsed += bytes;
        allocatedBytes += bytes;
        return start;
    }

    /** zgc: the free heap while a cycle runs, what allocation may use before threads stall. */
    private long headroomBytes() {
        return config.heapBytes() - collectingBytes - edenUsed - survivorUsed - oldUsed;
    }

    // ------------------------------------------------------------------ collections

    /**
     * Copies the survivors of eden into the survivor space and ages the cohorts there; returns the
     * bytes promoted to old space (not yet added to it).
     */
    private long age(long survivingBytes) {
        int threshold = config.maxTenuringThreshold();
        long promoted = 0;
        for (int a = MAX_AGE; a >= 1; a--) {
            if (cohorts[a] == 0) {
                continue;
            }
            if (a >= threshold) {
                promoted += cohorts[a];
            } else {
                cohorts[a + 1] += cohorts[a];
            }
            cohorts[a] = 0;
        }
        if (threshold == 0) {
            promoted += survivingBytes;
        } else {
            cohorts[1] = survivingBytes;
        }
        // A survivor space too small for them all promotes the oldest first, as HotSpot does when to-space overflows.
        long excess = survivorTotal() - survivorBytes;
        for (int a = MAX_AGE; a >= 1 && excess > 0; a--) {
            long take = Math.min(cohorts[a], excess);
            cohorts[a] -= take;
            promoted += take;
            excess -= take;
        }
        survivorUsed = survivorTotal();
        return promoted;
    }

    private long survivorTotal() {
        long sum = 0;
        for (long c : cohorts) {
            sum += c;
        }
        return sum;
    }

    /** A stop-the-world young collection (mixed under g1 after a mark), or a full one when old space cannot take the promotion. */
    private GcEvent collectYoung(long nowNanos) {
        long oldBefore = oldUsed;
        long surviving = Math.round(config.survivingFraction() * edenUsed);
        long copied = surviving + survivorUsed;
        long promoted = age(surviving);
        edenUsed = 0;
        if (oldUsed + promoted > oldBytes) {
            return full(nowNanos, oldBefore, copied, promoted, "old space full: " + fmt(mb(oldUsed)) + " MB + "
                    + fmt(mb(promoted)) + " MB promoted > " + fmt(mb(oldBytes)) + " MB");
        }
        youngCollections++;
        oldUsed += promoted;
        double youngPauseMs = profile.youngPauseMs(copied);
        double pauseMs = youngPauseMs;
        PauseKind kind = PauseKind.YOUNG;
        String cause = null;
        if (config.collector() == CollectorKind.G1) {
            if (mixedLeft == 0 && markEndNanos >= 0 && nowNanos >= markEndNanos) {
                long garbage = Math.max(0, oldUsed - floorBytes());
                reclaimPerMixedBytes = (garbage + CollectorProfile.G1_MIXED_COUNT_TARGET - 1) / CollectorProfile.G1_MIXED_COUNT_TARGET;
                mixedLeft = CollectorProfile.G1_MIXED_COUNT_TARGET;
                markEndNanos = -1;
                remarkPending = true;
            }
            if (mixedLeft > 0) {
                long reclaimed = Math.min(reclaimPerMixedBytes, Math.max(0, oldUsed - floorBytes()));
                oldUsed -= reclaimed;
                pauseMs += mb(reclaimed) * profile.oldReclaimMsPerMb();
                if (remarkPending) {
                    pauseMs += profile.concurrentPauseMs();
                    remarkPending = false;
                }
                mixedLeft--;
                oldCollections++;
                kind = PauseKind.OLD;
                cause = "mixed collection " + (CollectorProfile.G1_MIXED_COUNT_TARGET - mixedLeft) + " of "
                        + CollectorProfile.G1_MIXED_COUNT_TARGET + ": " + fmt(mb(reclaimed)) + " MB of old garbage reclaimed";
            } else if (markEndNanos < 0 && oldUsed >= thresholdBytes()) {
                long markNanos = millisToNanos(profile.concurrentFixedMs() + mb(oldUsed) * profile.concurrentMsPerMb());
                markEndNanos = nowNanos + millisToNanos(pauseMs) + markNanos;
                cause = "concurrent mark started: old space " + fmt(mb(oldUsed)) + " MB >= " + config.initiatingOccupancyPercent()
                        + "% of the heap (" + fmt(mb(thresholdBytes())) + " MB); marking takes " + fmt(markNanos / 1e6) + " ms";
            }
            if (config.youngBytes() == 0) {
                adaptYoung(youngPauseMs);
            }
        }
        return new GcEvent(kind, nowNanos, millisToNanos(pauseMs), -1, copied, promoted, oldBefore, oldUsed, thresholdBytes(),
                cause, false);
    }

    /**
     * g1's young sizing: the young generation that would have made this pause meet the target, if
     * the copy cost grows with it, averaged with the present size (g1 predicts from a decaying
     * average of past pauses), within 5-60% of the heap and never into the old space in use and
     * g1's reserve.
     */
    private void adaptYoung(double youngPauseMs) {
        double variable = youngPauseMs - profile.youngFixedMs();
        double room = config.pauseTargetMs() - profile.youngFixedMs();
        long min = Math.round(config.heapBytes() * CollectorProfile.G1_MIN_YOUNG_SHARE);
        long free = config.heapBytes() - oldUsed - Math.round(config.heapBytes() * CollectorProfile.G1_RESERVE_SHARE);
        long max = Math.max(min, Math.min(Math.round(config.heapBytes() * CollectorProfile.G1_MAX_YOUNG_SHARE), free));
        double desired = variable <= 0 ? max : youngBytes * Math.max(0, room) / variable;
        long next = Math.round((youngBytes + desired) / 2);
        size(Math.max(min, Math.min(max, next)));
    }

    /** A full collection now (the {@code full-gc} action; under zgc, a major cycle, which is concurrent). */
    public GcEvent collectFull(long nowNanos, String cause) {
        if (config.collector() == CollectorKind.ZGC) {
            return majorEndNanos >= 0 ? null : startMajor(nowNanos, cause);
        }
        long oldBefore = oldUsed;
        long surviving = Math.round(config.survivingFraction() * edenUsed);
        long copied = surviving + survivorUsed;
        long promoted = age(surviving);
        edenUsed = 0;
        return full(nowNanos, oldBefore, copied, promoted, cause);
    }

    private GcEvent full(long nowNanos, long oldBefore, long copied, long promoted, String cause) {
        oldCollections++;
        // Mark and compact: old space keeps the live set, the pool's objects and what was just promoted.
        oldUsed = floorBytes() + promoted;
        markEndNanos = -1;
        mixedLeft = 0;
        remarkPending = false;
        double pauseMs = profile.fullPauseMs(oldUsed + survivorUsed);
        return new GcEvent(PauseKind.FULL, nowNanos, millisToNanos(pauseMs), -1, copied, promoted, oldBefore, oldUsed,
                thresholdBytes(), cause, false);
    }

    private GcEvent startYoungCycle(long nowNanos) {
        long oldBefore = oldUsed;
        long surviving = Math.round(config.survivingFraction() * edenUsed);
        long copied = surviving + survivorUsed;
        long promoted = age(surviving);
        youngCollections++;
        oldUsed += promoted;
        collectingBytes = edenUsed;
        edenUsed = 0;
        stalledThisCycle = false;
        long pauseNanos = millisToNanos(profile.concurrentPauseMs());
        youngCycleEndNanos = nowNanos + pauseNanos
                + millisToNanos(profile.concurrentFixedMs() + mb(copied) * profile.copyMsPerMb());
        return new GcEvent(PauseKind.YOUNG, nowNanos, pauseNanos, youngCycleEndNanos, copied, promoted, oldBefore, oldUsed,
                thresholdBytes(), null, false);
    }

    private GcEvent startMajor(long nowNanos, String cause) {
        oldCollections++;
        oldAtMajorStart = oldUsed;
        long pauseNanos = millisToNanos(profile.concurrentPauseMs());
        majorEndNanos = nowNanos + pauseNanos + millisToNanos(profile.concurrentFixedMs() + mb(oldUsed) * profile.concurrentMsPerMb());
        return new GcEvent(PauseKind.OLD, nowNanos, pauseNanos, majorEndNanos, 0, 0, oldUsed, oldUsed, thresholdBytes(), cause, false);
    }

    /**
     * zgc: the concurrent work due by {@code nowNanos} ends; its owner calls this at each
     * {@link GcEvent#concurrentEndNanos()}. A finished young cycle frees the eden it collected; a
     * finished major cycle leaves old space with its floor and what was promoted while it ran.
     * Returns the cycle that starts at once (old space past the initiating occupancy, or eden
     * full again), or null.
     */
    public GcEvent endConcurrent(long nowNanos) {
        GcEvent next = null;
        if (majorEndNanos >= 0 && nowNanos >= majorEndNanos) {
            majorEndNanos = -1;
            oldUsed = floorBytes() + Math.max(0, oldUsed - oldAtMajorStart);
        }
        if (youngCycleEndNanos >= 0 && nowNanos >= youngCycleEndNanos) {
            youngCycleEndNanos = -1;
            collectingBytes = 0;
            stalledThisCycle = false;
            if (majorEndNanos < 0 && oldUsed >= thresholdBytes()) {
                next = startMajor(nowNanos, "old space " + fmt(mb(oldUsed)) + " MB >= " + config.initiatingOccupancyPercent()
                        + "% of the heap (" + fmt(mb(thresholdBytes())) + " MB)");
            } else if (edenUsed >= edenBytes) {
                next = startYoungCycle(nowNanos);
            }
        }
        return next;
    }

    public boolean youngCycleRunning(long nowNanos) {
        return youngCycleEndNanos >= 0 && nowNanos < youngCycleEndNanos;
    }

    /** The share of the instance's CPU that concurrent GC threads take now (g1 marking, zgc cycles), 0 when none run. */
    public double concurrentCpuShare(long nowNanos) {
        boolean running = switch (config.collector()) {
            case PARALLEL -> false;
            case G1 -> markEndNanos >= 0 && nowNanos < markEndNanos;
            case ZGC -> youngCycleRunning(nowNanos) || majorEndNanos >= 0 && nowNanos < majorEndNanos;
        };
        return running ? profile.concurrentCpuShare() : 0;
    }

    private static long millisToNanos(double ms) {
        return Math.round(ms * 1e6);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    // ------------------------------------------------------------------ state

    public Config config() {
        return config;
    }

    /** Eden in use, with (zgc) the eden a running cycle still collects. */
    public long edenUsedBytes() {
        return edenUsed + collectingBytes;
    }

    public long edenBytes() {
        return edenBytes;
    }

    public long survivorUsedBytes() {
        return survivorUsed;
    }

    /** One survivor space (the other is the empty to-space a young collection copies into). */
    public long survivorBytes() {
        return survivorBytes;
    }

    /** Survivor bytes that have survived {@code age} collections, 1 to 15. */
    public long cohortBytes(int age) {
        return cohorts[age];
    }

    public long oldUsedBytes() {
        return oldUsed;
    }

    public long oldBytes() {
        return oldBytes;
    }

    public long youngBytes() {
        return youngBytes;
    }

    public long usedBytes() {
        return edenUsedBytes() + survivorUsed + oldUsed;
    }

    public long youngCollections() {
        return youngCollections;
    }

    /** Old collections of every kind: full, mixed (g1) and major cycles (zgc). */
    public long oldCollections() {
        return oldCollections;
    }

    /** Every byte allocated since the heap was made. */
    public long allocatedBytes() {
        return allocatedBytes;
    }
}
