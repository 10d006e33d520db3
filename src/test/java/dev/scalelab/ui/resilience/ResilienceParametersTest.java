package dev.scalelab.ui.resilience;

import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFields;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResilienceParametersTest {
    private final Scenario storm = Presets.load("retry-storm");

    private static List<String> everyField() {
        List<String> all = new ArrayList<>(ResilienceParameters.BREAKER);
        all.addAll(ResilienceParameters.RETRY);
        all.addAll(ResilienceParameters.CALLS);
        return all;
    }

    @Test
    void thePaneListsEachClientSettingOnceAndEachIsASettableLiveField() {
        List<String> all = everyField();
        assertEquals(21, all.size());
        assertEquals(all.size(), new HashSet<>(all).size());
        for (String field : all) {
            String path = ResilienceParameters.path(1, field);
            assertEquals(path, ScenarioFields.spec(path).path());
            assertTrue(ScenarioFields.isLive(path), path);
            assertFalse(ScenarioFields.spec(path).description().isEmpty(), path);
        }
        assertEquals("dependencies[1].retry.maxAttempts", ResilienceParameters.path(1, "retry.maxAttempts"));
    }

    @Test
    void everyFieldReadsAValueOfItsTypeThatItsSpecAcceptsAndWritingItBackChangesNothing() {
        Set<FieldSpec.Type> seen = new HashSet<>();
        for (int i = 0; i < storm.dependencies().size(); i++) {
            for (String field : everyField()) {
                String path = ResilienceParameters.path(i, field);
                FieldSpec spec = ScenarioFields.spec(path);
                Object value = ScenarioFields.read(storm, path);
                if (value == null) {
                    assertTrue(field.startsWith("breaker."), path + " has a value unless its client has no breaker");
                    assertNull(storm.dependencies().get(i).breaker(), path);
                    continue;
                }
                seen.add(spec.type());
                assertEquals(storm, ScenarioFields.with(storm, path, spec.validate(path, value)), path);
            }
        }
        assertEquals(Set.of(FieldSpec.Type.NUMBER, FieldSpec.Type.INTEGER, FieldSpec.Type.CHOICE, FieldSpec.Type.BOOLEAN), seen,
                "the pane has fields of every type a form edits (names, the one text type, are not edited live)");
    }
}
