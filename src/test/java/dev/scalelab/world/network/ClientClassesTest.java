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

    @Test
    void probe() {
        double seconds = 600;
        Network net = new Network(design(seconds, 7, clients(1140, CLASSES) + "," + service(8, 64, 2, 1000),
                "{\"from\":\"users\",\"to\":\"api\"}"));
        net.run();
        for (ClientResult c : net.clients()) {
            System.out.println(c + " rate " + c.offered() / seconds);
        }
        net = new Network(design(seconds, 7, clients(1140, CLASSES) + "," + gateway("\"perClient\":{\"kind\":\"token-bucket\",\"ratePerSecond\":100,\"burst\":100}") + ","
                + BALANCER + "," + service(8, 64, 2, 1000), THROUGH_GATEWAY));
        net.run();
        for (ClientResult c : net.clients()) {
            System.out.println(c + " admitted " + (c.offered() - c.limited()) / seconds);
        }
        net = new Network(design(seconds, 7, clients(1140, CLASSES) + "," + gateway("\"global\":{\"kind\":\"token-bucket\",\"ratePerSecond\":500,\"burst\":500}") + ","
                + BALANCER + "," + service(8, 64, 2, 1000), THROUGH_GATEWAY));
        net.run();
        for (ClientResult c : net.clients()) {
            System.out.println(c + " limited share " + c.limitedRatio() + " vs " + (1 - 500 / 1140.0));
        }
        String shedClasses = "\"clients\":[{\"name\":\"web\",\"share\":60,\"priority\":\"high\"},"
                + "{\"name\":\"partner\",\"share\":120,\"priority\":\"normal\"},{\"name\":\"scraper\",\"share\":420,\"priority\":\"low\"}]";
        for (String shed : new String[] {"\"mode\":\"none\"", "\"mode\":\"queue-length\",\"queueThreshold\":5", "\"mode\":\"latency\",\"targetDelayMs\":5,\"intervalMs\":100"}) {
            net = new Network(design(300, 7, clients(600, shedClasses) + "," + gateway("\"shedding\":{" + shed + "}") + ","
                    + BALANCER + "," + service(1, 2, 10, 200), THROUGH_GATEWAY));
            net.run();
            System.out.println(shed);
            for (ClientResult c : net.clients()) {
                System.out.println("  " + c);
            }
            System.out.println(net.decisions().subList(0, Math.min(4, net.decisions().size())));
        }
        Challenge ch = ChallengeLibrary.byId("api-gateway");
        for (Scenario s : new Scenario[] {ch.startScenario(), ch.solutionScenario()}) {
            World w = new World(s);
            w.advanceTo(Simulation.secondsToNanos(s.durationSeconds()));
            ObjectNode pr = Report.of(w, 0);
            System.out.println("pipeline " + pr.get("gateway"));
            Network n = new Network(zoned(s));
            n.run();
            System.out.println("network  " + n.report().get("gateway"));
        }
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
