package dev.scalelab.world;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveParameterTest {

    /**
     * Every parameter the full-stack preset has (all but the third cache level's and the hotspot's,
     * whose key popularity is Zipf, and the events section's, gateway's and client classes', which it has not: see
     * EventsWorldTest and GatewayWorldTest) is set live to a
     * value it reads back, through the subsystem that owns it: the run goes on, and the change is
     * logged and decided by the user.
     */
    @Test
    void everyParameterOfTheFullStackChangesLiveThroughItsOwner() {
        List<Parameter> applied = new ArrayList<>();
        for (Parameter p : Parameter.all()) {
            if (p.path().startsWith("cache.levels[2]") || p == Parameter.of("workload.keys.hotTrafficFraction") || p == Parameter.of("workload.keys.hotKeyFraction")
                    || Part.of(p) == Part.EVENTS || Part.of(p) == Part.GATEWAY || p.path().startsWith("workload.clients")) {
                continue;
            }
            World w = new World(Presets.load("full-stack"));
            w.advanceTo(Simulation.secondsToNanos(0.2));
            Object value = p.read(withDefaultSections(w.currentScenario()));
            w.advanceTo(w.commandTimeNanos());
            w.applyUserChange(p, value);
            Decision last = w.decisions().get(w.decisions().size() - 1);
            assertEquals(p.path(), last.fields().get("parameter"), p.path() + ": " + last.message());
            assertEquals("user", last.fields().get("by"), p.path());
            w.advanceTo(Simulation.secondsToNanos(0.5));
            assertTrue(w.snapshot().completed() > 0, p.path());
            applied.add(p);
        }
        assertEquals(Parameter.all().size() - 8 - Part.EVENTS.parameters().size() - Part.GATEWAY.parameters().size(),
                applied.size());
    }

    /**
     * The preset with the sections it lacks that a set adds from their defaults (the runtime, the
     * object pool): where the value to set is read.
     */
    private static Scenario withDefaultSections(Scenario s) {
        Scenario.Service v = s.service();
        return s.withService(new Scenario.Service(v.instances(), v.workersPerInstance(), v.queueCapacity(), v.serviceTime(),
                v.size(), v.provisionSeconds(), v.bootSeconds(), v.warmupSeconds(), v.weights(), v.speeds(),
                v.runtime() == null ? ServiceResources.ServiceRuntime.DEFAULT : v.runtime(),
                v.objectPool() == null ? ServiceResources.ObjectPool.DEFAULT : v.objectPool(), v.connectionPool()));
    }
}
