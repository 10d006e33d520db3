package dev.scalelab.engine.events;

import dev.scalelab.sim.Distribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.scalelab.engine.events.ConsumerGroupFixture.MS;
import static dev.scalelab.engine.events.ConsumerGroupFixture.S;
import static dev.scalelab.engine.events.ConsumerGroupFixture.config;
import static dev.scalelab.engine.events.ConsumerGroupFixture.withPolling;
import static dev.scalelab.engine.events.ConsumerGroupFixture.withRebalance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backpressure, retention against fast and slow groups, fan-out, and added partitions. */
class TopicTest {
    private final ConsumerGroupFixture f = new ConsumerGroupFixture();

    @Test
    void aFullTopicReleasesItsWaitersInOrderAsTheSlowestGroupMakesRoom() {
        Topic topic = new Topic(f.sim, "orders", 1, 3600 * S, 10);
        ConsumerGroup group = f.group(topic, withPolling(withRebalance(config(), 0), new Distribution.Constant(100), 1,
                CommitMode.AFTER_PROCESSING, S));
        assertEquals(0, topic.backlog()); // nobody reads yet
        group.join("a");
        f.sim.runUntil(0);
        for (int i = 0; i < 10; i++) {
            assertFalse(topic.full());
            f.publish(topic, 0);
        }
        assertTrue(topic.full()); // 10 not yet processed (the first is in hand)
        assertEquals(10, topic.backlog());

        List<String> ran = new ArrayList<>();
        Runnable first = () -> {
            ran.add("first at " + f.sim.nowNanos() / MS);
            f.publish(topic, 0);
        };
        Runnable second = () -> {
            ran.add("second at " + f.sim.nowNanos() / MS);
            f.publish(topic, 0);
        };
        Runnable third = () -> ran.add("third");
        topic.whenSpace(first);
        topic.whenSpace(second);
        topic.whenSpace(third);
        assertEquals(3, topic.waiting());
        f.at(250 * MS, () -> topic.cancelWait(third)); // it gave up: its max block time passed
        f.sim.runUntil(10 * S);
        assertEquals(List.of("first at 100", "second at 200"), ran);
        assertEquals(0, topic.waiting());
        assertEquals(12, group.consumed());

        topic.whenSpace(() -> ran.add("at once"));
        assertEquals("at once", ran.get(2));
    }

    @Test
    void aGroupSlowerThanRetentionLosesExactlyTheRecordsDeletedUnderItWhileAFastOneLosesNone() {
        Topic topic = new Topic(f.sim, "orders", 1, 10 * S, 0);
        ConsumerGroup fast = new ConsumerGroup(f.sim, "fast", topic, withRebalance(config(), 0),
                new java.util.SplittableRandom(1), f.log::add);
        ConsumerGroup slow = new ConsumerGroup(f.sim, "slow", topic, withPolling(withRebalance(config(), 0),
                new Distribution.Constant(200), 1, CommitMode.AFTER_PROCESSING, S), new java.util.SplittableRandom(2),
                f.log::add);
        fast.join("f");
        slow.join("s");
        for (long t = 0; t < 60_000; t += 100) { // 10 records a second for a minute; the slow group reads 5 a second
            f.publishAt(t * MS, topic, 0);
        }
        f.sim.runUntil(30 * S);
        PartitionLog log = topic.partition(0);
        assertTrue(log.logStartOffset() > 0);
        assertTrue(slow.position(0) >= log.logStartOffset());
        f.sim.runUntil(200 * S);

        assertEquals(600, topic.published());
        assertEquals(600, log.logStartOffset()); // everything has expired
        assertEquals(600, fast.consumed());
        assertEquals(0, fast.lostToRetention());
        assertTrue(slow.lostToRetention() > 0);
        // every record was either processed by the slow group or deleted before it read it, never both
        assertEquals(600, slow.consumed() + slow.lostToRetention());
        assertEquals(600, slow.position(0));
        assertEquals(0, slow.totalLag());
    }

    @Test
    void addedPartitionsAreAssignedByARebalanceAndConsumed() {
        Topic topic = f.topic(2);
        ConsumerGroup group = f.group(topic, config());
        group.join("a");
        group.join("b");
        f.sim.runUntil(S);
        assertEquals(Map.of("a", List.of(0), "b", List.of(1)), group.assignment());
        topic.addPartitions(4);
        assertThrows(IllegalArgumentException.class, () -> topic.addPartitions(3));
        for (int p = 0; p < 4; p++) {
            f.publish(topic, p);
        }
        assertTrue(group.rebalancing());
        assertEquals(4, group.totalLag());
        f.sim.runUntil(2 * S);
        assertEquals(Map.of("a", List.of(0, 1), "b", List.of(2, 3)), group.assignment());
        assertEquals(4, group.consumed());
        assertEquals(0, group.totalLag());
        assertEquals(2, group.rebalances());
    }

    @Test
    void recordsEveryGroupHasCommittedLeaveMemoryButStayInTheLogUntilRetention() {
        Topic topic = new Topic(f.sim, "orders", 1, 100 * S, 0);
        ConsumerGroup group = f.group(topic, withRebalance(config(), 0));
        group.join("a");
        for (long t = 0; t < 10_000; t += 10) {
            f.publishAt(t * MS, topic, 0);
        }
        f.sim.runUntil(11 * S);
        PartitionLog log = topic.partition(0);
        assertEquals(1000, group.committedOffset(0));
        assertEquals(0, log.logStartOffset());
        assertEquals(1000 - PartitionLog.TAIL_KEPT, log.firstHeldOffset());
        assertEquals(1000, log.size());
        // Records published before 6 s have expired by the pass at 106 s. Released records follow retention by
        // their release marks: the pass at 6 s released up to 601 − TAIL_KEPT = 537 (newest published at 5.36 s),
        // the pass at 7 s up to 637 (6.36 s, not yet expired), so the log start is 537: late, never early.
        f.sim.runUntil(106 * S);
        assertEquals(601 - PartitionLog.TAIL_KEPT, log.logStartOffset());
        f.sim.runUntil(107 * S);
        assertEquals(701 - PartitionLog.TAIL_KEPT, log.logStartOffset());
    }
}
