package dev.scalelab.engine.events;

import org.junit.jupiter.api.Test;

import static dev.scalelab.engine.events.ConsumerGroupFixture.MS;
import static dev.scalelab.engine.events.ConsumerGroupFixture.S;
import static dev.scalelab.engine.events.ConsumerGroupFixture.config;
import static dev.scalelab.engine.events.ConsumerGroupFixture.withRebalance;
import static dev.scalelab.engine.events.ConsumerGroupFixture.withRetry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures: in-order retry (the partition waits: back-off 100 ms × 2^(n−1) capped at 400 ms) and the
 * retry topic with a dead-letter topic. Range over two members: a reads partition 0, b partition 1;
 * processing takes 1 ms.
 */
class ConsumerGroupRetryTest {
    private final ConsumerGroupFixture f = new ConsumerGroupFixture();

    @Test
    void aPoisonRecordRetriedInOrderForEverStopsItsPartitionAndOnlyIt() {
        Topic topic = f.topic(2);
        ConsumerGroup group = f.group(topic, withRetry(withRebalance(config(), 0), RetryMode.IN_ORDER, 0, false));
        group.join("a");
        group.join("b");
        for (long t = 0; t <= 3000; t += 10) { // a record on each partition every 10 ms
            boolean poison = t == 50;
            long at = t * MS;
            f.at(at, () -> {
                f.publish(topic, 0);
                if (poison) {
                    f.publishPoison(topic, 1); // offset 5
                } else {
                    f.publish(topic, 1);
                }
            });
        }
        // attempts: 50→51 ms, then after 100, 200, 400, 400 … ms of back-off: 151→152, 352→353, 753→754
        long[][] failedAt = {{50, 0}, {51, 1}, {151, 1}, {152, 2}, {352, 2}, {353, 3}, {753, 3}, {754, 4}, {1154, 4},
                {1155, 5}};
        for (long[] expected : failedAt) {
            f.sim.runUntil(expected[0] * MS);
            assertEquals(expected[1], group.failedAttempts(), "failed attempts at " + expected[0] + " ms");
        }
        assertEquals(5, group.retryAttempts(1));
        assertTrue(group.stopped(1));
        assertFalse(group.stopped(0));
        assertTrue(f.log.contains("billing: partition 1 blocked at offset 5 (poison record, 3 attempts so far); "
                + "retrying every 400 ms for ever"), f.log.toString());

        for (long t : new long[] {2000, 3000}) {
            f.sim.runUntil(t * MS + 2 * MS); // the record published at t is processed and committed
            long publishedPerPartition = t / 10 + 1;
            assertEquals(publishedPerPartition - 5, group.lag(1), "blocked partition's lag at " + t + " ms");
            assertEquals(0, group.lag(0), "partition 0's lag at " + t + " ms");
            assertEquals(5, group.committedOffset(1));
        }
        assertEquals(0, group.deadLettered() + group.skipped());
    }

    @Test
    void aRetryTopicKeepsThePartitionFlowingAndDeadLettersThePoisonAfterMaxAttempts() {
        Topic topic = f.topic(2);
        ConsumerGroup group = f.group(topic, withRetry(withRebalance(config(), 0), RetryMode.RETRY_TOPIC, 3, true));
        group.join("a");
        group.join("b");
        for (long t = 0; t < 200; t += 10) { // 20 records on partition 1 only, so a is idle
            boolean poison = t == 50;
            f.at(t * MS, () -> {
                if (poison) {
                    f.publishPoison(topic, 1);
                } else {
                    f.publish(topic, 1);
                }
            });
        }
        // attempt 1 by b at 50→51 ms; due 100 ms later, idle a takes it at 151→152; due 200 ms later, 352→353
        // {ms, failed attempts, dead-lettered, waiting in the retry topic (a record in hand is not waiting)}
        long[][] at = {{51, 1, 0, 1}, {151, 1, 0, 0}, {152, 2, 0, 1}, {352, 2, 0, 0}, {353, 3, 1, 0}};
        for (long[] expected : at) {
            f.sim.runUntil(expected[0] * MS);
            assertEquals(expected[1], group.failedAttempts(), "failed attempts at " + expected[0] + " ms");
            assertEquals(expected[2], group.deadLettered(), "dead-lettered at " + expected[0] + " ms");
            assertEquals(expected[3], group.retryBacklog(), "retry backlog at " + expected[0] + " ms");
            if (expected[0] == 151) {
                assertEquals(1, group.processing("a"));
                assertEquals(-1, group.processing("b"));
            }
        }
        assertEquals(0, group.lag(1)); // the partition never waited: all 20 records committed
        assertEquals(19, group.consumed());
        PartitionLog dlt = group.deadLetterTopic().partition(0);
        assertEquals(1, dlt.logEndOffset());
        assertEquals(3, dlt.record(0).attempt());
        assertTrue(dlt.record(0).poison());
        assertEquals("orders.dlt", group.deadLetterTopic().name());
        assertTrue(f.log.contains("billing: 1 record dead-lettered to orders.dlt after 3 attempts "
                + "(latest: partition 1 offset 5, poison)"), f.log.toString());
    }

    @Test
    void inOrderRetryGivesUpAfterMaxAttemptsAndSkipsWithoutADeadLetterTopic() {
        Topic topic = f.topic(2);
        ConsumerGroup group = f.group(topic, withRetry(withRebalance(config(), 0), RetryMode.IN_ORDER, 2, false));
        group.join("b");
        f.sim.runUntil(0);
        f.publishPoison(topic, 1);
        f.publish(topic, 1);
        f.sim.runUntil(S);
        // 0→1 ms fails, 100 ms back-off, 101→102 ms fails again: skipped; the next record follows at once
        assertEquals(2, group.failedAttempts());
        assertEquals(1, group.skipped());
        assertEquals(1, group.consumed());
        assertEquals(0, group.retryAttempts(1));
        assertEquals(103, group.endToEnd().total().maxMs(), 0.1); // published at 0, processed 102→103 ms
        assertEquals(0, group.totalLag());
    }
}
