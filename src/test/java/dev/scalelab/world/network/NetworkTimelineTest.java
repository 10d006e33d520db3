package dev.scalelab.world.network;

import dev.scalelab.engine.data.Database;
import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.RoutingChange;
import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.engine.runtime.Heap;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A drawn system's timeline: faults on its instances and external APIs at their moments, with the pipeline's meaning. */
class NetworkTimelineTest {
    private static final String USERS = "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":%s}}}";

    private static Scenario design(double seconds, String nodes, String edges, String timeline) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"timed\",\"seed\":7,\"durationSeconds\":" + seconds
                + ",\"timeline\":[" + timeline + "],\"topology\":{\"nodes\":[" + nodes + "],\"edges\":[" + edges + "]}}");
    }

    private static String web(int instances, String serviceTime) {
        return "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":" + instances + ",\"workersPerInstance\":4,"
                + "\"queueCapacity\":100,\"provisionSeconds\":2,\"bootSeconds\":3,\"serviceTime\":" + serviceTime + "}}";
    }

    /**
     * kill-instance web-0 at 30 s: what it held fails (and nothing else), the log says how many, and
     * a replacement (web-2) is ready provision + boot = 5 s later, as the pipeline's Deployment keeps
     * its count.
     */
    @Test
    void aKilledInstanceLosesWhatItHeldAndIsReplaced() {
        Network net = new Network(design(60, USERS.formatted(20) + "," + web(2, "{\"distribution\":\"constant\",\"meanMs\":200}"),
                "{\"from\":\"users\",\"to\":\"web\"}", "{\"atSeconds\":30,\"command\":\"kill-instance\",\"target\":\"web-0\"}"));
        net.runUntil(30.001);
        String failed = net.decisions().stream().filter(d -> d.contains("web-0 failed")).findFirst().orElseThrow();
        long lost = Long.parseLong(failed.replaceAll(".*web-0 failed \\((\\d+) requests lost\\).*", "$1"));
        // 20/s over 2 instances, 200 ms each: about 2 of web-0's 4 workers busy, and no queue. Alone, web-1 is at
        // ρ 1 for the 5 s until the replacement is ready; its queue of 100 holds the excess, so nothing else fails.
        assertThat(lost).isBetween(1L, 4L);
        assertThat(failed).endsWith("replacing it");
        assertThat(net.failed()).isEqualTo(lost);
        net.runUntil(34);
        assertThat(net.snapshot().nodes().get(1).instances()).isEqualTo(1);
        net.runUntil(36);
        assertThat(net.snapshot().nodes().get(1).instances()).isEqualTo(2);
        net.run();
        assertThat(net.failed()).isEqualTo(lost);
        assertThat(net.report().path("nodes").path("web").path("instances").asInt()).isEqualTo(2);
    }

    /** slow-instance at half speed doubles a constant 10 ms service time: the light load's mean response goes to 20 ms. */
    @Test
    void aSlowedInstanceTakesLongerByItsFraction() {
        Network slowed = new Network(design(200, USERS.formatted(5) + "," + web(1, "{\"distribution\":\"constant\",\"meanMs\":10}"),
                "{\"from\":\"users\",\"to\":\"web\"}", "{\"atSeconds\":0,\"command\":\"slow-instance\",\"target\":\"web-0\",\"value\":0.5}"));
        slowed.run();
        assertThat(slowed.nodeLatency("web").meanMs()).isCloseTo(20, within(0.1));
        assertThat(slowed.decisions()).anyMatch(d -> d.endsWith("web-0 runs at 50 % of its speed"));
    }

    /**
     * latency +100 ms on an API of constant 20 ms for 10 s of a 30 s run: calls during the fault take
     * 120 ms, so the mean call is 20 + 100 × 10/30 = 53.3 ms; an outage of 10 s on an API with
     * servers fails the calls in it: a third of them.
     */
    @Test
    void latencyAndOutagesOnAnExternalApiLastTheirDuration() {
        String api = "{\"id\":\"pay\",\"kind\":\"external\",\"external\":{\"latency\":{\"distribution\":\"constant\",\"meanMs\":20}}}";
        Network slow = new Network(design(30, USERS.formatted(100) + "," + web(4, "{\"distribution\":\"constant\",\"meanMs\":1}") + "," + api,
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"pay\"}",
                "{\"atSeconds\":10,\"command\":\"latency\",\"target\":\"pay\",\"value\":100,\"durationSeconds\":10}"));
        slow.run();
        assertThat(slow.nodeLatency("pay").meanMs()).isCloseTo(20 + 100.0 / 3, within(1.5));
        assertThat(slow.failed()).isZero();

        String served = "{\"id\":\"pay\",\"kind\":\"external\",\"external\":{\"latency\":{\"distribution\":\"constant\",\"meanMs\":20},"
                + "\"instances\":2,\"workersPerInstance\":8,\"queueCapacity\":50}}";
        Network out = new Network(design(30, USERS.formatted(100) + "," + web(4, "{\"distribution\":\"constant\",\"meanMs\":1}") + ","
                        + served, "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"pay\"}",
                "{\"atSeconds\":10,\"command\":\"outage\",\"target\":\"pay\",\"durationSeconds\":10}"));
        out.run();
        double share = out.failed() / (double) (out.failed() + out.completed());
        assertThat(share).isCloseTo(1.0 / 3, within(0.02));
        assertThat(out.decisions()).anyMatch(d -> d.contains("outage for 10.0 s"));
    }

    /**
     * kill-primary orders/0 at 10 s: the shard's primary dies and its replica is promoted after the
     * failover detection (2 s), as in the pipeline; the writes in between fail, and the log says so.
     */
    @Test
    void aKilledPrimaryFailsOverToItsReplica() {
        String db = "{\"id\":\"orders\",\"kind\":\"database\",\"database\":{\"replicasPerShard\":1,\"failoverDetectionMs\":2000}}";
        Network net = new Network(design(30, USERS.formatted(100) + "," + web(4, "{\"distribution\":\"constant\",\"meanMs\":1}")
                        + "," + db, "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"orders\"}",
                "{\"atSeconds\":10,\"command\":\"kill-primary\",\"target\":\"orders/0\"}"));
        net.runUntil(9.99);
        assertThat(net.failed()).isZero();
        net.run();
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("kill-primary orders/0"));
        assertThat(net.failed()).isPositive();
        assertThatThrownBy(() -> new Network(design(30, USERS.formatted(100) + "," + web(4, "{\"distribution\":\"constant\",\"meanMs\":1}")
                        + "," + db, "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"orders\"}",
                "{\"atSeconds\":10,\"command\":\"kill-primary\",\"target\":\"0\"}")))
                .hasMessage("timeline[0].target: \"0\" is no shard of a drawn database: a shard is its database's id and its number "
                        + "(orders/0)");
    }

    /**
     * fail-cache-level redis/L1 at 20 s: the level restarts empty (the pipeline's wording in the log),
     * then fills again; expire-key expires the key in every cache box; a level the box lacks is refused.
     */
    @Test
    void aFailedCacheLevelRestartsEmpty() {
        String redis = "{\"id\":\"redis\",\"kind\":\"cache\",\"cache\":{\"levels\":[{\"name\":\"L1\",\"scope\":\"shared\",\"capacity\":1000,"
                + "\"policy\":\"lru\",\"ttlSeconds\":1000000,\"latencyMs\":0.5}]}}";
        String nodes = USERS.formatted(300) + "," + web(4, "{\"distribution\":\"constant\",\"meanMs\":1}") + "," + redis
                + ",{\"id\":\"db\",\"kind\":\"database\"}";
        String edges = "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"redis\"},{\"from\":\"redis\",\"to\":\"db\"}";
        Network net = new Network(design(40, nodes, edges, "{\"atSeconds\":20,\"command\":\"fail-cache-level\",\"target\":\"redis/L1\"},"
                + "{\"atSeconds\":30,\"command\":\"expire-key\",\"value\":0}"));
        net.runUntil(19.99);
        CacheNode cache = (CacheNode) net.node("redis");
        assertThat(cache.hierarchy().levelStats(0).occupancy()).isEqualTo(1000);
        net.runUntil(20.0001);
        assertThat(cache.hierarchy().levelStats(0).occupancy()).isLessThan(5);
        net.run();
        assertThat(cache.hierarchy().levelStats(0).occupancy()).isEqualTo(1000);
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("redis: L1 failed and restarted empty; 0 unflushed write-back writes lost"));
        assertThat(net.decisions()).anyMatch(d -> d.contains("redis: key 0 expired in every level; its next reads all miss"));
        assertThatThrownBy(() -> new Network(design(40, nodes, edges,
                "{\"atSeconds\":20,\"command\":\"fail-cache-level\",\"target\":\"redis/L2\"}")))
                .hasMessage("timeline[0].target: \"redis/L2\" is no level of a drawn cache: a level is its cache's id and the level's "
                        + "name (redis/L1)");
    }

    /**
     * set workload.arrival.ratePerSecond from 20 to 200 at 30 s, on the design's one clients node: about
     * 600 requests in the first 30 s and 6,000 in the next (Poisson: within 3 sd), as the pipeline's
     * restarted arrivals give; the log says so.
     */
    @Test
    void aSetOfTheTrafficChangesTheClientsRateFromItsMoment() {
        Network net = new Network(design(60, USERS.formatted(20) + "," + web(4, "{\"distribution\":\"constant\",\"meanMs\":1}"),
                "{\"from\":\"users\",\"to\":\"web\"}",
                "{\"atSeconds\":30,\"command\":\"set\",\"path\":\"workload.arrival.ratePerSecond\",\"value\":200}"));
        net.runUntil(30);
        long first = net.arrivals("users");
        assertThat((double) first).isCloseTo(600, within(3 * Math.sqrt(600)));
        net.run();
        assertThat((double) net.arrivals("users") - first).isCloseTo(6000, within(3 * Math.sqrt(6000)));
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("users: set workload.arrival.ratePerSecond to 200 (timeline)"));
    }

    @Test
    void whatADrawnSystemDoesNotRunIsRefusedByTheEntrysPath() {
        String nodes = USERS.formatted(10) + "," + web(1, "{\"distribution\":\"constant\",\"meanMs\":10}");
        String edges = "{\"from\":\"users\",\"to\":\"web\"}";
        assertThatThrownBy(() -> new Network(design(10, nodes, edges,
                "{\"atSeconds\":5,\"command\":\"set\",\"path\":\"service.instances\",\"value\":3}")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("timeline[0]: set service.instances: a drawn system sets its traffic (workload.arrival.ratePerSecond, "
                        + "workload.readRatio, with one clients node) and its nodes' fields (nodes.<id>.<field>, such as "
                        + "nodes.api.service.instances); its timeline also takes the faults add-instance, remove-instance, "
                        + "kill-instance, slow-instance, error-instance, weight-instance, flush-cache, expire-key, fail-cache-level, add-shard, remove-shard, "
                        + "kill-primary, lag-spike, error-rate, latency, outage, full-gc, leak-connections, publish-burst, crash-consumer, poison");
        assertThatThrownBy(() -> new Network(design(10, nodes, edges,
                "{\"atSeconds\":5,\"command\":\"kill-instance\",\"target\":\"i-0\"}")))
                .hasMessage("timeline[0].target: \"i-0\" is no instance of a drawn service: an instance is its service's id and its "
                        + "number (web-0)");
        // crash-consumer takes an instance of a service that consumes a drawn topic; this design has none.
        assertThatThrownBy(() -> new Network(design(10, nodes, edges,
                "{\"atSeconds\":5,\"command\":\"crash-consumer\",\"target\":\"web-0\"}")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("timeline[0].target: \"web-0\" is no consumer of a drawn topic: crash-consumer takes an instance of "
                        + "a service a topic's edge leads to, or the service for its lowest-numbered ready one (this design has no "
                        + "topic with a consumer)");
    }

    /**
     * leak-connections web 1 for 5 s at 10 s, on a pool of 2: the first two queries to end in the
     * window keep their connections (abandoned: exactly the pool's 2), the pool has none to lend
     * from then on, and every later request times out; before it nothing failed.
     */
    @Test
    void leakedConnectionsDrainThePool() {
        String web = "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":64,\"queueCapacity\":1000,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":1},\"connectionPool\":{\"maximumPoolSize\":2,"
                + "\"minimumIdle\":2,\"connectionTimeoutMs\":1000,\"connectionSetupMs\":0}}}";
        String db = "{\"id\":\"db\",\"kind\":\"database\",\"database\":{\"sharding\":{\"shards\":1},\"replicasPerShard\":0,"
                + "\"readServiceTime\":{\"distribution\":\"constant\",\"meanMs\":10}}}";
        String users = "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":50},\"readRatio\":1}}";
        Network net = new Network(design(30, users + "," + web + "," + db, "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"db\"}",
                "{\"atSeconds\":10,\"command\":\"leak-connections\",\"target\":\"web\",\"value\":1,\"durationSeconds\":5}"));
        net.runUntil(10);
        assertThat(net.failed()).isZero();
        net.runUntil(11.5);
        long completed = net.completed();
        net.run();
        dev.scalelab.engine.pools.ConnectionPool pool = ((ServiceNode) net.node("web")).instances.get(0).resources.pools[0];
        assertThat(pool.abandoned()).isEqualTo(2);
        assertThat(pool.active()).isEqualTo(2);
        assertThat(net.completed()).isEqualTo(completed);
        assertThat((double) net.failed()).isCloseTo(50 * 19.5, within(4 * Math.sqrt(50 * 19.5)));
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("web: leak-connections 1 for 5 s"));
    }

    /**
     * weight-instance web-0 3 at 0 s behind smooth weighted round robin over 2 instances: nginx's
     * algorithm sends exactly 3 of every 4 picks to web-0, so of 100/s × 100 s of constant 10 ms
     * requests web-0 is busy 75 s and web-1 25 s (to the last request or so).
     */
    @Test
    void aWeightedInstanceTakesItsShareBehindAWeightedBalancer() {
        String lb = "{\"id\":\"lb\",\"kind\":\"balancer\",\"balancer\":{\"strategy\":\"smooth-weighted-round-robin\"}}";
        Network net = new Network(design(100, USERS.formatted(100) + "," + lb + "," + web(2, "{\"distribution\":\"constant\",\"meanMs\":10}"),
                "{\"from\":\"users\",\"to\":\"lb\"},{\"from\":\"lb\",\"to\":\"web\"}",
                "{\"atSeconds\":0,\"command\":\"weight-instance\",\"target\":\"web-0\",\"value\":3}"));
        net.run();
        ServiceNode web = (ServiceNode) net.node("web");
        double total = net.completed() * 0.010;
        web.instances.forEach(in -> in.busyChanged(0));
        assertThat(web.instances.get(0).busyNanos / 1e9).isCloseTo(0.75 * total, within(0.03));
        assertThat(web.instances.get(1).busyNanos / 1e9).isCloseTo(0.25 * total, within(0.03));
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("web: web-0 weight 3"));
    }

    /** Each new action's target is checked at load, by its path, with an example from the design. */
    @Test
    void theNewActionsRefuseATargetTheDesignLacksByItsPath() {
        String db = "{\"id\":\"orders\",\"kind\":\"database\",\"database\":{\"replicasPerShard\":1}}";
        String nodes = USERS.formatted(10) + "," + web(1, "{\"distribution\":\"constant\",\"meanMs\":10}") + "," + db;
        String edges = "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"orders\"}";
        java.util.function.Function<String, String> refusal = entry -> {
            try {
                new Network(design(10, nodes, edges, entry));
                return "accepted";
            } catch (ScenarioException e) {
                return e.getMessage();
            }
        };
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"add-shard\",\"target\":\"web\"}"))
                .isEqualTo("timeline[0].target: \"web\" is no drawn database: add-shard takes its id (orders)");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"remove-shard\",\"target\":\"3\"}"))
                .isEqualTo("timeline[0].target: \"3\" is no shard of a drawn database: remove-shard takes its database's id and its "
                        + "number, or the database's id for its last (orders/0, orders)");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"lag-spike\",\"target\":\"orders/s0-r2\",\"value\":100,"
                + "\"durationSeconds\":1}"))
                .isEqualTo("timeline[0].target: \"orders/s0-r2\" is no replica of a drawn database: a replica is its database's id "
                        + "and the replica's name (orders/s0-r1)");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"add-instance\",\"target\":\"web-0\"}"))
                .isEqualTo("timeline[0].target: \"web-0\" is no drawn service: add-instance takes its id (web)");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"remove-instance\",\"target\":\"api-1\"}"))
                .isEqualTo("timeline[0].target: \"api-1\" is no drawn service or instance of one: remove-instance takes an instance, "
                        + "its service's id and its number, or the service's id (web-0, web)");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"error-instance\",\"target\":\"i-0\",\"value\":0.5}"))
                .isEqualTo("timeline[0].target: \"i-0\" is no instance of a drawn service: an instance is its service's id and its "
                        + "number (web-0)");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"full-gc\",\"target\":\"web-0\"}"))
                .isEqualTo("timeline[0].target: \"web-0\": full-gc needs a heap, and web has no service.runtime");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"full-gc\"}"))
                .isEqualTo("timeline[0].command: full-gc needs a heap: no drawn service of this design has a service.runtime");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"leak-connections\",\"target\":\"web\",\"value\":0.5,"
                + "\"durationSeconds\":5}"))
                .isEqualTo("timeline[0].target: \"web\": leak-connections needs a connection pool, and web has no service.connectionPool");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"leak-connections\",\"value\":0.5,\"durationSeconds\":5}"))
                .isEqualTo("timeline[0].command: leak-connections needs a connection pool: no drawn service of this design has a "
                        + "service.connectionPool and a sync edge to a database");
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"weight-instance\",\"target\":\"web-0\",\"value\":2}"))
                .isEqualTo("timeline[0].target: \"web-0\": weight-instance needs a balancer with weights in front of web "
                        + "(smooth-weighted-round-robin, weighted-random, least-request), and web has none: its instances are picked "
                        + "without weights");
        // With one database and one service, add-shard and add-instance may leave their box out.
        assertThat(refusal.apply("{\"atSeconds\":5,\"command\":\"add-shard\"},{\"atSeconds\":6,\"command\":\"add-instance\"}"))
                .isEqualTo("accepted");
    }

    private static final String KEYS = "\"keys\":{\"count\":20000}";

    private static Network sharded(double seconds, int shards, String more, String timeline) {
        String users = "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":200}," + KEYS + more + "}}";
        String db = "{\"id\":\"orders\",\"kind\":\"database\",\"database\":{\"sharding\":{\"strategy\":\"jump\",\"shards\":"
                + shards + "},\"replicasPerShard\":1,\"migrationKeysPerSecond\":1000}}";
        return new Network(design(seconds, users + "," + web(4, "{\"distribution\":\"constant\",\"meanMs\":1}") + "," + db,
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"orders\"}", timeline));
    }

    /**
     * add-shard orders at 10 s on jump hashing over 2 shards: the router change moves exactly the keys
     * RoutingChange gives (jump: about a third of 20,000), at 1,000 keys/s, so half of them have moved
     * halfway through and the database has 3 shards when the last has.
     */
    @Test
    void anAddedShardTakesTheKeysTheRouterChangeGivesAtTheMigrationRate() {
        Network net = sharded(40, 2, "", "{\"atSeconds\":10,\"command\":\"add-shard\",\"target\":\"orders\"}");
        net.runUntil(9.99);
        Database db = ((DatabaseNode) net.node("orders")).database();
        ShardRouter before = db.router();
        net.runUntil(10.001);
        int moved = new RoutingChange(before, db.router()).movedKeys(20_000).length;
        assertThat((double) moved).isCloseTo(20_000 / 3.0, within(0.02 * 20_000));
        assertThat(db.view().shards()).hasSize(3);
        net.runUntil(10 + moved / 2000.0);
        assertThat((double) db.counters().keysMoved()).isCloseTo(moved / 2.0, within(15.0));
        net.run();
        assertThat(db.counters().keysMoved()).isEqualTo(moved);
        assertThat(net.report().path("nodes").path("orders").path("shards").asInt()).isEqualTo(3);
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("orders: add-shard orders"))
                .anyMatch(d -> d.contains("orders: add shard 2 (") && d.contains("%,d of 20,000 keys move".formatted(moved)));
    }

    /** remove-shard orders (the last) on 3 jump shards: its keys, and no others, move to the two left; then it is gone. */
    @Test
    void aRemovedShardsKeysMoveToTheOthersAndItIsGone() {
        Network net = sharded(60, 3, "", "{\"atSeconds\":10,\"command\":\"remove-shard\",\"target\":\"orders\"}");
        net.runUntil(9.99);
        Database db = ((DatabaseNode) net.node("orders")).database();
        int owned = db.view().shards().get(2).keysOwned();
        assertThat((double) owned).isCloseTo(20_000 / 3.0, within(0.02 * 20_000));
        net.run();
        assertThat(db.counters().keysMoved()).isEqualTo(owned);
        assertThat(db.view().shards()).extracting(DatabaseView.ShardView::shardId).containsExactly(0, 1);
        assertThat(db.view().shards().stream().mapToInt(DatabaseView.ShardView::keysOwned).sum()).isEqualTo(20_000);
        assertThat(net.failed()).isZero();
    }

    /**
     * lag-spike orders/s0-r1 +2,000 ms for 10 s at 20 s, reads on replicas first: stale reads per
     * second rise during the spike (a write takes 2 s more to reach the replica) and fall back after it.
     */
    @Test
    void aLagSpikeRaisesStaleReadsWhileItLasts() {
        Network net = sharded(60, 1, ",\"readRatio\":0.8", "{\"atSeconds\":20,\"command\":\"lag-spike\","
                + "\"target\":\"orders/s0-r1\",\"value\":2000,\"durationSeconds\":10}");
        Database db = ((DatabaseNode) net.node("orders")).database();
        net.runUntil(20);
        long beforeSpike = db.counters().staleReads();
        net.runUntil(30);
        long during = db.counters().staleReads() - beforeSpike;
        net.runUntil(45);
        long settled = db.counters().staleReads();
        net.runUntil(55);
        long after = db.counters().staleReads() - settled;
        // Per second: during more than three times the rate before; after, back under a third of it.
        assertThat(during / 10.0).isGreaterThan(3 * beforeSpike / 20.0);
        assertThat(after / 10.0).isLessThan(during / 10.0 / 3);
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("orders: lag-spike orders/s0-r1 2000 for 10 s"))
                .anyMatch(d -> d.contains("s0-r1: +2,000 ms replication lag for 10 s"));
    }

    /** add-instance web at 10 s: 2 ready until provision + boot (2 + 3 s) have passed, then 3, as the pipeline's spec.replicas + 1. */
    @Test
    void anAddedInstanceIsReadyAfterProvisionAndBoot() {
        Network net = new Network(design(30, USERS.formatted(50) + "," + web(2, "{\"distribution\":\"constant\",\"meanMs\":10}"),
                "{\"from\":\"users\",\"to\":\"web\"}", "{\"atSeconds\":10,\"command\":\"add-instance\",\"target\":\"web\"}"));
        net.runUntil(14.99);
        assertThat(net.node("web").instances()).isEqualTo(2);
        net.runUntil(15.01);
        assertThat(net.node("web").instances()).isEqualTo(3);
        net.run();
        assertThat(net.report().path("nodes").path("web").path("instances").asInt()).isEqualTo(3);
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("web: add-instance: spec 2 -> 3"));
    }

    /**
     * remove-instance web-0 at 10 s of 3 busy instances (15/s of 500 ms: 2.5 busy workers each): web-0
     * takes nothing new, finishes the requests it held (the log says how many) and leaves within their
     * 500 ms, 2 remain, and no request is lost; at one instance a removal is refused as the pipeline's.
     */
    @Test
    void aRemovedInstanceDrainsWithoutLosingARequest() {
        Network net = new Network(design(30, USERS.formatted(15) + "," + web(3, "{\"distribution\":\"constant\",\"meanMs\":500}"),
                "{\"from\":\"users\",\"to\":\"web\"}",
                "{\"atSeconds\":10,\"command\":\"remove-instance\",\"target\":\"web-0\"}"));
        net.runUntil(10.001);
        ServiceNode web = (ServiceNode) net.node("web");
        String draining = net.decisions().stream().filter(d -> d.contains("web-0 draining")).findFirst().orElseThrow();
        int held = Integer.parseInt(draining.replaceAll(".*; (\\d+) requests left\\)", "$1"));
        assertThat(held).isPositive();
        assertThat(web.instances).extracting(in -> in.name).contains("web-0");
        net.runUntil(10.501);
        assertThat(web.instances).extracting(in -> in.name).containsExactly("web-1", "web-2");
        net.run();
        assertThat(net.failed()).isZero();
        assertThat(web.instances()).isEqualTo(2);
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("web: remove-instance web-0: spec 3 -> 2"))
                .anyMatch(d -> d.contains("web: web-0 draining (chosen by the scaler; "));

        Network one = new Network(design(10, USERS.formatted(10) + "," + web(1, "{\"distribution\":\"constant\",\"meanMs\":10}"),
                "{\"from\":\"users\",\"to\":\"web\"}", "{\"atSeconds\":5,\"command\":\"remove-instance\"}"));
        one.run();
        assertThat(one.node("web").instances()).isEqualTo(1);
        assertThat(one.decisions()).anyMatch(d -> d.endsWith("remove-instance refused: the pool keeps at least one instance"));
    }

    /** error-instance web-0 0.3 on the only instance from 0 s: 30 % of requests fail (within 3 sd of the binomial). */
    @Test
    void anErroringInstanceFailsItsFraction() {
        Network net = new Network(design(100, USERS.formatted(100) + "," + web(1, "{\"distribution\":\"constant\",\"meanMs\":1}"),
                "{\"from\":\"users\",\"to\":\"web\"}", "{\"atSeconds\":0,\"command\":\"error-instance\",\"target\":\"web-0\","
                        + "\"value\":0.3}"));
        net.run();
        double n = net.failed() + net.completed();
        assertThat(n).isGreaterThan(9000);
        assertThat(net.failed() / n).isCloseTo(0.3, within(3 * Math.sqrt(0.3 * 0.7 / n)));
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("web: web-0 answers 30% of its requests with an error"));
    }

    /**
     * full-gc web-0 at 10 s on an idle instance with a parallel collector: it stops for exactly the
     * pause the same heap's collector gives a full collection, and the log says so.
     */
    @Test
    void aFullGcPausesTheInstanceForItsCollectorsPause() {
        String runtime = "\"runtime\":{\"collector\":\"parallel\",\"heapMb\":2048,\"youngMb\":64,\"allocationKbPerRequest\":256}";
        String svc = "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":4,\"queueCapacity\":100,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":1}," + runtime + "}}";
        Scenario s = design(20, USERS.formatted(0.001) + "," + svc, "{\"from\":\"users\",\"to\":\"web\"}",
                "{\"atSeconds\":10,\"command\":\"full-gc\",\"target\":\"web-0\"}");
        Network net = new Network(s);
        net.run();
        assertThat(net.arrivals("users")).isZero(); // idle: the heap is as it started
        long expected = new Heap(SectionConfigs.heap(s.topology().node("web").service().runtime()))
                .collectFull(Simulation.secondsToNanos(10), "requested (full-gc)").pauseNanos();
        assertThat(expected).isPositive();
        ServiceNode.Instance web0 = ((ServiceNode) net.node("web")).instances.get(0);
        assertThat(web0.resources.clock.pausedNanos(Simulation.secondsToNanos(20))).isEqualTo(expected);
        assertThat(net.decisions()).anyMatch(d -> d.endsWith("web: full-gc web-0"));
    }

    @Test
    void theSameTimelineAndSeedGiveTheSameRun() {
        Scenario s = design(60, USERS.formatted(200) + "," + web(2, "{\"distribution\":\"exponential\",\"meanMs\":30}"),
                "{\"from\":\"users\",\"to\":\"web\"}", "{\"atSeconds\":20,\"command\":\"kill-instance\",\"target\":\"web-1\"},"
                        + "{\"atSeconds\":25,\"command\":\"slow-instance\",\"target\":\"web-0\",\"value\":0.3},"
                        + "{\"atSeconds\":30,\"command\":\"error-instance\",\"target\":\"web-0\",\"value\":0.2},"
                        + "{\"atSeconds\":35,\"command\":\"add-instance\"},{\"atSeconds\":50,\"command\":\"remove-instance\"}");
        Network a = new Network(s);
        a.run();
        Network b = new Network(s);
        b.run();
        assertThat(a.reportJson()).isEqualTo(b.reportJson());
    }

    /** users 10/s → web → jobs (a queue) → worker of one worker at 50 ms: it keeps up with the flow, not with a burst. */
    private static Network jobs(String queue, String timeline) {
        String nodes = USERS.formatted(10) + "," + web(1, "{\"distribution\":\"constant\",\"meanMs\":1}") + ","
                + "{\"id\":\"jobs\",\"kind\":\"queue\",\"queue\":" + queue + "},"
                + "{\"id\":\"worker\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":1,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":50}}}";
        String edges = "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"jobs\",\"mode\":\"async\"},"
                + "{\"from\":\"jobs\",\"to\":\"worker\",\"mode\":\"async\"}";
        return new Network(design(120, nodes, edges, timeline));
    }

    private static MessagingNode box(Network net) {
        return (MessagingNode) net.node("jobs");
    }

    /**
     * publish-burst 500 at 10 s: the same run on the same seed has, just after, exactly 500 more
     * published and 499 or 500 more waiting (the free worker may take one at once); the worker
     * (20/s against 10/s) drains it in about 50 s, and by the end has taken exactly 500 more.
     */
    @Test
    void aBurstIsPublishedAtOnceAndEveryMessageIsConsumed() {
        Network plain = jobs("{}", "");
        Network burst = jobs("{}", "{\"atSeconds\":10,\"command\":\"publish-burst\",\"target\":\"jobs\",\"value\":500}");
        plain.runUntil(10.001);
        burst.runUntil(10.001);
        assertThat(box(burst).published - box(plain).published).isEqualTo(500);
        assertThat(box(burst).queued() - box(plain).queued()).isBetween(499, 500);
        assertThat(burst.decisions()).anyMatch(d -> d.endsWith("jobs: publish-burst jobs: 500 records"));
        plain.run();
        burst.run();
        assertThat(box(burst).queued()).isEqualTo(box(plain).queued());
        assertThat(burst.arrivals("worker") - plain.arrivals("worker")).isEqualTo(500);
        assertThat(box(burst).consumed() - box(plain).consumed()).isEqualTo(500);
        Network again = jobs("{}", "{\"atSeconds\":10,\"command\":\"publish-burst\",\"target\":\"jobs\",\"value\":500}");
        again.run();
        assertThat(again.report().toString()).isEqualTo(burst.report().toString()); // same seed, same run
    }

    /** A burst of 500 into a queue of capacity 100: what fits is published, the rest refused and logged as dropped. */
    @Test
    void whatDoesNotFitAFullQueueIsDropped() {
        Network plain = jobs("{\"capacity\":100}", "");
        Network burst = jobs("{\"capacity\":100}", "{\"atSeconds\":10,\"command\":\"publish-burst\",\"target\":\"jobs\",\"value\":500}");
        plain.runUntil(10.001);
        burst.runUntil(10.001);
        long sent = box(burst).published - box(plain).published;
        assertThat(box(burst).refused - box(plain).refused).isEqualTo(500 - sent);
        // Capacity counts what it holds, delivered-unanswered included: full at 100.
        assertThat(box(burst).queued() + box(burst).inService()).isEqualTo(100);
        assertThat(burst.decisions()).anyMatch(d -> d.endsWith("publish-burst jobs: " + sent + " records, " + (500 - sent)
                + " dropped: it is full"));
    }

    /**
     * poison at 10 s on a queue with maxReceives 3, whose consumer otherwise never fails: the next
     * message is delivered 3 times (2 more deliveries than the same run without poison) and dead-lettered.
     */
    @Test
    void aPoisonMessageIsRedeliveredUpToMaxReceivesThenDeadLettered() {
        String queue = "{\"visibilityTimeoutSeconds\":0.5,\"maxReceives\":3}";
        Network plain = jobs(queue, "");
        Network poisoned = jobs(queue, "{\"atSeconds\":10,\"command\":\"poison\",\"target\":\"jobs\"}");
        plain.run();
        poisoned.run();
        assertThat(box(plain).deadLetters()).isZero();
        assertThat(box(poisoned).deadLetters()).isEqualTo(1);
        assertThat(poisoned.arrivals("worker") - plain.arrivals("worker")).isEqualTo(2);
        assertThat(box(poisoned).consumed()).isEqualTo(box(plain).consumed() - 1);
        assertThat(poisoned.decisions()).anyMatch(d -> d.endsWith("poison jobs: the next record published always fails"));
    }

    /** publish-burst and poison take a drawn queue or topic by its id; another target is refused by its path. */
    @Test
    void aBurstOnAServiceIsRefusedByItsPath() {
        assertThatThrownBy(() -> jobs("{}", "{\"atSeconds\":1,\"command\":\"publish-burst\",\"target\":\"web\",\"value\":5}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("timeline[0].target")
                .hasMessageContaining("is no drawn queue or topic: publish-burst takes its id (jobs)");
        assertThatThrownBy(() -> jobs("{}", "{\"atSeconds\":1,\"command\":\"poison\",\"target\":\"nope\"}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("timeline[0].target");
    }

    /**
     * poison with key 3 on a topic read by two services (a group each), retry 3 attempts in order
     * then the dead-letter topic: the next record with key 3 fails 3 times in each group and is
     * dead-lettered once per group: 2 dead letters, and each service 2 more deliveries than the same
     * run without poison.
     */
    @Test
    void aPoisonRecordOnATopicFailsEveryGroup() {
        String worker = "{\"id\":\"%s\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":4,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":5}}}";
        String nodes = "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":20},"
                + "\"keys\":{\"distribution\":\"uniform\",\"count\":10}}},"
                + web(1, "{\"distribution\":\"constant\",\"meanMs\":1}") + ","
                + "{\"id\":\"orders\",\"kind\":\"topic\",\"topic\":{\"retry\":{\"maxAttempts\":3,\"backoffMs\":500,\"deadLetter\":true}}},"
                + worker.formatted("billing") + "," + worker.formatted("mail");
        String edges = "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"orders\",\"mode\":\"async\"},"
                + "{\"from\":\"orders\",\"to\":\"billing\",\"mode\":\"async\"},{\"from\":\"orders\",\"to\":\"mail\",\"mode\":\"async\"}";
        Network plain = new Network(design(60, nodes, edges, ""));
        Network poisoned = new Network(design(60, nodes, edges, "{\"atSeconds\":10,\"command\":\"poison\",\"target\":\"orders\",\"value\":3}"));
        plain.run();
        poisoned.run();
        TopicNode plainTopic = (TopicNode) plain.node("orders");
        TopicNode topic = (TopicNode) poisoned.node("orders");
        assertThat(plainTopic.deadLetters()).isZero();
        assertThat(topic.deadLetters()).isEqualTo(2);
        assertThat(topic.group("billing").deadLettered()).isEqualTo(1);
        assertThat(topic.group("mail").deadLettered()).isEqualTo(1);
        assertThat(poisoned.arrivals("billing") - plain.arrivals("billing")).isEqualTo(2);
        assertThat(poisoned.arrivals("mail") - plain.arrivals("mail")).isEqualTo(2);
        assertThat(poisoned.decisions()).anyMatch(d -> d.endsWith("poison orders: the next record with key 3 published always fails"));
    }

    /** Without a topology the pipeline's checks stand: publish-burst and poison need the events section. */
    @Test
    void thePipelineStillRefusesABurstWithoutAnEventsSection() {
        assertThatThrownBy(() -> ScenarioFiles.parse("{\"schema\":1,\"name\":\"plain\",\"seed\":7,\"durationSeconds\":10,"
                + "\"timeline\":[{\"atSeconds\":1,\"command\":\"poison\",\"target\":\"orders\"}]}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("timeline[0].command: poison acts on the events section, which this scenario does not have");
    }
}
