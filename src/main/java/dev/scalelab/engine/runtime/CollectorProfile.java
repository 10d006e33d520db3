package dev.scalelab.engine.runtime;

/**
 * How long each collector's work takes: the pause model of the heap. The structure follows the
 * JVM's collectors (engines.md §7): a young pause copies the live young objects, so it is a fixed
 * part (stopping threads, scanning roots) plus a cost per MB copied, not per MB of eden; a full
 * collection marks and compacts the live heap, so it grows with the live data. The figures are
 * the model's, chosen to be of the order GC logs of a 2-vCPU service show (copying runs at about
 * 1.5-2 GB/s with two GC threads; marking and compacting at about 0.7 GB/s), not measurements to
 * rely on: what matters is how pauses scale, and how the collectors differ.
 *
 * @param youngFixedMs         the fixed part of a young pause: safepoint, root and card scanning
 *                             (parallel 1 ms; g1 2 ms, as it also scans remembered sets)
 * @param copyMsPerMb          a young pause's cost per MB of live objects copied (parallel 0.5
 *                             ms; g1 0.6 ms, as it also updates remembered sets); for zgc the
 *                             concurrent cycle's length per MB, 2 ms, four times slower because
 *                             it relocates with a quarter of the cores while the service runs
 * @param fullFixedMs          the fixed part of a full collection (20 ms)
 * @param fullMsPerLiveMb      a full collection's cost per MB of live heap: mark, then compact
 *                             (1.5 ms: seconds on a heap with a GB or more live, as engines.md says)
 * @param concurrentFixedMs    g1: a concurrent mark's fixed length; zgc: a young cycle's (5 ms)
 * @param concurrentMsPerMb    g1: concurrent marking per MB of old occupancy (2 ms, marking with
 *                             ConcGCThreads, a quarter of the GC threads); zgc: a major cycle's
 *                             marking per MB of old occupancy (6 ms, the full collection's 1.5 ms
 *                             with a quarter of the cores)
 * @param concurrentPauseMs    zgc: the pauses of one cycle together (mark start, mark end,
 *                             relocate start: about 0.1 ms each, whatever the heap); g1: the remark
 *                             and cleanup pauses at the end of a mark, folded into its first mixed
 *                             collection (5 ms)
 * @param oldReclaimMsPerMb    g1: a mixed collection's extra pause per MB of old space reclaimed
 *                             (0.05 ms: old regions chosen for their garbage hold little live data
 *                             to evacuate)
 * @param concurrentCpuShare   the share of the instance's CPU the concurrent GC threads take while
 *                             a concurrent phase runs: ConcGCThreads defaults to a quarter of the
 *                             cores (g1's marking, zgc's cycles), so service runs at 3/4 speed then
 */
public record CollectorProfile(double youngFixedMs, double copyMsPerMb, double fullFixedMs, double fullMsPerLiveMb,
                               double concurrentFixedMs, double concurrentMsPerMb, double concurrentPauseMs,
                               double oldReclaimMsPerMb, double concurrentCpuShare) {

    public static final CollectorProfile PARALLEL = new CollectorProfile(1, 0.5, 20, 1.5, 0, 0, 0, 0, 0);
    public static final CollectorProfile G1 = new CollectorProfile(2, 0.6, 20, 1.5, 0, 2, 5, 0.05, 0.25);
    public static final CollectorProfile ZGC = new CollectorProfile(0, 2, 20, 1.5, 5, 6, 0.3, 0, 0.25);

    /** SurvivorRatio 8: eden is 8/10 of the young generation, each of the two survivor spaces 1/10. */
    public static final double EDEN_SHARE_OF_YOUNG = 0.8;
    public static final double SURVIVOR_SHARE_OF_YOUNG = 0.1;
    /** Parallel's NewRatio 2: old space is twice the young generation, so young is a third of the heap. */
    public static final double PARALLEL_YOUNG_SHARE = 1.0 / 3;
    /** zgc sizes its young generation as it goes; the model keeps a third of the heap, as parallel's. */
    public static final double ZGC_YOUNG_SHARE = 1.0 / 3;
    /** g1's bounds for its young generation (G1NewSizePercent 5, G1MaxNewSizePercent 60), and where it starts. */
    public static final double G1_MIN_YOUNG_SHARE = 0.05;
    public static final double G1_MAX_YOUNG_SHARE = 0.60;
    /** g1 keeps this share of the heap free for promotions (G1ReservePercent 10): young never grows into it. */
    public static final double G1_RESERVE_SHARE = 0.10;
    /** g1 spreads the old regions a mark found over this many mixed collections (G1MixedGCCountTarget 8). */
    public static final int G1_MIXED_COUNT_TARGET = 8;

    public static CollectorProfile of(CollectorKind kind) {
        return switch (kind) {
            case PARALLEL -> PARALLEL;
            case G1 -> G1;
            case ZGC -> ZGC;
        };
    }

    /** A young pause that copies {@code copiedBytes}. */
    public double youngPauseMs(long copiedBytes) {
        return youngFixedMs + Heap.mb(copiedBytes) * copyMsPerMb;
    }

    /** A full collection of a heap with {@code liveBytes} live. */
    public double fullPauseMs(long liveBytes) {
        return fullFixedMs + Heap.mb(liveBytes) * fullMsPerLiveMb;
    }
}
