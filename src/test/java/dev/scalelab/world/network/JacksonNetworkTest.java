package dev.scalelab.world.network;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Queueing theory on drawn systems: services joined by forward edges are a Jackson network, each
 * stage an M/M/1 queue of its own; a weighted split thins the Poisson stream; a sync call holds the
 * caller's worker for the callee's whole response.
 */
class JacksonNetworkTest {
    /** One service of one worker with exponential service of {@code meanMs}, its queue unbounded in practice. */
    static String mm1(String id, double meanMs) {
        return "{\"id\":\"" + id + "\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":1,"
                + "\"queueCapacity\":1000000,\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":" + meanMs + "}}}";
    }

    static String clients(double ratePerSecond) {
        return "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"process\":\"poisson\",\"ratePerSecond\":"
                + ratePerSecond + "}}}";
    }

    static Scenario scenario(double seconds, String nodes, String edges) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"net\",\"seed\":11,\"durationSeconds\":" + seconds
                + ",\"topology\":{\"nodes\":[" + nodes + "],\"edges\":[" + edges + "]}}");
    }

    static String edge(String from, String to, String mode) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"mode\":\"" + mode + "\"}";
    }

    @Test
    void twoServicesInTandemAddTheirMm1ResponseTimes() {
        double lambda = 50;
        double mu1 = 100; // 10 ms
        double mu2 = 80;  // 12.5 ms
        Network net = new Network(scenario(4000, clients(lambda) + "," + mm1("a", 10) + "," + mm1("b", 12.5),
                edge("users", "a", "sync") + "," + edge("a", "b", "forward")));
        net.run();
        double expectedMs = 1000 / (mu1 - lambda) + 1000 / (mu2 - lambda);
        assertThat(net.endToEnd().meanMs()).isCloseTo(expectedMs, within(expectedMs * 0.03));
        assertThat(net.nodeLatency("a").meanMs()).isCloseTo(1000 / (mu1 - lambda), within(1000 / (mu1 - lambda) * 0.03));
        assertThat(net.nodeLatency("b").meanMs()).isCloseTo(1000 / (mu2 - lambda), within(1000 / (mu2 - lambda) * 0.03));
        assertThat(net.failed()).isZero();
    }

    @Test
    void aWeightedSplitSendsEachBranchItsShareAndEachBranchIsItsOwnMm1() {
        double lambda = 80;
        Network net = new Network(scenario(4000, clients(lambda) + "," + mm1("front", 5) + "," + mm1("left", 20) + ","
                        + mm1("right", 10),
                edge("users", "front", "sync") + ",{\"from\":\"front\",\"to\":\"left\",\"mode\":\"forward\",\"weight\":1},"
                        + "{\"from\":\"front\",\"to\":\"right\",\"mode\":\"forward\",\"weight\":3}"));
        net.run();
        long total = net.arrivals("front");
        // left gets lambda/4 = 20/s against mu = 50/s; right 60/s against 100/s.
        assertThat(net.arrivals("left") / (double) total).isCloseTo(0.25, within(0.005));
        assertThat(net.arrivals("right") / (double) total).isCloseTo(0.75, within(0.005));
        double left = 1000 / (50 - 20.0);
        double right = 1000 / (100 - 60.0);
        assertThat(net.nodeLatency("left").meanMs()).isCloseTo(left, within(left * 0.03));
        assertThat(net.nodeLatency("right").meanMs()).isCloseTo(right, within(right * 0.03));
        double front = 1000 / (200 - lambda);
        double expected = front + 0.25 * left + 0.75 * right;
        assertThat(net.endToEnd().meanMs()).isCloseTo(expected, within(expected * 0.03));
    }

    @Test
    void aSyncCallKeepsTheCallersWorkerBusyForTheCalleesWholeResponse() {
        double lambda = 50;
        // The caller has workers to spare, so it never queues: its busy workers are lambda times the time each request holds one.
        String caller = "{\"id\":\"a\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":64,"
                + "\"queueCapacity\":1000,\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":10}}}";
        Scenario sync = scenario(3000, clients(lambda) + "," + caller + "," + mm1("b", 10),
                edge("users", "a", "sync") + "," + edge("a", "b", "sync"));
        Scenario forward = scenario(3000, clients(lambda) + "," + caller + "," + mm1("b", 10),
                edge("users", "a", "sync") + "," + edge("a", "b", "forward"));
        Network s = new Network(sync);
        s.run();
        Network f = new Network(forward);
        f.run();
        double calleeMs = s.nodeLatency("b").meanMs();
        assertThat(calleeMs).isCloseTo(1000 / (100 - lambda), within(20 * 0.04));
        // Little's law on the caller's workers: lambda x (own CPU + the callee's response) with the call, lambda x own CPU without.
        assertThat(s.meanBusyWorkers("a")).isCloseTo(lambda * (10 + calleeMs) / 1000, within(0.03));
        assertThat(f.meanBusyWorkers("a")).isCloseTo(lambda * 10 / 1000, within(0.01));
        assertThat(s.meanBusyWorkers("a") - f.meanBusyWorkers("a")).isCloseTo(lambda * calleeMs / 1000, within(0.03));
        // The clients see the same sum either way: the call only changes who waits.
        assertThat(s.endToEnd().meanMs()).isCloseTo(f.endToEnd().meanMs(), within(1.5));
    }

    @Test
    void theSameScenarioGivesTheSameRun() {
        Scenario s = scenario(300, clients(60) + "," + mm1("a", 10) + "," + mm1("b", 12.5),
                edge("users", "a", "sync") + "," + edge("a", "b", "forward"));
        Network one = new Network(s);
        one.run();
        Network two = new Network(s);
        two.run();
        assertThat(two.reportJson()).isEqualTo(one.reportJson());
        Network other = new Network(s.withSeed(12));
        other.run();
        assertThat(other.endToEnd().meanMs()).isNotEqualTo(one.endToEnd().meanMs());
    }
}
