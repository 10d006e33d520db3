package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import dev.scalelab.ui.scaling.ScalingPoolView;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.network.Pipeline;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service box of a running drawing of another shape than the pipeline's, double-clicked, opens in
 * the Scaling panel in a window of its own: the pool shows the node's instances, and the panel's
 * actions and changes reach the drawn node and the run's recorded timeline.
 */
class NodePanelRobotTest {
    private static final long TIMEOUT_SECONDS = 60;
    private final FxRobot robot = new FxRobot();
    private DesignWindow window;

    @BeforeEach
    void open() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        window = onFx(() -> {
            DesignWindow w = new DesignWindow(owner);
            w.show();
            w.editor().load(ScenarioFiles.parse(DesignFaultsRobotTest.SHOP));
            w.view().fit();
            return w;
        });
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            window.panels().closeNodeWindows();
            window.run().stop();
            window.editor().markSaved();
            window.stage().close();
            return null;
        });
    }

    @Test
    void aServiceOfARunningDrawingOpensInTheScalingPanelAndItsActionsReachTheNode() throws Exception {
        Scenario shop = ScenarioFiles.parse(DesignFaultsRobotTest.SHOP);
        assertNull(Pipeline.lowering(shop).scenario(), "the drawing is not of the pipeline's shape");
        // Not running: the canvas says how to open it.
        doubleClick("web");
        String said = onFx(() -> window.statusLine().getText());
        assertTrue(said.contains("Run the drawing and double-click web again"), said);
        assertNull(onFx(() -> window.panels().nodeWindow()));

        onFx(() -> {
            window.run().startAt(10);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> window.run().latest() != null && window.run().latest().timeSeconds() > 2), TIMEOUT_SECONDS);
        doubleClick("web");
        FxWait.waitUntil(() -> onFx(() -> window.panels().nodeWindow() != null && window.panels().nodeWindow().stage().isShowing()),
                TIMEOUT_SECONDS);
        NodePanelWindow node = onFx(() -> window.panels().nodeWindow());
        assertEquals("web — Scaling", onFx(() -> node.stage().getTitle()));
        assertEquals("web is open in the Scaling panel, in a window of its own, on this run.",
                onFx(() -> window.statusLine().getText()));
        // The pool and the ready / desired figure are the node's: 3 instances, none starting.
        FxWait.waitUntil(() -> onFx(() -> pool(node).title().startsWith("Pool: 3 ready")), TIMEOUT_SECONDS);
        assertEquals("3 / 3", onFx(() -> figure(node, "#replicasFigure")));
        assertEquals(3, window.run().latest().nodes().stream().filter(n -> n.id().equals("web")).findFirst().orElseThrow()
                .instances());

        // Add instance: the node's add-instance, in the run's recorded timeline; the pool shows it starting.
        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#addInstanceButton")));
        Scenario.TimelineEntry added = recorded(1);
        assertEquals("add-instance", added.command());
        assertEquals("web", added.target());
        assertEquals(added, window.run().current().recordedScenario().timeline().get(0));
        FxWait.waitUntil(() -> onFx(() -> figure(node, "#replicasFigure").endsWith("/ 4")), TIMEOUT_SECONDS);
        FxWait.waitUntil(() -> onFx(() -> pool(node).title().startsWith("Pool: 4 ready")
                || pool(node).title().startsWith("Pool: 3 ready, 1 starting")), TIMEOUT_SECONDS);

        // A parameter of the panel is the node's field of the same name, changed live and recorded.
        set(node, Parameter.of("autoscaler.maxReplicas"), 7);
        Scenario.TimelineEntry set = recorded(2);
        assertEquals("set", set.command());
        assertEquals("nodes.web.autoscaler.maxReplicas", set.path());
        assertEquals(7, set.value());
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().current().autoscaler().maxReplicas() == 7),
                TIMEOUT_SECONDS);

        // What the drawn service does not have is refused, naming it, and nothing is recorded.
        set(node, Parameter.of("service.warmupSeconds"), 30.0);
        FxWait.waitUntil(() -> onFx(() -> node.status().getText().startsWith("Refused: service.warmupSeconds: a drawn service "
                + "has no warm-up")), TIMEOUT_SECONDS);
        assertEquals(2, onFx(() -> window.run().current().commandsRun().size()));

        // Closing the window stops the watch: the run goes on without it.
        onFx(() -> {
            node.stage().close();
            return null;
        });
        FxWait.waitUntil(() -> window.run().current().watched("web") == null, TIMEOUT_SECONDS);
    }

    /**
     * A cache box of a running drawing opens in the Caching panel: its hit ratio is the box's, and its
     * flush buttons reach the box (the whole of it, and one level by name), recorded in the run.
     */
    @Test
    void aCacheBoxOpensInTheCachingPanelAndItsFlushesReachTheBox() throws Exception {
        Scenario cached = ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.CACHED);
        assertNull(Pipeline.lowering(cached).scenario(), "the drawing is not of the pipeline's shape");
        NodePanelWindow node = runAndOpen(cached, "redis");
        assertEquals("redis — Caching", onFx(() -> node.stage().getTitle()));
        // The headline is the box's hit ratio over its last second, as the view it reads says.
        FxWait.waitUntil(() -> onFx(() -> ((dev.scalelab.ui.caching.HeadlineFigure) node.stage().getScene().lookup("#hitRatioFigure"))
                .valueProperty().get().endsWith("%")), TIMEOUT_SECONDS);
        double lastSecond = onFx(() -> {
            double[] series = node.source().latest().snapshot().cache().hitRatioSeries();
            return series[series.length - 1];
        });
        assertTrue(lastSecond > 0.3 && lastSecond < 0.95, "a Zipf workload on 2,200 slots of 10,000 keys: " + lastSecond);

        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#flushAllButton")));
        Scenario.TimelineEntry flushed = recorded(1);
        assertEquals("flush-cache", flushed.command());
        assertEquals("redis", flushed.target());
        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#flushL2Button")));
        assertEquals("redis/L2", recorded(2).target());
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().recentLog().stream()
                .anyMatch(e -> e.message().equals("flushed L2"))), TIMEOUT_SECONDS);

        // The keys are the clients' traffic, not the box's: refused, naming it.
        set(node, Parameter.of("workload.keys.alpha"), 1.2);
        FxWait.waitUntil(() -> onFx(() -> node.status().getText().startsWith("Refused: workload.keys.alpha: not a field of the "
                + "drawn cache redis")), TIMEOUT_SECONDS);
        set(node, Parameter.of("cache.levels[0].capacity"), 300);
        assertEquals("nodes.redis.cache.levels[0].capacity", recorded(3).path());
    }

    /** A database of a running drawing opens in the Database panel; its add-shard reaches the database, recorded in the run. */
    @Test
    void aDatabaseOpensInTheDatabasePanelAndItsAddShardReachesIt() throws Exception {
        Scenario cached = ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.CACHED);
        NodePanelWindow node = runAndOpen(cached, "db");
        assertEquals("db — Database", onFx(() -> node.stage().getTitle()));
        int shards = onFx(() -> node.source().latest().snapshot().data().router().shardCount());
        assertEquals(cached.topology().node("db").database().shards(), shards);
        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#addShardButton")));
        Scenario.TimelineEntry added = recorded(1);
        assertEquals("add-shard", added.command());
        assertEquals("db", added.target());
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().data().router().shardCount() == shards + 1),
                TIMEOUT_SECONDS);
        // A field of another section is refused, naming it.
        set(node, Parameter.of("service.instances"), 5);
        FxWait.waitUntil(() -> onFx(() -> node.status().getText().startsWith("Refused: service.instances: not a field of the "
                + "drawn database db")), TIMEOUT_SECONDS);
    }

    /**
     * An external API of a running drawing opens in the Resilience panel: one dependency per edge calling
     * it through a sidecar; its latency button reaches the API, its "Add a circuit breaker" the chosen
     * edge (refunds', edge 3), both recorded in the run; the API's own error rate is refused, naming it.
     */
    @Test
    void anExternalApiOpensInTheResiliencePanelAndItsFaultsAndBreakerReachTheDrawing() throws Exception {
        Scenario called = ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.CALLED);
        assertNull(Pipeline.lowering(called).scenario(), "the drawing is not of the pipeline's shape");
        NodePanelWindow node = runAndOpen(called, "pay");
        assertEquals("pay — Resilience", onFx(() -> node.stage().getTitle()));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> choice = onFx(() -> (javafx.scene.control.ComboBox<String>) node.stage().getScene()
                .lookup("#dependencyChoice"));
        FxWait.waitUntil(() -> onFx(() -> choice.getItems().equals(java.util.List.of("checkout->pay", "refunds->pay"))), TIMEOUT_SECONDS);

        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#latencyButton")));
        Scenario.TimelineEntry latency = recorded(1);
        assertEquals("latency", latency.command());
        assertEquals("pay", latency.target());
        assertEquals(500.0, ((Number) latency.value()).doubleValue());
        assertEquals(30.0, latency.durationSeconds());
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().dependencies().get(1).activeFaults().stream()
                .anyMatch(f -> f.startsWith("+500.0 ms latency"))), TIMEOUT_SECONDS);

        onFx(() -> {
            choice.getSelectionModel().select(1);
            return null;
        });
        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#addBreakerButton")));
        Scenario.TimelineEntry breaker = recorded(2);
        assertEquals("edges[3].breaker.mode", breaker.path());
        assertEquals("resilience4j", breaker.value());
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().current().dependencies().get(1).breaker() != null),
                TIMEOUT_SECONDS);

        onFx(() -> {
            node.source().setDependencyField("dependencies[0].errorRate", 0.5);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> node.status().getText().startsWith("Refused: dependencies[0].errorRate: errorRate is the "
                + "drawn external pay's own")), TIMEOUT_SECONDS);
        assertEquals(2, onFx(() -> window.run().current().commandsRun().size()));
    }

    /**
     * refunds calls pay with three attempts and nothing else: setting the
     * attempts to 1 in the panel takes the edge's sidecar away, and the window says no edge calls pay
     * through one now, offering no preset.
     */
    @Test
    void anApiWhoseLastSidecarGoesAwaySaysSo() throws Exception {
        Scenario called = ScenarioFiles.parse("""
                {"schema":1,"name":"one-caller","seed":3,"durationSeconds":600,
                 "topology":{"nodes":[
                   {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":100}}},
                   {"id":"refunds","kind":"service"},
                   {"id":"pay","kind":"external","external":{"latency":{"distribution":"constant","meanMs":20}}}],
                  "edges":[{"from":"users","to":"refunds"},{"from":"refunds","to":"pay","retry":{"maxAttempts":3,"backoff":"none"}}]}}
                """);
        NodePanelWindow node = runAndOpen(called, "pay");
        assertEquals(1, onFx(() -> node.source().latest().snapshot().dependencies().size()));
        onFx(() -> {
            node.source().setDependencyField("dependencies[0].retry.maxAttempts", 1);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().dependencies().isEmpty()), TIMEOUT_SECONDS);
        assertEquals("edges[1].retry.maxAttempts", onFx(() -> window.run().current().commandsRun().get(0).path()));
        FxWait.waitUntil(() -> onFx(() -> node.stage().getScene().lookup("#resilienceEmpty").isVisible()), TIMEOUT_SECONDS);
        javafx.scene.layout.VBox empty = onFx(() -> (javafx.scene.layout.VBox) node.stage().getScene().lookup("#resilienceEmpty"));
        assertEquals("No edge calls pay through a sidecar now",
                onFx(() -> ((javafx.scene.control.Label) empty.getChildren().get(0)).getText()));
        assertNull(onFx(() -> node.stage().getScene().lookup("#openRetryStormButton")));
        assertTrue(onFx(() -> !node.stage().getScene().lookup("#openRetryStormParametersButton").isVisible()));
    }

    /**
     * A topic of a running drawing opens in the Events panel: its groups are the services it feeds; its
     * burst and crash buttons reach the topic and billing's group, and a partition count set in the
     * panel becomes the box's, all recorded in the run.
     */
    @Test
    void aTopicOpensInTheEventsPanelAndItsBurstCrashAndPartitionsReachTheDrawing() throws Exception {
        Scenario published = ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.PUBLISHED);
        assertNull(Pipeline.lowering(published).scenario(), "the drawing is not of the pipeline's shape");
        NodePanelWindow node = runAndOpen(published, "orders");
        assertEquals("orders — Events", onFx(() -> node.stage().getTitle()));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> crashTarget = onFx(() -> (javafx.scene.control.ComboBox<String>) node.stage().getScene()
                .lookup("#crashTarget"));
        FxWait.waitUntil(() -> onFx(() -> crashTarget.getItems().equals(java.util.List.of("billing", "audit"))), TIMEOUT_SECONDS);

        onFx(() -> {
            ((javafx.scene.control.TextField) node.stage().getScene().lookup("#burstCountField")).setText("2000");
            return null;
        });
        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#publishBurstButton")));
        Scenario.TimelineEntry burst = recorded(1);
        assertEquals("publish-burst", burst.command());
        assertEquals("orders", burst.target());
        assertEquals(2000.0, ((Number) burst.value()).doubleValue());
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().recentLog().stream()
                .anyMatch(e -> e.message().equals("publish-burst orders: 2,000 records"))), TIMEOUT_SECONDS);

        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#crashConsumerButton")));
        Scenario.TimelineEntry crash = recorded(2);
        assertEquals("crash-consumer", crash.command());
        assertEquals("billing", crash.target());

        set(node, Parameter.of("events.topics[0].partitions"), 8);
        assertEquals("nodes.orders.topic.partitions", recorded(3).path());
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().events().topics().get(0).partitions().size() == 8),
                TIMEOUT_SECONDS);
    }

    /** A queue of a running drawing opens in the Events panel too: its burst reaches it; its crash button is refused, saying why. */
    @Test
    void aQueueOpensInTheEventsPanelAndItsBurstReachesIt() throws Exception {
        Scenario queued = ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.QUEUED);
        NodePanelWindow node = runAndOpen(queued, "jobs");
        assertEquals("jobs — Events", onFx(() -> node.stage().getTitle()));
        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#publishBurstButton")));
        FxWait.waitUntil(() -> onFx(() -> window.run().current().commandsRun().size() == 1), TIMEOUT_SECONDS);
        assertEquals("publish-burst jobs", onFx(() -> window.run().current().commandsRun().get(0).command() + " "
                + window.run().current().commandsRun().get(0).target()));
        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#crashConsumerButton")));
        FxWait.waitUntil(() -> onFx(() -> node.status().getText().startsWith("Refused: crash-consumer: a consumer of the drawn queue "
                + "jobs is a worker")), TIMEOUT_SECONDS);
        assertEquals(1, onFx(() -> window.run().current().commandsRun().size()));
    }

    /**
     * A balancer of a running drawing opens in the Load balancing panel: its pool is web's, its race
     * mode is hidden, saying why; round robin's picks go a b c; its strategy changed in the panel's menu
     * becomes the box's field, recorded in the run, and the picks follow at once: nginx's smooth weighted
     * round robin over weights 5, 1, 1, a a b a c a a. Its "Make instance slow" reaches the instance.
     */
    @Test
    void aBalancerOpensInTheLoadBalancingPanelAndItsStrategyChangesItsPicks() throws Exception {
        Scenario balanced = ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.BALANCED
                .replace("\"durationSeconds\":90", "\"durationSeconds\":900"));
        assertNull(Pipeline.lowering(balanced).scenario(), "the drawing is not of the pipeline's shape");
        NodePanelWindow node = runAndOpen(balanced, "lb");
        assertEquals("lb — Load balancing", onFx(() -> node.stage().getTitle()));
        assertEquals("lb is open in the Load balancing panel, in a window of its own, on this run.",
                onFx(() -> window.statusLine().getText()));
        assertEquals(java.util.List.of("web-0", "web-1", "web-2"), onFx(() -> node.source().latest().snapshot().instances().stream()
                .map(dev.scalelab.world.Snapshot.InstanceView::id).toList()));
        assertTrue(onFx(() -> !node.stage().getScene().lookup("#raceToggle").isVisible()), "no race on a drawing");
        assertEquals("Picks within web · race mode is the main window's",
                onFx(() -> ((javafx.scene.control.Label) node.stage().getScene().lookup("#drawnBalancerScope")).getText()));

        // Round robin: each instance in turn, whatever its weight.
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().dispatches().instanceNumbers().length == 256), TIMEOUT_SECONDS);
        int[] roundRobin = onFx(() -> node.source().latest().snapshot().dispatches().instanceNumbers());
        for (int i = 1; i < roundRobin.length; i++) {
            assertEquals((roundRobin[i - 1] + 1) % 3, roundRobin[i], "round robin's pick " + i);
        }

        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy> strategy = onFx(() ->
                (javafx.scene.control.ComboBox<dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy>) node.stage().getScene()
                        .lookup("#leftStrategyChoice"));
        assertEquals(dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy.ROUND_ROBIN, onFx(strategy::getValue));
        onFx(() -> {
            strategy.setValue(dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy.SMOOTH_WEIGHTED_ROUND_ROBIN);
            return null;
        });
        Scenario.TimelineEntry set = recorded(1);
        assertEquals("nodes.lb.balancer.strategy", set.path());
        assertEquals("smooth-weighted-round-robin", set.value());
        long[] atChange = {-1};
        FxWait.waitUntil(() -> onFx(() -> {
            dev.scalelab.world.Snapshot s = node.source().latest().snapshot();
            if (atChange[0] < 0 && s.balancer().strategy().equals("smooth-weighted-round-robin")) {
                atChange[0] = s.dispatches().total();
            }
            return atChange[0] >= 0 && s.dispatches().total() > atChange[0] + 256;
        }), TIMEOUT_SECONDS);
        // All 256 picks kept are the new strategy's: a window of a a b a c a a, repeated.
        int[] smooth = onFx(() -> node.source().latest().snapshot().dispatches().instanceNumbers());
        int[] cycle = {0, 0, 1, 0, 2, 0, 0};
        int phase = -1;
        for (int p = 0; p < 7 && phase < 0; p++) {
            boolean fits = true;
            for (int i = 0; i < smooth.length && fits; i++) {
                fits = smooth[i] == cycle[(p + i) % 7];
            }
            phase = fits ? p : -1;
        }
        assertTrue(phase >= 0, "smooth weighted round robin's a a b a c a a: " + java.util.Arrays.toString(smooth));
        assertEquals(dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy.SMOOTH_WEIGHTED_ROUND_ROBIN, onFx(strategy::getValue));

        // An instance action reaches the instance of web the panel selected.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> instance = onFx(() -> (javafx.scene.control.ComboBox<String>) node.stage().getScene()
                .lookup("#instanceChoice"));
        onFx(() -> {
            instance.setValue("web-1");
            return null;
        });
        onFx(() -> {
            ((javafx.scene.control.Button) node.stage().getScene().lookup("#makeSlowButton")).fire();
            return null;
        });
        Scenario.TimelineEntry slow = recorded(2);
        assertEquals("slow-instance web-1 0.25", slow.command() + " " + slow.target() + " " + slow.value());
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().instances().get(1).speedFactor() == 0.25), TIMEOUT_SECONDS);
    }

    /**
     * Two boxes of one run open in two windows at once (redis in Caching, db in Database), each showing
     * its own box and both following the run; double-clicking redis again brings its window forward;
     * closing it ends redis's watch only, and db's window goes on following the run.
     */
    @Test
    void twoBoxesOpenInTwoWindowsAtOnceAndClosingOneLeavesTheOtherFollowing() throws Exception {
        Scenario cached = ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.CACHED.replace("\"durationSeconds\":60",
                "\"durationSeconds\":600"));
        onFx(() -> {
            window.editor().load(cached);
            window.view().fit();
            window.run().startAt(10);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> window.run().latest() != null && window.run().latest().timeSeconds() > 3), TIMEOUT_SECONDS);
        doubleClick("redis");
        FxWait.waitUntil(() -> onFx(() -> window.panels().nodeWindow("redis") != null), TIMEOUT_SECONDS);
        doubleClick("db");
        FxWait.waitUntil(() -> onFx(() -> window.panels().nodeWindow("db") != null), TIMEOUT_SECONDS);
        NodePanelWindow cache = onFx(() -> window.panels().nodeWindow("redis"));
        NodePanelWindow db = onFx(() -> window.panels().nodeWindow("db"));
        assertTrue(onFx(() -> cache.stage().isShowing() && db.stage().isShowing()), "both windows open");
        assertEquals("redis — Caching", onFx(() -> cache.stage().getTitle()));
        assertEquals("db — Database", onFx(() -> db.stage().getTitle()));
        assertEquals(java.util.Set.of("redis", "db"), window.run().current().watchedIds());
        // Each shows its own box, and both follow the run.
        double cacheAt = onFx(cache::shownSeconds);
        double dbAt = onFx(db::shownSeconds);
        FxWait.waitUntil(() -> onFx(() -> cache.shownSeconds() > cacheAt + 2 && db.shownSeconds() > dbAt + 2), TIMEOUT_SECONDS);
        assertTrue(onFx(() -> cache.source().latest().snapshot().cache() != null && cache.source().latest().snapshot().data() == null));
        assertTrue(onFx(() -> db.source().latest().snapshot().data() != null && db.source().latest().snapshot().cache() == null));

        // redis again: its window, brought forward; still two.
        doubleClick("redis");
        assertTrue(onFx(() -> window.panels().nodeWindow("redis") == cache && window.panels().nodeWindows().size() == 2));

        onFx(() -> {
            cache.stage().close();
            return null;
        });
        FxWait.waitUntil(() -> window.run().current().watchedIds().equals(java.util.Set.of("db")), TIMEOUT_SECONDS);
        assertNull(onFx(() -> window.panels().nodeWindow("redis")));
        assertTrue(onFx(() -> db.stage().isShowing()));
        double dbThen = onFx(db::shownSeconds);
        FxWait.waitUntil(() -> onFx(() -> db.shownSeconds() > dbThen + 2), TIMEOUT_SECONDS);
        assertTrue(onFx(() -> db.status().getText().startsWith("db, drawn and running on the canvas")), onFx(() -> db.status().getText()));
    }

    /**
     * A CDN of a running drawing opens in the Caching panel: one level, its edge, with the CDN's hit
     * ratio; no write policy or coalescing switch is offered; its Fail button fails the edge and a TTL set
     * in the panel becomes the box's, both recorded in the run; a write policy sent anyway is refused, naming why.
     */
    @Test
    void aCdnOpensInTheCachingPanelWithItsEdgeAsItsOneLevel() throws Exception {
        Scenario fronted = ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.FRONTED.replace("\"durationSeconds\":60",
                "\"durationSeconds\":600"));
        assertNull(Pipeline.lowering(fronted).scenario(), "the drawing is not of the pipeline's shape");
        onFx(() -> {
            window.editor().load(fronted);
            window.view().fit();
            window.run().startAt(10);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> window.run().latest() != null && window.run().latest().timeSeconds() > 3), TIMEOUT_SECONDS);
        doubleClick("cdn");
        FxWait.waitUntil(() -> onFx(() -> window.panels().nodeWindow("cdn") != null && window.panels().nodeWindow("cdn").stage().isShowing()),
                TIMEOUT_SECONDS);
        NodePanelWindow node = onFx(() -> window.panels().nodeWindow("cdn"));
        assertEquals("cdn — Caching", onFx(() -> node.stage().getTitle()));
        assertEquals("cdn is open in the Caching panel, in a window of its own, on this run.", onFx(() -> window.statusLine().getText()));
        FxWait.waitUntil(() -> onFx(() -> ((dev.scalelab.ui.caching.HeadlineFigure) node.stage().getScene().lookup("#hitRatioFigure"))
                .valueProperty().get().endsWith("%")), TIMEOUT_SECONDS);
        assertEquals(java.util.List.of("edge"), onFx(() -> node.source().latest().snapshot().cache().levels().stream()
                .map(dev.scalelab.world.Snapshot.CacheLevelView::name).toList()));
        assertTrue(onFx(() -> node.stage().getScene().lookup("#failL1Button") != null && node.stage().getScene().lookup("#flushL2Button") == null));
        assertTrue(onFx(() -> node.stage().getScene().lookup("#cacheL1CapacityField") != null));
        assertNull(onFx(() -> node.stage().getScene().lookup("#cacheWritePolicyChoice")));
        assertNull(onFx(() -> node.stage().getScene().lookup("#cacheCoalesceCheck")));

        robot.clickOn(onFx(() -> node.stage().getScene().lookup("#failL1Button")));
        Scenario.TimelineEntry failed = recorded(1);
        assertEquals("fail-cache-level", failed.command());
        assertEquals("cdn/edge", failed.target());
        set(node, Parameter.of("cache.levels[0].ttlSeconds"), 60.0);
        assertEquals("nodes.cdn.cdn.ttlSeconds", recorded(2).path());
        FxWait.waitUntil(() -> onFx(() -> node.source().latest().snapshot().cache().levels().get(0).ttlSeconds() == 60.0), TIMEOUT_SECONDS);
        set(node, Parameter.of("cache.writePolicy"), "write-back");
        FxWait.waitUntil(() -> onFx(() -> node.status().getText().equals("Refused: cache.writePolicy: the drawn cdn cdn caches what is "
                + "read: a write goes past it to its origin, so it has no write policy")), TIMEOUT_SECONDS);
        assertEquals(2, onFx(() -> window.run().current().commandsRun().size()));
    }

    private static ScalingPoolView pool(NodePanelWindow node) {
        return (ScalingPoolView) node.stage().getScene().lookup("#scalingPool");
    }

    private static String figure(NodePanelWindow node, String id) {
        Node n = node.stage().getScene().lookup(id);
        return ((javafx.scene.control.Labeled) n).getText();
    }

    /**
     * The box double-clicked, as the canvas takes it: here the headless robot's double-click arrives as
     * two single clicks (it selects the box; the view's handler never sees a count of 2), so the box is
     * clicked and the window's double-click action called as the view calls it (CanvasToPanelRobotTest
     * calls it likewise).
     */
    /** Runs {@code design} on the canvas at 10x and, 3 s in, double-clicks box {@code id}: its window, once shown. */
    private NodePanelWindow runAndOpen(Scenario design, String id) throws Exception {
        onFx(() -> {
            window.editor().load(design);
            window.view().fit();
            window.run().startAt(10);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> window.run().latest() != null && window.run().latest().timeSeconds() > 3), TIMEOUT_SECONDS);
        doubleClick(id);
        FxWait.waitUntil(() -> onFx(() -> window.panels().nodeWindow(id) != null && window.panels().nodeWindow(id).stage().isShowing()),
                TIMEOUT_SECONDS);
        return onFx(() -> window.panels().nodeWindow(id));
    }

    /** The run's {@code n}-th recorded command (from 1), once it has {@code n}. */
    private Scenario.TimelineEntry recorded(int n) throws Exception {
        FxWait.waitUntil(() -> onFx(() -> window.run().current().commandsRun().size() == n), TIMEOUT_SECONDS);
        return onFx(() -> window.run().current().commandsRun().get(n - 1));
    }

    /** Sets {@code parameter} in {@code node}'s panel, as its form does. */
    private static void set(NodePanelWindow node, Parameter parameter, Object value) throws Exception {
        onFx(() -> {
            node.source().set(parameter, value);
            return null;
        });
    }

    private void doubleClick(String id) throws Exception {
        robot.clickOn(centre(id));
        onFx(() -> {
            window.openNode(id);
            return null;
        });
    }

    private Point2D centre(String id) throws Exception {
        return onFx(() -> window.view().localToScreen(window.view().nodeCenter(id)));
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }
}
