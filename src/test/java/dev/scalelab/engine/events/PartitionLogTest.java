package dev.scalelab.engine.events;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ring log: offsets, growth past its capacity, retention from the head, release of committed records. */
class PartitionLogTest {
    private static final long S = Simulation.NANOS_PER_SECOND;

    @Test
    void offsetsAreDenseAndRecordsSurviveTheRingGrowing() {
        PartitionLog log = new PartitionLog();
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, log.append(new EventRecord(100 + i, i % 7, i * S, i % 3, i == 812)));
        }
        assertEquals(0, log.logStartOffset());
        assertEquals(1000, log.logEndOffset());
        assertEquals(new EventRecord(100 + 500, 500 % 7, 500 * S, 500 % 3, false), log.record(500));
        assertTrue(log.poisonAt(812));
        assertFalse(log.poisonAt(811));
        assertEquals(999 % 7, log.keyAt(999));
        assertThrows(IndexOutOfBoundsException.class, () -> log.record(1000));
    }

    @Test
    void retentionDeletesFromTheHeadUpToTheFirstYoungerRecord() {
        PartitionLog log = new PartitionLog();
        for (int i = 0; i < 100; i++) {
            log.append(new EventRecord(i, EventRecord.NO_KEY, i * S, 0, false));
        }
        assertEquals(41, log.deleteThrough(40 * S)); // records published at 0 … 40 s
        assertEquals(41, log.logStartOffset());
        assertEquals(59, log.size());
        assertEquals(41, log.record(41).id());
        assertThrows(IndexOutOfBoundsException.class, () -> log.record(40));
        for (int i = 0; i < 500; i++) { // the ring wraps after the head moved
            log.append(new EventRecord(100 + i, 1, (100 + i) * S, 0, false));
        }
        assertEquals(599, log.record(599).id());
        assertEquals(559, log.deleteThrough(599 * S));
        assertEquals(600, log.logStartOffset());
        assertEquals(0, log.size());
    }

    @Test
    void releasedRecordsLeaveMemoryButCountUntilRetentionDeletesThem() {
        PartitionLog log = new PartitionLog();
        for (int i = 0; i < 200; i++) {
            log.append(new EventRecord(i, 1, i * S, 0, false));
        }
        log.release(150); // keeps the newest TAIL_KEPT = 64: frees 0 … 135
        assertEquals(200 - PartitionLog.TAIL_KEPT, log.firstHeldOffset());
        assertEquals(0, log.logStartOffset());
        assertEquals(200, log.size());
        assertEquals(0, log.deleteThrough(134 * S)); // record 135, published at 135 s, is not yet due
        assertEquals(136, log.deleteThrough(135 * S));
        assertEquals(10, log.deleteThrough(145 * S));
        assertEquals(146, log.logStartOffset());
        assertEquals(146, log.firstHeldOffset());
    }
}
