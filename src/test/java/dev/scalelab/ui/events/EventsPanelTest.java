package dev.scalelab.ui.events;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Robot tests of the Events panel on a window of 1280 × 800, fed snapshots whose events part is
 * {@link EventsFixture}'s: it draws them at 1, 8 and 256 partitions, animates a rebalance, and says in
 * one card, with the three presets, that a scenario has no event streams.
 */
class EventsPanelTest {
    private static final long TIMEOUT_SECONDS = 8;
    /** The first window of a run loads the controls' skins and stylesheets: slow on a busy machine. */
    private static final long SHOW_TIMEOUT_SECONDS = 40;

    private final FxRobot robot = new FxRobot();
    private final List<String> openedPresets = new ArrayList<>();
    private EventsPanel panel;
    private SimulationRunner runner;
    private long nowNanos = 1_000_000_000L;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void show() throws Exception {
        show(Presets.load("default"));
    }

    private void show(Scenario scenario) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxWait.onFx(() -> {
            runner = new SimulationRunner(scenario, true);
            panel = new EventsPanel(runner, openedPresets::add);
            BorderPane root = new BorderPane(panel.view());
            root.setBottom(panel.charts());
            root.setRight(panel.parameters());
            ((Region) panel.charts()).setPrefHeight(240);
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(EventsPanel.class.getResource("/styles/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            return null;
        }, SHOW_TIMEOUT_SECONDS);
    }

    @AfterEach
    void closeStage() throws Exception {
        FxToolkit.cleanupStages();
        runner.close();
    }

    /** Hands the panel a frame and runs pulses of drawing after it, as the window's timer would; an exception fails the test. */
    private void feed(Snapshot snapshot) throws Exception {
        FxWait.onFx(() -> {
            nowNanos += 1_000_000_000L;
            panel.update(EventsFixture.frame(snapshot), nowNanos);
            panel.animate(nowNanos);
            return null;
        }, TIMEOUT_SECONDS);
        pulse(16_000_000L);
    }

    private void pulse(long afterNanos) throws Exception {
        FxWait.onFx(() -> {
            nowNanos += afterNanos;
            panel.animate(nowNanos);
            return null;
        }, TIMEOUT_SECONDS);
    }

    private static Snapshot partitions(int partitions, int consumers, boolean rebalancing) {
        return EventsFixture.snapshot(15, n -> EventsFixture.view(partitions, consumers, n, rebalancing, false));
    }

    /** Pulses until the lanes have been drawn once laid out: on a busy machine the first layout may come a pulse or two late. */
    private void drawn() throws Exception {
        FxWait.waitUntil(() -> FxWait.onFx(() -> {
            nowNanos += 16_000_000L;
            panel.animate(nowNanos);
            return panel.lanes().getWidth() > 0 && !panel.lanes().isStale();
        }, TIMEOUT_SECONDS), TIMEOUT_SECONDS);
    }

    @Test
    void oneEightAndTwoHundredFiftySixPartitionsAreDrawnWithLanesThatFit() throws Exception {
        show();
        feed(partitions(8, 3, false));
        drawn();
        double eight = FxWait.onFx(() -> panel.lanes().laneHeight(), TIMEOUT_SECONDS);
        assertTrue(eight > 20 && eight <= PartitionLanes.MAX_LANE_HEIGHT, "eight lanes of " + eight + " px: labels, blocks and hatching");
        assertEquals(String.format("%,d", total(8)), text("#eventsLagValue"));
        assertEquals("3 / 4 → 8", text("#eventsConsumersValue"));

        feed(partitions(256, 12, false));
        drawn();
        double many = FxWait.onFx(() -> panel.lanes().laneHeight(), TIMEOUT_SECONDS);
        double lanesHeight = FxWait.onFx(() -> panel.lanes().getHeight(), TIMEOUT_SECONDS);
        assertTrue(many * 256 <= lanesHeight, "256 lanes of " + many + " px fit in " + lanesHeight + " px");
        assertTrue(many > 0.5);

        feed(partitions(1, 1, false));
        drawn();
        assertEquals(PartitionLanes.MAX_LANE_HEIGHT, FxWait.onFx(() -> panel.lanes().laneHeight(), TIMEOUT_SECONDS), 1e-9,
                "one lane takes the most a lane takes, no more");
        // The lag of the one partition, 100 records, reaches past the 64 of the tail: the lane shows its older records too.
        assertTrue(FxWait.onFx(() -> panel.lanes().scale().compressed(), TIMEOUT_SECONDS));
        assertEquals(100, FxWait.onFx(() -> panel.lanes().scale().span(), TIMEOUT_SECONDS), "from 10,000 at 256 partitions down to 100");
    }

    @Test
    void aStoppedPartitionSaysWhy() throws Exception {
        show();
        feed(partitions(8, 3, false));
        assertEquals("retry 3", FxWait.onFx(() -> panel.lanes().stopReason(0), TIMEOUT_SECONDS));
        feed(partitions(8, 3, true));
        assertEquals("rebalancing", FxWait.onFx(() -> panel.lanes().stopReason(5), TIMEOUT_SECONDS));
    }

    @Test
    void aRebalanceFadesThePartitionsToTheirNewOwnersInHalfASecond() throws Exception {
        show();
        feed(partitions(8, 2, false));
        drawn();
        assertFalse(FxWait.onFx(() -> panel.lanes().owners().fading(nowNanos), TIMEOUT_SECONDS));
        // A third consumer joins: round-robin moves partitions 2, 5 to it and others between the first two.
        feed(partitions(8, 3, false));
        assertTrue(FxWait.onFx(() -> panel.lanes().owners().fading(nowNanos), TIMEOUT_SECONDS));
        assertEquals(2, FxWait.onFx(() -> panel.lanes().owners().owner(2), TIMEOUT_SECONDS));
        pulse(OwnerFades.FADE_NANOS);
        assertFalse(FxWait.onFx(() -> panel.lanes().owners().fading(nowNanos), TIMEOUT_SECONDS));
    }

    @Test
    void theChartsFollowTheGroupAndWriteTheAutoscalersLastDecision() throws Exception {
        show();
        feed(partitions(8, 3, false));
        drawn();
        EventsCharts charts = panel.eventsCharts();
        // Partitions 7, 6 and 5 lag most (100 + 20 p records).
        assertEquals(List.of("total lag", "P5", "P6", "P7"), FxWait.onFx(charts::lagLines, TIMEOUT_SECONDS));
        assertTrue(FxWait.onFx(charts::decisionText, TIMEOUT_SECONDS).startsWith("billing: lag 12,400 over 8 partitions"));
    }

    @Test
    void aWorkQueueIsDrawnUnderTheLanes() throws Exception {
        show();
        feed(EventsFixture.snapshot(15, n -> EventsFixture.view(8, 3, n, false, true)));
        FxWait.waitUntil(() -> FxWait.onFx(() -> {
            nowNanos += 16_000_000L;
            panel.animate(nowNanos);
            return panel.queues().isVisible() && panel.queues().getHeight() > 0 && !panel.queues().isStale();
        }, TIMEOUT_SECONDS), TIMEOUT_SECONDS);
    }

    @Test
    void aScenarioWithoutEventsSaysSoAndOffersThePresets() throws Exception {
        show();
        feed(EventsFixture.snapshot(5, null));
        assertTrue(FxWait.onFx(() -> robot.lookup("#eventsEmpty").query().isVisible(), TIMEOUT_SECONDS));
        assertFalse(FxWait.onFx(() -> robot.lookup("#eventsContent").query().isVisible(), TIMEOUT_SECONDS));
        robot.clickOn("#openEventBacklogButton");
        robot.clickOn("#openConsumerCrashButton");
        robot.clickOn("#openPoisonMessageButton");
        assertEquals(List.of("event-backlog", "consumer-crash", "poison-message"), openedPresets);
    }

    @Test
    void theActionsRecordABurstACrashAndAPoisonOnTheFirstTopicAndGroup() throws Exception {
        show(Presets.load("consumer-crash").withTimeline(List.of()));
        feed(runner.latest().snapshot());
        assertTrue(robot.lookup("#eventsTopicsPartitionsField").tryQuery().isPresent(), "the topic's partitions have a row");
        assertTrue(robot.lookup("#eventsGroupsAssignorChoice").tryQuery().isPresent(), "the group's assignor has a row");
        runner.start();
        FxWait.onFx(() -> {
            robot.lookup("#publishBurstButton").queryAs(Button.class).fire();
            robot.lookup("#crashConsumerButton").queryAs(Button.class).fire();
            robot.lookup("#poisonButton").queryAs(Button.class).fire();
            return null;
        }, TIMEOUT_SECONDS);
        List<Scenario.TimelineEntry> recorded = runner.recordedScenario().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).timeline();
        assertEquals(List.of("publish-burst", "crash-consumer", "poison"),
                recorded.stream().map(Scenario.TimelineEntry::command).toList(), recorded.toString());
        assertEquals(List.of("payments", "ledger", "payments"), recorded.stream().map(Scenario.TimelineEntry::target).toList());
        assertEquals(5000.0, ((Number) recorded.get(0).value()).doubleValue());
    }

    private static long total(int partitions) {
        long total = 0;
        for (int p = 0; p < partitions; p++) {
            total += EventsFixture.lag(p);
        }
        return total;
    }

    private String text(String query) throws Exception {
        return FxWait.onFx(() -> {
            Node node = robot.lookup(query).query();
            return ((Label) node).getText();
        }, TIMEOUT_SECONDS);
    }
}
