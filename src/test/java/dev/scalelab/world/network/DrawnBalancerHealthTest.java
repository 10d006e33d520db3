package dev.scalelab.world.network;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drawn balancer's health handling ({@link BalancerHealth}), in virtual time: Envoy's outlier
 * ejection (consecutive_5xx, base ejection time times the ejections in a row, the 10 s interval that
 * brings hosts back), active health checks (an unhealthy response marks a host at once; the healthy
 * threshold of passes in a row brings it back) and the panic threshold.
 */
class DrawnBalancerHealthTest {

    /** 100 req/s round robin over three instances of 4 workers, 20 ms constant: no queueing, every third request to each. */
    private static Scenario design(String balancer, int instances, String timeline) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"health\",\"seed\":5,\"durationSeconds\":120,\"timeline\":[" + timeline
                + "],\"topology\":{\"nodes\":[{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":100}}},"
                + "{\"id\":\"lb\",\"kind\":\"balancer\",\"balancer\":{\"strategy\":\"round-robin\"" + balancer + "}},"
                + "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":" + instances + ",\"workersPerInstance\":4,"
                + "\"queueCapacity\":100,\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":20}}}],"
                + "\"edges\":[{\"from\":\"users\",\"to\":\"lb\"},{\"from\":\"lb\",\"to\":\"web\"}]}}");
    }

    private static String errors(double atSeconds, String instance, double fraction) {
        return "{\"atSeconds\":" + atSeconds + ",\"command\":\"error-instance\",\"target\":\"" + instance + "\",\"value\":" + fraction + "}";
    }

    /** The time of the first decision of {@code lb} ending with {@code text}, from {@code afterSeconds} on; NaN when none. */
    private static double when(Network net, String text, double afterSeconds) {
        for (String d : net.decisions()) {
            double t = Double.parseDouble(d.substring(0, d.indexOf(" s ")));
            if (t >= afterSeconds && d.contains(" lb: ") && d.endsWith(text)) {
                return t;
            }
        }
        return Double.NaN;
    }

    /**
     * web-1 fails every request from 10 s. Its 5th error in a row ejects it for 30 s; the interval
     * timer (every 10 s from the start) brings it back at the first tick 30 s after: 50 s. No request
     * fails while it is out, so the clients' failures stay at exactly 5. Back, it fails 5 more and is
     * ejected again for 60 s (base x 2 in a row).
     */
    @Test
    void fiveErrorsInARowEjectAnInstanceUntilTheIntervalAfterItsEjectionTime() {
        Network net = new Network(design(",\"outlierConsecutiveErrors\":5,\"outlierBaseEjectionSeconds\":30", 3,
                errors(10, "web-1", 1.0)));
        net.runUntil(10);
        assertThat(net.failed()).isZero();
        net.runUntil(49.999);
        double ejected = when(net, "web-1 eject: 5 consecutive errors; ejected for 30 s (base 30 s x 1 in a row); 1 of 3 hosts ejected", 10);
        // Every third request of 100/s: the 5th error in a row within 15 requests, well inside a second.
        assertThat(ejected).isBetween(10.0, 11.0);
        assertThat(net.failed()).isEqualTo(5);
        // The canvas writes it on the balancer's box.
        assertThat(net.snapshot().nodes().get(1).health()).isEqualTo("1 ejected");
        net.runUntil(50);
        assertThat(net.snapshot().nodes().get(1).health()).isEmpty();
        assertThat(when(net, "web-1 uneject: ejection time 30 s elapsed", 10)).isEqualTo(50.0);
        net.runUntil(51);
        assertThat(when(net, "web-1 eject: 5 consecutive errors; ejected for 60 s (base 30 s x 2 in a row); 1 of 3 hosts ejected", 50))
                .isBetween(50.0, 51.0);
        assertThat(net.failed()).isEqualTo(10);
        net.runUntil(120);
        assertThat(net.failed()).isEqualTo(10); // out for 60 s: back only at the interval tick of 120 s, the end
    }

    /**
     * Health checks every 5 s: web-2 answers errors from 12 s, so the probe at 15 s gets an unhealthy
     * response and marks it at once (Envoy); from then on it gets no request. Healed at 30 s, it passes
     * at 30 s (after the heal of that moment) and 35 s, and is healthy again at 35 s (healthy threshold 2).
     */
    @Test
    void anUnhealthyResponseTakesAnInstanceOutUntilItPassesTwiceInARow() {
        Network net = new Network(design(",\"healthCheckIntervalSeconds\":5,\"healthCheckUnhealthyThreshold\":3,"
                + "\"healthCheckHealthyThreshold\":2", 3, errors(12, "web-2", 1.0) + "," + errors(30, "web-2", 0)));
        net.runUntil(12);
        assertThat(net.failed()).isZero();
        net.runUntil(15);
        long failedBeforeProbe = net.failed();
        // Every third request for 3 s: about 100, each an error.
        assertThat(failedBeforeProbe).isBetween(80L, 120L);
        assertThat(net.decisions()).anyMatch(d -> d.startsWith("15.000 s lb: web-2 unhealthy"));
        net.runUntil(34.999);
        assertThat(net.failed()).isEqualTo(failedBeforeProbe);
        assertThat(net.snapshot().nodes().get(1).health()).isEqualTo("1 unhealthy");
        net.runUntil(35);
        // Healed at 30 s, before that moment's probe: it passes at 30 and 35 s.
        assertThat(net.decisions()).noneMatch(d -> d.startsWith("30.000 s lb: web-2 healthy"));
        assertThat(net.decisions()).contains("35.000 s lb: web-2 healthy: 2 health checks passed in a row");
        // At the start every instance passes the probe at 0 s before any request: no panic, ever.
        assertThat(net.decisions()).noneMatch(d -> d.contains("panic"));
    }

    /**
     * Both instances fail from 5 s, one error ejects, and up to 100 % may be ejected: with none
     * healthy the balancer panics (below 50 %) and balances over both again, so failures go on.
     */
    @Test
    void withTooFewHealthyInstancesTheBalancerPanicsAndUsesThemAll() {
        Network net = new Network(design(",\"outlierConsecutiveErrors\":1,\"outlierMaxEjectionPercent\":100", 2,
                errors(5, "web-0", 1.0) + "," + errors(5, "web-1", 1.0)));
        net.runUntil(6);
        assertThat(net.decisions()).anyMatch(d -> d.contains(" lb: web-0 eject: 1 consecutive errors"));
        assertThat(net.decisions()).anyMatch(d -> d.contains(" lb: web-1 eject: 1 consecutive errors"));
        // One ejected of two leaves 50 %: not below the threshold; both ejected is panic.
        List<String> panics = net.decisions().stream().filter(d -> d.contains("panic")).toList();
        assertThat(panics).hasSize(1);
        assertThat(panics.get(0)).endsWith("lb: panic over web: 0 of 2 ready instances healthy, below 50%; balancing over all of them");
        assertThat(net.snapshot().nodes().get(1).health()).isEqualTo("2 ejected · panic");
        long failed = net.failed();
        net.runUntil(16);
        // In panic every request still reaches an (erroring) instance: about 100/s fail.
        assertThat(net.failed() - failed).isBetween(900L, 1100L);
    }

    /**
     * Outlier ejection switched on live at 20 s, while web-1 has been failing since 10 s: the drawn
     * balancer takes it as a new cluster configuration, and 5 errors later web-1 is out.
     */
    @Test
    void ejectionSwitchedOnLiveActsFromTheChange() {
        Network net = new Network(design("", 3, errors(10, "web-1", 1.0)));
        net.runUntil(20);
        long before = net.failed();
        assertThat(before).isBetween(280L, 390L); // a third of 1,000 requests
        assertThat(net.apply("nodes.lb.balancer.outlierConsecutiveErrors", 5)).isEqualTo("balancer.outlierConsecutiveErrors 0 -> 5");
        net.runUntil(21);
        assertThat(when(net, "web-1 eject: 5 consecutive errors; ejected for 30 s (base 30 s x 1 in a row); 1 of 3 hosts ejected", 20))
                .isBetween(20.0, 21.0);
        // The 5 errors it counted, and those of requests already on their way to web-1 at 20 s (1 or 2 at
        // 20 ms each, one request in three): the new configuration did not route them, so they do not count.
        long atEjection = net.failed();
        assertThat(atEjection - before).isBetween(5L, 7L);
        net.runUntil(45);
        assertThat(net.failed()).isEqualTo(atEjection);
    }

    /** A balancer without ejection or health checks has no health part, so its runs are those of before. */
    @Test
    void aBalancerWithoutHealthHandlingHasNone() {
        assertThat(BalancerHealth.of(null, null, Scenario.Balancer.DEFAULT)).isNull();
        Network net = new Network(design("", 3, errors(10, "web-1", 1.0)));
        net.runUntil(20);
        List<String> lb = net.decisions().stream().filter(d -> d.contains(" lb: ")).toList();
        assertThat(lb).isEmpty();
    }
}
