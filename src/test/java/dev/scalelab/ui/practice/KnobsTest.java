package dev.scalelab.ui.practice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.practice.Challenge;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnobsTest {
    private final Challenge challenge = PracticeFixture.challenge();
    private final JsonNode start = ScenarioFiles.tree(challenge.startScenario());

    @Test
    void aFieldKnobIsItsParameterAndASectionKnobIsEveryParameterUnderIt() {
        Knobs knobs = Knobs.of(List.of("service.instances", "autoscaler"), start);

        assertEquals(Parameter.of("service.instances"), knobs.live().get(0));
        assertTrue(knobs.live().contains(Parameter.of("autoscaler.maxReplicas")));
        assertTrue(knobs.live().contains(Parameter.of("autoscaler.policy")));
        assertFalse(knobs.live().contains(Parameter.of("service.workersPerInstance")));
        assertEquals(List.of("autoscaler"), knobs.partly(), "a section is more than its live parameters");
        assertEquals(List.of(), knobs.elsewhere());
    }

    @Test
    void aKnobWithoutLiveParametersIsListedForItsPanel() {
        Knobs knobs = Knobs.of(List.of("dependencies[*].retry", "timeline"), start);

        assertEquals(List.of(), knobs.live());
        assertEquals(List.of("dependencies[*].retry", "timeline"), knobs.elsewhere());
        assertEquals(List.of(), knobs.partly());
    }

    @Test
    void aPrefixOfAFieldNameIsNotAKnobOverIt() {
        assertEquals(List.of(), Knobs.of(List.of("service.instance"), start).live());
    }

    @Test
    void anIndexWildcardMatchesEveryLevelTheStartHasAndNoOther() {
        JsonNode twoLevels = ScenarioFiles.tree(ScenarioFiles.parse(
                "{\"schema\":1,\"cache\":{\"levels\":[{\"name\":\"L1\",\"scope\":\"instance\",\"capacity\":100},"
                        + "{\"name\":\"L2\",\"scope\":\"shared\",\"capacity\":1000}]}}"));

        Knobs knobs = Knobs.of(List.of("cache.levels[*].capacity"), twoLevels);

        assertEquals(List.of(Parameter.of("cache.levels[0].capacity"),
                Parameter.of("cache.levels[1].capacity")), knobs.live());
        assertEquals(List.of("cache.levels[*].capacity"), knobs.partly(), "no single parameter is the whole wildcard");
    }

    @Test
    void theTextNamesTheFieldsOnTheRightThenTheRestAndWhere() {
        Knobs knobs = Knobs.of(challenge.knobs(), start);

        assertEquals("Turn them on the right while the starting system runs: " + knobs.live().size() + " fields. "
                + "Also yours to change: the rest of autoscaler; dependencies[*].retry. Edit them in their panel, or in a "
                + "saved scenario file that you open again. Everything else stays as the start has it; Submit grades the "
                + "design running now.", PracticePanel.knobsText(knobs));
    }

    @Test
    void aSectionTheStartLacksHasNoFields() {
        assertEquals(List.of(), Knobs.of(List.of("cache"), start).live());
    }
}
