package dev.scalelab.engine.resilience;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The trace's reorder buffer: rows in sequence (start) order, held only while an earlier attempt is in flight. */
class AttemptTraceTest {

    private static AttemptRecord row(long seq) {
        return new AttemptRecord(seq, seq * 10, seq * 10 + 5, "pay", seq, 1, AttemptOutcome.SUCCESS, false,
                BreakerState.CLOSED, BreakerState.CLOSED);
    }

    @Test
    void rowsLeaveInSequenceOrderAsSoonAsEveryEarlierOneHasEnded() {
        List<Long> out = new ArrayList<>();
        AttemptTrace t = new AttemptTrace(r -> out.add(r.seq()));
        long a = t.begin();
        long b = t.begin();
        long c = t.begin();
        t.end(row(c));
        t.end(row(b));
        assertEquals(List.of(), out); // a is still in flight
        assertEquals(3, t.pending());
        t.end(row(a));
        assertEquals(List.of(0L, 1L, 2L), out);
        assertEquals(0, t.pending());
    }

    @Test
    void heldRowsGrowPastTheInitialBufferAndFlushSkipsAttemptsStillInFlight() {
        List<Long> out = new ArrayList<>();
        AttemptTrace t = new AttemptTrace(r -> out.add(r.seq()));
        long first = t.begin(); // never ends
        for (int i = 0; i < 1000; i++) {
            t.end(row(t.begin()));
        }
        assertEquals(List.of(), out);
        assertEquals(1001, t.pending());
        t.flush();
        assertEquals(1000, out.size());
        assertEquals(1L, out.get(0));
        assertEquals(1000L, out.get(999));
        t.end(row(first)); // too late: dropped, not written out of order
        assertEquals(1000, out.size());
    }
}
