package dev.scalelab.engine.balancing;

import dev.scalelab.engine.balancing.OutlierDetector.Action;
import dev.scalelab.engine.balancing.OutlierDetector.Config;
import dev.scalelab.engine.balancing.OutlierDetector.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Envoy consecutive-5xx ejection with its default settings, in virtual time. */
class OutlierDetectorTest {
    private static final long S = 1_000_000_000L;

    private static OutlierDetector detector(Config config, int hosts) {
        OutlierDetector d = new OutlierDetector(config);
        for (int i = 0; i < hosts; i++) {
            d.addHost("i-" + i);
        }
        return d;
    }

    private static Optional<Event> errors(OutlierDetector d, String id, int count, long nowNanos) {
        Optional<Event> last = Optional.empty();
        for (int i = 0; i < count; i++) {
            last = d.onResult(id, false, nowNanos);
        }
        return last;
    }

    /** Runs the interval timer every 10 s from {@code fromSeconds} through {@code toSeconds}. */
    private static List<Event> ticks(OutlierDetector d, int fromSeconds, int toSeconds) {
        List<Event> events = new ArrayList<>();
        for (int t = fromSeconds; t <= toSeconds; t += 10) {
            events.addAll(d.onInterval(t * S));
        }
        return events;
    }

    @Test
    void fiveErrorsInARowEjectForThirtySecondsUntilTheIntervalTimerBringsTheHostBack() {
        OutlierDetector d = detector(Config.DEFAULTS, 10);
        assertTrue(errors(d, "i-3", 4, 11 * S).isEmpty());
        d.onResult("i-3", true, 11 * S);
        assertTrue(errors(d, "i-3", 4, 11 * S).isEmpty(), "a success starts the count again");
        Event eject = d.onResult("i-3", false, 12 * S).orElseThrow();
        assertEquals(Action.EJECT, eject.action());
        assertEquals("5 consecutive errors; ejected for 30 s (base 30 s x 1 in a row); 1 of 10 hosts ejected", eject.reason());
        assertTrue(d.isEjected("i-3"));
        assertTrue(ticks(d, 20, 40).isEmpty(), "at 40 s only 28 s have passed");
        List<Event> back = d.onInterval(50 * S);
        assertEquals(List.of(new Event(50 * S, "i-3", Action.UNEJECT, "ejection time 30 s elapsed")), back);
        assertFalse(d.isEjected("i-3"));
    }

    @Test
    void ejectionTimeGrowsWithEjectionsInARowAndShrinksWhileTheHostStaysIn() {
        OutlierDetector d = detector(Config.DEFAULTS, 10);
        errors(d, "i-0", 5, 0);
        assertEquals(1, ticks(d, 10, 30).size());
        assertTrue(errors(d, "i-0", 5, 31 * S).orElseThrow().reason().contains("ejected for 60 s (base 30 s x 2 in a row)"));
        assertTrue(ticks(d, 40, 90).isEmpty());
        assertEquals(1, ticks(d, 100, 100).size());
        // Back at 100 s; each interval it stays in lowers the backoff: 2 -> 1 at 110 s -> 0 at 120 s.
        ticks(d, 110, 120);
        assertTrue(errors(d, "i-0", 5, 121 * S).orElseThrow().reason().contains("ejected for 30 s (base 30 s x 1 in a row)"));
    }

    @Test
    void ejectionTimeStopsGrowingAtMaxEjectionTime() {
        OutlierDetector d = detector(Config.DEFAULTS, 10);
        List<String> durations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String reason = errors(d, "i-0", 5, i * S).orElseThrow().reason();
            durations.add(reason.substring(reason.indexOf("for ") + 4, reason.indexOf(" s (")));
            d.onActiveHealthCheckPassed("i-0", i * S);
        }
        assertEquals(List.of("30", "60", "90", "120", "150", "180", "210", "240", "270", "300", "300", "300"), durations);
    }

    @Test
    void maxEjectionPercentLimitsHowManyHostsAreOut() {
        OutlierDetector d = detector(Config.DEFAULTS, 10);
        assertEquals(Action.EJECT, errors(d, "i-0", 5, 0).orElseThrow().action());
        Event skipped = errors(d, "i-1", 5, 0).orElseThrow();
        assertEquals(Action.EJECTION_SKIPPED, skipped.action());
        assertEquals("5 consecutive errors, but ejecting would make 2 of 10 hosts (20%) ejected, "
                + "above max_ejection_percent 10%", skipped.reason());
        assertFalse(d.isEjected("i-1"));
        d.removeHost("i-0");
        assertEquals(0, d.ejectedHosts());
        assertEquals(Action.EJECT, errors(d, "i-1", 5, 0).orElseThrow().action(), "1 of 9 is still too many, but one host may always go");
    }

    @Test
    void withEnvoysCodeDefaultsAClusterOfFewerThanTenHostsEjectsNobody() {
        assertEquals(Action.EJECT, errors(detector(Config.DEFAULTS, 5), "i-0", 5, 0).orElseThrow().action());
        OutlierDetector strict = detector(Config.ENVOY_CODE_DEFAULTS, 5);
        Event skipped = errors(strict, "i-0", 5, 0).orElseThrow();
        assertEquals(Action.EJECTION_SKIPPED, skipped.action());
        assertTrue(skipped.reason().contains("1 of 5 hosts (20%)"));
        assertEquals(Action.EJECT, errors(detector(Config.ENVOY_CODE_DEFAULTS, 10), "i-0", 5, 0).orElseThrow().action());
    }

    @Test
    void aPassingActiveHealthCheckBringsAnEjectedHostBackAtOnce() {
        OutlierDetector d = detector(Config.DEFAULTS, 10);
        errors(d, "i-2", 5, 0);
        assertEquals(new Event(3 * S, "i-2", Action.UNEJECT, "active health check passed"),
                d.onActiveHealthCheckPassed("i-2", 3 * S).orElseThrow());
        assertFalse(d.isEjected("i-2"));
        assertTrue(d.onActiveHealthCheckPassed("i-2", 4 * S).isEmpty());
    }
}
