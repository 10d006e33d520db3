package dev.scalelab.ui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --startup-stats}: measured start-up, then exit. */
class StartupOptionsTest {

    @Test
    void startupStatsIsAFlag() {
        assertTrue(AppOptions.parse(List.of("--startup-stats")).startupStats());
        assertTrue(AppOptions.parse(List.of("--scenario", "mm1", "--startup-stats", "--panel", "Scaling")).startupStats());
        assertFalse(AppOptions.parse(List.of()).startupStats());
        assertTrue(AppOptions.USAGE.contains("[--startup-stats]"));
    }
}
