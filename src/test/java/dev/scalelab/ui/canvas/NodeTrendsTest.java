package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.network.Network;
import dev.scalelab.world.network.NetworkSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The inspector's trend lines: a point per simulated second seen, bounded, started over by a new run. */
class NodeTrendsTest {
    private static Network twoBoxes(double seconds) {
        return new Network(ScenarioFiles.parse("{\"schema\":1,\"seed\":3,\"durationSeconds\":" + seconds + ",\"topology\":{\"nodes\":["
                + "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":200}}},"
                + "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":2,\"workersPerInstance\":8,"
                + "\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":20}}}],"
                + "\"edges\":[{\"from\":\"users\",\"to\":\"web\"}]}}"));
    }

    @Test
    void aSnapshotEverySecondGivesEverySecondsFiguresWhichAddUpToTheRunsTotals() {
        Network net = twoBoxes(60);
        NodeTrends trends = new NodeTrends();
        for (int s = 1; s <= 60; s++) {
            net.runUntil(s);
            assertThat(trends.take(net.snapshot())).isTrue();
            assertThat(trends.take(net.snapshot())).isFalse(); // the same second again adds nothing
        }
        NodeTrends.Track web = trends.track("web");
        assertThat(web.size()).isEqualTo(60);
        assertThat(web.figures).isEqualTo(NodeTrends.Figure.of(NodeKind.SERVICE));
        double arrivals = 0;
        for (int i = 0; i < web.size(); i++) {
            arrivals += web.value(NodeTrends.Figure.ARRIVALS, i);
            assertThat(web.value(NodeTrends.Figure.INSTANCES, i)).isEqualTo(2);
        }
        // Each point is its second's arrivals, so the points add up to all the box took.
        assertThat(arrivals).isEqualTo(net.arrivals("web"));
        // ρ = λ / (c μ) = 200 / (16 x 50) = 0.25, as the run's mean of the points.
        double rho = 0;
        for (int i = 0; i < web.size(); i++) {
            rho += web.value(NodeTrends.Figure.UTILISATION, i) / web.size();
        }
        assertThat(rho).isCloseTo(0.25, within(0.02));
    }

    @Test
    void aLongRunKeepsEveryOtherPointOnceFullSoItsWholeShapeFits() {
        Network net = twoBoxes(2000);
        NodeTrends trends = new NodeTrends();
        for (int s = 1; s <= 2000; s++) {
            net.runUntil(s);
            trends.take(net.snapshot());
        }
        NodeTrends.Track web = trends.track("web");
        // 512 seconds fill it; halved to 256 at 2-s spacing, full again at second 1024; halved to 256 at
        // 4-s spacing, and the seconds 1028 ... 2000 add 244 more.
        assertThat(web.spacingSeconds()).isEqualTo(4);
        assertThat(web.size()).isEqualTo(256 + 244);
        assertThat(web.second(0)).isEqualTo(1);
        assertThat(web.second(web.size() - 1)).isEqualTo(2000 - (2000 - 1) % 4);
        for (int i = 1; i < web.size(); i++) {
            assertThat(web.second(i) - web.second(i - 1)).isEqualTo(4);
        }
    }

    @Test
    void framesThatSkipSecondsTakeTheLastAndANewRunStartsOver() {
        NodeTrends trends = new NodeTrends();
        assertThat(trends.take(snapshot(0.5, 10))).isFalse(); // no whole second yet
        assertThat(trends.take(snapshot(3.2, 30))).isTrue();
        assertThat(trends.take(snapshot(7.9, 70))).isTrue();
        NodeTrends.Track t = trends.track("web");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.second(1)).isEqualTo(7);
        assertThat(t.value(NodeTrends.Figure.ARRIVALS, 1)).isEqualTo(70);
        assertThat(t.value(NodeTrends.Figure.P99, 1)).isNaN();
        assertThat(trends.take(snapshot(2.1, 5))).isTrue(); // earlier than the last: a new run
        assertThat(trends.track("web").size()).isEqualTo(1);
        assertThat(NodeTrendsView.format(Double.NaN, NodeTrends.Figure.P99)).isEqualTo("–");
        assertThat(NodeTrendsView.format(0.4567, NodeTrends.Figure.UTILISATION)).isEqualTo("0.46");
        assertThat(NodeTrendsView.format(1234.4, NodeTrends.Figure.ARRIVALS)).isEqualTo("1,234/s");
        assertThat(NodeTrendsView.format(7.25, NodeTrends.Figure.P99)).isEqualTo("7.3 ms");
    }

    private static NetworkSnapshot snapshot(double t, double arrivals) {
        NetworkSnapshot.NodeState web = new NetworkSnapshot.NodeState("web", NodeKind.SERVICE, 0.5, 0, 1, 2, arrivals, 0,
                Double.NaN, Double.NaN, false, null);
        return new NetworkSnapshot(t, 100, List.of(web), List.of(), new NetworkSnapshot.Totals(0, 0, 0, 0, 0, 0, 0), List.of());
    }
}
