package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.engine.caching.CheApproximation;
import dev.scalelab.sim.KeySampler;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each kind of box runs its engine: caches against Che's approximation, a CDN's TTL, retries, quotas, breakers, queues. */
class NodeKindsTest {
    static Scenario design(double seconds, String nodes, String edges) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"kinds\",\"seed\":5,\"durationSeconds\":" + seconds
                + ",\"topology\":{\"nodes\":[" + nodes + "],\"edges\":[" + edges + "]}}");
    }

    static final String USERS = "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":%s},"
            + "\"keys\":{\"distribution\":\"zipf\",\"alpha\":0.9,\"count\":10000},\"readRatio\":%s}}";
    static final String WEB = "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":4,\"workersPerInstance\":64,"
            + "\"queueCapacity\":1000,\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":2}}}";

    static JsonNode node(Network net, String id) {
        return net.report().get("nodes").get(id);
    }

    @Test
    void aCacheBoxHitsAsChePredictsForLruOfItsSize() {
        Network net = new Network(design(600, USERS.formatted(200, 1) + "," + WEB + ","
                        + "{\"id\":\"redis\",\"kind\":\"cache\",\"cache\":{\"levels\":[{\"name\":\"L1\",\"capacity\":1000,"
                        + "\"policy\":\"lru\",\"ttlSeconds\":1000000,\"latencyMs\":0.5}]}},"
                        + "{\"id\":\"db\",\"kind\":\"database\"}",
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"redis\"},{\"from\":\"redis\",\"to\":\"db\"}"));
        net.run();
        double che = CheApproximation.lruHitRatio(CheApproximation.probabilities(new KeySampler.Zipf(0.9, 10_000)), 1000);
        assertThat(node(net, "redis").get("hitRatio").asDouble()).isCloseTo(che, within(0.02));
        // Every miss, and only a miss, reads the database.
        assertThat(net.arrivals("db")).isEqualTo(node(net, "redis").get("storeLoads").asLong());
        assertThat(net.failed()).isZero();
    }

    /**
     * A cache box with no database behind it loads from its plain store, as the pipeline's cache
     * without a database does: a miss costs the store's latency (constant 40 ms here) on top of the
     * level's, so the box's mean response is 0.5 ms + (1 − hit ratio) × 40 ms.
     */
    @Test
    void aCacheBoxWithNoDatabaseLoadsFromItsPlainStore() {
        Network net = new Network(design(600, USERS.formatted(200, 1) + "," + WEB + ","
                        + "{\"id\":\"redis\",\"kind\":\"cache\",\"cache\":{\"levels\":[{\"name\":\"L1\",\"capacity\":1000,"
                        + "\"policy\":\"lru\",\"ttlSeconds\":1000000,\"latencyMs\":0.5}],"
                        + "\"storeLatency\":{\"distribution\":\"constant\",\"meanMs\":40}}}",
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"redis\"}"));
        net.run();
        double che = CheApproximation.lruHitRatio(CheApproximation.probabilities(new KeySampler.Zipf(0.9, 10_000)), 1000);
        double hit = node(net, "redis").get("hitRatio").asDouble();
        assertThat(hit).isCloseTo(che, within(0.02));
        assertThat(net.nodeLatency("redis").meanMs()).isCloseTo(0.5 + (1 - hit) * 40, within(1.0));
        assertThat(net.failed()).isZero();
    }

    /**
     * A level of instance scope is kept once per calling instance, as the pipeline keeps an
     * in-process cache: four instances, four copies of 100 entries each, full; each copy sees the
     * same key popularity, so its LRU hit ratio is still Che's for 100 entries.
     */
    @Test
    void anInstanceScopeLevelIsKeptOncePerCallingInstance() {
        Network net = new Network(design(600, USERS.formatted(400, 1) + "," + WEB + ","
                        + "{\"id\":\"local\",\"kind\":\"cache\",\"cache\":{\"levels\":[{\"name\":\"L1\",\"scope\":\"instance\","
                        + "\"capacity\":100,\"policy\":\"lru\",\"ttlSeconds\":1000000,\"latencyMs\":0.05}]}},"
                        + "{\"id\":\"db\",\"kind\":\"database\"}",
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"local\"},{\"from\":\"local\",\"to\":\"db\"}"));
        net.run();
        var copies = ((CacheNode) net.node("local")).hierarchy().levelCopies(0);
        assertThat(copies).hasSize(4);
        assertThat(copies.stream().mapToInt(dev.scalelab.engine.caching.CacheLevel::size).sum()).isEqualTo(400);
        double che = CheApproximation.lruHitRatio(CheApproximation.probabilities(new KeySampler.Zipf(0.9, 10_000)), 100);
        assertThat(node(net, "local").get("hitRatio").asDouble()).isCloseTo(che, within(0.02));
    }

    @Test
    void aCdnWithRoomForEveryObjectHitsByTtlAsARenewalProcessPredicts() {
        double rate = 200;
        double ttl = 5;
        Network net = new Network(design(1200, USERS.formatted(rate, 1) + ","
                        + "{\"id\":\"edge\",\"kind\":\"cdn\",\"cdn\":{\"capacity\":100000,\"ttlSeconds\":" + ttl + ",\"hitMs\":1}},"
                        + WEB,
                "{\"from\":\"users\",\"to\":\"edge\"},{\"from\":\"edge\",\"to\":\"web\"}"));
        net.run();
        // A key asked for at rate r misses once, then hits for the TTL: r T / (1 + r T) of its reads hit.
        KeySampler keys = new KeySampler.Zipf(0.9, 10_000);
        double expected = 0;
        for (int k = 0; k < 10_000; k++) {
            double p = keys.probability(k);
            double rt = rate * p * ttl;
            expected += p * rt / (1 + rt);
        }
        assertThat(node(net, "edge").get("hitRatio").asDouble()).isCloseTo(expected, within(0.02));
        // Misses, and only misses, reach the origin.
        assertThat(net.arrivals("web")).isEqualTo(node(net, "edge").get("storeLoads").asLong());
    }

    @Test
    void retriesOnAnEdgeTurnAnUnreliableApiIntoAReliableCallAndAQuotaRefusesTheExcess() {
        String api = "{\"id\":\"pay\",\"kind\":\"external\",\"external\":{\"latency\":{\"distribution\":\"constant\",\"meanMs\":20},"
                + "\"errorRate\":0.2}}";
        Network once = new Network(design(300, USERS.formatted(100, 1) + "," + WEB + "," + api,
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"pay\"}"));
        once.run();
        Network thrice = new Network(design(300, USERS.formatted(100, 1) + "," + WEB + "," + api,
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"pay\",\"retry\":{\"maxAttempts\":3}}"));
        thrice.run();
        double errorsOnce = once.failed() / (double) (once.completed() + once.failed());
        double errorsThrice = thrice.failed() / (double) (thrice.completed() + thrice.failed());
        assertThat(errorsOnce).isCloseTo(0.2, within(0.01));
        assertThat(errorsThrice).isCloseTo(0.2 * 0.2 * 0.2, within(0.003));
        // Each attempt is a call the API sees: 1 + 0.2 + 0.04 per request.
        assertThat(thrice.arrivals("pay") / (double) thrice.arrivals("web")).isCloseTo(1.24, within(0.01));

        String quota = api.replace("\"errorRate\":0.2", "\"errorRate\":0,\"rateLimitPerSecond\":60");
        Network limited = new Network(design(300, USERS.formatted(100, 1) + "," + WEB + "," + quota,
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"pay\"}"));
        limited.run();
        assertThat(limited.completed() / 300.0).isCloseTo(60, within(1.0));
    }

    @Test
    void aBreakerOnAnEdgeOpensOnAFailingApiAndSparesIt() {
        String api = "{\"id\":\"pay\",\"kind\":\"external\",\"external\":{\"errorRate\":0.8}}";
        Network net = new Network(design(120, USERS.formatted(100, 1) + "," + WEB + "," + api,
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"pay\",\"breaker\":{\"slidingWindowSize\":20,"
                        + "\"minimumNumberOfCalls\":10,\"failureRateThreshold\":50,\"waitDurationInOpenStateMs\":5000}}"));
        net.run();
        // Open most of the time: each 5 s open it lets nothing through, then a few half-open trials fail it again.
        assertThat(net.arrivals("pay") / (double) net.arrivals("web")).isLessThan(0.1);
        assertThat(net.report().get("edges").get(1).get("breakerTransitions").asLong()).isGreaterThan(20);
    }

    @Test
    void aQueueRedeliversWhatItsConsumerFailsAndDeadLettersItAfterMaxReceives() {
        String nodes = USERS.formatted(20, 0) + "," + WEB + ","
                + "{\"id\":\"jobs\",\"kind\":\"queue\",\"queue\":{\"visibilityTimeoutSeconds\":0.5,\"maxReceives\":3}},"
                + "{\"id\":\"worker\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":16}},"
                + "{\"id\":\"mail\",\"kind\":\"external\",\"external\":{\"errorRate\":1}}";
        String edges = "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"jobs\",\"mode\":\"async\"},"
                + "{\"from\":\"jobs\",\"to\":\"worker\",\"mode\":\"async\"},{\"from\":\"worker\",\"to\":\"mail\"}";
        Network net = new Network(design(100, nodes, edges));
        net.run();
        JsonNode jobs = node(net, "jobs");
        long published = jobs.get("published").asLong();
        assertThat(published).isEqualTo(net.completed()).isGreaterThan(1500);
        // Every message is tried three times, then dead-lettered (less those still in their last seconds).
        assertThat(jobs.get("deadLetters").asLong()).isBetween(published - 60, published);
        assertThat(net.arrivals("mail")).isBetween(3 * published - 120, 3 * published);
        // The async edge into the queue counts every publish, as a sync edge counts every call.
        assertThat(edge(net, "web", "jobs").get("crossed").asLong()).isEqualTo(jobs.get("arrivals").asLong()).isEqualTo(published);
    }

    private static JsonNode edge(Network net, String from, String to) {
        for (JsonNode e : net.report().get("edges")) {
            if (e.get("from").asText().equals(from) && e.get("to").asText().equals(to)) {
                return e;
            }
        }
        throw new AssertionError("no edge " + from + "->" + to);
    }

    @Test
    void everyConsumerGroupOfATopicGetsEveryMessage() {
        String nodes = USERS.formatted(50, 0) + "," + WEB + ",{\"id\":\"orders\",\"kind\":\"topic\"},"
                + "{\"id\":\"billing\",\"kind\":\"service\"},{\"id\":\"shipping\",\"kind\":\"service\"}";
        String edges = "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"orders\",\"mode\":\"async\"},"
                + "{\"from\":\"orders\",\"to\":\"billing\",\"mode\":\"async\"},{\"from\":\"orders\",\"to\":\"shipping\",\"mode\":\"async\"}";
        Network net = new Network(design(60, nodes, edges));
        net.runUntil(59);
        long published = node(net, "orders").get("published").asLong();
        assertThat(net.arrivals("billing")).isBetween(published - 20, published);
        assertThat(net.arrivals("shipping")).isBetween(published - 20, published);
    }

    @Test
    void aGatewaysTokenBucketLetsThroughItsRate() {
        Network net = new Network(design(300, USERS.formatted(150, 1) + ","
                        + "{\"id\":\"gw\",\"kind\":\"gateway\",\"gateway\":{\"global\":{\"kind\":\"token-bucket\",\"ratePerSecond\":100,"
                        + "\"burst\":100},\"latencyMs\":2}}," + WEB,
                "{\"from\":\"users\",\"to\":\"gw\"},{\"from\":\"gw\",\"to\":\"web\"}"));
        net.run();
        assertThat(net.completed() / 300.0).isCloseTo(100, within(1.0));
        // Its 429s are limited, not failed, as the pipeline counts them; the gateway's box still shows them as its refusals.
        assertThat(net.limited() / 300.0).isCloseTo(50, within(2.0));
        assertThat(net.failed()).isZero();
        assertThat(net.errors("gw")).isEqualTo(net.limited());
    }

    @Test
    void aDrawnServiceScalesWithItsOwnHpa() {
        // 400/s x 20 ms = 8 busy workers; 4 workers per instance at a 50 % target wants 4 instances (HPA: ceil(2 x 100 / 50)).
        String web = "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":2,\"workersPerInstance\":4,"
                + "\"queueCapacity\":10000,\"provisionSeconds\":5,\"bootSeconds\":10,"
                + "\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":20}},"
                + "\"autoscaler\":{\"policy\":\"hpa\",\"minReplicas\":2,\"maxReplicas\":10,\"targetUtilization\":50}}";
        Network net = new Network(design(300, USERS.formatted(400, 1) + "," + web, "{\"from\":\"users\",\"to\":\"web\"}"));
        net.run();
        NetworkSnapshot.NodeState s = net.snapshot().nodes().get(1);
        assertThat(s.instances()).isEqualTo(4);
        assertThat(net.decisions()).anyMatch(d -> d.contains("web:"));
    }

    @Test
    void aDesignThatCannotRunIsRefusedWithTheReasonAndThePlace() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Network(design(10, USERS.formatted(10, 1) + "," + WEB
                        + ",{\"id\":\"db\",\"kind\":\"database\"}",
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"db\",\"to\":\"web\"}")))
                .hasMessageContaining("topology.edges[1]").hasMessageContaining("a database answers the queries it is sent");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Network(design(10, USERS.formatted(10, 1) + "," + WEB
                        + ",{\"id\":\"edge\",\"kind\":\"cdn\"}",
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"users\",\"to\":\"edge\"}")))
                .hasMessage("topology.nodes[2]: edge has no origin for its misses: connect it to a gateway, balancer or service");
    }
}
