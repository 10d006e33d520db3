package dev.scalelab.world.network;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's plan meets its goals on seeds it never saw, is the leanest the formulas allow, and says why when none can. */
class PlannerTest {
    static Scenario design(int instances, String extraNode, String extraEdge) {
        return ScenarioFiles.parse("""
                {"schema":1,"name":"shop","seed":21,"durationSeconds":120,
                 "topology":{"nodes":[
                   {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":600}}},
                   {"id":"lb","kind":"balancer","balancer":{"strategy":"least-connections"}},
                   {"id":"web","kind":"service","service":{"instances":%d,"workersPerInstance":4,"queueCapacity":200,
                     "serviceTime":{"distribution":"exponential","meanMs":20}}}%s],
                  "edges":[{"from":"users","to":"lb"},{"from":"lb","to":"web"}%s]}}
                """.formatted(instances, extraNode, extraEdge));
    }

    @Test
    void anOverloadedDesignGetsTheLeanestCountThatMeetsItsGoalsOnUnseenSeeds() {
        Planner.Goals goals = new Planner.Goals(250, 0.001, 0);
        List<String> steps = new ArrayList<>();
        Planner.Plan plan = Planner.plan(design(2, "", ""), goals, steps::add, () -> false);
        assertThat(plan.met()).as(plan.why()).isTrue();
        assertThat(steps.get(0)).startsWith("measuring");
        // 600/s x 20 ms = 12 busy workers; 4 per instance at rho <= 0.9 needs 4 instances, a round of confirmation may add one.
        Planner.Change web = plan.changes().get(0);
        assertThat(web.node()).isEqualTo("web");
        assertThat(web.from()).isEqualTo(2);
        assertThat(web.to()).isBetween(4, 5);
        for (long seed = 9001; seed <= 9003; seed++) {
            Network n = new Network(plan.planned().withSeed(seed));
            n.run();
            assertThat(n.endToEnd().p99Ms()).isLessThanOrEqualTo(goals.p99Ms());
            assertThat(n.failed() / (double) (n.completed() + n.failed())).isLessThanOrEqualTo(goals.maxErrorRate());
        }
    }

    @Test
    void anOverProvisionedDesignIsTrimmed() {
        Planner.Plan plan = Planner.plan(design(20, "", ""), new Planner.Goals(250, 0.001, 0), s -> { }, () -> false);
        assertThat(plan.met()).isTrue();
        assertThat(plan.changes().get(0).to()).isBetween(4, 5);
        assertThat(plan.costPerHour()).isLessThan(20 * dev.scalelab.engine.scaling.InstanceSize.MEDIUM.costPerHour() / 3);
    }

    @Test
    void aGoalThatCapacityCannotBuyIsRefusedWithTheReason() {
        String api = ",{\"id\":\"pay\",\"kind\":\"external\",\"external\":{\"latency\":{\"distribution\":\"constant\",\"meanMs\":120}}}";
        Planner.Plan plan = Planner.plan(design(4, api, ",{\"from\":\"web\",\"to\":\"pay\"}"), new Planner.Goals(100, 0.001, 0),
                s -> { }, () -> false);
        assertThat(plan.met()).isFalse();
        assertThat(plan.why()).contains("p99").contains("pay answers at p99 120 ms").contains("change the design");
    }

    @Test
    void aBudgetTooSmallForTheLoadIsRefusedWithTheCost() {
        Planner.Plan plan = Planner.plan(design(2, "", ""), new Planner.Goals(250, 0.001, 0.05), s -> { }, () -> false);
        assertThat(plan.met()).isFalse();
        assertThat(plan.why()).contains("over the budget of $0.05/h");
    }

    /**
     * 600 req/s, 80 % writes of 5 ms each, on one shard whose nodes each run 2 queries at once: the
     * primary would need 480 × 0.005 = 2.4 busy connections of its 2, which no replica can take (a
     * replica applies every write too). The plan shards the database (2 shards: 1.2 of 2 each, ρ 0.6)
     * and adds no replica, and the plan meets the goals on seeds it never saw.
     */
    @Test
    void aDatabaseBoundByItsWritesGetsShardsNotReplicas() {
        String db = ",{\"id\":\"orders\",\"kind\":\"database\",\"database\":{\"sharding\":{\"shards\":1},\"replicasPerShard\":1,"
                + "\"connectionLimit\":2,\"readServiceTime\":{\"distribution\":\"constant\",\"meanMs\":1},"
                + "\"writeServiceTime\":{\"distribution\":\"constant\",\"meanMs\":5}}}";
        Scenario writes = ScenarioFields.with(design(6, db, ",{\"from\":\"web\",\"to\":\"orders\"}"),
                "topology.nodes[0].workload.readRatio", 0.2);
        Planner.Goals goals = new Planner.Goals(250, 0.001, 0);
        Planner.Plan plan = Planner.plan(writes, goals, s -> { }, () -> false);
        assertThat(plan.met()).as(plan.why()).isTrue();
        assertThat(plan.changes()).extracting(Planner.Change::sentence).contains("orders: shards 1 → 2")
                .noneMatch(c -> c.startsWith("orders: read replicas"));
        for (long seed = 9001; seed <= 9003; seed++) {
            Network n = new Network(plan.planned().withSeed(seed));
            n.run();
            assertThat(n.endToEnd().p99Ms()).isLessThanOrEqualTo(goals.p99Ms());
            assertThat(n.failed() / (double) (n.completed() + n.failed())).isLessThanOrEqualTo(goals.maxErrorRate());
        }
    }

    /**
     * Each request holds a worker for its 20 ms of work and its 20 ms read, and a connection of its
     * instance's pool for the read. The 24 workers are all busy (600/s × 40 ms = 24), waiting mostly
     * for the one connection of each pool. Waiting for a connection is the pool's shortage, so the
     * plan takes the waits out of the workers' hold: 7 instances (24 / (4 × 0.9) = 6.7), and pools of
     * ⌈600 × 0.02 / 7 / 0.9⌉ = 2 (a round of confirmation may add one), not the 14 instances the
     * workers' whole hold (80 ms) would ask for.
     */
    @Test
    void aPoolTooSmallForItsQueriesIsSizedByLittlesLaw() {
        String db = ",{\"id\":\"orders\",\"kind\":\"database\",\"database\":{\"sharding\":{\"shards\":1},\"replicasPerShard\":0,"
                + "\"connectionLimit\":100,\"readServiceTime\":{\"distribution\":\"constant\",\"meanMs\":20}}}";
        Scenario pooled = ScenarioFields.with(ScenarioFields.with(design(6, db, ",{\"from\":\"web\",\"to\":\"orders\"}"),
                "topology.nodes[0].workload.readRatio", 1.0), "topology.nodes[2].service.connectionPool.maximumPoolSize", 1L);
        pooled = ScenarioFields.with(pooled, "topology.nodes[2].service.connectionPool.minimumIdle", 1L);
        Planner.Goals goals = new Planner.Goals(250, 0.001, 0);
        Planner.Plan plan = Planner.plan(pooled, goals, s -> { }, () -> false);
        assertThat(plan.met()).as(plan.why()).isTrue();
        Planner.Change pool = plan.changes().stream().filter(c -> c.what().equals("connections per pool")).findFirst().orElseThrow();
        assertThat(pool.from()).isEqualTo(1);
        assertThat(pool.to()).isBetween(2, 3);
        Planner.Change web = plan.changes().stream().filter(c -> c.what().equals("instances")).findFirst().orElseThrow();
        assertThat(web.to()).isBetween(7, 8);
        for (long seed = 9001; seed <= 9003; seed++) {
            Network n = new Network(plan.planned().withSeed(seed));
            n.run();
            assertThat(n.failed() / (double) (n.completed() + n.failed())).isLessThanOrEqualTo(goals.maxErrorRate());
        }
    }

    /**
     * 600 records a second on a topic of 2 partitions, consumed by one instance taking 6 ms a record:
     * a member processes one record at a time whatever its workers, so it keeps up with 167 a second
     * and the lag grows. The group needs ⌈600 × 0.006 / 0.9⌉ = 4 consumers, and a group uses at most
     * one per partition, so the topic gets 4 partitions; run on seeds the plan never saw, the group
     * keeps up: the median record goes from publish to processed in M/M/1's time at ρ 0.9 on each
     * partition, ln 2 / (166.7 − 150) s = 42 ms (measured 59 to 75 ms, asserted under 100: the group's
     * start, a rebalance of 2 s, leaves a backlog that a sixth of the records wait behind while the
     * spare 10 % drains it), where it waited half a minute and more before; and it has processed all
     * but the last moments' records by the end.
     */
    @Test
    void aLaggingConsumerGroupGetsConsumersAndThePartitionsToUseThem() {
        Scenario events = ScenarioFiles.parse("""
                {"schema":1,"name":"feed","seed":4,"durationSeconds":120,
                 "topology":{"nodes":[
                   {"id":"producer","kind":"clients","workload":{"arrival":{"ratePerSecond":600},"readRatio":0,
                     "keys":{"distribution":"uniform","count":5000}}},
                   {"id":"events","kind":"topic","topic":{"partitions":2}},
                   {"id":"worker","kind":"service","service":{"instances":1,"workersPerInstance":4,"bootSeconds":10,
                     "serviceTime":{"distribution":"exponential","meanMs":6}}}],
                  "edges":[{"from":"producer","to":"events","mode":"async"},{"from":"events","to":"worker","mode":"async"}]}}
                """);
        Network before = new Network(events);
        before.run();
        assertThat(before.report().get("nodes").get("events").get("groups").get("worker").get("lag").asLong()).isGreaterThan(40_000);
        assertThat(before.report().get("nodes").get("events").get("endToEndMs").get("p50").asDouble()).isGreaterThan(30_000);
        Planner.Plan plan = Planner.plan(events, new Planner.Goals(250, 0.001, 0), s -> { }, () -> false);
        assertThat(plan.met()).as(plan.why()).isTrue();
        assertThat(plan.changes()).extracting(Planner.Change::sentence)
                .containsExactly("events: partitions 2 → 4", "worker: consumers 1 → 4");
        for (long seed = 9001; seed <= 9003; seed++) {
            Network n = new Network(plan.planned().withSeed(seed));
            n.run();
            com.fasterxml.jackson.databind.JsonNode topic = n.report().get("nodes").get("events");
            assertThat(topic.get("endToEndMs").get("p50").asDouble()).isLessThan(100);
            assertThat(topic.get("consumed").asLong()).isGreaterThan(topic.get("published").asLong() - 100);
        }
    }
}
