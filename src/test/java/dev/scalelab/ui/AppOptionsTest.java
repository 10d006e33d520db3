package dev.scalelab.ui;

import dev.scalelab.world.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppOptionsTest {

    @Test
    void withoutOptionsTheAppOpensTheDefaultPresetAndMeasuresNothing() {
        AppOptions options = AppOptions.parse(List.of());
        assertEquals("default", options.scenario().name());
        assertEquals("default", options.scenarioLabel());
        assertEquals(0, options.frameStatsSeconds());
    }

    @Test
    void aScenarioWhoseQueuesCouldFillTheHeapIsRefusedBeforeTheWindowOpens(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("huge.json");
        Files.writeString(file, "{\"schema\": 1, \"service\": {\"instances\": 500, \"queueCapacity\": 10000000}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--scenario", file.toString())));
        assertTrue(e.getMessage().contains(": not run: up to 5,000,002,000 requests at once"), e.getMessage());
    }

    @Test
    void durationOverridesTheScenariosLengthAndABadOneIsNamed() {
        AppOptions longer = AppOptions.parse(List.of("--scenario", "full-stack", "--duration", "10000000"));
        assertEquals(10_000_000, longer.scenario().durationSeconds());
        assertEquals("full-stack", longer.scenarioLabel());
        assertEquals(900, AppOptions.parse(List.of("--scenario", "full-stack")).scenario().durationSeconds());
        for (String bad : new String[] {"0", "-5", "forever", "1e8"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AppOptions.parse(List.of("--duration", bad)));
            assertTrue(e.getMessage().startsWith("--duration: \"" + bad + "\" is not a number of seconds from 0.001 to 10000000"),
                    e.getMessage());
        }
    }

    /** --scenario on a drawing of its own shape opens it in the design canvas, over the default scenario. */
    @Test
    void aDrawingOfItsOwnShapeOpensInTheDesignCanvas() {
        AppOptions drawn = AppOptions.parse(List.of("--scenario", "docs/designs/api-gateway.json"));
        assertEquals(Path.of("docs/designs/api-gateway.json"), drawn.design());
        assertEquals("default", drawn.scenario().name());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of(
                "--design", "docs/designs/api-gateway.json", "--scenario", "docs/designs/api-gateway.json")));
        assertTrue(both.getMessage().endsWith("(and --design names another design already)"), both.getMessage());
    }

    @Test
    void aScenarioIsAPresetNameOrElseAFile(@TempDir Path directory) throws Exception {
        assertEquals("Scaling", AppOptions.parse(List.of("--panel", "Scaling")).panel());
        assertEquals(null, AppOptions.parse(List.of()).panel());
        AppOptions preset = AppOptions.parse(List.of("--frame-stats", "20", "--scenario", "fleet-50"));
        assertEquals(50, preset.scenario().service().instances());
        assertEquals(20, preset.frameStatsSeconds());

        Path file = directory.resolve("tiny.json");
        Files.writeString(file, "{\"schema\": 1, \"name\": \"tiny\", \"service\": {\"instances\": 2}}");
        AppOptions fromFile = AppOptions.parse(List.of("--scenario", file.toString()));
        assertEquals("tiny.json", fromFile.scenarioLabel());
        assertEquals(2, fromFile.scenario().service().instances());
    }

    @Test
    void aLessonIsAShippedIdOrElseAFileAndAMistakeNamesTheFieldOrTheIds(@TempDir Path directory) throws Exception {
        assertEquals(null, AppOptions.parse(List.of()).lesson());
        assertEquals("The cache stampede", AppOptions.parse(List.of("--lesson", "cache-stampede")).lesson().title());

        String shipped = new String(AppOptionsTest.class.getResourceAsStream("/lessons/05-cache-stampede.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Path own = directory.resolve("my-stampede.json");
        Files.writeString(own, shipped.replace("\"id\": \"cache-stampede\"", "\"id\": \"my-stampede\""));
        AppOptions fromFile = AppOptions.parse(List.of("--lesson", own.toString()));
        assertEquals("my-stampede", fromFile.lesson().id());
        assertEquals(5, fromFile.lesson().steps().size());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--lesson", "stampede")));
        assertEquals("--lesson: stampede: no lesson has this id and no such file; lessons: horizontal-vs-vertical, "
                + "autoscaling-hpa, load-balancing, caching-eviction, cache-stampede, sharding-resharding, "
                + "replicas-consistency, breakers-retries, pools-and-gc, event-streams-lag", unknown.getMessage());

        Path bad = directory.resolve("bad.json");
        Files.writeString(bad, shipped.replace("\"atSeconds\": 28", "\"atSeconds\": \"soon\""));
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--lesson", bad.toString())));
        assertTrue(field.getMessage().startsWith("--lesson: bad.json: steps[0].runUntil.atSeconds"), field.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--lesson")));
    }

    @Test
    void theStartingSpeedIsAFactorOrMax() {
        assertEquals(1, AppOptions.parse(List.of()).speed());
        assertEquals(10, AppOptions.parse(List.of("--speed", "10")).speed());
        assertEquals(Double.POSITIVE_INFINITY, AppOptions.parse(List.of("--speed", "max")).speed());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--speed", "0")));
        assertEquals("--speed: \"0\" is not a positive number or max", e.getMessage());
    }

    @Test
    void aRaceIsTheMainWindowsNotADesignsOnTheCanvas(@TempDir Path directory) throws Exception {
        Path design = Files.writeString(directory.resolve("design.json"), "{}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--design", design.toString(), "--race", "p2c")));
        assertEquals("--race races the main window's run, not a design on the canvas", e.getMessage());
    }

    @Test
    void aRaceNamesAStrategyAndOpensTheLoadBalancingPanel() {
        assertEquals(null, AppOptions.parse(List.of()).race());
        AppOptions racing = AppOptions.parse(List.of("--scenario", "slow-instance", "--race", "p2c"));
        assertEquals(dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy.P2C, racing.race());
        assertEquals("Load balancing", racing.panel());
        assertEquals("Load balancing", AppOptions.parse(List.of("--panel", "load balancing", "--race", "p2c")).panel(),
                "the panel's title in any case");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--race", "fastest")));
        assertEquals("--race: \"fastest\" is not a balancing strategy; one of round-robin, smooth-weighted-round-robin, "
                + "least-connections, random, weighted-random, p2c, least-request, peak-ewma, ring-hash, maglev", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--panel", "Caching", "--race", "p2c")));
        assertEquals("--race: the race is the Load balancing panel's, not \"Caching\"'s", e.getMessage());
        assertTrue(AppOptions.USAGE.contains("[--race STRATEGY]"));
    }

    @Test
    void theChartsStartLiveOrOverTheWholeRunOrASliceOfIt() {
        assertEquals(null, AppOptions.parse(List.of()).charts());
        assertEquals("whole", AppOptions.parse(List.of("--charts", "whole")).charts());
        assertEquals("600-900", AppOptions.parse(List.of("--charts", "600-900")).charts());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--charts", "all")));
        assertEquals("--charts: \"all\" is neither whole nor FROM-TO in seconds (600-900)", e.getMessage());
    }

    @Test
    void mistakesAreOneLineNamingTheProblem() {
        assertEquals("unknown option \"--fast\"; " + AppOptions.USAGE,
                assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--fast"))).getMessage());
        assertEquals("--frame-stats: \"soon\" is not a positive number of seconds",
                assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--frame-stats", "soon"))).getMessage());
        assertEquals("--scenario needs a value; " + AppOptions.USAGE,
                assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--scenario"))).getMessage());
        assertThrows(ScenarioException.class, () -> AppOptions.parse(List.of("--scenario", "no-such-file.json")));
    }

    @Test
    void theAppReadsScenarioLikeTheCommandLine(@TempDir Path directory) {
        String presets = "(presets: " + String.join(", ", dev.scalelab.world.Presets.names()) + ")";
        assertEquals("--scenario: empty; give a scenario file or a preset name " + presets,
                assertThrows(ScenarioException.class, () -> AppOptions.parse(List.of("--scenario", ""))).getMessage());
        assertEquals("--scenario: " + directory + ": is a directory; give a scenario file (JSON) or a preset name",
                assertThrows(ScenarioException.class, () -> AppOptions.parse(List.of("--scenario", directory.toString()))).getMessage());
        String huge = "x".repeat(6_000_000);
        String message = assertThrows(ScenarioException.class, () -> AppOptions.parse(List.of("--scenario", huge))).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(message.startsWith("--scenario: no file or preset named \"xxx")
                && message.length() < 400, message.length() + " characters");
        org.junit.jupiter.api.Assertions.assertTrue(assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--speed", huge))).getMessage().length() < 200);
    }
}
