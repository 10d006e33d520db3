package dev.scalelab.world;

import java.util.List;

/** The built-in scenarios, shipped as JSON resources under {@code presets/} and read like any file. */
public final class Presets {
    /** In the order the app and {@code presets} list them; "default" first. */
    private static final List<String> NAMES =
            List.of("default", "full-stack", "flash-sale", "slow-instance", "cache-stampede", "resharding", "replica-lag", "retry-storm", "mm1", "fleet-50", "flash-crowd", "diurnal", "ramp-to-overload", "closed-loop", "gc-pauses", "pool-exhaustion", "event-backlog", "consumer-crash", "poison-message", "api-gateway");

    private Presets() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** The preset called {@code name}, or null when there is none. */
    public static Scenario load(String name) {
        return NAMES.contains(name) ? ScenarioFiles.preset(name) : null;
    }
}
