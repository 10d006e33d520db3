package dev.scalelab.runtime;

import java.util.List;

/**
 * One second of the app's own JVM, from two readings a second apart: the heap at the end of it, and
 * rates over it. A figure this JVM does not measure is NaN.
 *
 * @param wallSeconds            wall time since the monitor's first reading, at the end of the second
 * @param heapUsedMib            heap in use, MiB (2^20 bytes)
 * @param heapCommittedMib       heap taken from the system, MiB
 * @param collectors             per collector, collections and collection time per wall second
 * @param threads                live threads
 * @param allocationMibPerSecond the simulation thread's allocation rate
 * @param eventsPerSecond        simulated events per wall second
 * @param frameP95Ms             the 95th percentile of the UI's frame intervals in the second, NaN without frames
 * @param frameMaxMs             the longest frame interval in the second, NaN without frames
 */
public record JvmSample(double wallSeconds, double heapUsedMib, double heapCommittedMib, List<CollectorRate> collectors,
                        int threads, double allocationMibPerSecond, double eventsPerSecond, double frameP95Ms, double frameMaxMs) {

    public JvmSample {
        collectors = List.copyOf(collectors);
    }

    /** One collector's work over the second. */
    public record CollectorRate(String name, double collectionsPerSecond, double collectionMsPerSecond) {
    }
}
