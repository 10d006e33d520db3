package dev.scalelab.lesson;

import dev.scalelab.ui.PanelCatalog;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped lessons read, and a bad lesson file is one line naming the file, the field's path and the problem. */
class LessonLibraryTest {
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

    @Test
    void tenLessonsReadInTeachingOrderEachWithFourToEightStepsAndAPrediction() {
        List<Lesson> lessons = LessonLibrary.all();
        assertEquals(List.of("horizontal-vs-vertical", "autoscaling-hpa", "load-balancing", "caching-eviction", "cache-stampede",
                "sharding-resharding", "replicas-consistency", "breakers-retries", "pools-and-gc", "event-streams-lag"),
                lessons.stream().map(Lesson::id).toList());
        for (Lesson l : lessons) {
            assertTrue(l.steps().size() >= 4 && l.steps().size() <= 8, l.id() + ": " + l.steps().size() + " steps");
            assertTrue(l.steps().stream().anyMatch(s -> s.prediction() != null), l.id() + " has no prediction");
            for (Step s : l.steps()) {
                long sentences = SENTENCE_END.matcher(s.text()).results().count();
                assertTrue(sentences >= 1 && sentences <= 4, l.id() + " / " + s.title() + ": " + sentences + " sentences");
            }
        }
        assertEquals("Autoscaling with the HPA", LessonLibrary.get("autoscaling-hpa").title());
        assertNull(LessonLibrary.get("no-such-lesson"));
    }

    @Test
    void everyPanelALessonNamesIsInTheNavigationList() {
        Set<String> titles = new HashSet<>();
        PanelCatalog.entries().forEach(e -> titles.add(e.title()));
        assertTrue(titles.containsAll(Elements.PANELS.keySet()), () -> Elements.PANELS.keySet() + " vs " + titles);
        for (Lesson l : LessonLibrary.all()) {
            assertTrue(titles.contains(l.panel()), l.id() + ": " + l.panel());
        }
    }

    @Test
    void aLessonThatChangesItsPresetsTimelineMarksItsOwnMomentsOnTheCharts() {
        int changed = 0;
        for (Lesson l : LessonLibrary.all()) {
            dev.scalelab.world.Scenario preset = dev.scalelab.world.Presets.load(l.start().name());
            assertNotNull(preset, l.id() + " starts from the preset " + l.start().name());
            if (!l.start().timeline().equals(preset.timeline())) {
                changed++;
                assertTrue(l.start().markers().isEmpty() || !l.start().markers().equals(preset.markers()),
                        l.id() + ": the preset's markers mark moments of a timeline the lesson replaced");
            }
            for (dev.scalelab.world.Scenario.Marker m : l.start().markers()) {
                assertTrue(m.atSeconds() <= l.start().durationSeconds(), l.id() + ": " + m + " after the run's end");
            }
        }
        assertEquals(4, changed, "caching-eviction, cache-stampede, sharding-resharding and pools-and-gc change theirs");
    }

    @Test
    void theStartIsThePresetWithThePatchMergedOverIt() {
        Lesson caching = LessonLibrary.get("caching-eviction");
        assertEquals("cache-stampede", caching.start().name());
        assertEquals(1000, caching.start().workload().arrival().ratePerSecond());
        assertEquals(List.of(), caching.start().timeline(), "the patch's null removes the preset's timeline");
        assertEquals(1, caching.start().cache().levels().size());
    }

    @Test
    void aStepsChangesAreReadAsTimelineEntriesCheckedByTheScenarioReader() {
        Step step = LessonLibrary.get("breakers-retries").steps().get(4);
        assertEquals(2, step.changes().size());
        assertEquals("dependencies[0].retry.maxAttempts", step.changes().get(0).path());
        assertEquals(1, step.changes().get(0).value());
        assertEquals("outage", step.changes().get(1).command());
        assertEquals(20, step.changes().get(1).durationSeconds());
    }

    // ------------------------------------------------------------------ one-line errors

    private static String lesson(String steps) {
        return "{\"id\": \"x\", \"title\": \"X\", \"pattern\": \"p\", \"summary\": \"S.\", \"panel\": \"Scaling\","
                + " \"start\": {\"preset\": \"retry-storm\"}, \"steps\": [" + steps + "]}";
    }

    private static String message(String json) {
        return assertThrows(LessonException.class, () -> LessonLibrary.parse("lessons/03-x.json", json)).getMessage();
    }

    @Test
    void anUnknownFieldIsNamedWithItsPath() {
        assertEquals("lessons/03-x.json: steps[1].runUntil.atSecond: unknown field; expected one of atSeconds, breakpoint, limitSeconds",
                message(lesson("{\"title\": \"a\", \"text\": \"A.\"}, {\"title\": \"b\", \"text\": \"B.\", \"runUntil\": {\"atSecond\": 9}}")));
    }

    @Test
    void aBadBreakpointGivesTheBreakpointReadersMessage() {
        String m = message(lesson("{\"title\": \"a\", \"text\": \"A.\"}, {\"title\": \"b\", \"text\": \"B.\","
                + " \"runUntil\": {\"breakpoint\": \"p99-above=fast\", \"limitSeconds\": 90}}"));
        assertEquals("lessons/03-x.json: steps[1].runUntil.breakpoint: breakpoint 'p99-above=fast': threshold 'fast' is not a number,"
                + " such as p99-above=500", m);
        assertEquals("lessons/03-x.json: steps[0].runUntil.breakpoint: \"payments\" is not a dependency of the lesson's start",
                message(lesson("{\"title\": \"a\", \"text\": \"A.\", \"runUntil\": {\"breakpoint\": \"breaker-opens=payments\", \"limitSeconds\": 90}}")));
    }

    @Test
    void aBadChangePathGivesTheScenarioReadersMessageAtTheChangesPath() {
        String m = message(lesson("{\"title\": \"a\", \"text\": \"A.\", \"changes\": [{\"command\": \"set\", \"path\": \"service.instances\","
                + " \"value\": 4}, {\"command\": \"set\", \"path\": \"service.instance\", \"value\": 4}]}"));
        assertTrue(m.startsWith("lessons/03-x.json: steps[0].changes[1].path: \"service.instance\" is not a parameter that can be set"), m);
        assertEquals("lessons/03-x.json: steps[0].changes[0].value: 0 is out of range; a whole number from 1 to 500",
                message(lesson("{\"title\": \"a\", \"text\": \"A.\", \"changes\": [{\"command\": \"set\", \"path\": \"service.instances\", \"value\": 0}]}")));
    }

    @Test
    void aBadProbeListsTheProbes() {
        String m = message(lesson("{\"title\": \"a\", \"text\": \"A.\", \"runUntil\": {\"atSeconds\": 10}, \"prediction\": {\"question\": \"Q?\","
                + " \"probe\": \"p98-ms\", \"explanation\": \"E.\", \"choices\": [{\"text\": \"a\", \"max\": 1}, {\"text\": \"b\", \"min\": 1}]}}"));
        assertTrue(m.startsWith("lessons/03-x.json: steps[0].prediction.probe: \"p98-ms\" is not a probe; use one of p99-ms, instances, "), m);
    }

    @Test
    void otherBadValuesAreNamedToo() {
        assertEquals("lessons/03-x.json: steps[0].highlight.element: \"payments\" is not a dependency of the lesson's start",
                message(lesson("{\"title\": \"a\", \"text\": \"A.\", \"highlight\": {\"panel\": \"Resilience\", \"element\": \"breaker:payments\"}}")));
        assertEquals("lessons/03-x.json: steps[0].highlight.element: no node has fx:id \"noSuchCard\" on the Scaling panel or in the main window",
                message(lesson("{\"title\": \"a\", \"text\": \"A.\", \"highlight\": {\"panel\": \"Scaling\", \"element\": \"#noSuchCard\"}}")));
        assertEquals("lessons/03-x.json: steps[0].prediction.choices[1]: its range overlaps choices[0]'s: ranges must be disjoint",
                message(lesson("{\"title\": \"a\", \"text\": \"A.\", \"runUntil\": {\"atSeconds\": 10}, \"prediction\": {\"question\": \"Q?\","
                        + " \"probe\": \"p99-ms\", \"explanation\": \"E.\", \"choices\": [{\"text\": \"a\", \"max\": 2}, {\"text\": \"b\", \"min\": 1}]}}")));
        assertEquals("lessons/03-x.json: steps[1].runUntil.atSeconds: 10 is out of range; after the previous step's stop (20 s) and"
                        + " within the scenario's 180 s",
                message(lesson("{\"title\": \"a\", \"text\": \"A.\", \"runUntil\": {\"atSeconds\": 20}}, {\"title\": \"b\", \"text\": \"B.\","
                        + " \"runUntil\": {\"atSeconds\": 10}}")));
        assertEquals("lessons/03-x.json: start.patch.service.instances: 0 is out of range; a whole number from 1 to 500",
                message(lesson("").replace("{\"preset\": \"retry-storm\"}", "{\"preset\": \"retry-storm\", \"patch\": {\"service\": {\"instances\": 0}}}")
                        .replace("\"steps\": []", "\"steps\": [{\"title\": \"a\", \"text\": \"A.\"}]")));
        assertEquals("lessons/03-x.json: start.preset: \"no-such\" is not a preset",
                message(lesson("{\"title\": \"a\", \"text\": \"A.\"}").replace("retry-storm", "no-such")));
        assertEquals("lessons/03-x.json: steps: expected a non-empty array of steps", message(lesson("")));
        assertNotNull(LessonLibrary.parse("lessons/03-x.json", lesson("{\"title\": \"a\", \"text\": \"A.\"}")));
    }
}
