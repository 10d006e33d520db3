package dev.scalelab.world;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answered requests are reused: a run makes about as many as are ever in flight at once, not one per arrival. */
class RequestReuseTest {

    @Test
    void theDefaultScenarioMakesOnlyAsManyRequestsAsAreInFlightAtOnce() {
        World w = new World(Presets.load("default"));
        w.advanceTo(Simulation.secondsToNanos(120));
        long answered = w.snapshot().completed();
        assertTrue(answered > 40_000, "answered " + answered);
        // 400 req/s of about 20 ms each: some tens in flight at once (26 made when written), not 48,000.
        long made = w.path.requestsMade();
        assertTrue(made < 200, "made " + made + " requests for " + answered + " answered");
    }

    @Test
    void theFullStackReusesRequestsThroughCacheDatabaseAndDependencies() {
        World w = new World(Presets.load("full-stack"));
        w.advanceTo(Simulation.secondsToNanos(120));
        long answered = w.snapshot().completed();
        assertTrue(answered > 80_000, "answered " + answered);
        long made = w.path.requestsMade();
        assertTrue(made < 1_000, "made " + made + " requests for " + answered + " answered");
    }

    @Test
    void aReusedRequestStartsAsANewOneWould() {
        World w = new World(Presets.load("default"));
        Request r = new Request(w, 7, 100, 3, true, 2, 1);
        r.client = 4;
        r.enter(Phase.SERVICE, 250);
        r.gcMarkNanos = 9;
        r.pooledObjects = 5;
        r.reuse(8, 1_000, 6, false, -1, 0);
        Request fresh = new Request(w, 8, 1_000, 6, false, -1, 0);
        assertEquals(fresh.id, r.id);
        assertEquals(fresh.arrivalNanos, r.arrivalNanos);
        assertEquals(fresh.key, r.key);
        assertEquals(fresh.read, r.read);
        assertEquals(fresh.user, r.user);
        assertEquals(fresh.session, r.session);
        assertEquals(fresh.client, r.client);
        assertEquals(fresh.instance, r.instance);
        assertEquals(fresh.phase, r.phase);
        assertEquals(fresh.phaseSinceNanos, r.phaseSinceNanos);
        assertEquals(fresh.gcMarkNanos, r.gcMarkNanos);
        assertEquals(fresh.pooledObjects, r.pooledObjects);
        assertEquals(fresh.lastSpan, r.lastSpan);
        assertEquals(java.util.Arrays.toString(fresh.phaseNanos), java.util.Arrays.toString(r.phaseNanos));
    }
}
