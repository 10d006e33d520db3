package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.BreakerTransition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StateSpansTest {
    private static BreakerTransition t(double seconds, BreakerState from, BreakerState to) {
        return new BreakerTransition((long) (seconds * 1e9), "payments", from, to, "");
    }

    @Test
    void spansStartAtTheTransitionsExactTimes() {
        StateSpans spans = new StateSpans();
        spans.update(List.of(), BreakerState.CLOSED, 1.0);
        List<BreakerTransition> ts = List.of(t(60.2, BreakerState.CLOSED, BreakerState.OPEN));
        spans.update(ts, BreakerState.OPEN, 60.5);
        spans.update(ts, BreakerState.OPEN, 61.0); // the same transition again in the next frame
        ts = List.of(t(60.2, BreakerState.CLOSED, BreakerState.OPEN), t(65.2, BreakerState.OPEN, BreakerState.HALF_OPEN),
                t(65.3, BreakerState.HALF_OPEN, BreakerState.OPEN));
        spans.update(ts, BreakerState.OPEN, 66);
        assertEquals(4, spans.size());
        assertEquals(1.0, spans.startSeconds(0));
        assertEquals(BreakerState.OPEN, spans.state(1));
        assertEquals(60.2, spans.startSeconds(1), 1e-9);
        assertEquals(BreakerState.HALF_OPEN, spans.state(2));
        assertEquals(65.3, spans.startSeconds(3), 1e-9);
    }

    @Test
    void aStateChangeWithoutATransitionStartsAtTheFrame() {
        StateSpans spans = new StateSpans();
        spans.update(List.of(t(5, BreakerState.CLOSED, BreakerState.OPEN)), BreakerState.OPEN, 6);
        // The client was rebuilt with new settings: a new breaker, CLOSED, with no transitions yet.
        spans.update(List.of(), BreakerState.CLOSED, 7.5);
        assertEquals(BreakerState.CLOSED, spans.state(spans.size() - 1));
        assertEquals(7.5, spans.startSeconds(spans.size() - 1));
    }

    @Test
    void oldSpansAreDroppedButTheOneRunningAtTheWindowStartStays() {
        StateSpans spans = new StateSpans();
        spans.update(List.of(), BreakerState.CLOSED, 0);
        spans.update(List.of(t(10, BreakerState.CLOSED, BreakerState.OPEN)), BreakerState.OPEN, 11);
        spans.update(List.of(t(15, BreakerState.OPEN, BreakerState.HALF_OPEN)), BreakerState.HALF_OPEN, 16);
        spans.dropBefore(12);
        assertEquals(2, spans.size());
        assertEquals(BreakerState.OPEN, spans.state(0));
    }
}
