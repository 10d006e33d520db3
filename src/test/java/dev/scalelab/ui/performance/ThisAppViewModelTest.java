package dev.scalelab.ui.performance;

import dev.scalelab.runtime.JvmReading;
import dev.scalelab.runtime.ProfileTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ThisAppViewModelTest {
    private static final long MIB = 1024 * 1024;

    private static JvmReading reading(double atSeconds, long young, long youngMs, long old, long oldMs, long allocated, long events) {
        return new JvmReading((long) (atSeconds * 1e9), 96 * MIB + MIB / 3, 256 * MIB, 1024 * MIB,
                List.of(new JvmReading.Collector("G1 Young Generation", young, youngMs),
                        new JvmReading.Collector("G1 Old Generation", old, oldMs)),
                31, allocated, events);
    }

    @Test
    void theHeadlineReadsTheNewestSecond() {
        ThisAppViewModel model = new ThisAppViewModel();
        model.take(reading(0, 10, 100, 1, 40, 0, 0));
        assertEquals("–", model.heapProperty().get(), "one reading is no second yet");
        assertEquals(0, model.revision());
        model.take(reading(1, 14, 130, 2, 90, 240 * MIB, 3_456_789));
        assertEquals(1, model.revision());
        assertEquals("96 / 256 MiB", model.heapProperty().get());
        assertEquals("5.0 / s, 80.0 ms", model.collectionsProperty().get());
        assertEquals("240 MiB / s", model.allocationProperty().get());
        assertEquals("31", model.threadsProperty().get());
        assertEquals("3.4M / s", model.eventsProperty().get());
        assertEquals("–", model.framesProperty().get(), "no pulses were recorded");

        for (long pulse = 0; pulse <= 60 * 16_000_000L; pulse += 16_000_000L) {
            model.monitor().recordFrame(pulse);
        }
        model.monitor().recordFrame(60 * 16_000_000L + 250_000_000L);
        model.take(reading(2, 14, 130, 2, 90, 240 * MIB, 3_456_789));
        assertEquals("p95 16.0, max 250 ms", model.framesProperty().get());
        assertEquals("0.0 / s, 0.0 ms", model.collectionsProperty().get());
    }

    @Test
    void theProfileTableIsShownOncePerPublication() {
        ThisAppViewModel model = new ThisAppViewModel();
        ProfileTable table = new ProfileTable(1.0, 2_000, List.of(
                new ProfileTable.Line("WorkloadSystem", "ArrivalEvent", 1_000, 60, 700),
                new ProfileTable.Line("Request", "fire()", 1_000, 40, 466)));
        model.showProfile(table);
        assertEquals(table.lines(), model.profileLines());
        ProfileTable.Line first = model.profileLines().get(0);
        model.showProfile(table);
        assertSame(first, model.profileLines().get(0));
        model.showProfile(ProfileTable.EMPTY);
        assertEquals(List.of(), model.profileLines());
    }
}
