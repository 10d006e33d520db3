package dev.scalelab.ui.resilience;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run in which the user changed every parameter the panels offer (the Parameter forms of
 * Overview, Scaling, Load balancing, Caching and Database, and every field of the Resilience
 * panel's dependency form) saves, reopens and replays to the same report. A saved Resilience
 * experiment once could not be reopened: a timeline set inside a list overflowed the reader's stack.
 */
class EveryRecordedChangeReopensTest {

    @Test
    void aRunWithAChangeThroughEveryParameterOfEveryPanelReopensAndReplaysExactly() throws Exception {
        Scenario start = Presets.load("full-stack").withDurationSeconds(120);
        World live = new World(start);
        double at = 1;
        int changes = 0;
        for (Parameter p : Parameter.all()) {
            live.advanceTo(Simulation.secondsToNanos(at));
            live.advanceTo(live.commandTimeNanos());
            Object value = otherValue(p, live.currentScenario());
            if (value != null && applies(() -> p.applyTo(live.currentScenario(), value))) {
                live.applyUserChange(p, value);
                changes++;
            }
            at += 0.5;
        }
        // The Resilience panel first gives its dependency a breaker of each mode, then edits every field.
        List<String> dependencyFields = new ArrayList<>(ResilienceParameters.BREAKER);
        dependencyFields.addAll(ResilienceParameters.RETRY);
        dependencyFields.addAll(ResilienceParameters.CALLS);
        for (String field : dependencyFields) {
            live.advanceTo(Simulation.secondsToNanos(at));
            live.advanceTo(live.commandTimeNanos());
            String path = ResilienceParameters.path(0, field);
            Object value = otherValue(ScenarioFields.spec(path), ScenarioFields.read(live.currentScenario(), path));
            if (applies(() -> ScenarioFields.with(live.currentScenario(), path, value))) {
                live.applyUserCommand(Scenario.TimelineEntry.set(0, path, value));
                changes++;
            }
            at += 0.5;
        }
        live.advanceTo(Simulation.secondsToNanos(120));
        Scenario recorded = live.recordedScenario();
        // Every change was valid where it was made (a refused one is logged, not recorded), so each is on
        // the timeline, after the preset's own fault.
        assertEquals(start.timeline().size() + changes, recorded.timeline().size());
        assertTrue(changes >= Parameter.all().size() / 2 + dependencyFields.size() - 2, "changes made: " + changes);
        assertTrue(recorded.timeline().stream().anyMatch(e -> "dependencies[0].retry.maxAttempts".equals(e.path())));

        // Saved as the app saves it, and opened as the app opens it.
        Path file = Files.createTempFile("recorded", ".json");
        try {
            ScenarioFiles.writeAtomically(file, ScenarioFiles.write(recorded));
            Scenario reopened = ScenarioFiles.read(file);
            assertEquals(recorded.timeline().size(), reopened.timeline().size());
            World replay = new World(reopened);
            replay.advanceTo(Simulation.secondsToNanos(120));
            // Identical but for who made each change: the replay reads it from the timeline.
            assertEquals(Report.toJson(Report.of(live, 0)).replace("\"source\" : \"user\"", "\"source\" : \"timeline\"")
                            .replace("\"by\" : \"user\"", "\"by\" : \"timeline\""),
                    Report.toJson(Report.of(replay, 0)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theIssuesMinimalFileReadsAndRuns() {
        Scenario s = ScenarioFiles.parse("{\"schema\":1,\"durationSeconds\":20,\"dependencies\":[{\"name\":\"pay\"}],"
                + "\"timeline\":[{\"atSeconds\":5,\"command\":\"set\",\"path\":\"dependencies[0].retry.maxAttempts\",\"value\":2}]}");
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(20));
        assertEquals(2, w.currentScenario().dependencies().get(0).retry().maxAttempts());
        // The timeline is kept as it was read; setting a field does not copy it into itself.
        assertEquals(1, w.currentScenario().timeline().size());
    }

    /** Whether a change would be accepted on the scenario as it is now (the form refuses the others before sending). */
    private static boolean applies(java.util.function.Supplier<Scenario> change) {
        try {
            change.get();
            return true;
        } catch (ScenarioException refused) {
            return false;
        }
    }

    /** A valid value other than the current one, as a person would pick it on the form; null when there is none. */
    private static Object otherValue(Parameter p, Scenario s) {
        Object now = p.read(s);
        switch (p.type()) {
            case CHOICE:
                return p.choices().stream().filter(c -> !c.equals(now)).findFirst().orElse(null);
            case BOOLEAN:
                return !((Boolean) now);
            default:
                double v = ((Number) now).doubleValue();
                double next = v + Math.max(1, Math.abs(v) * 0.25);
                if (next > p.max()) {
                    next = Math.max(p.min(), v - Math.max(1, Math.abs(v) * 0.25));
                }
                if (p.type() == Parameter.Type.NUMBER && p.max() <= 1) {
                    next = v >= 0.5 ? v - 0.1 : v + 0.1;
                }
                return p.parse(p.path(), p.type() == Parameter.Type.INTEGER
                        ? Long.toString(Math.round(next)) : Double.toString(next));
        }
    }

    /** For a dependency's field, which has no value (null) while its client has no breaker. */
    private static Object otherValue(FieldSpec f, Object now) {
        switch (f.type()) {
            case CHOICE:
                return f.choices().stream().filter(c -> !c.equals(now)).findFirst().orElseThrow();
            case BOOLEAN:
                return now == null || !((Boolean) now);
            case INTEGER:
                return now == null ? 5 : ((Number) now).intValue() + 1;
            default:
                return now == null ? 30.0 : Math.min(((Number) now).doubleValue() + 10, 100.0);
        }
    }
}
