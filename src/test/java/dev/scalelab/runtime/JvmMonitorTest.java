package dev.scalelab.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's arithmetic, on readings made up by the test; nothing here depends on the wall clock. */
class JvmMonitorTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MIB = 1024 * 1024;

    private static JvmReading reading(double atSeconds, long youngCollections, long youngMillis, long allocatedBytes, long events) {
        return new JvmReading((long) (atSeconds * SECOND), 96 * MIB, 256 * MIB, 1024 * MIB,
                List.of(new JvmReading.Collector("G1 Young Generation", youngCollections, youngMillis),
                        new JvmReading.Collector("G1 Old Generation", 0, 0)),
                23, allocatedBytes, events);
    }

    @Test
    void ratesComeFromTwoReadingsAndTheTimeBetweenThem() {
        JvmMonitor monitor = new JvmMonitor();
        assertFalse(monitor.add(reading(10, 40, 300, 500 * MIB, 1_000_000)), "the first reading only starts the clock");
        assertNull(monitor.latest());
        assertTrue(monitor.add(reading(12, 46, 342, 740 * MIB, 9_000_000)));
        JvmSample s = monitor.latest();
        assertEquals(2.0, s.wallSeconds());
        assertEquals(96.0, s.heapUsedMib());
        assertEquals(256.0, s.heapCommittedMib());
        assertEquals(23, s.threads());
        assertEquals(new JvmSample.CollectorRate("G1 Young Generation", 3.0, 21.0), s.collectors().get(0));
        assertEquals(new JvmSample.CollectorRate("G1 Old Generation", 0.0, 0.0), s.collectors().get(1));
        assertEquals(120.0, s.allocationMibPerSecond());
        assertEquals(4_000_000.0, s.eventsPerSecond());
    }

    @Test
    void aResetCountsTheEventsSinceTheResetAndAnUnmeasuredAllocationIsNaN() {
        JvmMonitor monitor = new JvmMonitor();
        monitor.add(reading(0, 0, 0, -1, 5_000_000));
        monitor.add(reading(1, 0, 0, -1, 300_000));
        assertEquals(300_000.0, monitor.latest().eventsPerSecond());
        assertTrue(Double.isNaN(monitor.latest().allocationMibPerSecond()));
    }

    @Test
    void frameFiguresAreThePulsesOfTheSecondBeforeEachSample() {
        JvmMonitor monitor = new JvmMonitor();
        monitor.add(reading(0, 0, 0, 0, 0));
        long pulse = 0;
        monitor.recordFrame(pulse);
        for (int i = 0; i < 19; i++) {
            pulse += 16_000_000L;
            monitor.recordFrame(pulse);
        }
        pulse += 40_000_000L;
        monitor.recordFrame(pulse);
        monitor.add(reading(1, 0, 0, 0, 0));
        // 20 intervals, sorted: nineteen of 16 ms, then 40 ms; the 95th percentile is the 19th.
        assertEquals(16.0, monitor.latest().frameP95Ms());
        assertEquals(40.0, monitor.latest().frameMaxMs());

        monitor.add(reading(2, 0, 0, 0, 0));
        assertTrue(Double.isNaN(monitor.latest().frameP95Ms()), "no pulses in that second");
        pulse += 17_000_000L;
        monitor.recordFrame(pulse);
        monitor.add(reading(3, 0, 0, 0, 0));
        assertEquals(17.0, monitor.latest().frameMaxMs(), "the interval from the last pulse before the sample counts");
    }

    @Test
    void theHistoryKeepsTheLastThreeHundredSamples() {
        JvmMonitor monitor = new JvmMonitor();
        for (int second = 0; second <= 400; second++) {
            monitor.add(reading(second, second, 0, 0, 0));
        }
        List<JvmSample> history = monitor.history();
        assertEquals(JvmMonitor.HISTORY_SAMPLES, history.size());
        assertEquals(400, monitor.samplesTaken());
        assertEquals(101.0, history.get(0).wallSeconds());
        assertEquals(400.0, history.get(299).wallSeconds());
    }

    @Test
    void aReadingOfThisJvmSeesItsHeapItsCollectorsAndThisThreadsAllocations() {
        JvmReading r = JvmReading.ofThisJvm(0, Thread.currentThread().getId(), 7);
        assertTrue(r.heapUsedBytes() > 0 && r.heapCommittedBytes() >= r.heapUsedBytes(), r.toString());
        assertFalse(r.collectors().isEmpty());
        assertTrue(r.threadCount() >= 1);
        assertTrue(r.simulationThreadAllocatedBytes() > 0, "HotSpot measures a thread's allocations");
        assertEquals(7, r.eventsFired());
    }
}
