package dev.scalelab.world.network;

import dev.scalelab.world.Scenario;
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
                .hasMessage("timeline[0]: set service.instances: a drawn system sets only its traffic yet (workload.arrival.ratePerSecond, "
                        + "workload.readRatio, with one clients node); its timeline also takes the faults kill-instance, slow-instance, "
                        + "flush-cache, expire-key, fail-cache-level, kill-primary, error-rate, latency, outage");
        assertThatThrownBy(() -> new Network(design(10, nodes, edges,
                "{\"atSeconds\":5,\"command\":\"kill-instance\",\"target\":\"i-0\"}")))
                .hasMessage("timeline[0].target: \"i-0\" is no instance of a drawn service: an instance is its service's id and its "
                        + "number (web-0)");
        assertThatThrownBy(() -> new Network(design(10, nodes, edges, "{\"atSeconds\":5,\"command\":\"add-shard\"}")))
                .hasMessageStartingWith("timeline[0].command: add-shard is not run on a drawn system yet");
    }

    @Test
    void theSameTimelineAndSeedGiveTheSameRun() {
        Scenario s = design(60, USERS.formatted(200) + "," + web(2, "{\"distribution\":\"exponential\",\"meanMs\":30}"),
                "{\"from\":\"users\",\"to\":\"web\"}", "{\"atSeconds\":20,\"command\":\"kill-instance\",\"target\":\"web-1\"},"
                        + "{\"atSeconds\":25,\"command\":\"slow-instance\",\"target\":\"web-0\",\"value\":0.3}");
        Network a = new Network(s);
        a.run();
        Network b = new Network(s);
        b.run();
        assertThat(a.reportJson()).isEqualTo(b.reportJson());
    }
}
