package dev.scalelab.world.network;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Availability zones: an outage takes down exactly its zone's nodes; zone-aware balancers keep traffic in their zone. */
class ZoneTest {
    static Scenario twoZones(boolean zoneAware) {
        String svc = "\"kind\":\"service\",\"service\":{\"instances\":2,\"workersPerInstance\":8,\"queueCapacity\":100,"
                + "\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":20}}";
        String lb = "\"kind\":\"balancer\",\"zoneAware\":" + zoneAware;
        return ScenarioFiles.parse("""
                {"schema":1,"name":"zones","seed":3,"durationSeconds":300,
                 "topology":{
                   "nodes":[
                     {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":200}}},
                     {"id":"lb-a","zone":"a",%s},{"id":"lb-b","zone":"b",%s},
                     {"id":"svc-a","zone":"a",%s},{"id":"svc-b","zone":"b",%s}],
                   "edges":[
                     {"from":"users","to":"lb-a"},{"from":"users","to":"lb-b"},
                     {"from":"lb-a","to":"svc-a"},{"from":"lb-a","to":"svc-b"},
                     {"from":"lb-b","to":"svc-a"},{"from":"lb-b","to":"svc-b"}],
                   "crossZoneMs":2,
                   "outages":[{"zone":"a","atSeconds":100,"durationSeconds":100}]}}
                """.formatted(lb, lb, svc, svc));
    }

    @Test
    void anOutageTakesDownExactlyItsZoneAndZoneAwareBalancingKeepsTrafficInZoneUntilThen() {
        Network net = new Network(twoZones(true));
        net.runUntil(99.9);
        NetworkSnapshot before = net.snapshot();
        assertThat(net.arrivals("svc-a")).isEqualTo(net.arrivals("lb-a"));
        assertThat(net.arrivals("svc-b")).isEqualTo(net.arrivals("lb-b"));
        assertThat(net.report().get("totals").get("crossZoneRequests").asLong()).isZero();
        assertThat(before.nodes()).noneMatch(NetworkSnapshot.NodeState::down);

        net.runUntil(100.5);
        NetworkSnapshot during = net.snapshot();
        assertThat(during.nodes()).filteredOn(NetworkSnapshot.NodeState::down).extracting(NetworkSnapshot.NodeState::id)
                .containsExactly("lb-a", "svc-a");
        long svcA = net.arrivals("svc-a");
        long failedAtStart = net.failed();
        net.runUntil(199.9);
        // Nothing reaches zone a while it is out; zone b takes every request, and no more fail.
        assertThat(net.arrivals("svc-a")).isEqualTo(svcA);
        assertThat(net.failed()).isEqualTo(failedAtStart);
        assertThat(net.snapshot().nodes()).filteredOn(n -> n.id().equals("svc-b")).first()
                .satisfies(n -> assertThat(n.arrivalsPerSecond()).isCloseTo(200, within(50.0)));

        net.runUntil(300);
        assertThat(net.snapshot().nodes()).noneMatch(NetworkSnapshot.NodeState::down);
        assertThat(net.arrivals("svc-a")).isGreaterThan(svcA + 5_000);
        // Only what zone a held when it went down was lost: a few requests, not a second's worth.
        assertThat(net.failed()).isBetween(1L, 40L);
    }

    @Test
    void withoutZoneAwarenessHalfTheTrafficCrossesZonesAndPaysForIt() {
        Network aware = new Network(twoZones(true));
        aware.runUntil(99);
        Network blind = new Network(twoZones(false));
        blind.runUntil(99);
        long sent = blind.arrivals("lb-a") + blind.arrivals("lb-b");
        long crossed = blind.report().get("totals").get("crossZoneRequests").asLong();
        assertThat(crossed / (double) sent).isCloseTo(0.5, within(0.02));
        // Each crossing adds 2 ms each way.
        assertThat(blind.endToEnd().meanMs() - aware.endToEnd().meanMs()).isCloseTo(0.5 * 4, within(0.6));
    }
}
