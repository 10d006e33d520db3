package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The "pause when…" form: what it reads, how it writes itself back, and its one-line errors. */
class BreakpointTest {

    @Test
    void readsEveryKindAndWritesTheSameFormBack() {
        for (String form : new String[]{"p99-above=500", "error-rate-above=5", "error-rate-above=2.5", "decision=hpa",
                "breaker-opens", "breaker-opens=payments", "replicas-change", "queue-full", "stale-read", "key-moves"}) {
            assertEquals(form, Breakpoint.parse(form).id());
        }
        Breakpoint p99 = Breakpoint.parse(" p99-above = 500 ");
        assertEquals(Breakpoint.Kind.P99_ABOVE, p99.kind());
        assertEquals(500.0, p99.threshold());
        assertEquals("", p99.source());
        assertEquals("payments", Breakpoint.parse("breaker-opens=payments").source());
        assertEquals("", Breakpoint.parse("breaker-opens").source());
    }

    @Test
    void describesItselfForMenus() {
        assertEquals("p99 above 500 ms", Breakpoint.parse("p99-above=500").describe());
        assertEquals("error rate above 5 %", Breakpoint.parse("error-rate-above=5").describe());
        assertEquals("a decision of hpa", Breakpoint.parse("decision=hpa").describe());
        assertEquals("a breaker opens", Breakpoint.parse("breaker-opens").describe());
        assertEquals("the payments breaker opens", Breakpoint.parse("breaker-opens=payments").describe());
        for (Breakpoint.Kind k : Breakpoint.Kind.values()) {
            String d = k == Breakpoint.Kind.DECISION ? Breakpoint.parse("decision=breaker").describe()
                    : Breakpoint.hasThreshold(k) ? new Breakpoint(k, 1, "").describe() : Breakpoint.of(k).describe();
            assertFalse(d.isBlank(), k.id());
        }
    }

    @Test
    void anUnknownKindListsTheKinds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("p95-above=3"));
        assertTrue(e.getMessage().contains("unknown kind 'p95-above'"), e.getMessage());
        for (Breakpoint.Kind k : Breakpoint.Kind.values()) {
            assertTrue(e.getMessage().contains(k.id()), e.getMessage());
        }
        assertOneLine(e);
        assertOneLine(assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("")));
        assertOneLine(assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse(null)));
    }

    @Test
    void aMissingOrBadThresholdIsNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("p99-above"));
        assertTrue(missing.getMessage().contains("needs a threshold in ms"), missing.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("error-rate-above="));
        assertTrue(empty.getMessage().contains("needs a threshold in %"), empty.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("p99-above=fast"));
        assertTrue(word.getMessage().contains("'fast' is not a number"), word.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("p99-above=0"));
        assertTrue(zero.getMessage().contains("must be above 0"), zero.getMessage());
        IllegalArgumentException percent = assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("error-rate-above=150"));
        assertTrue(percent.getMessage().contains("below 100 %"), percent.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("queue-full=3"));
        assertTrue(extra.getMessage().contains("queue-full takes no value"), extra.getMessage());
        for (IllegalArgumentException e : new IllegalArgumentException[]{missing, empty, word, zero, percent, extra}) {
            assertOneLine(e);
        }
    }

    @Test
    void anUnknownDecisionSourceListsTheSources() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("decision=kubernetes"));
        assertTrue(e.getMessage().contains("unknown decision source 'kubernetes'"), e.getMessage());
        for (Source s : Source.values()) {
            assertTrue(e.getMessage().contains(s.id()), e.getMessage());
        }
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Breakpoint.parse("decision"));
        assertTrue(none.getMessage().contains("decision needs a source"), none.getMessage());
        assertOneLine(e);
        assertOneLine(none);
    }

    private static void assertOneLine(IllegalArgumentException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
