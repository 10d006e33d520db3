package dev.scalelab.runtime;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * What the JVM's management beans say at one wall instant, with the simulation's event count read
 * at the same time: the running totals that {@link JvmMonitor} turns into per-second figures.
 *
 * @param heapUsedBytes      heap in use (MemoryMXBean), what {@code jcmd <pid> GC.heap_info} calls "used"
 * @param heapCommittedBytes heap the JVM has from the system, which {@code GC.heap_info} calls "total"
 * @param heapMaxBytes       the most heap the JVM may take ({@code -Xmx}), or -1 when undefined
 * @param collectors         each collector's collections and collection time since the JVM started
 * @param simulationThreadAllocatedBytes bytes the simulation thread has allocated since it started, or
 *                           -1 when this JVM does not measure it
 * @param eventsFired        the simulation's events so far (it starts again from 0 on a reset)
 */
public record JvmReading(long wallNanos, long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes,
                         List<Collector> collectors, int threadCount, long simulationThreadAllocatedBytes, long eventsFired) {

    public JvmReading {
        collectors = List.copyOf(collectors);
    }

    /** One collector, by the name its bean gives ("G1 Young Generation"), with its running totals. */
    public record Collector(String name, long collections, long collectionMillis) {
    }

    /**
     * Reads this JVM's beans now. {@code simulationThreadId} is the thread whose allocations are
     * counted; HotSpot's {@code com.sun.management.ThreadMXBean} measures them per thread.
     */
    public static JvmReading ofThisJvm(long wallNanos, long simulationThreadId, long eventsFired) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        List<Collector> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.add(new Collector(gc.getName(), Math.max(0, gc.getCollectionCount()), Math.max(0, gc.getCollectionTime())));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long allocated = -1;
        if (threads instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()
                && hotspot.isThreadAllocatedMemoryEnabled()) {
            allocated = hotspot.getThreadAllocatedBytes(simulationThreadId);
        }
        return new JvmReading(wallNanos, heap.getUsed(), heap.getCommitted(), heap.getMax(), collectors,
                threads.getThreadCount(), allocated, eventsFired);
    }
}
