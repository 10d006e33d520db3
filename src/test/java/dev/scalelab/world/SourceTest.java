package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceTest {

    @Test
    void theIdIsWhatTheLogAndTheReportHaveAlwaysWritten() {
        assertEquals("target-tracking", Source.TARGET_TRACKING.id());
        assertEquals("vertical-vpa", Source.VERTICAL_VPA.id());
        assertEquals("database", String.format("%s", Source.DATABASE));
    }

    @Test
    void scalerPoliciesMapToTheirSources() {
        assertEquals(Source.HPA, Source.horizontal("hpa"));
        assertEquals(Source.TARGET_TRACKING, Source.horizontal("target-tracking"));
        assertEquals(Source.VERTICAL_THRESHOLD, Source.vertical("threshold"));
    }

    @Test
    void onlyTheScalersLogWithoutADecisionPerLine() {
        assertTrue(Source.HPA.logsOnly());
        assertTrue(Source.VERTICAL.logsOnly());
        assertFalse(Source.VERTICAL_VPA.logsOnly());
        assertFalse(Source.USER.logsOnly());
    }
}
