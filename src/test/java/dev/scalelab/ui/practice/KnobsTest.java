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

        assertEquals(Parameter.INSTANCES, knobs.live().get(0));
        assertTrue(knobs.live().contains(Parameter.MAX_REPLICAS));
        assertTrue(knobs.live().contains(Parameter.AUTOSCALER_POLICY));
        assertFalse(knobs.live().contains(Parameter.WORKERS));
        assertEquals(List.of("autoscaler"), knobs.others(), "a section is more than its live parameters");
    }

    @Test
    void aKnobWithoutLiveParametersIsListedForItsPanel() {
        Knobs knobs = Knobs.of(List.of("dependencies[*].retry", "timeline"), start);

        assertEquals(List.of(), knobs.live());
        assertEquals(List.of("dependencies[*].retry", "timeline"), knobs.others());
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

        assertEquals(List.of(Parameter.L1_CAPACITY, Parameter.L2_CAPACITY), knobs.live());
        assertEquals(List.of("cache.levels[*].capacity"), knobs.others(), "no single parameter is the whole wildcard");
    }

    @Test
    void aSectionTheStartLacksHasNoFields() {
        assertEquals(List.of(), Knobs.of(List.of("cache"), start).live());
    }
}
