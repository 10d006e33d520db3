package dev.scalelab.ui.performance;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.Panel;
import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.PerformanceView;
import dev.scalelab.world.PerformanceView.MetricView;
import dev.scalelab.world.Phase;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Robot tests of the Performance panel on a window of 1280 × 800, fed snapshots whose performance
 * part is {@link PerformanceFixture}'s: they click its real controls and check what it shows.
 */
class PerformancePanelTest {
    private static final long TIMEOUT_SECONDS = 8;
    /** The first window of a run loads the controls' skins and stylesheets: slow on a busy machine. */
    private static final long SHOW_TIMEOUT_SECONDS = 40;

    private final FxRobot robot = new FxRobot();
    private final List<String> openedPresets = new ArrayList<>();
    private PerformancePanel panel;
    private SimulationRunner runner;
    private long nowNanos = 1_000_000_000L;

    /** The toolkit first: a control class loaded without it (the stub's Label) would stay broken. */
    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void show(Panel thisApp) throws Exception {
        show(thisApp, Presets.load("default"));
    }

    private void show(Panel thisApp, Scenario scenario) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxWait.onFx(() -> {
            runner = new SimulationRunner(scenario, true);
            panel = new PerformancePanel(runner, openedPresets::add, thisApp);
            BorderPane root = new BorderPane(panel.view());
            root.setBottom(panel.charts());
            root.setRight(panel.parameters());
            ((javafx.scene.layout.Region) panel.charts()).setPrefHeight(260);
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(PerformancePanel.class.getResource("/styles/app.css").toExternalForm());
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

    /** Hands the panel a frame and runs two pulses' worth of drawing, as the window's timer would. */
    private void feed(Snapshot snapshot) throws Exception {
        Frame frame = PerformanceFixture.frame(snapshot);
        FxWait.onFx(() -> {
            nowNanos += 1_000_000_000L;
            panel.update(frame, nowNanos);
            panel.animate(nowNanos);
            return null;
        }, TIMEOUT_SECONDS);
        FxWait.onFx(() -> {
            panel.animate(nowNanos + 16_000_000L);
            return null;
        }, TIMEOUT_SECONDS);
    }

    private static Snapshot fleet(int instances) {
        return PerformanceFixture.snapshot(15, (now, n) -> PerformanceFixture.view(instances, now, n));
    }

    @Test
    void everyInstanceHasAHeapAndThePausedOnesWearTheirState() throws Exception {
        show(null);
        feed(fleet(5));
        HeapGrid heaps = panel.heaps();
        assertEquals(5, FxWait.onFx(() -> heaps.getChildrenUnmodifiable().size(), TIMEOUT_SECONDS));
        assertTrue(FxWait.onFx(() -> heaps.gauge(1).getPseudoClassStates().contains(HeapGauge.PAUSED), TIMEOUT_SECONDS),
                "i-1 is in a full pause");
        assertTrue(FxWait.onFx(() -> heaps.gauge(2).getPseudoClassStates().contains(HeapGauge.PAUSED), TIMEOUT_SECONDS));
        assertFalse(FxWait.onFx(() -> heaps.gauge(0).getPseudoClassStates().contains(HeapGauge.PAUSED), TIMEOUT_SECONDS));
        assertEquals("full", HeapGauge.pauseName(PerformanceView.PAUSE_FULL));
        assertEquals("38 ms · Σ 4.3 s", text("#perfGcPauseValue"));
        assertEquals("92.4%", text("#perfPoolHitValue"));
        assertEquals("17 + 5", text("#perfTimeoutsValue"));
        // Drawn at a pulse once laid out: on a busy machine the first layout may come a pulse or two late.
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> FxWait.onFx(() -> {
            nowNanos += 16_000_000L;
            panel.animate(nowNanos);
            return !heaps.gauge(0).isStale();
        }, TIMEOUT_SECONDS));
        // Not paused any more: the state goes with the next frame.
        feed(PerformanceFixture.snapshot(15, (now, n) -> {
            PerformanceView v = PerformanceFixture.view(5, now, n);
            List<PerformanceView.HeapView> calm = new ArrayList<>();
            for (PerformanceView.HeapView h : v.runtime().instances()) {
                calm.add(new PerformanceView.HeapView(h.instanceId(), h.edenUsedMb(), h.edenMb(), h.survivorUsedMb(), h.survivorMb(),
                        h.oldUsedMb(), h.oldMb(), (byte) -1, h.youngCollections(), h.oldCollections(), h.recentPauseStartSeconds(),
                        h.recentPauseMs(), h.recentPauseKinds(), h.poolIdle(), h.poolBorrowed()));
            }
            PerformanceView.RuntimeView r = v.runtime();
            return new PerformanceView(new PerformanceView.RuntimeView(r.collector(), r.heapMb(), r.youngMb(), r.pauseTargetMs(), calm,
                    r.youngCollections(), r.oldCollections(), r.pauseMsTotal(), r.pauseMsP99(), r.maxPauseMs(), r.pauseMsPerSecond(),
                    r.longestPauseMsPerSecond(), r.collectionsPerSecond(), r.allocationMbPerSecond(), r.objectPool()), v.connections(), v.profile());
        }));
        assertFalse(FxWait.onFx(() -> heaps.gauge(1).getPseudoClassStates().contains(HeapGauge.PAUSED), TIMEOUT_SECONDS));
    }

    @Test
    void aFleetOfFiftyFitsTheHeapGridAndThePoolsSumTheirRows() throws Exception {
        show(null);
        feed(fleet(50));
        HeapGrid heaps = panel.heaps();
        FxWait.waitUntil(() -> FxWait.onFx(() -> heaps.getChildrenUnmodifiable().size() == 50 && heaps.gauge(49).getWidth() > 0, TIMEOUT_SECONDS),
                TIMEOUT_SECONDS);
        double[] bounds = FxWait.onFx(() -> {
            double maxRight = 0;
            double maxBottom = 0;
            double minWidth = Double.MAX_VALUE;
            for (Node gauge : heaps.getChildrenUnmodifiable()) {
                maxRight = Math.max(maxRight, gauge.getBoundsInParent().getMaxX());
                maxBottom = Math.max(maxBottom, gauge.getBoundsInParent().getMaxY());
                minWidth = Math.min(minWidth, gauge.getBoundsInParent().getWidth());
            }
            return new double[] {maxRight, maxBottom, minWidth, heaps.getWidth(), heaps.getHeight()};
        }, TIMEOUT_SECONDS);
        assertTrue(bounds[0] <= bounds[3] + 0.5 && bounds[1] <= bounds[4] + 0.5, "inside the grid: " + java.util.Arrays.toString(bounds));
        assertTrue(bounds[2] >= 60, "a tile keeps room for its gauge and strip: " + bounds[2]);
        ObjectPoolCanvas few = new ObjectPoolCanvas();
        PerformanceView five = PerformanceFixture.view(5, 15, 15);
        few.show(five.runtime().objectPool(), five.runtime().instances());
        assertTrue(few.drawsSlots(380, 150), "16 objects a row, 5 rows: one cell per object");
        ObjectPoolCanvas many = new ObjectPoolCanvas();
        PerformanceView fifty = PerformanceFixture.view(50, 15, 15);
        many.show(fifty.runtime().objectPool(), fifty.runtime().instances());
        assertFalse(many.drawsSlots(380, 150), "50 rows do not fit 94 px: one row for the fleet");
        ConnectionPoolsCanvas pools = new ConnectionPoolsCanvas();
        pools.show(fifty.connections());
        assertFalse(pools.drawsRowPerInstance(300));
        pools.show(five.connections());
        assertTrue(pools.drawsRowPerInstance(300));
    }

    @Test
    void pickingASlowRequestShowsItsWaterfallAndKeepsItAcrossFrames() throws Exception {
        show(null);
        feed(fleet(3));
        robot.clickOn("Slow requests");
        robot.clickOn(robot.lookup("#perfTraceList .list-cell").nth(1).queryAs(Node.class)); // 640 ms, on i-2
        TraceWaterfall waterfall = robot.lookup("#perfWaterfall").queryAs(TraceWaterfall.class);
        assertEquals(9002L, FxWait.onFx(() -> waterfall.trace().requestId(), TIMEOUT_SECONDS));
        feed(fleet(3));
        ListView<?> list = robot.lookup("#perfTraceList").queryAs(ListView.class);
        assertEquals(1, FxWait.onFx(() -> list.getSelectionModel().getSelectedIndex(), TIMEOUT_SECONDS), "still picked");
        assertEquals(9002L, FxWait.onFx(() -> waterfall.trace().requestId(), TIMEOUT_SECONDS));
    }

    @Test
    void theMonitorsFilterKeepsTheMetricsWhoseNameMatches() throws Exception {
        show(null);
        feed(fleet(3));
        robot.clickOn("Monitor");
        MonitorTable monitor = robot.lookup(".monitor-table").queryAs(MonitorTable.class);
        assertEquals(4, FxWait.onFx(() -> monitor.rows().size(), TIMEOUT_SECONDS));
        robot.clickOn("#perfMetricFilter");
        robot.write("POOL");
        FxWait.waitUntil(() -> FxWait.onFx(() -> monitor.rows().size() == 2, TIMEOUT_SECONDS), TIMEOUT_SECONDS);
        assertEquals(List.of("pool.objects.hits", "pool.connections.wait.ms"),
                FxWait.onFx(() -> monitor.rows().stream().map(MetricView::name).toList(), TIMEOUT_SECONDS));
        feed(fleet(3));
        assertEquals(2, FxWait.onFx(() -> monitor.rows().size(), TIMEOUT_SECONDS), "the filter holds across frames");
    }

    @Test
    void theTailChartStacksThePhasesOfAllRequestsAgainstThoseAboveP99() throws Exception {
        show(null);
        Snapshot snapshot = fleet(3);
        feed(snapshot);
        PerformanceCharts charts = panel.performanceCharts();
        assertEquals(1.5, FxWait.onFx(() -> charts.tailValue(Phase.GC_PAUSE, PerformanceCharts.ALL_REQUESTS), TIMEOUT_SECONDS));
        assertEquals(400.0, FxWait.onFx(() -> charts.tailValue(Phase.GC_PAUSE, PerformanceCharts.ABOVE_P99), TIMEOUT_SECONDS));
        assertEquals(snapshot.series().size(), FxWait.onFx(() -> charts.breakdownPoints(Phase.SERVICE), TIMEOUT_SECONDS),
                "one point per second of the 15");
    }

    @Test
    void withoutHeapsOrPoolsThePanelOffersThePresetsAndStillProfiles() throws Exception {
        show(null);
        feed(PerformanceFixture.snapshot(15, (now, n) -> new PerformanceView(null, null, PerformanceFixture.profile(n))));
        FxWait.waitUntil(() -> robot.lookup("#perfNoRuntime").tryQuery().map(Node::isVisible).orElse(false), TIMEOUT_SECONDS);
        assertTrue(robot.lookup("#perfNoConnections").query().isVisible());
        assertTrue(robot.lookup("#perfNoObjectPool").query().isVisible());
        assertTrue(robot.lookup("#perfHeaps").tryQuery().isEmpty(), "no empty heap grid");
        robot.clickOn("#openGcPausesButton");
        robot.clickOn("#openPoolExhaustionButton");
        assertEquals(List.of(PerformancePanel.GC_PAUSES, PerformancePanel.POOL_EXHAUSTION), openedPresets);
        robot.clickOn("Slow requests");
        assertEquals(3, FxWait.onFx(() -> robot.lookup("#perfTraceList").queryAs(ListView.class).getItems().size(), TIMEOUT_SECONDS));
    }

    @Test
    void theActionButtonsRecordAFullCollectionOnTheChosenInstanceAndALeakForAMinute() throws Exception {
        // Both actions need their part: a heap to collect, and connection pools to leak from.
        show(null,
                Parameter.of("service.runtime.collector").applyTo(Presets.load("pool-exhaustion").withTimeline(List.of()), "g1"));
        feed(fleet(3));
        runner.start();
        FxWait.onFx(() -> {
            ComboBox<String> target = (ComboBox<String>) robot.lookup("#fullGcTarget").query();
            target.getItems().add("i-1");
            target.setValue("i-1");
            robot.lookup("#fullGcButton").queryAs(Button.class).fire();
            robot.lookup("#leakConnectionsButton").queryAs(Button.class).fire();
            return null;
        }, TIMEOUT_SECONDS);
        List<Scenario.TimelineEntry> recorded = runner.recordedScenario().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).timeline();
        assertEquals(2, recorded.size(), recorded.toString());
        assertEquals("full-gc", recorded.get(0).command());
        assertEquals("i-1", recorded.get(0).target());
        assertEquals("leak-connections", recorded.get(1).command());
        assertEquals(0.2, ((Number) recorded.get(1).value()).doubleValue());
        assertEquals(60.0, recorded.get(1).durationSeconds());
    }

    @Test
    void theParameterPaneHasARowPerRuntimePoolAndDatabaseField() throws Exception {
        show(null);
        feed(fleet(3));
        for (String id : List.of("#serviceRuntimeCollectorChoice", "#serviceRuntimeHeapMbField",
                "#serviceRuntimeInitiatingOccupancyPercentField", "#serviceObjectPoolCapacityField",
                "#serviceConnectionPoolMaximumPoolSizeField", "#serviceConnectionPoolLeakDetectionThresholdMsField",
                "#databaseMaxConnectionsField", "#databaseCoresField")) {
            assertTrue(robot.lookup(id).tryQuery().isPresent(), id);
        }
    }

    @Test
    void thisAppIsASecondTabThatTheFramesReachToo() throws Exception {
        AtomicInteger updates = new AtomicInteger();
        Label appView = new Label("the app's own figures");
        appView.setId("thisAppView");
        show(new Panel() {
            @Override
            public String title() {
                return "This app";
            }

            @Override
            public Node view() {
                return appView;
            }

            @Override
            public Node charts() {
                return null;
            }

            @Override
            public void update(Frame frame, long nowNanos) {
                updates.incrementAndGet();
            }

            @Override
            public void animate(long nowNanos) {
            }
        });
        feed(fleet(3));
        assertEquals(1, updates.get());
        TabPane tabs = robot.lookup("#perfTabs").queryAs(TabPane.class);
        assertEquals(List.of("Simulated system", "This app"),
                FxWait.onFx(() -> tabs.getTabs().stream().map(t -> t.getText()).toList(), TIMEOUT_SECONDS));
        robot.clickOn("This app");
        FxWait.waitUntil(() -> robot.lookup("#thisAppView").tryQuery().map(Node::isVisible).orElse(false), TIMEOUT_SECONDS);
    }

    private String text(String id) throws Exception {
        return FxWait.onFx(() -> ((Label) robot.lookup(id).query()).getText(), TIMEOUT_SECONDS);
    }
}
