package dev.scalelab.ui;

import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.LogEntry;
import dev.scalelab.world.Source;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The "Pause when…" dialog's checks and texts, and the banner's line. */
class BreakpointMenuTest {

    @Test
    void aThresholdIsANumberInRangeOrAOneLineMessageNamingTheField() {
        assertEquals(Optional.empty(), BreakpointMenu.validate(Breakpoint.Kind.P99_ABOVE, " 500 "));
        assertEquals(Optional.of("p99 threshold: \"abc\" is not a number"), BreakpointMenu.validate(Breakpoint.Kind.P99_ABOVE, "abc"));
        assertEquals(Optional.of("p99 threshold: -3 is out of range; a number of ms above 0, at most 3600000"),
                BreakpointMenu.validate(Breakpoint.Kind.P99_ABOVE, "-3"));
        assertEquals(Optional.of("error rate threshold: 100 is out of range; a percentage from 0 to below 100"),
                BreakpointMenu.validate(Breakpoint.Kind.ERROR_RATE_ABOVE, "100"));
        assertEquals(Optional.empty(), BreakpointMenu.validate(Breakpoint.Kind.ERROR_RATE_ABOVE, "2.5"));
        // Kinds without a threshold ignore the field.
        assertEquals(Optional.empty(), BreakpointMenu.validate(Breakpoint.Kind.STALE_READ, "abc"));
    }

    @Test
    void theDialogBuildsEveryKind() {
        assertEquals(new Breakpoint(Breakpoint.Kind.P99_ABOVE, 500, ""), BreakpointMenu.build(Breakpoint.Kind.P99_ABOVE, "500", null));
        assertEquals(new Breakpoint(Breakpoint.Kind.DECISION, 0, "hpa"), BreakpointMenu.build(Breakpoint.Kind.DECISION, "", "hpa"));
        assertEquals(new Breakpoint(Breakpoint.Kind.BREAKER_OPENS, 0, ""),
                BreakpointMenu.build(Breakpoint.Kind.BREAKER_OPENS, "", "any dependency"));
        assertEquals(new Breakpoint(Breakpoint.Kind.BREAKER_OPENS, 0, "payments"),
                BreakpointMenu.build(Breakpoint.Kind.BREAKER_OPENS, "", "payments"));
        for (Breakpoint.Kind kind : Breakpoint.Kind.values()) {
            Breakpoint b = BreakpointMenu.build(kind, "5", "hpa");
            assertEquals(kind, b.kind());
            // What the dialog builds is what the runner's own syntax reads back.
            assertEquals(b, Breakpoint.parse(b.id()));
        }
    }

    @Test
    void theBannerSaysWhatPausedTheRunWhenAndTheLineThatTrippedIt() {
        BreakpointHit hit = new BreakpointHit(new Breakpoint(Breakpoint.Kind.P99_ABOVE, 500, ""), 72,
                new LogEntry(72, Source.WORLD, "p99 612 ms over the last second"));
        assertEquals("Paused: p99 above 500 ms at " + Formats.clock(72) + " — p99 612 ms over the last second",
                MainWindowViewModel.pausedText(hit));
        assertEquals("the breaker of payments opens", BreakpointMenu.describe(new Breakpoint(Breakpoint.Kind.BREAKER_OPENS, 0, "payments")));
        assertEquals("a decision of hpa", BreakpointMenu.describe(new Breakpoint(Breakpoint.Kind.DECISION, 0, "hpa")));
        assertEquals("error rate above 2.5 %", BreakpointMenu.describe(new Breakpoint(Breakpoint.Kind.ERROR_RATE_ABOVE, 2.5, "")));
    }

    @Test
    void theNotesShowTheFirstSentence() {
        assertEquals("A hot key expires under load.", PresetNotes.firstSentence("A hot key expires under load. Then it loads again."));
        assertEquals("One sentence", PresetNotes.firstSentence("One sentence"));
        assertEquals("p99 is 2.5 ms.", PresetNotes.firstSentence("p99 is 2.5 ms. More."));
    }
}
