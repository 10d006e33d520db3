package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The screenshots of a drawn box in its pattern panel. docs/canvas-node-scaling.png: a drawing
 * of another shape than the pipeline's (clients → api → an external API, and a queue its mailer consumes), its api under
 * an HPA that scales it up from 3 instances, double-clicked while the drawing runs at 10x. Not part
 * of the build (its name is not a test's); run it by hand: {@code Xvfb :78 -screen 0 1600x1000x24 &
 * DISPLAY=:78 mvn -o test -Dtest=NodePanelScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 * It needs ImageMagick's {@code import}.
 */
class NodePanelScreenshots {
    static final String DESIGN = """
            {"schema":1,"name":"orders","seed":7,"durationSeconds":1800,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":500}}},
               {"id":"api","kind":"service","service":{"instances":3,"workersPerInstance":4,"queueCapacity":50,
                 "provisionSeconds":10,"bootSeconds":20,"serviceTime":{"distribution":"exponential","meanMs":20}},
                 "autoscaler":{"policy":"hpa","minReplicas":2,"maxReplicas":10,"targetUtilization":60,"syncPeriodSeconds":15}},
               {"id":"pay","kind":"external","external":{"latency":{"distribution":"constant","meanMs":5}}},
               {"id":"events","kind":"queue"},
               {"id":"mailer","kind":"service","service":{"instances":2,"workersPerInstance":4,
                 "serviceTime":{"distribution":"exponential","meanMs":10}}}],
              "edges":[{"from":"users","to":"api"},{"from":"api","to":"pay"},{"from":"api","to":"events","mode":"async"},
                       {"from":"events","to":"mailer","mode":"async"}]}}
            """;

    /** 800 req/s of Zipf keys through api's instances to a cache of an instance-scope L1 and a shared L2, then a database. */
    static final String CACHED = dev.scalelab.world.network.NodeWatchTestDesigns.CACHED.replace("\"durationSeconds\":60",
            "\"durationSeconds\":1800");

    /** The external API pay called by checkout (breaker, backoff) and refunds (three attempts at once), out from 200 s to 320 s. */
    static final String CALLED = dev.scalelab.world.network.NodeWatchTestDesigns.CALLED.replace("\"durationSeconds\":90",
            "\"durationSeconds\":1800").replace("\"atSeconds\":30,\"command\":\"outage\",\"target\":\"pay\",\"durationSeconds\":20",
            "\"atSeconds\":200,\"command\":\"outage\",\"target\":\"pay\",\"durationSeconds\":120");

    /** The topic orders read by billing's and audit's groups; one of billing's members crashes at 225 s. */
    static final String PUBLISHED = dev.scalelab.world.network.NodeWatchTestDesigns.PUBLISHED.replace("\"durationSeconds\":90",
            "\"durationSeconds\":1800").replace("\"atSeconds\":20,", "\"atSeconds\":225,");

    /**
     * 600 req/s through the balancer lb (power of two choices, outlier ejection after 5 errors in a row)
     * to web's 5 instances, which call the external API pay: web-3 serves at a quarter of its speed from
     * 30 s (p2c routes around it), web-1 fails every request from 60 s (lb ejects it, again and again).
     */
    static final String BALANCED = """
            {"schema":1,"name":"balanced","seed":23,"durationSeconds":1800,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":600}}},
               {"id":"lb","kind":"balancer","balancer":{"strategy":"p2c","outlierConsecutiveErrors":5}},
               {"id":"web","kind":"service","service":{"instances":5,"workersPerInstance":8,"queueCapacity":50,
                 "serviceTime":{"distribution":"exponential","meanMs":20}}},
               {"id":"pay","kind":"external","external":{"latency":{"distribution":"constant","meanMs":5}}}],
              "edges":[{"from":"users","to":"lb"},{"from":"lb","to":"web"},{"from":"web","to":"pay"}]},
             "timeline":[{"atSeconds":30,"command":"slow-instance","target":"web-3","value":0.25},
               {"atSeconds":60,"command":"error-instance","target":"web-1","value":1.0}]}
            """;

    @BeforeAll
    static void onTheDisplay() {
        dev.scalelab.ui.XDisplay.use();
    }

    @Test
    void aDrawnServiceInTheScalingPanel() throws Exception {
        shoot(DESIGN, "api", "docs/canvas-node-scaling.png");
    }

    /** docs/canvas-node-caching.png: the cache box of a drawing with no balancer, in the Caching panel. */
    @Test
    void aDrawnCacheInTheCachingPanel() throws Exception {
        shoot(CACHED, "redis", "docs/canvas-node-caching.png");
    }

    /** docs/canvas-node-database.png: the same drawing's database in the Database panel. */
    @Test
    void aDrawnDatabaseInTheDatabasePanel() throws Exception {
        shoot(CACHED, "db", "docs/canvas-node-database.png");
    }

    /**
     * docs/canvas-node-resilience.png: the external API pay in the Resilience panel during its outage:
     * checkout's breaker open, refunds' three attempts at once tripling its load.
     */
    @Test
    void aDrawnExternalApiInTheResiliencePanel() throws Exception {
        shoot(CALLED, "pay", "docs/canvas-node-resilience.png");
    }

    /** docs/canvas-node-events.png: the topic orders in the Events panel, billing's group after one of its members crashed. */
    @Test
    void aDrawnTopicInTheEventsPanel() throws Exception {
        shoot(PUBLISHED, "orders", "docs/canvas-node-events.png");
    }

    /** docs/canvas-node-balancing.png: the balancer lb in the Load balancing panel, p2c avoiding slow web-3, web-1 ejected. */
    @Test
    void aDrawnBalancerInTheLoadBalancingPanel() throws Exception {
        shoot(BALANCED, "lb", "docs/canvas-node-balancing.png");
    }

    /**
     * docs/canvas-node-cdn.png: the CDN cdn (1,000 objects of the clients' 10,000 Zipf keys, LRU, a 20 s
     * TTL) in front of its origin web, in the Caching panel: its one level, its edge.
     */
    @Test
    void aDrawnCdnInTheCachingPanel() throws Exception {
        shoot(dev.scalelab.world.network.NodeWatchTestDesigns.FRONTED.replace("\"durationSeconds\":60", "\"durationSeconds\":1800"),
                "cdn", "docs/canvas-node-cdn.png");
    }

    /** target/canvas-node-queue.png, to look at, not in the docs: the queue jobs in the Events panel. */
    @Test
    void aDrawnQueueInTheEventsPanel() throws Exception {
        shoot(dev.scalelab.world.network.NodeWatchTestDesigns.QUEUED.replace("\"durationSeconds\":90", "\"durationSeconds\":1800")
                .replace("\"atSeconds\":10,", "\"atSeconds\":230,"), "jobs", "target/canvas-node-queue.png");
    }

    private static void shoot(String drawing, String box, String png) throws Exception {
        Path design = Path.of("target/node-panel-design.json");
        Files.writeString(design, drawing);
        DesignWindow w = CanvasShots.running(design, 10, null);
        Thread.sleep(2_000);
        FxWait.onFx(() -> {
            w.openNode(box);
            NodePanelWindow node = w.panels().nodeWindow();
            if (node == null) {
                throw new IllegalStateException(w.statusLine().getText());
            }
            node.stage().setX(0);
            node.stage().setY(0);
            node.stage().setWidth(1600);
            node.stage().setHeight(1000);
            return null;
        }, 60);
        Thread.sleep(24_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of(png));
        FxWait.onFx(() -> {
            w.panels().nodeWindow().close();
            return null;
        }, 60);
        CanvasShots.close(w);
    }
}
