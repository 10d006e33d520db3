package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.Highlight;
import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.LessonLibrary;
import dev.scalelab.lesson.LessonPlayer;
import dev.scalelab.lesson.Step;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.RunStatus;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.scalelab.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of highlight resolves to the element's rectangle on a real panel fed a real frame, at
 * 1024 × 700; an element that is not there resolves to nothing; and every highlight of every shipped
 * lesson resolves on the frame its step shows.
 */
class HighlightsTest {
    private static final double WIDTH = 1024;
    private static final double HEIGHT = 700;
    private static final long TIMEOUT_SECONDS = 30;

    private Stage stage;
    private final List<LessonStage> windows = new ArrayList<>();
    private final List<SimulationRunner> runners = new ArrayList<>();

    @BeforeEach
    void toolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeAll() throws Exception {
        onFx(() -> {
            windows.forEach(LessonStage::stop);
            return null;
        }, TIMEOUT_SECONDS);
        runners.forEach(SimulationRunner::close);
    }

    @ParameterizedTest(name = "{2} on {1} ({0})")
    @CsvSource({
            "default, Overview, instance:i-0",
            "default, Overview, pool",
            "default, Overview, #latencyChart",
            "default, Overview, #offeredFigure",
            "default, Overview, param:workload.arrival.ratePerSecond",
            "default, Overview, log",
            "default, Overview, parameters",
            "flash-sale, Scaling, instance:i-1",
            "flash-sale, Scaling, pool",
            "flash-sale, Scaling, param:autoscaler.targetUtilization",
            "slow-instance, Load balancing, instance:i-3",
            "slow-instance, Load balancing, pool",
            "cache-stampede, Caching, cache:L1",
            "cache-stampede, Caching, cache:L2",
            "resharding, Database, shard:1",
            "retry-storm, Resilience, breaker:payments-naive",
            "retry-storm, Resilience, breaker:payments-protected",
            "retry-storm, Resilience, param:dependencies[0].retry.maxAttempts",
            "retry-storm, Resilience, param:dependencies[0].timeoutMs",
            "pool-exhaustion, Performance, pool",
            "event-backlog, Events, partition:0",
    })
    void resolvesToTheElementOnScreen(String preset, String panel, String element) throws Exception {
        Bounds bounds = resolveWhenDrawn(Presets.load(preset), 5, panel, element);
        assertNotNull(bounds, element + " on " + panel + " was not found");
        assertTrue(bounds.getWidth() >= 8 && bounds.getHeight() >= 8, element + ": " + bounds);
        Bounds window = new BoundingBox(0, 0, WIDTH, HEIGHT);
        assertTrue(window.contains(bounds), element + " " + bounds + " lies outside the window");
        // The outline goes around it, on the overlay.
        Bounds outlined = onFx(() -> {
            HighlightOutline outline = new HighlightOutline();
            outline.attach(windows.get(windows.size() - 1).overlay());
            outline.show(bounds);
            Bounds r = outline.isShown() ? outline.rectangle().getBoundsInParent() : null;
            outline.detach();
            return r;
        }, TIMEOUT_SECONDS);
        assertNotNull(outlined);
        // Around the element, a few pixels out, except at the window's edge, where it stays 2 px inside.
        assertTrue(outlined.getMinX() <= bounds.getMinX() + 2 && outlined.getMaxX() >= bounds.getMaxX() - 2
                && outlined.getMinY() <= bounds.getMinY() + 2 && outlined.getMaxY() >= bounds.getMaxY() - 2, outlined + " around " + bounds);
    }

    @Test
    void aTileFollowsItsInstanceAndAnElementThatIsNotThereResolvesToNothing() throws Exception {
        Scenario scenario = Presets.load("default");
        Bounds first = resolveWhenDrawn(scenario, 5, "Overview", "instance:i-0");
        Bounds second = onFx(() -> resolve("Overview", "instance:i-1"), TIMEOUT_SECONDS);
        assertNotNull(second);
        assertTrue(second.getMinX() != first.getMinX() || second.getMinY() != first.getMinY(), "two instances, two tiles");
        assertNull(onFx(() -> resolve("Overview", "instance:i-99"), TIMEOUT_SECONDS));
        assertNull(onFx(() -> resolve("Overview", "#noSuchNode"), TIMEOUT_SECONDS));
        assertNull(onFx(() -> resolve("Overview", "param:no.such.path"), TIMEOUT_SECONDS));
        assertNull(onFx(() -> resolve("Overview", "breaker:payments"), TIMEOUT_SECONDS), "the Overview draws no breaker");
    }

    @Test
    void anAbsentCacheLevelOrShardResolvesToNothing() throws Exception {
        assertNotNull(resolveWhenDrawn(Presets.load("cache-stampede"), 5, "Caching", "cache:L1"));
        assertNull(onFx(() -> resolve("Caching", "cache:L9"), TIMEOUT_SECONDS));
        assertNotNull(resolveWhenDrawn(Presets.load("resharding"), 5, "Database", "shard:0"));
        assertNull(onFx(() -> resolve("Database", "shard:42"), TIMEOUT_SECONDS));
    }

    @Test
    void everyHighlightOfEveryLessonResolvesOnTheFrameItsStepShows() throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Lesson lesson : LessonLibrary.all()) {
            LessonPlayer player = new LessonPlayer(lesson);
            for (int i = 0; i < lesson.steps().size(); i++) {
                Step step = lesson.steps().get(i);
                Snapshot shown = player.play(i).snapshot();
                Highlight highlight = step.highlight();
                if (highlight == null) {
                    continue;
                }
                checked++;
                Bounds bounds = resolveWhenDrawn(shown, highlight.panel(), highlight.element());
                if (bounds == null || bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
                    missing.add(lesson.id() + " step " + (i + 1) + ": " + highlight.element() + " on " + highlight.panel());
                }
            }
        }
        assertEquals(List.of(), missing);
        System.out.println("lesson highlights checked: " + checked);
    }

    // ------------------------------------------------------------------ helpers

    private Bounds resolveWhenDrawn(Scenario scenario, double seconds, String panel, String element) throws Exception {
        World world = new World(scenario);
        world.advanceTo(Simulation.secondsToNanos(seconds));
        return resolveWhenDrawn(world.snapshot(), panel, element);
    }

    /** Shows {@code panel} on {@code snapshot} and waits (a few pulses at most) until the element is drawn. */
    private Bounds resolveWhenDrawn(Snapshot snapshot, String panel, String element) throws Exception {
        Frame frame = new Frame(snapshot, new RunStatus(1, true, false, 1, 0, false, null), null);
        // One window and runner at a time: a test that resolves every lesson's highlights keeps none of the earlier ones.
        runners.forEach(SimulationRunner::close);
        runners.clear();
        SimulationRunner runner = new SimulationRunner(snapshot.current(), true);
        runners.add(runner);
        onFx(() -> {
            windows.forEach(LessonStage::stop);
            windows.clear();
            LessonStage window = new LessonStage(runner, () -> frame);
            windows.add(window);
            window.show(stage, WIDTH, HEIGHT);
            window.selectPanel(panel);
            return null;
        }, TIMEOUT_SECONDS);
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> resolve(panel, element), TIMEOUT_SECONDS) != null);
        } catch (TimeoutException e) {
            return null;
        }
        return onFx(() -> resolve(panel, element), TIMEOUT_SECONDS);
    }

    /** As the lesson does: a node further down a scrolling pane is scrolled into view first. */
    private Bounds resolve(String panel, String element) {
        LessonStage window = windows.get(windows.size() - 1);
        assertEquals(panel.toLowerCase(), window.currentPanel().title().toLowerCase());
        javafx.scene.Parent root = window.overlay().getScene().getRoot();
        if (HighlightResolver.namesNode(element)) {
            javafx.scene.Node node = HighlightResolver.node(element, window.currentPanel(), root);
            if (node != null) {
                HighlightResolver.reveal(node);
                root.layout();
            }
        }
        return HighlightResolver.resolve(element, window.currentPanel(), root);
    }
}
