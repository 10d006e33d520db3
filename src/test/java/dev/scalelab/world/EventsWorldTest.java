package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asynchronous path in the world: the lag autoscaler, bursts, backpressure, crashes, checks and the report. */
class EventsWorldTest {

    /** A light workload, and the given events section and timeline. */
    private static String scenario(String events, String timeline) {
        return "{\"schema\":1,\"seed\":11,\"workload\":{\"arrival\":{\"process\":\"poisson\",\"ratePerSecond\":10}},"
                + "\"service\":{\"instances\":1,\"workersPerInstance\":100,\"warmupSeconds\":0,\"serviceTime\":{\"distribution\":\"constant\","
                + "\"meanMs\":1}},\"events\":" + events + ",\"timeline\":[" + timeline + "]}";
    }

    private static World run(String json, double seconds) {
        World w = new World(ScenarioFiles.parse(json));
        w.advanceTo(Simulation.secondsToNanos(seconds));
        return w;
    }

    private static List<Decision> decisions(World w, Source source) {
        return w.decisions().stream().filter(d -> d.source() == source).toList();
    }

    /** A group of 2 whose records take an hour each: nothing commits, so the lag is exactly what was published. */
    private static String stuckGroup(String autoscaler) {
        return "{\"topics\":[{\"name\":\"orders\",\"partitions\":8}],\"groups\":[{\"name\":\"billing\",\"topic\":\"orders\","
                + "\"consumers\":2,\"processingTime\":{\"distribution\":\"constant\",\"meanMs\":3600000},\"autoscaler\":"
                + autoscaler + "}]}";
    }

    /**
     * The example: lag 12,400 over 8 partitions with a threshold of 1,000 asks for 13
     * consumers; KEDA caps the reported lag at 8 × 1,000, so the HPA settles on 8.
     */
    @Test
    void theLagAutoscalerCapsItsDecisionAtThePartitionCount() {
        World w = run(scenario(stuckGroup("{\"lagThreshold\":1000,\"pollingIntervalSeconds\":5,\"scaleUpPods\":10}"),
                "{\"atSeconds\":1,\"command\":\"publish-burst\",\"target\":\"orders\",\"value\":12400}"), 5);
        List<Decision> keda = decisions(w, Source.KEDA);
        assertEquals(1, keda.size(), keda.toString());
        Decision d = keda.get(0);
        assertEquals("billing: lag 12,400 over 8 partitions, threshold 1,000 → 13 → capped at 8 partitions → 8 consumers (was 2)",
                d.message());
        assertEquals(List.of(2, 8, 8), List.of(d.currentReplicas(), d.desiredReplicas(), d.finalReplicas()));
        assertEquals(8, w.currentScenario().events().groups().get(0).consumers());
    }

    /**
     * KEDA scales to zero itself: with minReplicas 0, once the lag has stayed at or below the
     * activation threshold for the cooldown, and back to one when the lag passes it.
     */
    @Test
    void kedaScalesToZeroAfterTheCooldownAndActivatesOnLag() {
        World w = run(scenario("{\"topics\":[{\"name\":\"orders\",\"partitions\":4}],\"groups\":[{\"name\":\"billing\","
                + "\"topic\":\"orders\",\"consumers\":1,\"autoscaler\":{\"lagThreshold\":100,\"activationLagThreshold\":50,"
                + "\"minReplicas\":0,\"pollingIntervalSeconds\":10,\"cooldownSeconds\":25}}]}",
                "{\"atSeconds\":45,\"command\":\"publish-burst\",\"target\":\"orders\",\"value\":51}"), 60);
        List<String> messages = decisions(w, Source.KEDA).stream().map(d -> d.atSeconds() + " " + d.message()).toList();
        assertEquals(List.of(
                "10.0 billing: lag 0 over 4 partitions, threshold 100 → 0 → held at 1 by the scale-down stabilisation window → 1 "
                        + "consumer (unchanged)",
                "20.0 billing: lag 0 over 4 partitions, threshold 100 → 0 → held at 1 by the scale-down stabilisation window → 1 "
                        + "consumer (unchanged)",
                "30.0 billing: lag 0 at or below activation 50 for the cooldown of 25 s → 0 consumers (was 1)",
                "50.0 billing: lag 51 above activation 50 → activate → 1 consumer (was 0)",
                "60.0 billing: lag 51 over 4 partitions, threshold 100 → 1 → 1 consumer (unchanged)"), messages);
    }

    /** The HPA's default scale-up policies (4 pods or 100% per 15 s, the most) let 2 consumers grow to 6 at once, not 8. */
    @Test
    void theHpaBehaviorLimitsHowFastConsumersAreAdded() {
        World w = run(scenario(stuckGroup("{\"lagThreshold\":1000,\"pollingIntervalSeconds\":5}"),
                "{\"atSeconds\":1,\"command\":\"publish-burst\",\"target\":\"orders\",\"value\":12400}"), 5);
        Decision d = decisions(w, Source.KEDA).get(0);
        assertEquals(List.of(2, 8, 6), List.of(d.currentReplicas(), d.desiredReplicas(), d.finalReplicas()), d.message());
        assertTrue(d.message().endsWith("→ capped at 8 partitions → at most 6 by the scale-up policies → 6 consumers (was 2)"), d.message());
    }

    /** KEDA's SQS scaler on a queue: visible and in-flight messages over queueLength, with no partition cap. */
    @Test
    void aQueueScalesOnItsVisibleAndInFlightMessages() {
        World w = run(scenario("{\"queues\":[{\"name\":\"jobs\",\"consumers\":1,\"processingTime\":{\"distribution\":"
                + "\"constant\",\"meanMs\":3600000},\"visibilityTimeoutSeconds\":7200,\"autoscaler\":{\"lagThreshold\":5,"
                + "\"pollingIntervalSeconds\":5,\"scaleUpPods\":100}}]}",
                "{\"atSeconds\":1,\"command\":\"publish-burst\",\"target\":\"jobs\",\"value\":100}"), 5);
        Decision d = decisions(w, Source.KEDA).get(0);
        assertEquals("jobs: lag 100 messages, threshold 5 → 20 → 20 consumers (was 1)", d.message());
        EventsView.QueueView q = w.snapshot().events().queues().get(0);
        assertEquals(100, q.visible() + q.inFlight());
        assertEquals(1, q.inFlight());
        assertEquals(20, q.desiredConsumers());
        assertEquals(20, q.consumers().size());
    }

    @Test
    void aBurstWithNoConsumersIsAllLag() {
        World w = run(scenario("{\"topics\":[{\"name\":\"orders\",\"partitions\":4}],\"groups\":[{\"name\":\"billing\","
                + "\"topic\":\"orders\",\"consumers\":0}]}",
                "{\"atSeconds\":1,\"command\":\"publish-burst\",\"target\":\"orders\",\"value\":5000}"), 3);
        EventsView.GroupView g = w.snapshot().events().groups().get(0);
        assertEquals(5000, g.totalLag());
        long sum = 0;
        for (long lag : g.lag()) {
            sum += lag;
        }
        assertEquals(5000, sum);
        JsonNode topic = Report.of(w, 0).get("events").get("topics").get(0);
        assertEquals(5000, topic.get("published").asLong());
        assertEquals(0, topic.get("consumed").asLong());
        assertEquals(5000, topic.get("lagMax").asLong());
    }

    /**
     * A topic bounded at one unconsumed record, read by a group with no consumers: the first
     * request's record fills it, and every later request waits in the publish phase for exactly
     * max.block.ms, then fails.
     */
    @Test
    void aBlockedPublishFailsTheRequestExactlyAtMaxBlockMs() {
        World w = new World(ScenarioFiles.parse(scenario("{\"topics\":[{\"name\":\"orders\",\"partitions\":2,\"maxRecords\":1}],"
                + "\"producers\":[{\"topic\":\"orders\",\"source\":\"requests\",\"fraction\":1,\"maxBlockMs\":250}],"
                + "\"groups\":[{\"name\":\"billing\",\"topic\":\"orders\",\"consumers\":0}]}", "")));
        List<long[]> answered = new ArrayList<>();
        w.setAnsweredHook(r -> answered.add(new long[] {r.phaseNanos[Phase.PUBLISH.ordinal()],
                w.simulation().nowNanos() - r.arrivalNanos}));
        w.advanceTo(Simulation.secondsToNanos(10));
        assertTrue(answered.size() > 50, "answered " + answered.size());
        assertEquals(0, answered.get(0)[0]);
        for (long[] a : answered.subList(1, answered.size())) {
            assertEquals(250 * Simulation.NANOS_PER_MILLI, a[0]);
            assertEquals(1 + 250, a[1] / Simulation.NANOS_PER_MILLI);
        }
        JsonNode report = Report.of(w, 0);
        JsonNode events = report.get("events");
        // Every request after the first waited; those that arrived in the last 250 ms wait still.
        assertEquals(report.get("requests").get("offered").asLong() - 1, events.get("blockedPublishes").asLong());
        assertEquals(answered.size() - 1, events.get("droppedPublishes").asLong());
        assertEquals(answered.size() - 1, report.get("requests").get("failed").asLong());
    }

    /**
     * Retention changes live, as Kafka's retention.ms does with kafka-configs: a group that never
     * reads loses nothing under 7 days' retention, and once retention drops to 10 s at 60 s, every
     * record published more than 10 s before the last retention pass (one a second) is deleted
     * from the head of the log under it.
     */
    @Test
    void retentionChangesLiveAndDeletesWhatIsOlder() {
        String events = "{\"topics\":[{\"name\":\"orders\",\"partitions\":1}],"
                + "\"producers\":[{\"topic\":\"orders\",\"source\":\"requests\",\"fraction\":1}],"
                + "\"groups\":[{\"name\":\"idle\",\"topic\":\"orders\",\"consumers\":0}]}";
        World kept = run(scenario(events, ""), 80);
        assertEquals(0, kept.snapshot().events().topics().get(0).partitions().get(0).logStartOffset());

        World w = new World(ScenarioFiles.parse(scenario(events,
                "{\"atSeconds\":60,\"command\":\"set\",\"path\":\"events.topics[0].retentionSeconds\",\"value\":10}")));
        List<Long> publishedAt = new ArrayList<>();
        w.setAnsweredHook(r -> publishedAt.add(w.simulation().nowNanos()));
        w.advanceTo(Simulation.secondsToNanos(80));
        // Offsets count from 0, so the log's start offset is how many records were deleted from its head.
        long deleted = w.snapshot().events().topics().get(0).partitions().get(0).logStartOffset();
        long olderThan69 = publishedAt.stream().filter(t -> t <= Simulation.secondsToNanos(69)).count();
        long olderThan70 = publishedAt.stream().filter(t -> t <= Simulation.secondsToNanos(70)).count();
        assertTrue(deleted >= olderThan69 && deleted <= olderThan70,
                "deleted " + deleted + ", published by 69 s " + olderThan69 + ", by 70 s " + olderThan70);
        assertTrue(olderThan69 > 600, "about 10 records a second for 69 s: " + olderThan69);
    }

    /** An outbox publishes once per answered write, keyed by the request's key, to the partition murmur2 gives it. */
    @Test
    void everyAnsweredWritePublishesOneRecordWithItsKey() {
        World w = new World(ScenarioFiles.parse(scenario("{\"topics\":[{\"name\":\"changes\",\"partitions\":5}],"
                + "\"producers\":[{\"topic\":\"changes\",\"source\":\"writes\"}]}", "")
                .replace("\"ratePerSecond\":10}}", "\"ratePerSecond\":200},\"readRatio\":0.7}")));
        long[] writesPerPartition = new long[5];
        w.setAnsweredHook(r -> {
            if (!r.read) {
                writesPerPartition[dev.scalelab.engine.events.Partitioner.partitionOf(r.key, 5)]++;
            }
        });
        w.advanceTo(Simulation.secondsToNanos(20));
        List<EventsView.PartitionView> partitions = w.snapshot().events().topics().get(0).partitions();
        long writes = 0;
        for (int p = 0; p < 5; p++) {
            assertEquals(writesPerPartition[p], partitions.get(p).logEndOffset(), "partition " + p);
            writes += writesPerPartition[p];
        }
        assertTrue(writes > 1000, writes + " writes");
    }

    /**
     * Two groups read one topic; one consumer of each crashes. Auto-commit every 5 s leaves records
     * processed but not committed: both groups redeliver them, and only the group that is not
     * idempotent counts them as duplicate effects.
     */
    @Test
    void aCrashRedeliversAndOnlyTheIdempotentGroupHasNoDuplicates() {
        String group = "\"topic\":\"payments\",\"consumers\":3,\"bootSeconds\":5,\"processingTime\":{\"distribution\":"
                + "\"exponential\",\"meanMs\":2},\"sessionTimeoutMs\":10000,\"rebalanceMs\":1000";
        World w = run(scenario("{\"topics\":[{\"name\":\"payments\",\"partitions\":6}],\"producers\":[{\"topic\":\"payments\","
                + "\"source\":\"steady\",\"ratePerSecond\":200}],\"groups\":[{\"name\":\"ledger\"," + group + "},"
                + "{\"name\":\"notifications\",\"idempotent\":true," + group + "}]}",
                "{\"atSeconds\":12,\"command\":\"crash-consumer\",\"target\":\"ledger\"},"
                        + "{\"atSeconds\":12,\"command\":\"crash-consumer\",\"target\":\"notifications-1\"}"), 60);
        JsonNode groups = Report.of(w, 0).get("events").get("groups");
        EventsView.GroupView ledger = w.snapshot().events().groups().get(0);
        EventsView.GroupView notifications = w.snapshot().events().groups().get(1);
        assertTrue(ledger.redelivered() > 0, "ledger redelivered " + ledger.redelivered());
        assertEquals(ledger.redelivered(), ledger.duplicates());
        assertEquals(ledger.duplicates(), groups.get(0).get("duplicates").asLong());
        assertTrue(notifications.redelivered() > 0);
        assertEquals(0, groups.get(1).get("duplicates").asLong());
        // The crashed consumers were replaced by new ones, numbered on.
        assertEquals(List.of("ledger-1", "ledger-2", "ledger-3"), ledger.consumers().stream().map(EventsView.ConsumerView::id).toList());
        assertEquals(List.of("notifications-0", "notifications-2", "notifications-3"),
                notifications.consumers().stream().map(EventsView.ConsumerView::id).toList());
        JsonNode timeline = groups.get(0).get("consumers").get("timeline");
        assertEquals("[[0.0,3],[12.0,2],[17.0,3]]", timeline.toString());
    }

    @Test
    void aGroupOfAnUnknownTopicIsNamedInOneLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(scenario(
                "{\"topics\":[{\"name\":\"orders\"}],\"groups\":[{\"name\":\"billing\",\"topic\":\"ordrs\"}]}", "")));
        assertEquals("events.groups[0].topic: \"ordrs\" is not a topic of this scenario; use one of orders", e.getMessage());
    }

    @Test
    void timelineCommandsMustNameWhatTheEventsSectionHas() {
        String events = "{\"topics\":[{\"name\":\"orders\",\"partitions\":8}],\"groups\":[{\"name\":\"billing\",\"topic\":\"orders\"}]}";
        assertEquals("timeline[0].target: \"payments\" is not a topic or queue of this scenario; use one of orders",
                assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(scenario(events,
                        "{\"atSeconds\":1,\"command\":\"publish-burst\",\"target\":\"payments\",\"value\":10}"))).getMessage());
        assertEquals("timeline[0].value: 4 is below the 8 partitions orders has by then; Kafka only adds partitions",
                assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(scenario(events,
                        "{\"atSeconds\":1,\"command\":\"set\",\"path\":\"events.topics[0].partitions\",\"value\":4}"))).getMessage());
        assertEquals("timeline[0].path: \"events.queues[0].consumers\" names an item this scenario does not have: it has 0 queues",
                assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(scenario(events,
                        "{\"atSeconds\":1,\"command\":\"set\",\"path\":\"events.queues[0].consumers\",\"value\":4}"))).getMessage());
        ScenarioFiles.parse(scenario(events, "{\"atSeconds\":1,\"command\":\"crash-consumer\",\"target\":\"billing-7\"}"));
    }

    @Test
    void theReportHasTheEventsSectionOnlyWithEvents() {
        World with = run(scenario("{\"topics\":[{\"name\":\"orders\",\"partitions\":3}],\"producers\":[{\"topic\":\"orders\","
                + "\"source\":\"steady\",\"ratePerSecond\":50}],\"groups\":[{\"name\":\"billing\",\"topic\":\"orders\"}],"
                + "\"queues\":[{\"name\":\"jobs\"}]}", ""), 10);
        JsonNode report = Report.of(with, 0);
        JsonNode events = report.get("events");
        assertEquals(List.of("topics", "groups", "queues", "blockedPublishes", "droppedPublishes"), fieldNames(events));
        assertEquals(List.of("name", "published", "consumed", "lagMax", "endToEndMs"), fieldNames(events.get("topics").get(0)));
        assertEquals(List.of("name", "rebalances", "rebalancePauseMsTotal", "duplicates", "redelivered", "deadLettered",
                "skipped", "consumers", "assignments"), fieldNames(events.get("groups").get(0)));
        assertEquals("{\"billing-0\":[0,1],\"billing-1\":[2]}", events.get("groups").get(0).get("assignments").toString());
        assertEquals(List.of("name", "sent", "deleted", "redelivered", "duplicates", "deadLettered", "endToEndMs"),
                fieldNames(events.get("queues").get(0)));
        assertTrue(report.get("kernelEvents").asLong() > 0);

        World without = run("{\"schema\":1,\"durationSeconds\":5}", 5);
        assertTrue(Report.of(without, 0).get("events").isNumber());
        assertNull(without.snapshot().events());
        assertFalse(Report.of(without, 0).has("kernelEvents"));
    }

    /** Every events parameter is set live, through the events system, on a scenario with a topic, producer, group and queue. */
    @Test
    void everyEventsParameterChangesLive() {
        String events = "{\"topics\":[{\"name\":\"orders\",\"partitions\":4}],\"producers\":[{\"topic\":\"orders\","
                + "\"source\":\"steady\",\"ratePerSecond\":50}],\"groups\":[{\"name\":\"billing\",\"topic\":\"orders\"}],"
                + "\"queues\":[{\"name\":\"jobs\"}]}";
        List<Parameter> applied = new ArrayList<>();
        for (Parameter p : Part.EVENTS.parameters()) {
            World w = run(scenario(events, ""), 1);
            Object value = p.read(w.currentScenario());
            w.advanceTo(w.commandTimeNanos());
            w.applyUserChange(p, value);
            Decision last = w.decisions().get(w.decisions().size() - 1);
            assertEquals(p.path(), last.fields().get("parameter"), p.path() + ": " + last.message());
            w.advanceTo(Simulation.secondsToNanos(3));
            assertTrue(w.snapshot().events().topics().get(0).published() > 50, p.path());
            applied.add(p);
        }
        assertEquals(23, applied.size());
    }

    /** Partitions only grow: a smaller count is refused and the topic keeps its partitions; a larger one rebalances. */
    @Test
    void partitionsOnlyGrowAndTheGroupRebalancesToTakeThem() {
        World w = run(scenario("{\"topics\":[{\"name\":\"orders\",\"partitions\":4}],\"groups\":[{\"name\":\"billing\","
                + "\"topic\":\"orders\",\"consumers\":2}]}", ""), 1);
        w.advanceTo(w.commandTimeNanos());
        w.applyUserChange(Parameter.of("events.topics[0].partitions"), 2);
        assertEquals(4, w.currentScenario().events().topics().get(0).partitions());
        assertEquals(4, w.snapshot().events().topics().get(0).partitions().size());
        w.applyUserChange(Parameter.of("events.topics[0].partitions"), 6);
        w.advanceTo(Simulation.secondsToNanos(10));
        assertEquals(6, w.snapshot().events().topics().get(0).partitions().size());
        assertEquals("{\"billing-0\":[0,1,2],\"billing-1\":[3,4,5]}",
                Report.of(w, 0).get("events").get("groups").get(0).get("assignments").toString());
        // The refused change is not recorded, so the saved run reads back.
        Scenario saved = ScenarioFiles.parse(ScenarioFiles.write(w.recordedScenario()));
        assertEquals(List.of(6), saved.timeline().stream().map(Scenario.TimelineEntry::value).toList());
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
