package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.ChallengeLibrary;
import dev.scalelab.practice.Metric;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Topology;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Client classes, per-client limits and load shedding on a drawn system, with the pipeline's
 * semantics: each arrival's class drawn by share, the gateway's order (global limit, the client's
 * own limit, then shedding by priority), 429s and 503s counted apart from errors, and per-client
 * figures under the pipeline report's names.
 */
class ClientClassesTest {
    /** Challenge 13's clients: a web front end, a partner and a scraper at ten times its quota. */
    static final String CLASSES = "\"clients\":[{\"name\":\"web\",\"share\":80,\"priority\":\"high\"},"
            + "{\"name\":\"partner\",\"share\":60,\"priority\":\"normal\"},{\"name\":\"scraper\",\"share\":1000,\"priority\":\"low\"}]";

    static Scenario design(double seconds, long seed, String nodes, String edges) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"classes\",\"seed\":" + seed + ",\"durationSeconds\":" + seconds
                + ",\"topology\":{\"nodes\":[" + nodes + "],\"edges\":[" + edges + "]}}");
    }

    static String clients(double ratePerSecond, String classes) {
        return "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":" + ratePerSecond + "},"
                + classes + "}}";
    }

    static String gateway(String settings) {
        return "{\"id\":\"gw\",\"kind\":\"gateway\",\"gateway\":{" + settings + "}}";
    }

    static String service(int instances, int workers, double meanMs, int queue) {
        return "{\"id\":\"api\",\"kind\":\"service\",\"service\":{\"instances\":" + instances + ",\"workersPerInstance\":" + workers
                + ",\"queueCapacity\":" + queue + ",\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":" + meanMs + "}}}";
    }

    static final String BALANCER = "{\"id\":\"lb\",\"kind\":\"balancer\",\"balancer\":{\"strategy\":\"least-request\"}}";
    static final String THROUGH_GATEWAY = "{\"from\":\"users\",\"to\":\"gw\"},{\"from\":\"gw\",\"to\":\"lb\"},{\"from\":\"lb\",\"to\":\"api\"}";

    static final String PER_CLIENT_100 = "\"perClient\":{\"kind\":\"token-bucket\",\"ratePerSecond\":100,\"burst\":100}";
    static final String GLOBAL_500 = "\"global\":{\"kind\":\"token-bucket\",\"ratePerSecond\":500,\"burst\":500}";

    /** Behind the gateway, room for all of it: 1,140 req/s × 2 ms is 2.3 busy workers of 512. */
    static Network behindGateway(double seconds, long seed, String gateway) {
        Network net = new Network(design(seconds, seed, clients(1140, CLASSES) + "," + gateway(gateway) + "," + BALANCER + ","
                + service(8, 64, 2, 1000), THROUGH_GATEWAY));
        net.run();
        return net;
    }

    @Test
    void eachArrivalIsOfAClassDrawnByShare() {
        double seconds = 600;
        Network net = new Network(design(seconds, 7, clients(1140, CLASSES) + "," + service(8, 64, 2, 1000),
                "{\"from\":\"users\",\"to\":\"api\"}"));
        net.run();
        // 1,140/s split 80 : 60 : 1000 (measured 80.06, 60.20, 999.3 per second).
        assertThat(net.client("web").offered() / seconds).isCloseTo(80, within(80 * 0.02));
        assertThat(net.client("partner").offered() / seconds).isCloseTo(60, within(60 * 0.02));
        assertThat(net.client("scraper").offered() / seconds).isCloseTo(1000, within(1000 * 0.02));
        assertThat(net.clients()).extracting(ClientResult::name, ClientResult::priority)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web", "high"), org.assertj.core.groups.Tuple.tuple("partner", "normal"),
                        org.assertj.core.groups.Tuple.tuple("scraper", "low"));
        // Every request answered, and counted once: for its client and in the totals.
        long offered = net.clients().stream().mapToLong(ClientResult::offered).sum();
        long completed = net.clients().stream().mapToLong(ClientResult::completed).sum();
        assertThat(completed).isEqualTo(net.completed());
        assertThat(offered - completed).isBetween(0L, 20L); // in flight at the end
        // Client classes without a gateway: a per-client section, as the pipeline's report has one.
        assertThat(net.report().get("gateway").get("perClient").get("web").get("offered").asLong())
                .isEqualTo(net.client("web").offered());
    }

    @Test
    void aPerClientBucketHoldsTheScraperToItsQuotaAndLeavesTheOthersAlone() {
        double seconds = 600;
        Network net = behindGateway(seconds, 7, PER_CLIENT_100);
        ClientResult scraper = net.client("scraper");
        // A token bucket lets through at most burst + rate × t: (100 + 100 × 600) / 600 = 100.17/s (measured 100.165).
        assertThat((scraper.offered() - scraper.limited()) / seconds).isCloseTo(100, within(2.0));
        assertThat(scraper.offered() - scraper.limited()).isLessThanOrEqualTo(100 + 100 * 600);
        assertThat(net.client("web").limited()).isZero();
        assertThat(net.client("partner").limited()).isZero();
        assertThat(net.client("web").completed()).isEqualTo(net.client("web").offered());
        // 429s are the contract working: limited, not failed (the pipeline's requests.limited).
        assertThat(net.limited()).isEqualTo(scraper.limited());
        assertThat(net.failed()).isZero();
        JsonNode report = net.report();
        assertThat(report.get("totals").get("limited").asLong()).isEqualTo(scraper.limited());
        assertThat(report.get("totals").get("errorRate").asDouble()).isZero();
        assertThat(report.get("nodes").get("gw").get("limited").asLong()).isEqualTo(scraper.limited());
        String md = DesignReport.markdown(net, "report");
        assertThat(md).contains(String.format(java.util.Locale.ROOT, "| scraper | low | %,d | %,d (%.2f %%) | %,d | 0 | 0 |",
                scraper.offered(), scraper.completed(), 100 * scraper.successRatio(), scraper.limited()));
    }

    @Test
    void aGlobalBucketRefusesEveryClassInTheSameProportion() {
        Network net = behindGateway(600, 7, GLOBAL_500);
        double refused = 1 - 500 / 1140.0; // 0.5614 (measured 0.5640, 0.5600, 0.5603)
        for (String name : List.of("web", "partner", "scraper")) {
            assertThat(net.client(name).limitedRatio()).as(name).isCloseTo(refused, within(refused * 0.02));
            assertThat(net.client(name).failed()).as(name).isZero();
        }
    }

    @Test
    void theGlobalLimitComesFirstAndCountsWhatItLetsThroughEvenWhenTheClientsOwnLimitRefusesIt() {
        // Global 500/s, then per-client 100/s. Checked in the pipeline's order, the global bucket sees all 1,140/s and
        // refuses every class 1 - 500/1140 = 56 %; the scraper's 439/s it lets through then meet its own 100/s bucket.
        // Checked the other way round it would see only 80 + 60 + 100 = 240/s and refuse no one.
        Network both = behindGateway(600, 7, GLOBAL_500 + "," + PER_CLIENT_100);
        assertThat(both.client("web").limitedRatio()).isCloseTo(1 - 500 / 1140.0, within(0.02));
        assertThat(both.client("partner").limitedRatio()).isCloseTo(1 - 500 / 1140.0, within(0.02));
        ClientResult scraper = both.client("scraper");
        assertThat((scraper.offered() - scraper.limited()) / 600.0).isCloseTo(100, within(2.0));
        assertThat(behindGateway(600, 7, PER_CLIENT_100).client("web").limited()).isZero();
    }

    static final String SHED_CLASSES = "\"clients\":[{\"name\":\"web\",\"share\":60,\"priority\":\"high\"},"
            + "{\"name\":\"partner\",\"share\":120,\"priority\":\"normal\"},{\"name\":\"scraper\",\"share\":420,\"priority\":\"low\"}]";
    static final String QUEUE_5 = "\"mode\":\"queue-length\",\"queueThreshold\":5";
    static final String CODEL = "\"mode\":\"latency\",\"targetDelayMs\":5,\"intervalMs\":100";

    /** 600 req/s at one instance of 2 workers serving in 10 ms (exponential): 200 req/s, a third of the demand. */
    static Network overloaded(long seed, String shedding) {
        Network net = new Network(design(300, seed, clients(600, SHED_CLASSES) + "," + gateway("\"shedding\":{" + shedding + "}")
                + "," + BALANCER + "," + service(1, 2, 10, 200), THROUGH_GATEWAY));
        net.run();
        return net;
    }

    @Test
    void queueLengthSheddingShedsLowFirstAndHighNeverAndKeepsHighsLatency() {
        Network shedding = overloaded(7, QUEUE_5);
        Network none = overloaded(7, "\"mode\":\"none\"");
        ClientResult web = shedding.client("web");
        ClientResult partner = shedding.client("partner");
        ClientResult scraper = shedding.client("scraper");
        assertThat(web.shed()).isZero();
        // Low from 5 queued per ready instance, normal from 10 (measured: 90.7 % and 16.7 %).
        assertThat(scraper.shed() / (double) scraper.offered()).isGreaterThan(0.85);
        assertThat(partner.shed() / (double) partner.offered()).isBetween(0.05, 0.3);
        // The service is never overrun: nothing fails, and web's p99 stays near 10 queued at 5 ms each (measured 111 ms
        // against 1,185 ms with every queue full when nothing is shed).
        assertThat(shedding.failed()).isZero();
        assertThat(web.p99Ms()).isLessThan(150);
        assertThat(none.client("web").p99Ms()).isGreaterThan(1000);
        assertThat(web.p99Ms()).isLessThan(0.15 * none.client("web").p99Ms());
        assertThat(none.client("web").failed()).isGreaterThan(0);
        assertThat(none.shed()).isZero();
        // 503s count apart from failures and in the grader's error ratio; the log follows episodes as the pipeline's.
        assertThat(shedding.shed()).isEqualTo(partner.shed() + scraper.shed());
        assertThat(shedding.report().get("totals").get("shed").asLong()).isEqualTo(shedding.shed());
        assertThat(shedding.decisions().get(0)).isEqualTo("0.020 s gw: shedding low: 5 queued per ready instance >= 5");
    }

    @Test
    void latencySheddingStartsAfterAnIntervalAboveTheTargetAndNeverShedsHigh() {
        Network net = overloaded(7, CODEL);
        assertThat(net.client("web").shed()).isZero();
        assertThat(net.client("scraper").shed()).isGreaterThan(net.client("scraper").offered() / 2);
        // CoDel: low only once the delay has stayed above 5 ms for a whole 100 ms interval.
        String first = net.decisions().get(0);
        assertThat(first).contains("gw: shedding low: queueing delay above the target 5 ms for ");
        assertThat(Double.parseDouble(first.substring(0, first.indexOf(' ')))).isGreaterThanOrEqualTo(0.1);
    }

    /**
     * Shedding switched on live at 100 s, from none to latency mode: the services behind the gateway
     * start telling it how long their requests queued, so CoDel (its defaults: target 5 ms, interval
     * 100 ms) sheds low once the delays stayed above the target for an interval, never high. Before
     * the change nothing was shed.
     */
    @Test
    void aNewSheddingModeLiveWiresTheServicesToItsSignal() {
        Network net = new Network(design(300, 7, clients(600, SHED_CLASSES) + "," + gateway("\"shedding\":{\"mode\":\"none\"}") + "," + BALANCER + "," + service(1, 2, 10, 200), THROUGH_GATEWAY));
        net.runUntil(100);
        assertThat(net.shed()).isZero();
        assertThat(net.apply("nodes.gw.gateway.shedding.mode", "latency")).isEqualTo("gateway.shedding.mode none -> latency");
        net.run();
        assertThat(net.client("web").shed()).isZero();
        assertThat(net.client("scraper").shed()).isGreaterThan(net.client("scraper").offered() / 4);
        String first = net.decisions().stream().filter(d -> d.contains("gw: shedding low")).findFirst().orElseThrow();
        assertThat(first).contains("queueing delay above the target 5 ms for ");
        assertThat(Double.parseDouble(first.substring(0, first.indexOf(' ')))).isGreaterThanOrEqualTo(100.1);
    }

    static Scenario sections(long seed, String shedding) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"shed\",\"seed\":" + seed + ",\"durationSeconds\":300,"
                + "\"workload\":{\"arrival\":{\"ratePerSecond\":600}," + SHED_CLASSES + "},"
                + "\"service\":{\"instances\":1,\"workersPerInstance\":2,\"queueCapacity\":200,"
                + "\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":10}},"
                + "\"gateway\":{\"shedding\":{" + shedding + "}},\"balancer\":{\"strategy\":\"least-request\"}}");
    }

    /**
     * The same overloaded system on both engines. They draw from differently named streams (the pipeline's
     * workload.arrival, a node's node.users.arrivals), so they are two samples of one process, not one run:
     * over seeds 1 to 3 the shed shares differed by at most 0.009 and the p99s by at most 4 % (queue) and 8 %
     * (latency mode, whose tail is wider).
     */
    @Test
    void sheddingShedsTheSameSharesAsThePipeline() {
        for (String mode : List.of(QUEUE_5, CODEL)) {
            Scenario s = sections(1, mode);
            ObjectNode pipeline = pipelineReport(s);
            Network net = new Network(zoned(s));
            net.run();
            for (String name : List.of("web", "partner", "scraper")) {
                JsonNode p = pipeline.get("gateway").get("perClient").get(name);
                ClientResult c = net.client(name);
                assertThat(c.shed() / (double) c.offered()).as(mode + " " + name)
                        .isCloseTo(p.get("shed").asDouble() / p.get("offered").asDouble(), within(0.015));
                assertThat(c.p99Ms()).as(mode + " " + name).isCloseTo(p.get("p99Ms").asDouble(), within(0.1 * p.get("p99Ms").asDouble()));
            }
        }
    }

    static ObjectNode pipelineReport(Scenario s) {
        World w = new World(s);
        w.advanceTo(Simulation.secondsToNanos(s.durationSeconds()));
        return Report.of(w, 0);
    }

    /**
     * Challenge 13 (its start, and the start with its reference solution) drawn and run on the network
     * gives the pipeline's per-client figures and the same verdicts. Without its hidden incident (an
     * instance killed at 90 s: the network runs no timeline). Two samples of one process (see above):
     * over seeds 1 to 12 the start's mean response time averaged 35.26 ms on the pipeline and 35.01 ms on
     * the network and its p99 488 and 486 ms, but one seed's p99 differs by up to 25 % at the start's
     * ρ = 0.83 (seed 1313: 3 to 5 %); with the solution (ρ = 0.4) the p99s of seeds 1313 to 1317 differ
     * by at most 7 % (seed 1313: 2 %), the answered shares by at most 0.0007.
     */
    @Test
    void challenge13DrawnAsANetworkGivesThePipelinesPerClientFigures() {
        Challenge ch = ChallengeLibrary.byId("api-gateway");
        boolean solved = false;
        for (Scenario s : List.of(ch.startScenario(), ch.solutionScenario())) {
            ObjectNode pipeline = pipelineReport(s);
            Network net = new Network(zoned(s));
            net.run();
            ObjectNode network = net.report();
            double p99Tolerance = solved ? 0.05 : 0.15;
            for (String name : List.of("web", "partner", "scraper")) {
                String at = (solved ? "solution " : "start ") + name;
                double p99 = Metric.CLIENT_P99_MS.measure(pipeline, name);
                assertThat(Metric.CLIENT_P99_MS.measure(network, name)).as(at).isCloseTo(p99, within(p99Tolerance * p99));
                assertThat(Metric.CLIENT_SUCCESS_RATIO.measure(network, name)).as(at)
                        .isCloseTo(Metric.CLIENT_SUCCESS_RATIO.measure(pipeline, name), within(solved ? 0.002 : 0.01));
                assertThat(Metric.CLIENT_LIMITED_RATIO.measure(network, name)).as(at)
                        .isCloseTo(Metric.CLIENT_LIMITED_RATIO.measure(pipeline, name), within(0.01));
            }
            // The challenge's requirements: the start fails them on both engines, the solution passes them on both.
            for (ObjectNode r : List.of(pipeline, network)) {
                boolean passes = Metric.CLIENT_P99_MS.measure(r, "web") <= 120 && Metric.CLIENT_SUCCESS_RATIO.measure(r, "web") >= 0.999
                        && Metric.CLIENT_P99_MS.measure(r, "partner") <= 150 && Metric.CLIENT_SUCCESS_RATIO.measure(r, "partner") >= 0.99;
                assertThat(passes).isEqualTo(solved);
            }
            solved = true;
        }
    }

    @Test
    void theGradersClientMetricsReadTheNetworksReportAsThePipelines() {
        Network net = behindGateway(120, 7, PER_CLIENT_100);
        ObjectNode report = net.report();
        ClientResult scraper = net.client("scraper");
        assertThat(Metric.CLIENT_P99_MS.measure(report, "scraper")).isEqualTo(scraper.p99Ms());
        assertThat(Metric.CLIENT_SUCCESS_RATIO.measure(report, "scraper")).isEqualTo(scraper.successRatio());
        assertThat(Metric.CLIENT_LIMITED_RATIO.measure(report, "scraper")).isEqualTo(scraper.limitedRatio());
        assertThat(scraper.limitedRatio()).isCloseTo(0.9, within(0.01));
        assertThatThrownBy(() -> Metric.CLIENT_P99_MS.measure(report, "nobody"))
                .hasMessageContaining("gateway.perClient.nobody: the design has no client named \"nobody\"");
        assertThat(net.client("nobody")).isNull();
    }

    @Test
    void theSameSeedGivesTheSamePerClientFigures() {
        Network a = overloaded(11, QUEUE_5);
        Network b = overloaded(11, QUEUE_5);
        Network other = overloaded(12, QUEUE_5);
        assertThat(a.clients()).isEqualTo(b.clients());
        assertThat(a.report().get("gateway")).isEqualTo(b.report().get("gateway"));
        assertThat(a.decisions()).isEqualTo(b.decisions());
        assertThat(other.clients()).isNotEqualTo(a.clients());
    }

    @Test
    void sheddingWithNoServiceBehindTheGatewayAndSharesAllZeroAreRefusedByPath() {
        assertThatThrownBy(() -> new Network(design(10, 1, clients(10, CLASSES) + "," + gateway("\"shedding\":{" + QUEUE_5 + "}") + ","
                        + "{\"id\":\"jobs\",\"kind\":\"queue\"}," + service(1, 1, 1, 1),
                "{\"from\":\"users\",\"to\":\"gw\"},{\"from\":\"gw\",\"to\":\"jobs\",\"mode\":\"async\"},"
                        + "{\"from\":\"jobs\",\"to\":\"api\",\"mode\":\"async\"}")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("topology.nodes[1].gateway.shedding")
                .hasMessageContaining("no service is behind gw");
        assertThatThrownBy(() -> design(10, 1, clients(10, "\"clients\":[{\"name\":\"a\",\"share\":0}]") + "," + service(1, 1, 1, 1),
                "{\"from\":\"users\",\"to\":\"api\"}"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("topology.nodes[0].workload.clients")
                .hasMessageContaining("every share is 0");
    }

    /** {@code s}'s pipeline drawn with every box in zone a: the same system, but not the pipeline's shape, so the network runs it. */
    static Scenario zoned(Scenario s) {
        Topology t = Pipeline.spell(s);
        List<Topology.Node> nodes = new ArrayList<>();
        for (Topology.Node n : t.nodes()) {
            nodes.add(n.with(n.id(), n.kind(), n.label(), "a"));
        }
        Scenario drawn = s.withTopology(new Topology(nodes, t.edges()));
        assertThat(Pipeline.lower(drawn)).isNull();
        return drawn;
    }
}
