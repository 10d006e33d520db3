package dev.scalelab.world.network;

import dev.scalelab.engine.caching.HierarchyStats;
import dev.scalelab.engine.caching.LevelStats;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live changes of a drawn node's fields ({@link Network#apply}, {@link NodeChange}), in virtual time. */
class LiveChangeTest {
    private static final String USERS = "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":%s}}}";

    private static Scenario design(double seconds, String nodes, String edges, String timeline) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"live\",\"seed\":11,\"durationSeconds\":" + seconds
                + ",\"timeline\":[" + timeline + "],\"topology\":{\"nodes\":[" + nodes + "],\"edges\":[" + edges + "]}}");
    }

    /** Two instances, 4 workers each, provision 2 s and boot 3 s, constant 20 ms service time. */
    private static final String WEB = "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":2,\"workersPerInstance\":4,"
            + "\"queueCapacity\":100,\"provisionSeconds\":2,\"bootSeconds\":3,\"serviceTime\":{\"distribution\":\"constant\","
            + "\"meanMs\":20}}}";

    private static Scenario webDesign(String timeline) {
        return design(40, USERS.formatted(50) + "," + WEB, "{\"from\":\"users\",\"to\":\"web\"}", timeline);
    }

    private static int ready(Network net, String id) {
        return net.snapshot().nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow().instances();
    }

    /**
     * service.instances 2 -> 4 at t = 10 s: the two new instances provision 2 s and boot 3 s, so the
     * service has 2 ready instances until 15 s and 4 from then on; the log says what changed.
     */
    @Test
    void moreInstancesAreReadyAfterTheirProvisionAndBoot() {
        Network net = new Network(webDesign(""));
        net.runUntil(10);
        assertThat(net.apply("nodes.web.service.instances", 4)).isEqualTo("service.instances 2 -> 4");
        net.runUntil(14.999);
        assertThat(ready(net, "web")).isEqualTo(2);
        net.runUntil(15);
        assertThat(ready(net, "web")).isEqualTo(4);
        assertThat(net.decisions()).contains("10.000 s web: set service.instances 2 -> 4");
        assertThat(net.currentScenario().topology().node("web").service().instances()).isEqualTo(4);
        // Fewer: the two newest drain at once (nothing queued at this light load), no boot to wait for.
        net.apply("nodes.web.service.instances", 2);
        net.runUntil(15.5);
        assertThat(ready(net, "web")).isEqualTo(2);
    }

    /** The same change on the timeline at 10 s, and made live at 10 s: the same run, report for report. */
    @Test
    void aTimelineSetRunsAsTheSameChangeMadeLive() {
        Network timed = new Network(webDesign("{\"atSeconds\":10,\"command\":\"set\",\"path\":\"nodes.web.service.instances\","
                + "\"value\":4},{\"atSeconds\":20.5,\"command\":\"set\",\"path\":\"nodes.web.service.serviceTime.meanMs\",\"value\":5}"));
        timed.run();
        Network live = new Network(webDesign(""));
        live.runUntil(3.3);
        live.runUntil(10);
        live.apply("nodes.web.service.instances", 4);
        live.runUntil(20.5);
        live.apply("nodes.web.service.serviceTime.meanMs", 5);
        live.run();
        assertThat(live.reportJson()).isEqualTo(timed.reportJson());
        // 5 ms instead of 20: the mean response over the run falls below what 20 ms alone gives.
        assertThat(timed.nodeLatency("web").meanMs()).isLessThan(20);
    }

    /**
     * workersPerInstance 4 -> 1 on a saturated pool (2 x 4 workers, 100 ms, 100 req/s): the running
     * instances keep what they hold and take one request at a time from then on, so the busy workers
     * fall from 8 to 2.
     */
    @Test
    void fewerWorkersApplyToTheRunningInstances() {
        String web = WEB.replace("\"meanMs\":20", "\"meanMs\":100");
        Network net = new Network(design(40, USERS.formatted(100) + "," + web, "{\"from\":\"users\",\"to\":\"web\"}", ""));
        net.runUntil(10);
        assertThat(net.snapshot().nodes().get(1).inService()).isEqualTo(8);
        net.apply("nodes.web.service.workersPerInstance", 1);
        net.runUntil(12);
        assertThat(net.snapshot().nodes().get(1).inService()).isEqualTo(2);
    }

    /**
     * An external API failing half its calls (constant 10 ms) gets an error rate of 0 at 30 s: the run
     * is the same-seed run without the change up to 30 s, report for report; after 30.010 s (the last
     * call decided before the change is answered) nothing fails, while the run without it fails on.
     */
    @Test
    void aLowerErrorRateChangesTheFailuresFromItsMomentOnly() {
        String api = "{\"id\":\"api\",\"kind\":\"service\",\"service\":{\"instances\":2,\"workersPerInstance\":16,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":1}}}";
        String stripe = "{\"id\":\"stripe\",\"kind\":\"external\",\"external\":{\"latency\":{\"distribution\":\"constant\","
                + "\"meanMs\":10},\"errorRate\":0.5}}";
        String edges = "{\"from\":\"users\",\"to\":\"api\"},{\"from\":\"api\",\"to\":\"stripe\"}";
        Network changed = new Network(design(60, USERS.formatted(20) + "," + api + "," + stripe, edges, ""));
        Network same = new Network(design(60, USERS.formatted(20) + "," + api + "," + stripe, edges, ""));
        changed.runUntil(30);
        same.runUntil(30);
        assertThat(changed.reportJson()).isEqualTo(same.reportJson());
        assertThat(changed.failed()).isGreaterThan(200);
        assertThat(changed.apply("nodes.stripe.external.errorRate", 0)).isEqualTo("external.errorRate 0.5 -> 0");
        changed.runUntil(30.010);
        long atChange = changed.failed();
        changed.run();
        same.run();
        assertThat(changed.failed()).isEqualTo(atChange);
        assertThat(same.failed()).isGreaterThan(atChange + 200);
    }

    /**
     * A cache level of 100 entries cut to 10 at 20 s is rebuilt cold, as the pipeline's cache is: its
     * new level holds 10 entries and has evicted exactly the loads beyond them (reads only, no TTL,
     * a store answering in 1 µs), while the node's figures count on over the whole run.
     */
    @Test
    void aCacheCapacityCutRebuildsTheLevelWithTheEnginesEvictions() {
        String clients = "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":200},\"readRatio\":1,"
                + "\"keys\":{\"distribution\":\"uniform\",\"count\":1000}}}";
        String redis = "{\"id\":\"redis\",\"kind\":\"cache\",\"cache\":{\"levels\":[{\"name\":\"L1\",\"scope\":\"shared\","
                + "\"capacity\":100,\"policy\":\"lru\",\"ttlSeconds\":0}],\"storeLatency\":{\"distribution\":\"constant\",\"meanMs\":0.001}}}";
        String app = "{\"id\":\"app\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":64,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":0.001}}}";
        Network net = new Network(design(40, clients + "," + app + "," + redis,
                "{\"from\":\"users\",\"to\":\"app\"},{\"from\":\"app\",\"to\":\"redis\"}", ""));
        net.runUntil(20);
        CacheNode cache = (CacheNode) net.node("redis");
        long readsBefore = cache.stats().reads();
        net.apply("nodes.redis.cache.levels[0].capacity", 10);
        net.run();
        LevelStats level = cache.hierarchy().levelStats(0);
        HierarchyStats fresh = cache.hierarchy().stats();
        assertThat(level.capacity()).isEqualTo(10);
        assertThat(level.occupancy()).isEqualTo(10);
        assertThat(level.evictions()).isEqualTo(fresh.storeLoads() - 10);
        assertThat(cache.stats().reads()).isEqualTo(readsBefore + fresh.reads());
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("redis: cache rebuilt with the new settings: it starts cold"));
    }

    /**
     * A gateway's global token bucket of 40/s (burst 40) in front of 100 req/s refuses about 60 a
     * second; raised to 1,000/s at 10 s it keeps its tokens and refuses nothing from then on.
     */
    @Test
    void aGatewaysRaisedLimitStopsTheRefusalsFromItsMoment() {
        String gw = "{\"id\":\"gw\",\"kind\":\"gateway\",\"gateway\":{\"global\":{\"kind\":\"token-bucket\","
                + "\"ratePerSecond\":40,\"burst\":40},\"latencyMs\":0}}";
        Network net = new Network(design(30, USERS.formatted(100) + "," + gw + "," + WEB.replace("\"instances\":2", "\"instances\":4"),
                "{\"from\":\"users\",\"to\":\"gw\"},{\"from\":\"gw\",\"to\":\"web\"}", ""));
        net.runUntil(10);
        long limited = net.limited();
        assertThat((double) limited).isBetween(600 - 3 * Math.sqrt(1000.0) - 40, 600 + 3 * Math.sqrt(1000.0));
        assertThat(net.apply("nodes.gw.gateway.global.ratePerSecond", 1000)).isEqualTo("gateway.global.ratePerSecond 40 -> 1000");
        net.run();
        assertThat(net.limited()).isEqualTo(limited);
    }

    /**
     * A balancer going from round robin to ring hash (fresh strategies, as a new Envoy cluster
     * configuration): before, each of the 4 instances gets its turn in order; after, every request for
     * one key goes to one instance.
     */
    @Test
    void aBalancersNewStrategyIsBuiltAfresh() {
        String lb = "{\"id\":\"lb\",\"kind\":\"balancer\",\"balancer\":{\"strategy\":\"round-robin\"}}";
        Network net = new Network(design(20, USERS.formatted(50) + "," + lb + "," + WEB.replace("\"instances\":2", "\"instances\":4"),
                "{\"from\":\"users\",\"to\":\"lb\"},{\"from\":\"lb\",\"to\":\"web\"}", ""));
        net.runUntil(5);
        RouterNode router = (RouterNode) net.node("lb");
        assertThat(router.strategyIds()).containsExactly("round-robin");
        net.apply("nodes.lb.balancer.strategy", "ring-hash");
        assertThat(router.strategyIds()).containsExactly("ring-hash");
        // Its health handling is part of the configuration too (DrawnBalancerHealthTest runs it).
        assertThat(net.apply("nodes.lb.balancer.panicThresholdPercent", 20)).isEqualTo("balancer.panicThresholdPercent 50 -> 20");
        assertThat(router.strategyIds()).containsExactly("ring-hash");
    }

    /**
     * A database's maxConnections 100 -> 20 at 10 s after an add-shard at 5 s: the engine runs with 20
     * from then on and keeps the 3 shards the add-shard made.
     */
    @Test
    void aDatabasesSettingsChangeInPlaceAndKeepItsShards() {
        String api = "{\"id\":\"api\",\"kind\":\"service\",\"service\":{\"instances\":2,\"workersPerInstance\":16,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":1}}}";
        String db = "{\"id\":\"db\",\"kind\":\"database\",\"database\":{\"sharding\":{\"shards\":2},\"replicasPerShard\":0}}";
        Network net = new Network(design(20, USERS.formatted(20) + "," + api + "," + db,
                "{\"from\":\"users\",\"to\":\"api\"},{\"from\":\"api\",\"to\":\"db\"}",
                "{\"atSeconds\":5,\"command\":\"add-shard\",\"target\":\"db\"},{\"atSeconds\":10,\"command\":\"set\","
                        + "\"path\":\"nodes.db.database.maxConnections\",\"value\":20}"));
        net.runUntil(10);
        DatabaseNode node = (DatabaseNode) net.node("db");
        assertThat(node.engine().config().maxConnections()).isEqualTo(20);
        assertThat(node.engine().router().shardCount()).isEqualTo(3);
    }

    /**
     * A database's sharding strategy consistent-hash -> jump at 10 s, as the pipeline's database takes it:
     * a new, empty database routed by jump over the section's 2 shards, which takes the services' open
     * connections over; the queries in flight finish on the old one, and the box's totals go on from it.
     */
    @Test
    void aDatabasesNewLayoutIsANewEmptyDatabase() {
        String api = "{\"id\":\"api\",\"kind\":\"service\",\"service\":{\"instances\":2,\"workersPerInstance\":16,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":1},"
                + "\"connectionPool\":{\"maximumPoolSize\":4,\"minimumIdle\":4,\"connectionSetupMs\":0}}}";
        String db = "{\"id\":\"db\",\"kind\":\"database\",\"database\":{\"sharding\":{\"strategy\":\"consistent-hash\",\"shards\":2},"
                + "\"replicasPerShard\":0}}";
        Network net = new Network(design(20, USERS.formatted(50) + "," + api + "," + db,
                "{\"from\":\"users\",\"to\":\"api\"},{\"from\":\"api\",\"to\":\"db\"}", ""));
        net.runUntil(10);
        DatabaseNode node = (DatabaseNode) net.node("db");
        dev.scalelab.engine.data.Database old = node.engine();
        int connections = old.clientConnections();
        assertThat(net.apply("nodes.db.database.sharding.strategy", "jump")).isEqualTo("database.sharding.strategy consistent-hash -> jump");
        assertThat(net.decisions()).contains("10.000 s db: rebuilt with jump (2 shards): a new layout starts empty");
        dev.scalelab.engine.data.Database now = node.engine();
        assertThat(now).isNotSameAs(old);
        assertThat(now.router().strategy()).isEqualTo(dev.scalelab.engine.data.ShardRouter.Strategy.JUMP);
        assertThat(now.router().shardCount()).isEqualTo(2);
        assertThat(now.counters().reads() + now.counters().writes()).isZero();
        assertThat(now.clientConnections()).isEqualTo(connections).isPositive();
        long oldQueries = old.counters().reads() + old.counters().writes();
        net.run();
        // Only the queries in flight at 10 s (at most the 8 pooled connections' worth) end on the old engine.
        assertThat(old.counters().reads() + old.counters().writes() - oldQueries).isBetween(0L, 8L);
        assertThat(now.counters().reads() + now.counters().writes()).isBetween(450L, 550L);
        com.fasterxml.jackson.databind.JsonNode report = net.report().path("nodes").path("db");
        assertThat(report.path("reads").asLong() + report.path("writes").asLong())
                .isEqualTo(old.counters().reads() + old.counters().writes() + now.counters().reads() + now.counters().writes());
        assertThat(net.report().path("failed").asLong()).isZero();
    }

    /** A vertical scaler turned on at 10 s (threshold, every 60 s) decides first at 70 s, one interval after the change. */
    @Test
    void aVerticalScalerStartsAgainFromTheChange() {
        Network net = new Network(design(100, USERS.formatted(50) + "," + WEB, "{\"from\":\"users\",\"to\":\"web\"}", ""));
        net.runUntil(10);
        net.apply("nodes.web.verticalScaler.policy", "threshold");
        net.run();
        assertThat(net.decisions().stream().filter(d -> d.contains("web: vertical threshold")).findFirst().orElseThrow())
                .startsWith("70.000 s web: vertical threshold");
    }

    /**
     * A gateway splitting 100 req/s over two services by weight 1 : 1; at 10 s the edge to a gets
     * weight 0.001, so a takes about 1 in 1,000 from then on (none or a few of the 2,000 left) and b
     * the rest. The edge's ends are the drawing's own; a value is checked as the file's.
     */
    @Test
    void anEdgesNewWeightSharesTheNextRequests() {
        String gw = "{\"id\":\"gw\",\"kind\":\"gateway\",\"gateway\":{\"latencyMs\":0}}";
        String a = WEB.replace("\"id\":\"web\"", "\"id\":\"a\"");
        String b = WEB.replace("\"id\":\"web\"", "\"id\":\"b\"");
        Network net = new Network(design(30, USERS.formatted(100) + "," + gw + "," + a + "," + b,
                "{\"from\":\"users\",\"to\":\"gw\"},{\"from\":\"gw\",\"to\":\"a\"},{\"from\":\"gw\",\"to\":\"b\"}", ""));
        net.runUntil(10);
        long toA = net.arrivals("a");
        long toB = net.arrivals("b");
        assertThat((double) toA).isCloseTo(500, org.assertj.core.api.Assertions.within(4 * Math.sqrt(250)));
        assertThat(net.apply("edges[1].weight", 0.001)).isEqualTo("edge to a weight 1 -> 0.001");
        assertThat(net.decisions()).contains("10.000 s gw: set edge to a weight 1 -> 0.001");
        net.run();
        assertThat(net.arrivals("a") - toA).isBetween(0L, 8L);
        assertThat((double) (net.arrivals("b") - toB)).isCloseTo(2000, org.assertj.core.api.Assertions.within(4 * Math.sqrt(2000)));
        assertThatThrownBy(() -> net.apply("edges[0].retry.maxAttempts", 0))
                .hasMessage("edges[0].retry.maxAttempts: 0 is out of range; a whole number from 1 to 100");
        assertThatThrownBy(() -> net.apply("edges[1].to", "b")).hasMessage("edges[1].to: gw -> a: it is the drawing's own: edit "
                + "the design and run it again");
        assertThatThrownBy(() -> net.apply("edges[7].weight", 2)).hasMessage("edges[7].weight: this design has 3 edges");
    }

    /**
     * A sync call to an API that fails every call, at first without a sidecar; at 10 s the edge gets
     * retry.maxAttempts 3, so a sidecar is built and every call from then on is sent 3 times (no
     * back-off, no budget); at 30 s the clients stop, and once the last calls end the sidecar has sent
     * exactly 3 attempts per call. Each failed request failed once, whatever its attempts.
     */
    @Test
    void anEdgesNewRetriesBuildItsSidecarFromTheirMoment() {
        String api = "{\"id\":\"api\",\"kind\":\"service\",\"service\":{\"instances\":2,\"workersPerInstance\":16,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":1}}}";
        String stripe = "{\"id\":\"stripe\",\"kind\":\"external\",\"external\":{\"latency\":{\"distribution\":\"constant\","
                + "\"meanMs\":10},\"errorRate\":1}}";
        Network net = new Network(design(40, USERS.formatted(20) + "," + api + "," + stripe,
                "{\"from\":\"users\",\"to\":\"api\"},{\"from\":\"api\",\"to\":\"stripe\"}", ""));
        net.runUntil(10);
        assertThat(net.hasSidecars()).isFalse();
        long arrivalsBefore = net.arrivals("stripe");
        net.apply("nodes.users.workload.arrival.ratePerSecond", 20); // nothing changes: the same rate
        assertThat(net.apply("edges[1].retry.maxAttempts", 3)).isEqualTo("edge to stripe retry.maxAttempts 1 -> 3");
        assertThat(net.hasSidecars()).isTrue();
        assertThat(net.decisions()).contains("10.000 s api: sidecar to stripe rebuilt by a settings change (was none): no breaker");
        net.runUntil(30);
        net.apply("nodes.users.workload.arrival.ratePerSecond", 0);
        net.run();
        Link l = net.linkList().get(1);
        assertThat(l.requests()).isGreaterThan(300);
        assertThat(l.attemptsSent()).isEqualTo(3 * l.requests());
        assertThat(net.arrivals("stripe") - arrivalsBefore).isEqualTo(3 * l.requests());
        assertThat(net.failed()).isEqualTo(net.arrivals("users"));
    }

    /**
     * An HPA syncing every 15 s gets a sync period of 5 s at 20 s: a new timer, as the pipeline's
     * restart-autoscaler step starts, so it decides at 15 s, then at 25, 30 and 35 s (the old 30 s timer
     * stops); a new target is an edit that keeps the timer (the next sync stays 5 s after the last).
     */
    @Test
    void anAutoscalersNewPeriodStartsANewTimerAndANewTargetKeepsIt() {
        String web = WEB.replace("}}}", "}},\"autoscaler\":{\"policy\":\"hpa\",\"minReplicas\":2,\"maxReplicas\":6,"
                + "\"syncPeriodSeconds\":15}}");
        Network net = new Network(design(38, USERS.formatted(50) + "," + web, "{\"from\":\"users\",\"to\":\"web\"}", ""));
        net.runUntil(20);
        net.apply("nodes.web.autoscaler.syncPeriodSeconds", 5);
        net.runUntil(27);
        net.apply("nodes.web.autoscaler.targetUtilization", 50);
        net.run();
        assertThat(net.decisions().stream().filter(d -> d.contains(" web: ") && !d.contains(" web: set ")).map(d -> d.substring(0,
                d.indexOf(' '))).toList()).containsExactly("15.000", "25.000", "30.000", "35.000");
    }

    /** A CDN's capacity cut live rebuilds its edge cold with the new capacity, as a cache level's does. */
    @Test
    void aCdnsNewCapacityRebuildsItsEdge() {
        String cdn = "{\"id\":\"edge\",\"kind\":\"cdn\",\"cdn\":{\"capacity\":100,\"ttlSeconds\":60}}";
        Network net = new Network(design(20, USERS.formatted(50) + "," + cdn + "," + WEB,
                "{\"from\":\"users\",\"to\":\"edge\"},{\"from\":\"edge\",\"to\":\"web\"}", ""));
        net.runUntil(10);
        assertThat(net.apply("nodes.edge.cdn.capacity", 10)).isEqualTo("cdn.capacity 100 -> 10");
        net.run();
        assertThat(((CacheNode) net.node("edge")).hierarchy().levelStats(0).capacity()).isEqualTo(10);
        assertThat(net.decisions()).contains("10.000 s edge: cache rebuilt with the new settings: it starts cold");
    }

    @Test
    void whatCannotChangeLiveIsRefusedWithItsPathAndWhy() {
        Network net = new Network(webDesign(""));
        assertThatThrownBy(() -> net.apply("nodes.nope.service.instances", 3)).isInstanceOf(ScenarioException.class)
                .hasMessage("nodes.nope.service.instances: \"nope\" is no node of this design (its nodes: users, web)");
        assertThatThrownBy(() -> net.apply("nodes.web.cache.coalesce", true))
                .hasMessage("nodes.web.cache.coalesce: web is a service: its fields are under service, autoscaler, verticalScaler");
        assertThatThrownBy(() -> net.apply("nodes.web.zone", "b"))
                .hasMessage("nodes.web.zone: web is a service: its fields are under service, autoscaler, verticalScaler; its zone "
                        + "is the drawing's own and changes by editing the design, not while it runs");
        assertThatThrownBy(() -> net.apply("nodes.web.service.speeds[0]", 2))
                .hasMessage("nodes.web.service.speeds[0]: cannot change while the run goes on: the pipeline fixes "
                        + "service.speeds[0] when the run starts too; edit the design and run it again");
        assertThatThrownBy(() -> net.apply("nodes.web.service.instances", 0))
                .hasMessage("nodes.web.service.instances: 0 is out of range; a whole number from 1 to 500");
        assertThatThrownBy(() -> net.apply("nodes.users.workload.keys.count", 10))
                .hasMessageContaining("the pipeline fixes workload.keys.count when the run starts too");
        // Nothing refused changed the run.
        assertThat(net.decisions()).isEmpty();
        assertThat(net.currentScenario()).isEqualTo(net.scenario());
    }

    /** An edit of a running design: its node field changes, in order, or the first difference that cannot change live. */
    @Test
    void anEditIsTheNodeChangesBetweenTheTwoDesigns() {
        Scenario ran = webDesign("");
        Scenario edited = dev.scalelab.world.ScenarioFields.with(dev.scalelab.world.ScenarioFields.with(ran,
                "topology.nodes[1].service.instances", 5), "topology.nodes[0].workload.readRatio", 0.5);
        Scenario moved = edited.withTopology(new dev.scalelab.world.Topology(List.of(edited.topology().nodes().get(0),
                edited.topology().nodes().get(1).withPosition(300, 40)), edited.topology().edges()));
        assertThat(NodeChange.between(ran, moved)).containsExactly(Map.entry("nodes.users.workload.readRatio", 0.5),
                Map.entry("nodes.web.service.instances", 5));
        assertThatThrownBy(() -> NodeChange.between(ran, dev.scalelab.world.ScenarioFields.with(edited,
                "topology.nodes[0].workload.keys.count", 20)))
                .hasMessage("nodes.users.workload.keys.count: cannot change while the run goes on: the pipeline fixes "
                        + "workload.keys.count when the run starts too; edit the design and run it again");
        assertThatThrownBy(() -> NodeChange.between(ran, ran.withTopology(new dev.scalelab.world.Topology(
                ran.topology().nodes(), List.of()))))
                .hasMessage("topology.edges[0]: an edge was added, removed or redrawn: the drawing's structure changed");
        dev.scalelab.world.Topology.Edge heavier = ran.topology().edges().get(0).withWeight(3);
        assertThat(NodeChange.between(ran, ran.withTopology(new dev.scalelab.world.Topology(ran.topology().nodes(), List.of(heavier)))))
                .containsExactly(Map.entry("edges[0].weight", 3.0));
    }

    @Test
    void aTimelineSetIsCheckedAtLoadNamingItsEntry() {
        assertThatThrownBy(() -> new Network(webDesign("{\"atSeconds\":5,\"command\":\"set\",\"path\":\"nodes.web.service.workers\","
                + "\"value\":3}"))).isInstanceOf(ScenarioException.class)
                .hasMessage("timeline[0]: set nodes.web.service.workers: not a field of a service's service");
        assertThatThrownBy(() -> new Network(webDesign("{\"atSeconds\":5,\"command\":\"set\",\"path\":\"nodes.web.service.instances\","
                + "\"value\":2},{\"atSeconds\":6,\"command\":\"set\",\"path\":\"nodes.db.database.sharding.shards\",\"value\":3}")))
                .hasMessage("timeline[1]: set nodes.db.database.sharding.shards: \"db\" is no node of this design (its nodes: users, web)");
        assertThatThrownBy(() -> new Network(webDesign("{\"atSeconds\":5,\"command\":\"set\",\"path\":\"nodes.web.service.instances\","
                + "\"value\":\"four\"}"))).hasMessage("timeline[0]: set nodes.web.service.instances: expected a whole number, got "
                + "the string \"four\"");
    }
}
