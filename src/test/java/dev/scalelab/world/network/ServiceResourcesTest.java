package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.runtime.CollectorProfile;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Topology;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A drawn service's heap, object and connection pools and vertical scaler run as the pipeline's do. */
class ServiceResourcesTest {
    private static final double MB = 1024 * 1024;

    /** One instance with a parallel collector and a fixed young generation, behind a balancer, calling a database. */
    static final String HEAP = """
            {"schema":1,"name":"heap","seed":11,"durationSeconds":300,
             "workload":{"arrival":{"ratePerSecond":200},"keys":{"distribution":"uniform","count":1000},"readRatio":1},
             "service":{"instances":1,"workersPerInstance":16,"queueCapacity":1000,
               "serviceTime":{"distribution":"exponential","meanMs":5},
               "runtime":{"collector":"parallel","heapMb":2048,"youngMb":64,"allocationKbPerRequest":256,
                          "survivingFraction":0.02,"maxTenuringThreshold":0,"liveSetMb":128}},
             "database":{}}""";

    /** {@code p}'s pipeline drawn, every node in zone "a": a shape the pipeline does not run, so the network does. */
    static Scenario zoned(Scenario p) {
        Topology t = Pipeline.spell(p);
        List<Topology.Node> nodes = new ArrayList<>();
        for (Topology.Node n : t.nodes()) {
            nodes.add(n.with(n.id(), n.kind(), n.label(), "a"));
        }
        Scenario drawn = p.withTopology(new Topology(nodes, t.edges()));
        assertThat(Pipeline.lower(drawn)).isNull();
        return drawn;
    }

    /**
     * engines.md §7: young collections come when eden fills, at allocation rate ÷ eden, and a young pause
     * copies the survivors (parallel: 1 ms + 0.5 ms per MB copied). Here 200 req/s × 256 KB for 300 s
     * into an eden of 0.8 × 64 MB: 293.0 collections, each copying 2% of eden (1.024 MB, 1.512 ms).
     * Both runs draw their own arrivals and allocations, so they agree within the noise: the bytes
     * allocated are a compound Poisson sum whose relative sd is sqrt(2 / λT) = 0.58% at λT = 60 000,
     * so the count and the pause time are within 3% (over 5 sd) of the formula, and of each other.
     */
    @Test
    void aDrawnServicesHeapCollectsAsThePipelinesAndAsTheCollectorFormulaSays() {
        Scenario p = ScenarioFiles.parse(HEAP);
        World w = new World(p);
        w.advanceTo(Simulation.secondsToNanos(p.durationSeconds()));
        JsonNode pipeline = Report.of(w, 0).get("runtime").get("gc");
        Network net = new Network(zoned(p));
        net.run();
        JsonNode drawn = net.report().get("nodes").get("service").get("runtime").get("gc");

        double eden = 64 * CollectorProfile.EDEN_SHARE_OF_YOUNG * MB;
        double collections = 200.0 * 300 * 256 * 1024 / eden;
        double pauseMs = CollectorProfile.PARALLEL.youngPauseMs(Math.round(0.02 * eden));
        assertThat(collections).isCloseTo(292.97, within(0.01));
        assertThat(pauseMs).isCloseTo(1.512, within(0.001));
        for (JsonNode gc : List.of(pipeline, drawn)) {
            assertThat(gc.get("collector").asText()).isEqualTo("parallel");
            assertThat(gc.get("oldCollections").asLong()).isZero();
            assertThat(gc.get("youngCollections").asDouble()).isCloseTo(collections, within(0.03 * collections));
            assertThat(gc.get("pauseMsTotal").asDouble()).isCloseTo(collections * pauseMs, within(0.03 * collections * pauseMs));
            assertThat(gc.get("maxPauseMs").asDouble()).isLessThanOrEqualTo(pauseMs + 1e-6);
        }
        assertThat(drawn.get("youngCollections").asDouble())
                .isCloseTo(pipeline.get("youngCollections").asDouble(), within(0.03 * collections));
        assertThat(drawn.get("pauseMsTotal").asDouble())
                .isCloseTo(pipeline.get("pauseMsTotal").asDouble(), within(0.03 * collections * pauseMs));
        // The instance was stopped for the pauses' share of the run.
        assertThat(drawn.get("pauseShare").asDouble()).isCloseTo(drawn.get("pauseMsTotal").asDouble() / 300_000, within(1e-9));
        // Collections go to the decision log only with a cause, as the pipeline's; these young ones had none worth a line.
        NetworkSnapshot.NodeState service = net.snapshot().nodes().get(2);
        assertThat(service.service()).isNotNull();
        assertThat(service.service().size()).isEqualTo("medium");
        assertThat(net.snapshot().nodes().get(0).service()).isNull();
    }

    /** One user, one worker, 100 ms of CPU per request, and a young collection every fifth request. */
    static final String PAUSED = """
            {"schema":1,"name":"pause","seed":2,"durationSeconds":60,"topology":{"nodes":[
              {"id":"users","kind":"clients","workload":{"arrival":{"process":"closed","users":1,
                "thinkTime":{"distribution":"constant","meanMs":1000}},"keys":{"count":100},"readRatio":1}},
              {"id":"web","kind":"service","service":{"instances":1,"workersPerInstance":1,"queueCapacity":10,
                "serviceTime":{"distribution":"constant","meanMs":100},
                "runtime":{"collector":"parallel","heapMb":2048,"youngMb":64,"allocationKbPerRequest":0,
                           "survivingFraction":0.5,"maxTenuringThreshold":0,"liveSetMb":0},
                "objectPool":{"capacity":0,"objectsPerRequest":10,"objectKb":1024}}}],
             "edges":[{"from":"users","to":"web"}]}}""";

    /**
     * Stop-the-world: the request whose allocation fills eden starts its CPU work as the pause starts,
     * and ends only after making the paused time up; no other request runs meanwhile (one user). An
     * object pool of capacity 0 makes every request allocate exactly 10 × 1 MB: the sixth, eleventh...
     * each find eden (51.2 MB) full.
     */
    @Test
    void aStopTheWorldPauseHoldsTheRequestItCaughtForItsLength() {
        Network net = new Network(ScenarioFiles.parse(PAUSED));
        net.run();
        JsonNode web = net.report().get("nodes").get("web");
        JsonNode gc = web.get("runtime").get("gc");
        long requests = web.get("arrivals").asLong();
        // The user thinks 1 s first, then sends every 1.1 s (and a pause): 54 requests by 60 s, and 10 collections.
        assertThat(requests).isEqualTo(54);
        assertThat(gc.get("youngCollections").asLong()).isEqualTo((requests - 1) / 5);
        double pauseMs = gc.get("pauseMsTotal").asDouble() / gc.get("youngCollections").asDouble();
        // Each copies half of the 50 MB eden held: 1 ms + 25 MB × 0.5 ms.
        assertThat(pauseMs).isCloseTo(13.5, within(0.01));
        assertThat(gc.get("maxPauseMs").asDouble()).isCloseTo(pauseMs, within(0.01));
        // Every request took its 100 ms; those that caught a pause took it too.
        LatencySums latency = new LatencySums(net.nodeLatency("web").meanMs(), net.nodeLatency("web").count());
        assertThat(latency.totalMs()).isCloseTo(100.0 * requests + gc.get("pauseMsTotal").asDouble(), within(0.001 * latency.totalMs()));
        assertThat(net.nodeLatency("web").maxMs()).isCloseTo(100 + pauseMs, within(0.1));
        JsonNode objects = web.get("pools").get("objects");
        assertThat(objects.get("gets").asLong()).isEqualTo(10 * requests);
        assertThat(objects.get("hits").asLong()).isZero();
        assertThat(objects.get("drops").asLong()).isEqualTo(10 * requests);
    }

    private record LatencySums(double meanMs, long count) {
        double totalMs() {
            return meanMs * count;
        }
    }

    /**
     * The pattern notes' object pool: a get takes an idle object or makes one, a put keeps it if there
     * is room. With room for 2 of the 4 objects each request gets, one request at a time: the first
     * request makes 4; each later one takes the 2 kept and makes 2; each put back keeps 2 and drops 2.
     */
    @Test
    void anObjectPoolKeepsWhatItHasRoomForAsThePatternNotesSay() {
        Network net = new Network(ScenarioFiles.parse(PAUSED.replace("\"runtime\"", "\"_\"").replaceAll(
                "\"_\":\\{[^}]*},", "").replace("\"capacity\":0,\"objectsPerRequest\":10", "\"capacity\":2,\"objectsPerRequest\":4")));
        net.run();
        JsonNode web = net.report().get("nodes").get("web");
        assertThat(web.has("runtime")).isFalse();
        long requests = web.get("arrivals").asLong();
        JsonNode objects = web.get("pools").get("objects");
        assertThat(objects.get("gets").asLong()).isEqualTo(4 * requests);
        assertThat(objects.get("hits").asLong()).isEqualTo(2 * (requests - 1));
        assertThat(objects.get("drops").asLong()).isEqualTo(2 * requests);
        assertThat(objects.get("bytesSaved").asLong()).isEqualTo(2 * (requests - 1) * 1024 * 1024);
    }

    /** 50 req/s, each holding a connection for a 100 ms query, through a pool of 2: 20 queries a second get through. */
    static final String POOLED = """
            {"schema":1,"name":"pool","seed":5,"durationSeconds":120,"topology":{"nodes":[
              {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":50},"keys":{"count":1000},"readRatio":1}},
              {"id":"web","kind":"service","service":{"instances":1,"workersPerInstance":256,"queueCapacity":1000,
                "serviceTime":{"distribution":"constant","meanMs":1},
                "connectionPool":{"maximumPoolSize":2,"minimumIdle":2,"connectionTimeoutMs":1000,"connectionSetupMs":0}}},
              {"id":"db","kind":"database","database":{"sharding":{"shards":1},"replicasPerShard":0,"connectionLimit":100,
                "readServiceTime":{"distribution":"constant","meanMs":100}}}],
             "edges":[{"from":"users","to":"web"},{"from":"web","to":"db"}]}}""";

    /**
     * HikariCP (engines.md §7): a borrower waits up to connectionTimeout, first come first served, then
     * fails. With demand (5 queries at once) above the pool (2), the database never runs more than 2;
     * the pool is never idle, so N·T/q = 2 × 120 s / 0.1 s = 2400 queries run; the FIFO always holds the
     * last timeout's arrivals (λ × 1 s = 50 waiting), so a borrower that gets a connection has waited
     * nearly the whole second, and every other arrival times out: arrivals − 2400 − 50.
     */
    @Test
    void aConnectionPoolOfTwoLetsTwoQueriesIntoTheDatabaseAndTimesTheRestOut() {
        Network net = new Network(ScenarioFiles.parse(POOLED));
        ServiceNode web = (ServiceNode) net.nodeList().get(1);
        DatabaseNode db = (DatabaseNode) net.nodeList().get(2);
        int[] maxQueries = new int[1];
        double[] pending = new double[2];
        net.sim.schedule(1, new Event() {
            @Override
            public void fire() {
                maxQueries[0] = Math.max(maxQueries[0], db.inFlight);
                if (net.sim.nowNanos() > Simulation.secondsToNanos(10)) {
                    pending[0] += web.resources.connections.pending();
                    pending[1]++;
                }
                net.sim.scheduleIn(Simulation.millisToNanos(1), this);
            }
        });
        net.run();
        assertThat(maxQueries[0]).isEqualTo(2);
        JsonNode node = net.report().get("nodes").get("web");
        JsonNode c = node.get("pools").get("connections");
        long arrivals = node.get("arrivals").asLong();
        assertThat(c.get("acquired").asLong()).isBetween(2398L, 2400L);
        assertThat(net.arrivals("db")).isEqualTo(c.get("acquired").asLong());
        assertThat(pending[0] / pending[1]).isCloseTo(50, within(3.0));
        assertThat(c.get("timeouts").asDouble()).isCloseTo(arrivals - 2400 - 50, within(25.0));
        // Every failed request is a timeout, and each answered one took 1 ms + its wait + 100 ms.
        assertThat(node.get("errors").asLong()).isEqualTo(c.get("timeouts").asLong());
        assertThat(c.get("waitMsP99").asDouble()).isLessThanOrEqualTo(1000);
        assertThat(c.get("waitMsP50").asDouble()).isGreaterThan(900);
        assertThat(node.get("meanMs").asDouble()).isCloseTo(1 + c.get("waitMsMean").asDouble() + 100, within(0.5));
        assertThat(net.decisions().get(0)).startsWith("1.").contains("web: request failed (connection timeout): web-0->db - "
                + "Connection is not available, request timed out after 1000ms (total=2, active=2, idle=0");
        assertThat(net.snapshot().nodes().get(1).service().connectionPending()).isEqualTo(c.get("pending").asInt());
        assertThat(DesignReport.markdown(net, "pool")).contains("1 × medium instances, 256 workers, queue 1000, service 1 ms "
                + "mean, 2 connections per database", "| web | medium | – | – | – | " + String.format(java.util.Locale.ROOT, "%,d",
                c.get("timeouts").asLong()) + " | ");
    }

    /** 360 req/s of 10 ms CPU on a small instance of 4 workers: 90% of its capacity. */
    static final String RESIZED = """
            {"schema":1,"name":"vertical","seed":3,"durationSeconds":120,"topology":{"nodes":[
              {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":360},"keys":{"count":1000},"readRatio":1}},
              {"id":"web","kind":"service","service":{"instances":1,"workersPerInstance":4,"queueCapacity":1000,"size":"small",
                "serviceTime":{"distribution":"constant","meanMs":10}},
               "verticalScaler":{"policy":"threshold","intervalSeconds":30,"upThreshold":0.8,"downThreshold":0.3}}],
             "edges":[{"from":"users","to":"web"}]}}""";

    /**
     * The pattern notes' vertical rule as the pipeline runs it: at the interval, above the up threshold,
     * the next size up, rolled in one instance at a time (a surge of the new size provisions and boots,
     * 35 s, then the old one drains). A medium instance runs twice the workers, so the load is 45% of it.
     */
    @Test
    void aServiceAboveItsUpThresholdMovesToTheNextSizeUpAtTheInterval() {
        Network net = new Network(ScenarioFiles.parse(RESIZED));
        net.runUntil(29.999);
        assertThat(net.decisions()).isEmpty();
        net.run();
        List<String> d = net.decisions();
        assertThat(d.get(0)).matches("30\\.000 s web: vertical threshold: small at (8[7-9]|9[0-3])% of capacity > 80% -> medium");
        assertThat(d.get(1)).isEqualTo("30.000 s web: rolling to medium (2 vCPU, $0.096/h): one new instance at a time, "
                + "then one old one drains");
        assertThat(d.get(2)).isEqualTo("30.000 s web: roll: surge web-1 (medium)");
        // While the roll is on the size stays put, as the pipeline's; the next look sees the medium one alone.
        assertThat(d.get(3)).startsWith("60.000 s web: vertical threshold: medium at ");
        assertThat(d.get(4)).isEqualTo("65.000 s web: web-0 draining (replaced by web-1, medium)");
        assertThat(d.get(6)).matches("120\\.000 s web: vertical threshold: medium at (4[2-8])% of capacity -> keep");
        JsonNode web = net.report().get("nodes").get("web");
        assertThat(web.get("finalSize").asText()).isEqualTo("medium");
        assertThat(web.get("instances").asInt()).isEqualTo(1);
        assertThat(net.snapshot().nodes().get(1).service().size()).isEqualTo("medium");
        ServiceNode node = (ServiceNode) net.nodeList().get(1);
        assertThat(node.instances).hasSize(1);
        assertThat(node.instances.get(0).size.id()).isEqualTo("medium");
        assertThat(node.instances.get(0).workers).isEqualTo(8);
        assertThat(net.failed()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        String all = POOLED.replace("\"connectionPool\"", "\"runtime\":{\"collector\":\"g1\",\"heapMb\":512,"
                + "\"allocationKbPerRequest\":4096},\"objectPool\":{},\"connectionPool\"").replace("\"queueCapacity\":1000,",
                "\"queueCapacity\":1000,\"size\":\"small\",").replace("\"connectionPool\":{",
                "\"connectionPool\":{\"maxLifetimeSeconds\":30,").replace("}}},\n  {\"id\":\"db\"",
                "}},\"verticalScaler\":{\"policy\":\"vpa\",\"intervalSeconds\":20}},\n  {\"id\":\"db\"");
        Scenario s = ScenarioFiles.parse(all);
        assertThat(s.topology().nodes().get(1).verticalScaler().policy()).isEqualTo(Scenario.VerticalPolicyKind.VPA);
        String first = run(s);
        assertThat(run(s)).isEqualTo(first);
        assertThat(run(s.withSeed(6))).isNotEqualTo(first);
        assertThat(first).contains("\"youngCollections\"", "\"objects\"", "\"connections\"", "web: VPA: ");
    }

    private static String run(Scenario s) {
        Network net = new Network(s);
        net.run();
        return net.reportJson() + net.snapshot();
    }
}
