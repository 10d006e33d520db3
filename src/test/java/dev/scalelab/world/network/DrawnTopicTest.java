package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.engine.events.ConsumerGroup;
import dev.scalelab.engine.events.Partitioner;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A drawn topic runs the pipeline's events engines (engines.md §6): Kafka's partitioner places keyed
 * records, each consuming service is a consumer group whose ready instances are its members, and a
 * crashed consumer instance is removed a session timeout later, its uncommitted records processed again.
 */
class DrawnTopicTest {

    /** users at {@code rate}/s → web → orders (a topic) → svc of {@code instances} instances, 5 ms a record. */
    private static Scenario design(double seconds, double rate, String topic, int instances, String timeline) {
        return design(seconds, rate, topic, instances, timeline, 5, "");
    }

    /** As above, each record taking {@code recordMs} of svc's worker, {@code svcExtra} added to svc's node. */
    private static Scenario design(double seconds, double rate, String topic, int instances, String timeline, double recordMs,
                                   String svcExtra) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"topic\",\"seed\":11,\"durationSeconds\":" + seconds
                + ",\"timeline\":[" + timeline + "],\"topology\":{\"nodes\":["
                + "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":" + rate + "},"
                + "\"keys\":{\"distribution\":\"uniform\",\"count\":5000}}},"
                + "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":2,\"workersPerInstance\":16,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":1}}},"
                + "{\"id\":\"orders\",\"kind\":\"topic\",\"topic\":" + topic + "},"
                + "{\"id\":\"svc\",\"kind\":\"service\",\"service\":{\"instances\":" + instances + ",\"workersPerInstance\":4,"
                + "\"provisionSeconds\":2,\"bootSeconds\":3,\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":" + recordMs
                + "}}" + svcExtra + "}],"
                + "\"edges\":[{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"orders\",\"mode\":\"async\"},"
                + "{\"from\":\"orders\",\"to\":\"svc\",\"mode\":\"async\"}]}}");
    }

    private static TopicNode topic(Network net) {
        return (TopicNode) net.node("orders");
    }

    /** engines.md's Range example: 7 partitions over 3 members, sorted by id, are [0,1,2], [3,4], [5,6]. */
    @Test
    void threeInstancesShareSevenPartitionsAsRangeDoes() {
        Network net = new Network(design(10, 50, "{\"partitions\":7}", 3, ""));
        net.runUntil(5); // past the first rebalance (3 s by default)
        ConsumerGroup g = topic(net).group("svc");
        assertThat(g.members()).containsExactly("svc-0", "svc-1", "svc-2");
        assertThat(g.assignment()).isEqualTo(Map.of("svc-0", List.of(0, 1, 2), "svc-1", List.of(3, 4), "svc-2", List.of(5, 6)));
        net.run();
        // 50/s against 3 members of 5 ms each: every record was processed once, on the service, by the end.
        assertThat(g.totalLag()).isZero();
        assertThat(g.consumed()).isEqualTo(topic(net).published).isEqualTo(net.arrivals("svc"));
        assertThat(g.processed("svc-0") + g.processed("svc-1") + g.processed("svc-2")).isEqualTo(g.consumed());
        for (String m : g.members()) {
            assertThat(g.processed(m)).isPositive();
        }
    }

    /**
     * set nodes.orders.topic.partitions 7 at 20 s on a topic of 4 with 3 consuming instances: the topic
     * grows to 7 at that moment and the group rebalances onto them (Range: [0,1,2], [3,4], [5,6]), as
     * the pipeline's events section does; new partitions take records from then on. Fewer partitions
     * are refused at load (Kafka deletes none), naming the entry and why.
     */
    @Test
    void aTopicsPartitionsGrowWhileItRunsAndItsGroupsRebalanceOntoThem() {
        Network net = new Network(design(40, 50, "{\"partitions\":4}", 3,
                "{\"atSeconds\":20,\"command\":\"set\",\"path\":\"nodes.orders.topic.partitions\",\"value\":7}"));
        net.runUntil(19.999);
        ConsumerGroup g = topic(net).group("svc");
        assertThat(topic(net).topic.partitions()).isEqualTo(4);
        assertThat(g.assignment()).isEqualTo(Map.of("svc-0", List.of(0, 1), "svc-1", List.of(2), "svc-2", List.of(3)));
        net.runUntil(30);
        assertThat(topic(net).topic.partitions()).isEqualTo(7);
        assertThat(g.assignment()).isEqualTo(Map.of("svc-0", List.of(0, 1, 2), "svc-1", List.of(3, 4), "svc-2", List.of(5, 6)));
        assertThat(net.decisions()).anyMatch(d -> d.startsWith("20.000 s orders: 4 -> 7 partitions; keys published from now on"));
        net.run();
        // Each new partition took records and its new owner read them.
        for (int p = 4; p < 7; p++) {
            assertThat(topic(net).topic.partition(p).logEndOffset()).as("records on P" + p).isPositive();
            assertThat(g.position(p)).as("read on P" + p).isPositive();
        }

        assertThatThrownBy(() -> new Network(design(40, 50, "{\"partitions\":4}", 3,
                "{\"atSeconds\":20,\"command\":\"set\",\"path\":\"nodes.orders.topic.partitions\",\"value\":2}")))
                .hasMessageContaining("timeline[0]").hasMessageContaining("a topic's partitions only grow (Kafka deletes none): 4 now");
    }

    /**
     * A topic's group settings change live as the pipeline's group's do: a session timeout cut from
     * 10 s to 2 s at 30 s, then an instance crash at 40 s: the member is removed 2 s later, not 10.
     */
    @Test
    void aTopicsGroupSettingsChangeWhileItRuns() {
        String box = "{\"partitions\":6,\"sessionTimeoutMs\":10000,\"rebalanceMs\":500}";
        Network net = new Network(design(60, 50, box, 3,
                "{\"atSeconds\":30,\"command\":\"set\",\"path\":\"nodes.orders.topic.sessionTimeoutMs\",\"value\":2000},"
                        + "{\"atSeconds\":40,\"command\":\"crash-consumer\",\"target\":\"svc-1\"}"));
        net.runUntil(41.999);
        assertThat(topic(net).group("svc").members()).contains("svc-1");
        net.runUntil(42.001);
        assertThat(topic(net).group("svc").members()).doesNotContain("svc-1");
    }

    /**
     * A record goes to partition toPositive(murmur2(decimal key)) mod partitions: key 21 to 4 of 8, as
     * engines.md's check value ("21" → −973932308 → 4); other keys where the pipeline's partitioner puts them.
     */
    @Test
    void keyedRecordsLandOnKafkasPartitions() {
        Network net = new Network(design(10, 1, "{\"partitions\":8}", 1, ""));
        TopicNode t = topic(net);
        assertThat(t.publish(null, net.newFlow(21, false))).isTrue();
        assertThat(t.topic.partition(4).logEndOffset()).isEqualTo(1);
        assertThat(Partitioner.murmur2("21".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(-973932308);
        int[] keys = {0, 1, 7, 42, 999, 4999};
        long[] expected = new long[8];
        expected[4] = 1;
        for (int k : keys) {
            t.publish(null, net.newFlow(k, false));
            expected[Partitioner.partitionOf(k, 8)]++;
        }
        for (int p = 0; p < 8; p++) {
            assertThat(t.topic.partition(p).logEndOffset()).as("partition %d", p).isEqualTo(expected[p]);
        }
        // Every request's record, over a whole run, lands where its key says: the partitions' sizes add up.
        net.run();
        long sum = 0;
        for (int p = 0; p < 8; p++) {
            sum += t.topic.partition(p).logEndOffset();
        }
        assertThat(sum).isEqualTo(t.published);
    }

    /**
     * crash-consumer svc-1 at 60 s (auto-commit every 5 s, session timeout 10 s): svc-1 stays a member,
     * its partitions stopped, until exactly 70 s, when the group removes it and gives its partitions to
     * the others; the records it processed since its last commit (position − committed on its
     * partitions just before the crash) are processed again: the group's duplicates, exactly. Its
     * instance is replaced, as under kill-instance: svc-3 joins at 65 s (provision 2 s + boot 3 s), a
     * rebalance (done at 67 s) that leaves svc-1 its partitions; the removal at 70 s starts the third,
     * and after its 2 s Range gives 6 partitions to 3 members in runs of 2.
     */
    @Test
    void aCrashedConsumerIsRemovedAfterTheSessionTimeoutAndItsUncommittedRecordsRunAgain() {
        String box = "{\"partitions\":6,\"sessionTimeoutMs\":10000,\"rebalanceMs\":2000,\"autoCommitIntervalMs\":5000}";
        Network net = new Network(design(120, 200, box, 3, "{\"atSeconds\":60,\"command\":\"crash-consumer\",\"target\":\"svc-1\"}"));
        ConsumerGroup g = topic(net).group("svc");
        long[] uncommitted = new long[1];
        List<Integer>[] owned = new List[1];
        net.sim.schedule(Simulation.secondsToNanos(60) - 1, () -> {
            owned[0] = g.assignment().get("svc-1");
            for (int p : owned[0]) {
                uncommitted[0] += g.position(p) - g.committedOffset(p);
            }
        });
        net.runUntil(60);
        assertThat(owned[0]).containsExactly(2, 3);
        assertThat(uncommitted[0]).isPositive();
        assertThat(g.members()).contains("svc-1");
        assertThat(net.decisions()).anyMatch(d -> d.startsWith("60.000 s svc: svc-1 crashed (")
                && d.endsWith("a consumer of orders: its groups notice after their session timeout; replacing it"));
        net.runUntil(69.999);
        assertThat(g.members()).contains("svc-1");
        assertThat(g.stopped(2)).isTrue();
        assertThat(g.duplicates()).isZero();
        net.runUntil(70);
        assertThat(g.members()).containsExactly("svc-0", "svc-2", "svc-3");
        assertThat(g.rebalances()).isEqualTo(2); // a rebalance counts when it ends, the rebalance time after it starts
        assertThat(net.decisions()).anyMatch(d -> d.startsWith("70.000 s orders: svc: svc-1 removed after session timeout 10000 ms: "
                + "partitions 2, 3 resume from committed offsets"));
        net.runUntil(72.001);
        assertThat(g.rebalances()).isEqualTo(3);
        assertThat(g.assignment()).isEqualTo(Map.of("svc-0", List.of(0, 1), "svc-2", List.of(2, 3), "svc-3", List.of(4, 5)));
        net.run();
        assertThat(g.rebalances()).isEqualTo(3);
        assertThat(g.redelivered()).isEqualTo(uncommitted[0]);
        assertThat(g.duplicates()).isEqualTo(uncommitted[0]);
        JsonNode report = net.report().get("nodes").get("orders");
        assertThat(report.get("groups").get("svc").get("duplicates").asLong()).isEqualTo(uncommitted[0]);
        assertThat(report.get("partitions").asInt()).isEqualTo(6);
        assertThat(report.get("groups").get("svc").get("rebalances").asLong()).isEqualTo(3);
        // The design report's table of topic groups gives the same figures.
        String md = DesignReport.markdown(net, "crash");
        assertThat(md).contains("| orders | Topic | – | 6 partitions, range, commit auto, session 10000 ms, retry in-order × 10 |");
        assertThat(md).contains(String.format(java.util.Locale.ROOT, "| orders | svc | 3 | %,d | %,d | 3 | %,d | 0 |",
                g.totalLag(), g.consumed(), uncommitted[0]));
    }

    /**
     * KEDA on a drawn consumer: 100/s published against one instance taking 50/s (one record at a
     * time, 20 ms each), so at the first poll (30 s) the lag L is far above 4 partitions
     * × threshold 10. KEDA caps it at 40, so desired = ceil(40 / 10) = 4 (the scale-up policy would allow
     * 5); with idle consumers allowed, ceil(L / 10) is held to 1 + 4 = 5 by the policy of 4 pods per 15 s.
     */
    @Test
    void kedaScalesAConsumingServiceToTheLagCappedAtThePartitions() {
        for (boolean idle : new boolean[] {false, true}) {
            String box = "{\"partitions\":4,\"autoscaler\":{\"lagThreshold\":10,\"allowIdleConsumers\":" + idle + "}}";
            Network net = new Network(design(40, 100, box, 1, "", 20, ""));
            net.runUntil(30);
            String line = net.decisions().stream().filter(d -> d.startsWith("30.000 s orders: svc: lag ")).findFirst().orElseThrow();
            long lag = Long.parseLong(line.replaceAll(".*svc: lag ([\\d,]+) over 4 partitions.*", "$1").replace(",", ""));
            assertThat(lag).isGreaterThan(50 * 10);
            ServiceNode svc = (ServiceNode) net.node("svc");
            if (!idle) {
                assertThat(line).endsWith("svc: lag " + String.format(java.util.Locale.ROOT, "%,d", lag) + " over 4 partitions, "
                        + "threshold 10 → " + String.format(java.util.Locale.ROOT, "%,d", (lag + 9) / 10)
                        + " → capped at 4 partitions → 4 consumers (was 1)");
                assertThat(svc.scaler.spec()).isEqualTo(4);
            } else {
                assertThat(line).contains("→ at most 5 by the scale-up policies → 5 consumers (was 1)");
                assertThat(svc.scaler.spec()).isEqualTo(5);
            }
            net.run();
            // The new instances joined the group once ready (provision 2 s + boot 3 s): 4 or 5 members.
            assertThat(topic(net).group("svc").members()).hasSize(idle ? 5 : 4);
        }
    }

    /** A topic's autoscaler decides its consumers' count alone: a service with an autoscaler of its own is refused. */
    @Test
    void aTopicsAutoscalerIsTheServicesOnly() {
        assertThatThrownBy(() -> new Network(design(10, 1, "{\"autoscaler\":{\"lagThreshold\":5}}", 1, "", 5,
                ",\"autoscaler\":{\"policy\":\"hpa\"}")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("topology.nodes[2].topic.autoscaler: svc has its own autoscaler (hpa): one autoscaler decides a "
                        + "service's instances; set its autoscaler.policy to none, or remove this one");
    }

    /**
     * 150/s published to 2 partitions read by 2 instances of 50/s each (one record at a time, 20 ms):
     * the group falls behind by about 50/s, and with a member per partition more instances would sit
     * idle, so the insight asks for partitions first.
     */
    @Test
    void aTopicWhoseLagOutgrowsItsConsumersGetsAnInsight() {
        Network net = new Network(design(60, 150, "{\"partitions\":2}", 2, "", 20, ""));
        net.runUntil(45);
        Insight lag = InsightsTest.find(net, Insight.Kind.GROWING_LAG, "orders");
        assertThat(lag).isNotNull();
        assertThat(lag.finding()).matches("orders's lag grows by (4\\d|5\\d|6\\d)/s to .* unprocessed records");
        assertThat(lag.fix()).isEqualTo("svc already has a member per partition (2): add partitions, then instances, or make "
                + "each record cheaper");
    }

    /** Same scenario, same seed: the same run, crash, rebalances and KEDA's decisions included, bit for bit. */
    @Test
    void theSameSeedGivesTheSameRun() {
        String box = "{\"partitions\":4,\"sessionTimeoutMs\":10000,\"autoscaler\":{\"lagThreshold\":20}}";
        String crash = "{\"atSeconds\":20,\"command\":\"crash-consumer\",\"target\":\"svc-0\"}";
        Network a = new Network(design(90, 120, box, 2, crash, 20, ""));
        Network b = new Network(design(90, 120, box, 2, crash, 20, ""));
        a.run();
        b.run();
        assertThat(a.reportJson()).isEqualTo(b.reportJson());
        assertThat(a.decisions()).isEqualTo(b.decisions());
        assertThat(topic(a).group("svc").duplicates()).isPositive();
    }

    /**
     * svc in zone b, out from 20 s to 40 s (session timeout 10 s): its one instance's member stops
     * with the zone and is removed at exactly 30 s; back at 40 s it joins again and its group takes up
     * from the last commit, so by the end every record was processed and none was given up.
     */
    @Test
    void aConsumerInAZoneThatIsOutLeavesItsGroupAndComesBack() {
        String json = ScenarioFiles.write(design(90, 50, "{\"partitions\":2,\"sessionTimeoutMs\":10000}", 1, "", 5, ""));
        for (String id : List.of("users", "web", "orders")) {
            json = json.replace("\"id\" : \"" + id + "\",", "\"id\" : \"" + id + "\", \"zone\" : \"a\",");
        }
        json = json.replace("\"id\" : \"svc\",", "\"id\" : \"svc\", \"zone\" : \"b\",");
        Scenario s = ScenarioFiles.parse(json.replaceFirst("\"crossZoneDollarsPerMillion\"",
                "\"outages\" : [ { \"zone\" : \"b\", \"atSeconds\" : 20, \"durationSeconds\" : 20 } ], \"crossZoneDollarsPerMillion\""));
        assertThat(s.topology().outages()).hasSize(1);
        assertThat(s.topology().node("svc").zone()).isEqualTo("b");
        Network net = new Network(s);
        ConsumerGroup g = topic(net).group("svc");
        net.runUntil(29.999);
        assertThat(g.members()).containsExactly("svc-0");
        assertThat(g.stopped(0)).isTrue();
        net.runUntil(30);
        assertThat(g.members()).isEmpty();
        net.runUntil(40.001);
        assertThat(g.members()).containsExactly("svc-0");
        net.run();
        assertThat(g.skipped() + g.deadLettered()).isZero();
        assertThat(g.consumed()).isGreaterThanOrEqualTo(topic(net).published - g.totalLag());
        assertThat(g.totalLag()).isLessThan(50 * 6); // no more than the last auto-commit interval's records
    }

    /** The box's queued figure is what its groups lag: Σ (log end − committed). */
    @Test
    void theSnapshotShowsTheLagAsQueued() {
        Network net = new Network(design(30, 200, "{\"partitions\":2}", 1, ""));
        net.runUntil(20);
        NetworkSnapshot.NodeState s = net.snapshot().nodes().stream().filter(n -> n.id().equals("orders")).findFirst()
                .orElseThrow();
        assertThat((long) s.queued()).isEqualTo(topic(net).group("svc").totalLag());
    }

    /**
     * crash-consumer's target is an instance of a service a drawn topic's edge leads to, or that
     * service for its lowest-numbered ready instance (as the pipeline's takes a group); anything else
     * is refused by its path.
     */
    @Test
    void crashConsumerTakesAConsumingInstanceOrItsServiceAndRefusesTheRest() {
        assertThatThrownBy(() -> new Network(design(10, 1, "{}", 1, "{\"atSeconds\":1,\"command\":\"crash-consumer\",\"target\":\"web-0\"}")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("timeline[0].target: \"web-0\" is no consumer of a drawn topic: crash-consumer takes an instance of a "
                        + "service a topic's edge leads to, or the service for its lowest-numbered ready one (svc-0, svc)");
        assertThatThrownBy(() -> new Network(design(10, 1, "{}", 1, "{\"atSeconds\":1,\"command\":\"crash-consumer\",\"target\":\"orders\"}")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("timeline[0].target: \"orders\" is no consumer of a drawn topic");
        assertThatThrownBy(() -> new Network(design(10, 1, "{}", 1, "{\"atSeconds\":1,\"command\":\"crash-consumer\"}")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("timeline[0].target: missing; ");
        Network net = new Network(design(10, 50, "{}", 3, "{\"atSeconds\":5,\"command\":\"crash-consumer\",\"target\":\"svc\"}"));
        net.runUntil(5);
        assertThat(net.decisions()).anyMatch(d -> d.startsWith("5.000 s svc: svc-0 crashed ("));
        assertThat(((ServiceNode) net.node("svc")).instances.stream().map(in -> in.name)).doesNotContain("svc-0");
    }
}
