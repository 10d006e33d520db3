package dev.scalelab.runtime;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A drawn service as a panel's run: its view, and the panel's commands as the node's, or refused naming them. */
class NodeRunTest {
    /** users → api (4 instances, the default service) → db: paused, so the commands run from t = 0.001 s on, a millisecond apart. */
    private static final Scenario DESIGN = Scenario.DEFAULT.withTopology(new Topology(
            List.of(Topology.Node.of("users", NodeKind.CLIENTS), Topology.Node.of("api", NodeKind.SERVICE),
                    Topology.Node.of("db", NodeKind.DATABASE)),
            List.of(Topology.Edge.of("users", "api", EdgeMode.SYNC), Topology.Edge.of("api", "db", EdgeMode.SYNC))))
            .withDurationSeconds(20);

    @Test
    void thePanelsCommandsAreTheNodesAndWhatItCannotTakeIsRefused() throws Exception {
        try (DesignRun run = new DesignRun(DESIGN)) {
            run.setPaused(true);
            run.start();
            NodeRun api = new NodeRun(run, "api");
            assertEquals("api", api.latest().snapshot().current().name());
            assertEquals(4, api.latest().snapshot().instances().size());
            assertEquals("api-3", api.latest().snapshot().instances().get(3).id());
            assertTrue(api.watching());

            api.act(Action.ADD_INSTANCE, null, null, 0);
            api.act(Action.KILL_INSTANCE, "api-1", null, 0);
            api.set(Parameter.of("autoscaler.maxReplicas"), 9);
            waitUntil(() -> run.commandsRun().size() == 3);
            // A change and an action given together may run in either order (the run takes changes first in a slice).
            List<Scenario.TimelineEntry> ran = run.commandsRun();
            Scenario.TimelineEntry added = ran.stream().filter(e -> e.command().equals("add-instance")).findFirst().orElseThrow();
            Scenario.TimelineEntry killed = ran.stream().filter(e -> e.command().equals("kill-instance")).findFirst().orElseThrow();
            Scenario.TimelineEntry set = ran.stream().filter(e -> e.command().equals("set")).findFirst().orElseThrow();
            assertEquals("api", added.target());
            assertEquals("api-1", killed.target());
            assertEquals("nodes.api.autoscaler.maxReplicas", set.path());
            assertEquals(9, set.value());
            assertTrue(ran.indexOf(added) < ran.indexOf(killed), "the actions in the order given");
            waitUntil(() -> api.latest().snapshot().scaling().specReplicas() == 5
                    && api.latest().snapshot().current().autoscaler().maxReplicas() == 9);
            assertNull(api.takeRefusal());

            api.set(Parameter.of("workload.arrival.ratePerSecond"), 900.0);
            assertEquals("workload.arrival.ratePerSecond: not a field of the drawn service api (its fields are under service, "
                    + "autoscaler and verticalScaler)", api.takeRefusal());
            api.act(Action.FLUSH_CACHE, null, null, 0);
            assertEquals("flush-cache: not an action the drawn service api takes from this panel", api.takeRefusal());
            // An instance that is not running is the run's to say, as a timeline's would be: the node's log says so.
            api.act(Action.KILL_INSTANCE, "api-77", null, 0);
            waitUntil(() -> api.latest().snapshot().recentLog().stream()
                    .anyMatch(e -> e.message().equals("kill-instance api-77: no such running instance")));
            api.set(Parameter.of("autoscaler.minReplicas"), 50); // above maxReplicas 9: the node's check refuses it
            String conflict = api.takeRefusal();
            assertTrue(conflict.startsWith("nodes.api.autoscaler.minReplicas: "), conflict);
            assertEquals(4, run.commandsRun().size(), "nothing refused was recorded (the kill of api-77 ran, and did nothing)");

            ScenarioException notAPart = assertThrows(ScenarioException.class, () -> new NodeRun(run, "users"));
            assertEquals("nodes.users: users is of kind clients: a service's pool, a cache box's or a CDN's levels, a database's shards, an "
                    + "external API's callers' sidecars, a topic's or a queue's consumers or a balancer's picks are watched",
                    notAPart.getMessage());
            api.stop();
            waitUntil(() -> run.watched("api") == null);
        }
    }

    /**
     * The Resilience panel on a drawn external API: its dependencies are the edges calling it through a
     * sidecar (checkout's is edge 2, refunds' edge 3), a sidecar setting becomes that edge's field, a
     * fault the API's timeline command; the API's own fields and other panels' commands are refused.
     */
    @Test
    void anExternalApisPanelSetsItsCallersSidecarsAndFaultsTheApi() throws Exception {
        Scenario design = dev.scalelab.world.ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.CALLED);
        try (DesignRun run = new DesignRun(design)) {
            run.setPaused(true);
            run.start();
            NodeRun pay = new NodeRun(run, "pay");
            assertEquals(List.of("checkout->pay", "refunds->pay"),
                    pay.latest().snapshot().current().dependencies().stream().map(Scenario.Dependency::name).toList());
            assertNull(pay.latest().snapshot().current().dependencies().get(1).breaker());

            pay.setDependencyField("dependencies[1].breaker.mode", "resilience4j");
            pay.setDependencyField("dependencies[0].retry.maxAttempts", 5);
            pay.act(Action.OUTAGE, "refunds->pay", null, 10);
            waitUntil(() -> run.commandsRun().size() == 3);
            List<Scenario.TimelineEntry> ran = run.commandsRun();
            assertTrue(ran.stream().anyMatch(e -> e.command().equals("set") && e.path().equals("edges[3].breaker.mode")
                    && e.value().equals("resilience4j")), ran.toString());
            assertTrue(ran.stream().anyMatch(e -> e.command().equals("set") && e.path().equals("edges[2].retry.maxAttempts")
                    && e.value().equals(5)), ran.toString());
            Scenario.TimelineEntry outage = ran.stream().filter(e -> e.command().equals("outage")).findFirst().orElseThrow();
            assertEquals("pay", outage.target());
            assertEquals(10, outage.durationSeconds());
            assertNull(pay.takeRefusal());
            run.setPaused(false);
            waitUntil(() -> {
                var deps = pay.latest().snapshot().current().dependencies();
                return deps.get(1).breaker() != null && deps.get(0).retry().maxAttempts() == 5
                        && pay.latest().snapshot().dependencies().get(0).activeFaults().size() == 1;
            });
            run.setPaused(true);
            assertEquals("resilience4j", pay.latest().snapshot().current().dependencies().get(1).breaker().mode());

            pay.setDependencyField("dependencies[0].errorRate", 0.5);
            assertEquals("dependencies[0].errorRate: errorRate is the drawn external pay's own or the edge's share, not the "
                    + "sidecar's: set it in the inspector (this panel sets the breaker, retries, timeout and bulkhead of the edge "
                    + "checkout->pay)", pay.takeRefusal());
            pay.setDependencyField("dependencies[2].timeoutMs", 100.0);
            assertEquals("dependencies[2].timeoutMs: no dependency of the drawn external pay has this index (its dependencies are "
                    + "the edges calling it through a sidecar: 2)", pay.takeRefusal());
            pay.set(Parameter.of("autoscaler.maxReplicas"), 9);
            assertEquals("autoscaler.maxReplicas: not a field of the drawn external pay (the Resilience panel sets the sidecars of "
                    + "the edges that call it)", pay.takeRefusal());
            pay.act(Action.ADD_INSTANCE, null, null, 0);
            assertEquals("add-instance: not an action the drawn external pay takes from this panel", pay.takeRefusal());
            pay.setDependencyField("dependencies[0].retry.maxAttempts", 0); // below 1: the edge's check refuses it
            String below = pay.takeRefusal();
            assertTrue(below != null && below.startsWith("edges[2].retry.maxAttempts"), below);
            assertEquals(3, run.commandsRun().size(), "nothing refused was recorded");
        }
    }

    /**
     * The Events panel on a drawn topic (orders, read by billing's and audit's groups): the topic's
     * fields are the box's, a group's consumers its service's instances; a group setting, shared by the
     * box's two groups, is refused, as are its error rate and the producers; a burst and a poison name
     * the topic, a crash the group's service.
     */
    @Test
    void aTopicsPanelSetsTheBoxAndItsConsumersServicesAndActsOnThem() throws Exception {
        Scenario design = dev.scalelab.world.ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.PUBLISHED);
        try (DesignRun run = new DesignRun(design)) {
            run.setPaused(true);
            run.start();
            NodeRun orders = new NodeRun(run, "orders");
            assertEquals(List.of("billing", "audit"), orders.latest().snapshot().current().events().groups().stream()
                    .map(dev.scalelab.world.EventStreams.Group::name).toList());
            orders.set(Parameter.of("events.topics[0].partitions"), 8);
            orders.set(Parameter.of("events.groups[0].consumers"), 4);
            orders.act(Action.PUBLISH_BURST, "orders", 500.0, 0);
            orders.act(Action.POISON, "orders", null, 0);
            orders.act(Action.CRASH_CONSUMER, "audit", null, 0);
            waitUntil(() -> run.commandsRun().size() == 5);
            List<Scenario.TimelineEntry> ran = run.commandsRun();
            assertTrue(ran.stream().anyMatch(e -> e.command().equals("set") && e.path().equals("nodes.orders.topic.partitions")
                    && e.value().equals(8)), ran.toString());
            assertTrue(ran.stream().anyMatch(e -> e.command().equals("set") && e.path().equals("nodes.billing.service.instances")
                    && e.value().equals(4)), ran.toString());
            List<String> actions = ran.stream().filter(e -> !e.command().equals("set")).map(e -> e.command() + " " + e.target()).toList();
            assertEquals(List.of("publish-burst orders", "poison orders", "crash-consumer audit"), actions);
            assertEquals(500.0, ((Number) ran.stream().filter(e -> e.command().equals("publish-burst")).findFirst().orElseThrow()
                    .value()).doubleValue());
            assertNull(orders.takeRefusal());
            waitUntil(() -> orders.latest().snapshot().events().topics().get(0).partitions().size() == 8
                    && orders.latest().snapshot().current().events().groups().get(0).consumers() == 4
                    && orders.latest().snapshot().events().topics().get(0).published() >= 500);

            orders.set(Parameter.of("events.groups[0].commit"), Parameter.of("events.groups[0].commit").parse("events.groups[0].commit", "after-processing"));
            assertEquals("events.groups[0].commit: the group settings are orders's, shared by its 2 groups: set "
                    + "nodes.orders.topic.commit in the inspector to change them all", orders.takeRefusal());
            orders.set(Parameter.of("events.groups[0].errorRate"), 0.1);
            assertEquals("events.groups[0].errorRate: a record fails on a drawing when billing answers it with an error: give "
                    + "billing's instances errors on the canvas (a right-click on billing)", orders.takeRefusal());
            orders.set(Parameter.of("events.producers[0].ratePerSecond"), 10.0);
            assertEquals("events.producers[0].ratePerSecond: not a field of the drawn topic orders (its producers are the edges "
                    + "into it, set on their services; it has no work queue)", orders.takeRefusal());
            orders.act(Action.FLUSH_CACHE, null, null, 0);
            assertEquals("flush-cache: not an action the drawn topic orders takes from this panel", orders.takeRefusal());
            assertEquals(5, run.commandsRun().size(), "nothing refused was recorded");
        }
    }

    /** The Events panel on a drawn queue: the box's delivery fields, its service's processing time; a crash and its consumers refused. */
    @Test
    void aQueuesPanelSetsTheBoxAndItsServiceAndRefusesWhatADrawingHasNot() throws Exception {
        Scenario design = dev.scalelab.world.ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.QUEUED);
        try (DesignRun run = new DesignRun(design)) {
            run.setPaused(true);
            run.start();
            NodeRun jobs = new NodeRun(run, "jobs");
            assertEquals(8, jobs.latest().snapshot().current().events().queues().get(0).consumers());
            jobs.set(Parameter.of("events.queues[0].visibilityTimeoutSeconds"), 12.0);
            jobs.set(Parameter.of("events.queues[0].maxReceiveCount"), 5);
            jobs.set(Parameter.of("events.queues[0].processingTime.meanMs"), 30.0);
            jobs.act(Action.PUBLISH_BURST, "jobs", 100.0, 0);
            waitUntil(() -> run.commandsRun().size() == 4);
            List<String> ran = run.commandsRun().stream().map(e -> e.command().equals("set") ? e.path() + "=" + e.value()
                    : e.command() + " " + e.target()).sorted().toList();
            assertEquals(List.of("nodes.jobs.queue.maxReceives=5", "nodes.jobs.queue.visibilityTimeoutSeconds=12.0",
                    "nodes.worker.service.serviceTime.meanMs=30.0", "publish-burst jobs"), ran);
            assertNull(jobs.takeRefusal());
            waitUntil(() -> jobs.latest().snapshot().current().events().queues().get(0).visibilityTimeoutSeconds() == 12.0
                    && jobs.latest().snapshot().current().events().queues().get(0).processingTime().meanMs() == 30.0);

            jobs.set(Parameter.of("events.queues[0].consumers"), 4);
            assertEquals("events.queues[0].consumers: the consumers of jobs are worker's workers (8 now: its instances times their "
                    + "workers): set worker's instances or workers in the inspector", jobs.takeRefusal());
            jobs.act(Action.CRASH_CONSUMER, "jobs", null, 0);
            assertEquals("crash-consumer: a consumer of the drawn queue jobs is a worker of the service it feeds, and a drawing "
                    + "crashes consumers of topics only: kill one of that service's instances instead (a right-click on it on the canvas)",
                    jobs.takeRefusal());
            jobs.set(Parameter.of("events.topics[0].partitions"), 4);
            assertEquals("events.topics[0].partitions: not a field of the drawn queue jobs (its producers are the edges into it, "
                    + "set on their services; it has no topic)", jobs.takeRefusal());
            assertEquals(4, run.commandsRun().size(), "nothing refused was recorded");
        }
    }

    /**
     * The Load balancing panel on a drawn balancer (lb, round robin in front of web's three instances):
     * its balancer settings are the box's ({@code nodes.lb.balancer.strategy}), its instance actions name
     * web's instance; the pool's fields, a pool action, an instance action without an instance, and a weight
     * where the strategy reads none are refused, naming them.
     */
    @Test
    void aBalancersPanelSetsTheBoxAndActsOnTheInstancesOfThePoolItShows() throws Exception {
        Scenario design = dev.scalelab.world.ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.BALANCED);
        try (DesignRun run = new DesignRun(design)) {
            run.setPaused(true);
            run.start();
            NodeRun lb = new NodeRun(run, "lb");
            assertEquals(List.of("web-0", "web-1", "web-2"), lb.latest().snapshot().instances().stream()
                    .map(dev.scalelab.world.Snapshot.InstanceView::id).toList());
            assertEquals("round-robin", lb.latest().snapshot().balancer().strategy());
            assertEquals("", lb.scope());

            lb.set(Parameter.of("balancer.strategy"), "smooth-weighted-round-robin");
            lb.set(Parameter.of("balancer.outlierConsecutiveErrors"), 3);
            lb.act(Action.SLOW_INSTANCE, "web-2", 0.25, 0);
            lb.act(Action.ERROR_INSTANCE, "web-1", 0.5, 0);
            waitUntil(() -> run.commandsRun().size() == 4);
            List<String> ran = run.commandsRun().stream().map(e -> e.command().equals("set") ? e.path() + "=" + e.value()
                    : e.command() + " " + e.target() + " " + e.value()).sorted().toList();
            assertEquals(List.of("error-instance web-1 0.5", "nodes.lb.balancer.outlierConsecutiveErrors=3",
                    "nodes.lb.balancer.strategy=smooth-weighted-round-robin", "slow-instance web-2 0.25"), ran);
            assertNull(lb.takeRefusal());
            waitUntil(() -> lb.latest().snapshot().balancer().strategy().equals("smooth-weighted-round-robin")
                    && lb.latest().snapshot().current().balancer().outlierConsecutiveErrors() == 3
                    && lb.latest().snapshot().instances().get(2).speedFactor() == 0.25);

            lb.set(Parameter.of("service.instances"), 5);
            assertEquals("service.instances: not a field of the drawn balancer lb (its fields are under balancer; the instances it "
                    + "picks from are web's, set on web)", lb.takeRefusal());
            lb.act(Action.ADD_INSTANCE, null, null, 0);
            assertEquals("add-instance: not an action the drawn balancer lb takes from this panel", lb.takeRefusal());
            lb.act(Action.KILL_INSTANCE, null, null, 0);
            assertEquals("kill-instance: names an instance of web (select one in the live view)", lb.takeRefusal());
            lb.set(Parameter.of("balancer.strategy"), "round-robin");
            waitUntil(() -> lb.latest().snapshot().balancer().strategy().equals("round-robin"));
            lb.act(Action.WEIGHT_INSTANCE, "web-1", 3.0, 0);
            // Round robin reads no weights: the run's own check refuses it, naming the strategies that do.
            assertEquals("weight-instance web-1: target: \"web-1\": weight-instance needs a balancer with weights in front of web "
                    + "(smooth-weighted-round-robin, weighted-random, least-request), and web has none: its instances are picked "
                    + "without weights", lb.takeRefusal());
            assertEquals(5, run.commandsRun().size(), "nothing refused was recorded");
        }
    }

    /** A balancer in front of two services: its window shows its first edge's pool, and says so. */
    @Test
    void aBalancerInFrontOfTwoServicesShowsItsFirstEdgesPoolAndSaysSo() throws Exception {
        Scenario design = dev.scalelab.world.ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.BALANCED
                .replace("\"nodes\":[", "\"nodes\":[{\"id\":\"admin\",\"kind\":\"service\"},")
                .replace("{\"from\":\"lb\",\"to\":\"web\"}", "{\"from\":\"lb\",\"to\":\"web\"},{\"from\":\"lb\",\"to\":\"admin\"}"));
        try (DesignRun run = new DesignRun(design)) {
            run.setPaused(true);
            run.start();
            NodeRun lb = new NodeRun(run, "lb");
            assertEquals("lb spreads its requests over web, admin by its edges' weights, with a strategy of its own for each: this "
                    + "panel shows its picks within web, its first edge", lb.scope());
            assertEquals(3, lb.latest().snapshot().instances().size());
            assertEquals("web-0", lb.latest().snapshot().instances().get(0).id());
        }
    }

    /**
     * Two panels on one run at once: api's pool and db's shards, each its own box's view, both following
     * the run; stopping api's leaves db's watched and following, and api's last view stands.
     */
    @Test
    void twoPanelsWatchTheirOwnBoxesAtOnceAndStoppingOneLeavesTheOther() throws Exception {
        try (DesignRun run = new DesignRun(DESIGN)) {
            run.setPaused(true);
            run.start();
            NodeRun api = new NodeRun(run, "api");
            NodeRun db = new NodeRun(run, "db");
            assertEquals(java.util.Set.of("api", "db"), run.watchedIds());
            assertEquals("api", api.latest().snapshot().current().name());
            assertEquals(4, api.latest().snapshot().instances().size());
            assertNull(api.latest().snapshot().data());
            assertEquals("db", db.latest().snapshot().current().name());
            assertEquals(DESIGN.topology().node("db").database().shards(), db.latest().snapshot().data().router().shardCount());
            assertNull(db.latest().snapshot().scaling());
            run.setPaused(false);
            waitUntil(() -> api.latest().snapshot().timeSeconds() > 2 && db.latest().snapshot().timeSeconds() > 2);
            // Each is its box's own second: api's arrivals are the users', db's queries what api sends it.
            waitUntil(() -> api.latest().snapshot().series().size() >= 2 && db.latest().snapshot().data().queriesPerSecond().length >= 2);
            assertTrue(last(api.latest().snapshot().series().offeredPerSecond()) > 0);
            assertTrue(last(db.latest().snapshot().data().queriesPerSecond()) > 0);

            api.stop();
            api.stop(); // once: db's watch is not touched
            waitUntil(() -> run.watchedIds().equals(java.util.Set.of("db")));
            assertTrue(db.watching());
            assertTrue(!api.watching());
            Frame apiLast = api.latest();
            double dbAt = db.latest().snapshot().timeSeconds();
            waitUntil(() -> db.latest().snapshot().timeSeconds() > dbAt + 1);
            assertTrue(api.latest() == apiLast, "api's last view stands");
            db.stop();
            waitUntil(() -> run.watchedIds().isEmpty());
        }
    }

    /**
     * The Caching panel on a drawn CDN: its one level is the edge, whose capacity, policy and TTL are the
     * box's cdn fields; flushes and a level's failure name the box or its edge. A write policy, the
     * coalescing switch, a second level, a policy a CDN has not and the clients' keys are refused, naming why.
     */
    @Test
    void aCdnsCachingPanelSetsItsEdgeAndRefusesWhatACdnHasNot() throws Exception {
        Scenario design = dev.scalelab.world.ScenarioFiles.parse(dev.scalelab.world.network.NodeWatchTestDesigns.FRONTED);
        try (DesignRun run = new DesignRun(design)) {
            run.setPaused(true);
            run.start();
            NodeRun cdn = new NodeRun(run, "cdn");
            Scenario.CacheLevel edge = cdn.latest().snapshot().current().cache().levels().get(0);
            assertEquals(new Scenario.CacheLevel("edge", "shared", 1000, "lru", 20, 0, 2), edge);
            cdn.set(Parameter.of("cache.levels[0].capacity"), 2000);
            cdn.set(Parameter.of("cache.levels[0].policy"), "w-tinylfu");
            cdn.set(Parameter.of("cache.levels[0].ttlSeconds"), 60.0);
            cdn.act(Action.FLUSH_CACHE, null, null, 0);
            cdn.act(Action.FLUSH_CACHE, "edge", null, 0);
            cdn.act(Action.FAIL_CACHE_LEVEL, "edge", null, 0);
            cdn.act(Action.EXPIRE_KEY, null, 0.0, 0);
            waitUntil(() -> run.commandsRun().size() == 7);
            assertNull(cdn.takeRefusal());
            List<String> ran = run.commandsRun().stream().map(e -> e.command().equals("set") ? e.path() + "=" + e.value()
                    : e.command() + " " + e.target()).sorted().toList();
            assertEquals(List.of("expire-key null", "fail-cache-level cdn/edge", "flush-cache cdn", "flush-cache cdn/edge",
                    "nodes.cdn.cdn.capacity=2000", "nodes.cdn.cdn.policy=w-tinylfu", "nodes.cdn.cdn.ttlSeconds=60.0"), ran);
            waitUntil(() -> cdn.latest().snapshot().current().cache().levels().get(0)
                    .equals(new Scenario.CacheLevel("edge", "shared", 2000, "w-tinylfu", 60, 0, 2)));
            assertEquals(2000, cdn.latest().snapshot().cache().levels().get(0).capacity());
            waitUntil(() -> cdn.latest().snapshot().recentLog().stream().anyMatch(e -> e.message().equals("flushed edge")));

            cdn.set(Parameter.of("cache.writePolicy"), "write-through");
            assertEquals("cache.writePolicy: the drawn cdn cdn caches what is read: a write goes past it to its origin, so it has no "
                    + "write policy", cdn.takeRefusal());
            cdn.set(Parameter.of("cache.coalesce"), false);
            assertEquals("cache.coalesce: concurrent misses of one object at the drawn cdn cdn always share one fetch from its origin: "
                    + "it has no switch for it", cdn.takeRefusal());
            cdn.set(Parameter.of("cache.levels[1].capacity"), 500);
            assertEquals("cache.levels[1].capacity: the drawn cdn cdn has one level, its edge (cache.levels[0])", cdn.takeRefusal());
            cdn.set(Parameter.of("workload.keys.alpha"), 1.2);
            assertEquals("workload.keys.alpha: not a field of the drawn cdn cdn (its fields are its edge's, cache.levels[0]; the keys "
                    + "are its clients' traffic, set on the clients box)", cdn.takeRefusal());
            cdn.set(Parameter.of("cache.levels[0].policy"), "clock"); // a cache level's policy a CDN's edge has not: its check refuses it
            String clock = cdn.takeRefusal();
            assertTrue(clock != null && clock.startsWith("cache.levels[0].policy (nodes.cdn.cdn.policy): "), clock);
            cdn.act(Action.ADD_INSTANCE, null, null, 0);
            assertEquals("add-instance: not an action the drawn cdn cdn takes from this panel", cdn.takeRefusal());
            assertEquals(7, run.commandsRun().size(), "nothing refused was recorded");
        }
    }

    private static double last(double[] series) {
        return series[series.length - 1];
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
