package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.engine.events.AssignorKind;
import dev.scalelab.engine.events.CommitMode;
import dev.scalelab.world.DistributionSpec;
import dev.scalelab.world.EventStreams;
import dev.scalelab.world.Sample;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario's event streams drawn as boxes ({@link EventsDrawing}), and what a drawing with a
 * producer of its own gives the requirements ({@link PipelineFigures}): its records are events, not
 * requests, and its topic has the pipeline's figures.
 */
class EventsDrawingTest {

    /** 50 req/s to the API; a steady producer of 300/s over 2,000 keys to "scores" (4 partitions), read by push and live-feed. */
    private static Scenario sections(String groupExtra) {
        return ScenarioFiles.parse(text(groupExtra));
    }

    private static String text(String groupExtra) {
        return ("""
                {"schema": 1, "name": "scores", "seed": 7, "durationSeconds": 30,
                 "workload": {"arrival": {"process": "poisson", "ratePerSecond": 50}},
                 "service": {"instances": 2, "workersPerInstance": 8, "serviceTime": {"distribution": "exponential", "meanMs": 10}},
                 "events": {"topics": [{"name": "scores", "partitions": 4}],
                   "producers": [{"topic": "scores", "source": "steady", "ratePerSecond": 300, "keyCount": 2000}],
                   "groups": [
                     {"name": "push", "topic": "scores", "consumers": 2, "bootSeconds": 10,
                      "processingTime": {"distribution": "exponential", "meanMs": 6}, "maxPollRecords": 100,
                      "commit": "after-processing", "rebalanceMs": 2000 %s},
                     {"name": "live-feed", "topic": "scores", "consumers": 2, "bootSeconds": 10,
                      "processingTime": {"distribution": "exponential", "meanMs": 4}, "maxPollRecords": 100,
                      "commit": "after-processing", "rebalanceMs": 2000}]}}
                """).formatted(groupExtra);
    }

    /**
     * Every part of the section is a box of the same figures: the producer a clients node of Poisson
     * writes at 300/s keyed uniformly over 2,000 keys, the topic a box of 4 partitions with the groups'
     * settings, each group a service of its name with one single-worker instance per consumer.
     */
    @Test
    void eachProducerTopicAndGroupIsABoxOfTheSameFigures() {
        Scenario s = sections("");
        assertThat(EventsDrawing.whyNot(s)).isNull();
        Scenario drawn = EventsDrawing.drawn(s);
        assertThat(drawn.events()).isNull();
        Topology t = drawn.topology();
        assertThat(t.nodes().stream().map(Topology.Node::id))
                .containsExactly("clients", "balancer", "service", "scores-producer", "scores", "push", "live-feed");
        assertThat(t.edges().stream().map(e -> e.from() + ">" + e.to() + ":" + e.mode())).containsExactly("clients>balancer:sync",
                "balancer>service:sync", "scores-producer>scores:async", "scores>push:async", "scores>live-feed:async");

        Scenario.Workload producer = t.node("scores-producer").workload();
        assertThat(producer.arrival().process()).isEqualTo(Scenario.ArrivalProcess.POISSON);
        assertThat(producer.arrival().ratePerSecond()).isEqualTo(300);
        assertThat(producer.keys().distribution()).isEqualTo(Scenario.KeyDistribution.UNIFORM);
        assertThat(producer.keys().count()).isEqualTo(2000);
        assertThat(producer.readRatio()).isZero();

        Topology.TopicBox box = t.node("scores").topic();
        assertThat(box.partitions()).isEqualTo(4);
        assertThat(box.maxPollRecords()).isEqualTo(100);
        assertThat(box.commit()).isEqualTo(CommitMode.AFTER_PROCESSING);
        assertThat(box.rebalanceMs()).isEqualTo(2000);
        assertThat(box.sessionTimeoutMs()).isEqualTo(45_000); // the group's default, Kafka ≥ 3.0's
        assertThat(box.assignor()).isEqualTo(AssignorKind.RANGE);
        assertThat(box.retentionSeconds()).isEqualTo(604_800);

        Scenario.Service push = t.node("push").service();
        assertThat(List.of(push.instances(), push.workersPerInstance())).containsExactly(2, 1);
        assertThat(push.serviceTime()).isEqualTo(DistributionSpec.exponential(6));
        assertThat(List.of(push.provisionSeconds(), push.bootSeconds())).containsExactly(0.0, 10.0);
        assertThat(t.node("live-feed").service().serviceTime()).isEqualTo(DistributionSpec.exponential(4));
        assertThat(t.node("service").service()).isEqualTo(s.service());
        assertThat(t.node("clients").workload()).isEqualTo(s.workload());

        // Read back, the drawing is the section, field by field; and it runs on the network.
        assertThat(EventsDrawing.read(t, s.events())).isEqualTo(new EventsDrawing.Read(s.events(), List.of()));
        Network.check(drawn);
        assertThat(ScenarioFiles.parse(ScenarioFiles.write(drawn))).isEqualTo(drawn);
    }

    /** What a box cannot hold is refused, naming the field. */
    @Test
    void whatABoxCannotHoldIsRefusedByItsField() {
        assertThat(EventsDrawing.whyNot(sections(", \"sessionTimeoutMs\": 6000"))).isEqualTo("events.groups[0]: push and live-feed "
                + "read scores with other settings (assignor, poll size, commit, session timeout, rebalance, retry or autoscaler), "
                + "and a topic box holds one set for all its groups");
        assertThat(EventsDrawing.whyNot(sections(", \"errorRate\": 0.1")))
                .isEqualTo("events.groups[0].errorRate: a drawn service's processing fails only under a fault");
        Scenario requests = ScenarioFiles.parse(text("").replace("\"source\": \"steady\", \"ratePerSecond\": 300, \"keyCount\": 2000",
                "\"source\": \"requests\""));
        assertThat(EventsDrawing.whyNot(requests))
                .isEqualTo("events.producers[0].source: a producer of requests is not drawn as a box yet; a steady one is");
        Scenario named = ScenarioFiles.parse(text("").replace("\"live-feed\"", "\"service\""));
        assertThat(EventsDrawing.whyNot(named)).isEqualTo("events.groups[1].name: \"service\" names another box of the drawing too");
    }

    /**
     * A clients node publishing straight to a topic is a producer: the requirements' latency and
     * requests are the API's alone (the users node's own figures, to the microsecond), not diluted by
     * 300 publishes a second answered at once; its topic is under events.topics with the pipeline's
     * figures, the slowest group's end-to-end p99.
     */
    @Test
    void aProducersRecordsAreNoRequestsAndItsTopicHasThePipelinesFigures() {
        Network net = new Network(EventsDrawing.drawn(sections("")));
        net.run();
        JsonNode r = PipelineFigures.of(net);
        JsonNode nodes = net.report().path("nodes");
        long published = nodes.path("scores").path("published").asLong();
        assertThat(published).isBetween(8_500L, 9_500L); // 300/s for 30 s
        assertThat(r.path("requests").path("offered").asLong()).isEqualTo(net.arrivals("clients"));
        assertThat(r.path("requests").path("completed").asLong()).isEqualTo(net.nodeLatency("clients").count())
                .isEqualTo(net.completed() - published);
        assertThat(r.path("latencyMs").path("p99").asDouble()).isEqualTo(net.nodeLatency("clients").p99Ms());
        // The network's own totals count the publishes, answered at once: 6 in 7 of its answers took 0 ms.
        assertThat(net.endToEnd().count()).isEqualTo(net.completed());
        assertThat(net.endToEnd().p99Ms()).isLessThan(net.nodeLatency("clients").p99Ms());
        List<Sample> seconds = PipelineFigures.samples(net);
        assertThat(seconds.stream().mapToDouble(Sample::throughputPerSecond).sum())
                .isEqualTo(r.path("requests").path("completed").asDouble());

        JsonNode topic = r.path("events").path("topics").get(0);
        assertThat(topic.path("name").asText()).isEqualTo("scores");
        assertThat(topic.path("published").asLong()).isEqualTo(published);
        JsonNode groups = nodes.path("scores").path("groups");
        double slowest = Math.max(groups.path("push").path("endToEndMsP99").asDouble(),
                groups.path("live-feed").path("endToEndMsP99").asDouble());
        assertThat(topic.path("endToEndMs").path("p99").asDouble()).isEqualTo(slowest).isPositive();
        long slowestBacklog = Math.max(groups.path("push").path("lag").asLong(), groups.path("live-feed").path("lag").asLong());
        assertThat(topic.path("consumed").asLong()).isLessThanOrEqualTo(published).isGreaterThanOrEqualTo(published - slowestBacklog);
        assertThat(topic.path("lagMax").asLong()).isPositive();
        assertThat(dev.scalelab.practice.Metric.END_TO_END_P99_MS.measure(r, "scores")).isEqualTo(slowest);
    }

    /** Without a producer of its own, the request figures are the network's totals: other drawings are graded as before. */
    @Test
    void withoutAProducerTheRequestFiguresAreTheTotals() {
        Scenario s = sections("");
        Scenario noEvents = new Scenario(s.name(), s.description(), s.watch(), s.markers(), s.seed(), s.durationSeconds(),
                s.workload(), s.service(), s.autoscaler(), s.verticalScaler(), null, s.balancer(), null, null, List.of(), null, null,
                List.of());
        Network net = new Network(Pipeline.drawn(noEvents));
        net.run();
        JsonNode r = PipelineFigures.of(net);
        assertThat(r.path("latencyMs").path("p99").asDouble()).isEqualTo(net.endToEnd().p99Ms());
        assertThat(r.path("requests").path("completed").asLong()).isEqualTo(net.completed());
        assertThat(PipelineFigures.samples(net).stream().map(Sample::p99Ms).toList())
                .isEqualTo(java.util.Arrays.stream(net.p99MsPerSecond()).boxed().toList());
        assertThat(r.has("events")).isFalse();
    }
}
