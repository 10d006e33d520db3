package dev.scalelab.lesson;

import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every preset says what to watch, and its markers lie within its run, in time order. */
class PresetWatchTest {

    @Test
    void everyPresetHasAWatchLineAndMarkersWithinItsRun() {
        assertEquals(20, Presets.names().size());
        for (String name : Presets.names()) {
            Scenario s = Presets.load(name);
            assertFalse(s.watch() == null || s.watch().isBlank(), name + " has no watch line");
            assertTrue(s.watch().length() <= 200, name + ": the watch line sits under the toolbar: a line or two, not a page");
            double previous = 0;
            for (Scenario.Marker m : s.markers()) {
                assertTrue(m.atSeconds() >= previous, name + ": markers in time order at " + m.atSeconds());
                assertTrue(m.atSeconds() < s.durationSeconds(), name + ": " + m.label() + " after the run's end");
                assertTrue(m.untilSeconds() == 0 || m.untilSeconds() > m.atSeconds() && m.untilSeconds() <= s.durationSeconds(),
                        name + ": " + m.label() + " spans " + m.atSeconds() + " to " + m.untilSeconds());
                assertFalse(m.label().isBlank(), name + ": a marker without a label");
                previous = m.atSeconds();
            }
        }
    }

    @Test
    void aPresetsMarkersAreItsTimelinesMoments() {
        Scenario stampede = Presets.load("cache-stampede");
        assertEquals(stampede.timeline().stream().map(Scenario.TimelineEntry::atSeconds).toList(),
                stampede.markers().stream().map(Scenario.Marker::atSeconds).toList());
        Scenario storm = Presets.load("retry-storm");
        assertEquals(1, storm.markers().size());
        assertEquals(60, storm.markers().get(0).atSeconds());
        assertEquals(90, storm.markers().get(0).untilSeconds(), "the 30 s outage is a span");
    }
}
