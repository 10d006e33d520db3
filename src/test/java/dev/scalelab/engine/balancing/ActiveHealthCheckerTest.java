package dev.scalelab.engine.balancing;

import dev.scalelab.engine.balancing.ActiveHealthChecker.Config;
import dev.scalelab.engine.balancing.ActiveHealthChecker.Probe;
import dev.scalelab.engine.balancing.ActiveHealthChecker.Transition;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Envoy's health check thresholds: unhealthy 3, healthy 2, probes every 5 s. */
class ActiveHealthCheckerTest {
    private static final long S = 1_000_000_000L;
    private final ActiveHealthChecker checker = new ActiveHealthChecker(Config.DEFAULTS);

    @Test
    void aNewHostIsUnhealthyUntilItsFirstProbePasses() {
        checker.addHost("i-0");
        assertFalse(checker.isHealthy("i-0"));
        assertEquals(Optional.of(new Transition(5 * S, "i-0", true, "first health check passed")),
                checker.onProbe("i-0", Probe.PASSED, 5 * S));
        assertTrue(checker.isHealthy("i-0"));
    }

    @Test
    void threeTimeoutsInARowMakeAHostUnhealthyAndTwoPassesBringItBack() {
        checker.addHost("i-0");
        checker.onProbe("i-0", Probe.PASSED, 0);
        assertTrue(checker.onProbe("i-0", Probe.TIMED_OUT, 5 * S).isEmpty());
        assertTrue(checker.onProbe("i-0", Probe.TIMED_OUT, 10 * S).isEmpty());
        assertTrue(checker.onProbe("i-0", Probe.PASSED, 15 * S).isEmpty(), "a pass starts the count again");
        checker.onProbe("i-0", Probe.TIMED_OUT, 20 * S);
        checker.onProbe("i-0", Probe.TIMED_OUT, 25 * S);
        assertEquals(Optional.of(new Transition(30 * S, "i-0", false, "3 health checks timed out in a row")),
                checker.onProbe("i-0", Probe.TIMED_OUT, 30 * S));
        assertTrue(checker.onProbe("i-0", Probe.PASSED, 35 * S).isEmpty(), "only the very first check is enough alone");
        assertEquals(Optional.of(new Transition(40 * S, "i-0", true, "2 health checks passed in a row")),
                checker.onProbe("i-0", Probe.PASSED, 40 * S));
    }

    @Test
    void anUnhealthyAnswerMakesAHostUnhealthyAtOnce() {
        checker.addHost("i-0");
        checker.onProbe("i-0", Probe.PASSED, 0);
        assertEquals(Optional.of(new Transition(5 * S, "i-0", false, "health check answered unhealthy")),
                checker.onProbe("i-0", Probe.UNHEALTHY_RESPONSE, 5 * S));
        assertTrue(checker.onProbe("i-0", Probe.UNHEALTHY_RESPONSE, 10 * S).isEmpty());
    }

    @Test
    void probesOfUnknownHostsAreIgnored() {
        assertTrue(checker.onProbe("gone", Probe.PASSED, 0).isEmpty());
        assertFalse(checker.isHealthy("gone"));
    }
}
