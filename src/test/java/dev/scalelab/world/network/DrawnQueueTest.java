package dev.scalelab.world.network;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drawn queue runs the pipeline's SQS engine (engines.md §6): the visibility timeout counts from
 * the receive, a message not deleted in time comes back (a duplicate when its first processing had
 * its effect), and a receive beyond maxReceiveCount moves it to the dead letters.
 */
class DrawnQueueTest {

    /** users → web (publishing nothing: its edge's probability is 0) → jobs → worker of one worker, 1.5 s a message. */
    private static Scenario design(String timeline) {
        return design(1, timeline);
    }

    private static Scenario design(double visibilitySeconds, String timeline) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"queue\",\"seed\":5,\"durationSeconds\":20,\"timeline\":[" + timeline
                + "],\"topology\":{\"nodes\":[{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":1}}},"
                + "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":4,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":1}}},"
                + "{\"id\":\"jobs\",\"kind\":\"queue\",\"queue\":{\"visibilityTimeoutSeconds\":" + visibilitySeconds + ",\"maxReceives\":2}},"
                + "{\"id\":\"worker\",\"kind\":\"service\",\"service\":{\"instances\":1,\"workersPerInstance\":1,"
                + "\"provisionSeconds\":2,\"bootSeconds\":3,"
                + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":1500}}}],"
                + "\"edges\":[{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"jobs\",\"mode\":\"async\",\"probability\":0},"
                + "{\"from\":\"jobs\",\"to\":\"worker\",\"mode\":\"async\"}]}}");
    }

    /**
     * One message at 1 s, received at once; its 1.5 s processing outlasts the 1 s visibility, so it is
     * visible again at 2 s and its delete at 2.5 s is stale: processed once, not deleted. The consumer
     * receives it again at 2.5 s (a redelivery), visible again at 3.5 s, processed again at 4 s (a
     * duplicate effect); the next receive would be its third, beyond maxReceives 2: dead letter.
     */
    @Test
    void aMessageSlowerThanItsVisibilityComesBackThenIsDeadLettered() {
        Network net = new Network(design("{\"atSeconds\":1,\"command\":\"publish-burst\",\"target\":\"jobs\",\"value\":1}"));
        MessagingNode jobs = (MessagingNode) net.node("jobs");
        net.runUntil(2.4);
        assertThat(jobs.queued()).isEqualTo(1); // visible again, its consumer still busy with it
        assertThat(jobs.consumed()).isZero();
        net.runUntil(3.9);
        assertThat(jobs.consumed()).isEqualTo(1);
        assertThat(jobs.queue.redelivered()).isEqualTo(1);
        assertThat(jobs.deadLetters()).isZero();
        net.run();
        assertThat(net.arrivals("worker")).isEqualTo(2);
        assertThat(jobs.consumed()).isEqualTo(2);
        assertThat(jobs.queue.duplicates()).isEqualTo(1);
        assertThat(jobs.deadLetters()).isEqualTo(1);
        assertThat(net.report().get("nodes").get("jobs").get("deadLetters").asLong()).isEqualTo(1);
    }

    /**
     * The same message with the queue's visibility raised to 5 s at 1.2 s, while the message is out:
     * its receive at 1 s keeps 1 s (it is back at 2 s, as above), the redelivery at 2.5 s gets 5 s, so
     * its delete at 4 s is in time: processed twice (one duplicate), and no dead letter.
     */
    @Test
    void aNewVisibilityHoldsFromTheNextReceive() {
        Network net = new Network(design("{\"atSeconds\":1,\"command\":\"publish-burst\",\"target\":\"jobs\",\"value\":1},"
                + "{\"atSeconds\":1.2,\"command\":\"set\",\"path\":\"nodes.jobs.queue.visibilityTimeoutSeconds\",\"value\":5}"));
        MessagingNode jobs = (MessagingNode) net.node("jobs");
        net.runUntil(2.4);
        assertThat(jobs.queued()).isEqualTo(1);
        net.run();
        assertThat(jobs.consumed()).isEqualTo(2);
        assertThat(jobs.queue.redelivered()).isEqualTo(1);
        assertThat(jobs.queue.duplicates()).isEqualTo(1);
        assertThat(jobs.deadLetters()).isZero();
    }

    /**
     * kill-instance on the consumer at 1.5 s while it holds the message (visibility 2 s): it stays in
     * flight until its visibility ends at 3 s, then waits visible for the replacement (ready at 6.5 s:
     * provision 2 s, boot 3 s), which processes it in 1.5 s, within its visibility, and deletes it: no
     * duplicate, no dead letter.
     */
    @Test
    void aCrashedConsumersMessageComesBackAfterItsVisibility() {
        Network net = new Network(design(2, "{\"atSeconds\":1,\"command\":\"publish-burst\",\"target\":\"jobs\",\"value\":1},"
                + "{\"atSeconds\":1.5,\"command\":\"kill-instance\",\"target\":\"worker-0\"}"));
        MessagingNode jobs = (MessagingNode) net.node("jobs");
        net.runUntil(1.9);
        assertThat(jobs.queued()).isZero();
        assertThat(jobs.inService()).isEqualTo(1); // in flight, its consumer gone
        net.runUntil(2.999);
        assertThat(jobs.inService()).isEqualTo(1);
        net.runUntil(3.001);
        assertThat(jobs.queued()).isEqualTo(1);
        net.runUntil(6.4);
        assertThat(jobs.queued()).isEqualTo(1);
        net.runUntil(6.6);
        assertThat(jobs.queued()).isZero();
        assertThat(jobs.inService()).isEqualTo(1);
        net.run();
        assertThat(jobs.consumed()).isEqualTo(1);
        assertThat(jobs.deadLetters()).isZero();
        assertThat(jobs.queue.duplicates()).isZero();
    }
}
