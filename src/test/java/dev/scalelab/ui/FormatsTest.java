package dev.scalelab.ui;

import dev.scalelab.world.LogEntry;
import dev.scalelab.world.Source;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @Test
    void virtualTimeReadsAsMinutesSecondsAndTenths() {
        assertEquals("00:00.0", Formats.clock(0));
        assertEquals("01:23.4", Formats.clock(83.45));
        assertEquals("125:00.0", Formats.clock(7500));
    }

    @Test
    void speedsReadAsTheMenuShowsThem() {
        assertEquals("0.1×", Formats.speed(0.1));
        assertEquals("100×", Formats.speed(100));
        assertEquals("max", Formats.speed(Double.POSITIVE_INFINITY));
    }

    @Test
    void logLinesAlignTimeSourceAndMessage() {
        assertEquals("  12.345 s  user       workload.arrival.ratePerSecond: 400 -> 800",
                Formats.logLine(new LogEntry(12.345, Source.USER, "workload.arrival.ratePerSecond: 400 -> 800")));
    }
}
