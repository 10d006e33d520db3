package dev.scalelab.world;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A world run to a moment can go on as another scenario that agrees with its own up to that moment
 * (what a seek's checkpoint relies on), and then ends exactly where a new world of that scenario ends.
 */
class ContinueAsTest {

    /** One instance; at 30 s the rate triples. */
    private static Scenario base() {
        return ScenarioFiles.parse("""
                {"schema": 1, "seed": 11, "durationSeconds": 90,
                 "workload": {"arrival": {"process": "poisson", "ratePerSecond": 80}},
                 "service": {"instances": 2, "workersPerInstance": 2, "queueCapacity": 50,
                             "serviceTime": {"distribution": "exponential", "meanMs": 15}},
                 "timeline": [{"atSeconds": 30, "command": "set", "path": "workload.arrival.ratePerSecond", "value": 240}]}
                """);
    }

    private static Scenario plus(Scenario s, Scenario.TimelineEntry e) {
        List<Scenario.TimelineEntry> entries = new ArrayList<>(s.timeline());
        entries.add(e);
        entries.sort((a, b) -> Double.compare(a.atSeconds(), b.atSeconds()));
        return s.withTimeline(entries);
    }

    private static World runTo(Scenario s, double seconds) {
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(seconds));
        return w;
    }

    private static String report(World w) {
        return Report.toJson(Report.of(w, 0));
    }

    @Test
    void aWorldParkedBeforeAChangeGoesOnAsTheScenarioWithItExactly() {
        Scenario withChange = plus(base(), Scenario.TimelineEntry.set(50, "service.instances", 4));
        World parked = runTo(base(), 35);
        assertTrue(parked.canContinueAs(withChange));
        parked.continueAs(withChange);
        parked.advanceTo(Simulation.secondsToNanos(90));

        World fresh = runTo(withChange, 90);
        assertEquals(report(fresh), report(parked));
        assertEquals(fresh.simulation().eventsFired(), parked.simulation().eventsFired());
        assertEquals(4, parked.snapshot().current().service().instances(), "the change at 50 s was applied");
        assertEquals(withChange, parked.recordedScenario());
    }

    @Test
    void aPresetWithEveryPartGoesOnExactly() {
        Scenario full = Presets.load("full-stack").withDurationSeconds(150);
        Scenario forked = plus(full, Scenario.TimelineEntry.set(100, "service.instances", 9));
        World parked = runTo(full, 75);
        parked.continueAs(forked);
        parked.advanceTo(Simulation.secondsToNanos(150));
        assertEquals(report(runTo(forked, 150)), report(parked));
    }

    @Test
    void itCannotGoOnAsAScenarioThatDiffersBeforeItsMoment() {
        World parked = runTo(base(), 35);
        assertFalse(parked.canContinueAs(plus(base(), Scenario.TimelineEntry.set(20, "service.instances", 4))),
                "a change before the moment");
        assertFalse(parked.canContinueAs(plus(base(), Scenario.TimelineEntry.set(35, "service.instances", 4))),
                "a change at the moment itself was due by then");
        assertTrue(parked.canContinueAs(plus(base(), Scenario.TimelineEntry.set(35.001, "service.instances", 4))),
                "a millisecond later is still to come");
        assertFalse(parked.canContinueAs(base().withTimeline(List.of())), "the rate change at 30 s, gone");
        assertFalse(parked.canContinueAs(base().withSeed(12)), "another seed");
        assertFalse(parked.canContinueAs(plus(base(), Scenario.TimelineEntry.set(60, "autoscaler.policy", "hpa"))),
                "a timeline that sets the autoscaler declares its columns at the start");
        assertThrows(IllegalArgumentException.class, () -> parked.continueAs(base().withSeed(12)));
    }

    @Test
    void aWorldTheUserChangedIsNotACheckpoint() {
        World w = runTo(base(), 10);
        w.advanceTo(w.commandTimeNanos());
        assertTrue(w.applyUserCommand(Scenario.TimelineEntry.set(0, "service.instances", 3)));
        w.advanceTo(Simulation.secondsToNanos(20));
        assertFalse(w.canContinueAs(w.recordedScenario()), "its past holds a command of the user's, not of its timeline");
        assertFalse(w.canContinueAs(base()));
    }
}
