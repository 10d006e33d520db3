package dev.scalelab.world.network;

import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Insights name the bottleneck with its figure and a fix whose effect the formulas predict. */
class InsightsTest {
    static Network run(double seconds, String nodes, String edges) {
        Network net = new Network(ScenarioFiles.parse("{\"schema\":1,\"name\":\"i\",\"seed\":9,\"durationSeconds\":" + seconds
                + ",\"topology\":{\"nodes\":[" + nodes + "],\"edges\":[" + edges + "]}}"));
        net.run();
        return net;
    }

    static Insight find(Network net, Insight.Kind kind, String node) {
        return net.insights().stream().filter(i -> i.kind() == kind && i.node().equals(node)).findFirst().orElse(null);
    }

    static final String USERS = "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":%s}}}";

    static String service(String id, int instances, int workers, double meanMs) {
        return "{\"id\":\"" + id + "\",\"kind\":\"service\",\"service\":{\"instances\":" + instances + ",\"workersPerInstance\":"
                + workers + ",\"queueCapacity\":100000,\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":" + meanMs + "}}}";
    }

    @Test
    void aBusyServiceIsNamedWithItsRhoAndTheInstancesThatBringItToTheTarget() {
        // 4 instances x 2 workers at 20 ms serve 400/s; 360/s is rho 0.9. Add 2 -> rho 0.6.
        Network net = run(120, USERS.formatted(360) + "," + service("web", 4, 2, 20), "{\"from\":\"users\",\"to\":\"web\"}");
        Insight hot = find(net, Insight.Kind.HOT_NODE, "web");
        assertThat(hot).isNotNull();
        double rho = Double.parseDouble(hot.finding().replaceAll(".*ρ ", ""));
        assertThat(rho).isCloseTo(0.9, within(0.04));
        int add = (int) Math.ceil(4 * rho / Insights.TARGET_RHO) - 4;
        assertThat(hot.fix()).startsWith("add " + add + " instances → ρ " + Insights.f2(rho * 4 / (4 + add)));
        assertThat(hot.sinceSeconds()).isLessThan(30);
        // The other risks of this design: one zone; no single instance.
        assertThat(find(net, Insight.Kind.SINGLE_ZONE, "")).isNotNull();
        assertThat(find(net, Insight.Kind.SINGLE_INSTANCE, "web")).isNull();
    }

    @Test
    void anOverloadedServicesQueueGrowsAndTheFixSizesItForItsArrivals() {
        // 2 instances x 1 worker at 10 ms serve 200/s; 300/s arrive: the queue grows 100/s.
        Network net = run(60, USERS.formatted(300) + "," + service("web", 2, 1, 10), "{\"from\":\"users\",\"to\":\"web\"}");
        Insight growing = find(net, Insight.Kind.GROWING_QUEUE, "web");
        assertThat(growing).isNotNull();
        assertThat(growing.finding()).matches("web's queue grows by (9\\d|10\\d|11\\d)/s to .* requests");
        // 300/s at rho 0.7 needs 300 / (100 x 0.7) = 4.3 -> 5 instances: add 3.
        assertThat(growing.fix()).contains("add 3 or cut its service time");
        assertThat(net.insights().get(0).kind()).isEqualTo(Insight.Kind.HOT_NODE);
        // Saturated at ρ 1, the bottleneck is sized by its demand: 300/s x 10 ms = 3 workers of 2, 1.5 times what it has.
        Insight hot = find(net, Insight.Kind.HOT_NODE, "web");
        assertThat(hot.finding()).matches("web at ρ 1\\.00 \\(its arrivals need 1\\.(4\\d|5\\d) × its workers\\)");
        assertThat(hot.fix()).startsWith("add 3 instances → ρ 0.6");
        // The clients see the failures, but only the node that makes them is named for them.
        assertThat(net.insights()).noneMatch(i -> i.kind() == Insight.Kind.REFUSING && i.node().equals("users"));
    }

    @Test
    void aStandbyBehindAZoneAwareBalancerIsNamedIdleWithTheReason() throws Exception {
        Network net = new Network(ScenarioFiles.read(java.nio.file.Path.of("docs/designs/api-gateway.json")).withDurationSeconds(60));
        net.run();
        Insight idle = find(net, Insight.Kind.IDLE, "api-b");
        assertThat(idle).isNotNull();
        assertThat(idle.finding()).isEqualTo("api-b has 3 instances and takes no requests");
        assertThat(idle.fix()).startsWith("lb is zone-aware and keeps its traffic in zone a");
        assertThat(find(net, Insight.Kind.IDLE, "api-a")).isNull();
    }

    @Test
    void retriesAgainstAFailingApiAreCalledAmplification() {
        Network net = run(60, USERS.formatted(100) + "," + service("web", 2, 64, 2)
                        + ",{\"id\":\"pay\",\"kind\":\"external\",\"external\":{\"errorRate\":0.5}}",
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"pay\",\"retry\":{\"maxAttempts\":3}}");
        Insight amp = find(net, Insight.Kind.RETRY_AMPLIFICATION, "pay");
        assertThat(amp).isNotNull();
        // 1 + 0.5 + 0.25 attempts per call.
        double perCall = Double.parseDouble(amp.finding().replaceAll(".*: ([0-9.]+) attempts per call", "$1"));
        assertThat(perCall).isCloseTo(1.75, within(0.15));
    }

    @Test
    void aLoneInstanceAndAHotDatabaseWithoutACacheAreNamedWithTheirFixes() {
        String db = "{\"id\":\"orders\",\"kind\":\"database\",\"database\":{\"sharding\":{\"shards\":1},\"replicasPerShard\":0,\"connectionLimit\":4,"
                + "\"readServiceTime\":{\"distribution\":\"exponential\",\"meanMs\":10}}}";
        Network net = run(60, USERS.formatted(390) + "," + service("web", 1, 256, 1) + "," + db,
                "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"orders\"}");
        assertThat(find(net, Insight.Kind.SINGLE_INSTANCE, "web")).isNotNull();
        Insight hot = find(net, Insight.Kind.HOT_NODE, "orders");
        assertThat(hot).isNotNull();
        assertThat(hot.fix()).contains("read replica").contains("or a cache of 1,000 keys in front would cut its reads to");
        List<Insight> all = net.insights();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).severity()).isLessThanOrEqualTo(all.get(i - 1).severity());
        }
    }

    /**
     * 200 req/s allocating 4 MB each fill a 64 MB young generation about 15 times a second; with half
     * of it surviving, each parallel pause is about 14 ms: a fifth of the service's time. The insight
     * names the share and the fix the arithmetic gives; 4 KB a request is no finding.
     */
    @Test
    void aServiceLosingItsTimeToPausesIsNamedWithTheYoungGenerationThatHalvesThem() {
        String design = """
                {"schema":1,"name":"gc","seed":3,"durationSeconds":30,"topology":{"nodes":[
                  {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":200},"keys":{"count":100},"readRatio":1}},
                  {"id":"web","kind":"service","service":{"instances":2,"workersPerInstance":64,"queueCapacity":1000,
                    "serviceTime":{"distribution":"constant","meanMs":5},
                    "runtime":{"collector":"parallel","heapMb":2048,"youngMb":64,"allocationKbPerRequest":4096,
                               "survivingFraction":0.5,"maxTenuringThreshold":0,"liveSetMb":0}}}],
                 "edges":[{"from":"users","to":"web"}]}}""";
        Network net = new Network(ScenarioFiles.parse(design));
        net.run();
        Insight gc = net.insights().stream().filter(i -> i.kind() == Insight.Kind.GC_PAUSES).findFirst().orElseThrow();
        assertThat(gc.node()).isEqualTo("web");
        assertThat(gc.finding()).matches("web is paused \\d+ % of its time by parallel \\(\\d+ collections in the last second\\)");
        assertThat(gc.fix()).isEqualTo("collections come each time the young generation (64 MB) fills: youngMb 128 halves them; "
                + "an object pool or less allocation per request cuts them");
        Network light = new Network(ScenarioFiles.parse(design.replace("\"allocationKbPerRequest\":4096", "\"allocationKbPerRequest\":4")));
        light.run();
        assertThat(light.insights()).noneMatch(i -> i.kind() == Insight.Kind.GC_PAUSES);
    }

    /** A pool of 2 connections in front of 100 ms queries at 50 req/s: requests wait about the whole 1 s timeout. */
    @Test
    void aStarvedConnectionPoolIsNamedWithItsWait() {
        Network net = new Network(ScenarioFiles.parse(ServiceResourcesTest.POOLED.replace("\"durationSeconds\":120", "\"durationSeconds\":30")));
        net.run();
        Insight pool = net.insights().stream().filter(i -> i.kind() == Insight.Kind.POOL_STARVED).findFirst().orElseThrow();
        assertThat(pool.finding()).matches("web's requests wait up to (9\\d\\d|1000) ms \\(p99\\) for a database connection, \\d+ waiting now");
        assertThat(pool.fix()).startsWith("its pools of 2 are too small for its queries");
    }

    /**
     * docs/designs/outlier-ejection.json: checkout-2 fails 90 % of its requests from 62 s. The edge
     * balancer ejects it (and its health checks then keep it out); the internal one, 100 req/s round
     * robin over 5 instances, keeps sending it a fifth, 20/s, 18 of them failing. The insight names
     * the instance with its share and the one balancer that runs no ejection; with ejection on both,
     * nothing is left to say.
     */
    @Test
    void anInstanceFailingItsRequestsIsNamedWithTheBalancersThatDoNotEjectIt() throws Exception {
        dev.scalelab.world.Scenario design = ScenarioFiles.read(java.nio.file.Path.of("docs/designs/outlier-ejection.json"))
                .withDurationSeconds(200);
        Network net = new Network(design);
        net.run();
        Insight failing = find(net, Insight.Kind.FAILING_INSTANCE, "checkout");
        assertThat(failing).isNotNull();
        assertThat(failing.finding()).matches("checkout-2 answers (8\\d|9\\d) % of its requests with an error \\((1\\d|2\\d)/s\\), "
                + "the other instances 0 %");
        assertThat(failing.fix()).startsWith("internal-lb runs no outlier ejection: with outlierConsecutiveErrors 5 it would take "
                + "checkout-2 out");
        assertThat(failing.sinceSeconds()).isBetween(62.0, 80.0);

        Network both = new Network(dev.scalelab.world.ScenarioFields.with(design, "topology.nodes[3].balancer.outlierConsecutiveErrors", 5L));
        both.run();
        assertThat(find(both, Insight.Kind.FAILING_INSTANCE, "checkout")).isNull();
        // And the clients of both now see next to no errors: the few before each ejection.
        assertThat(both.failed()).isLessThan(100);
    }
}
