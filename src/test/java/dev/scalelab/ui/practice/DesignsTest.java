package dev.scalelab.ui.practice;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Scenario.TimelineEntry;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which scenario the Practice panel submits from a live run where the candidate turned a knob at 0:40. */
class DesignsTest {
    private final Scenario start = PracticeFixture.challenge().startScenario();

    private World runWithAChangeAtFortySeconds() {
        World world = new World(start);
        world.advanceTo(40_000_000_000L);
        world.applyUserChange(Parameter.of("service.instances"), 5);
        return world;
    }

    @Test
    void withoutTheTimelineKnobAChangeCountsFromTheFirstSecond() {
        World world = runWithAChangeAtFortySeconds();

        Scenario design = Designs.design(world.restartScenario(), world.recordedScenario(), List.of("service.instances"));

        assertEquals(5, design.service().instances());
        assertEquals(List.of(), design.timeline(), "nothing on the timeline the challenge would call a change");
    }

    @Test
    void withTheTimelineKnobAChangeHappensWhenTheCandidateMadeIt() {
        World world = runWithAChangeAtFortySeconds();
        Scenario recorded = world.recordedScenario();

        Scenario design = Designs.design(world.restartScenario(), recorded, List.of("service.instances", "timeline"));

        assertSame(recorded, design);
        assertEquals(2, design.service().instances());
        TimelineEntry change = design.timeline().get(0);
        assertEquals(40.0, change.atSeconds(), 1e-9);
        assertEquals("service.instances", change.path());
    }
}
