package dev.scalelab.engine.events;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.scalelab.engine.events.ConsumerGroupFixture.MS;
import static dev.scalelab.engine.events.ConsumerGroupFixture.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Half a minute of random joins, clean leaves, crashes and added partitions under steady traffic, then
 * quiet: whatever happened, every record ends processed exactly once in effect (idempotent), or once
 * plus its counted duplicates, and the group ends balanced with no lag.
 */
class ConsumerGroupChurnTest {
    private final ConsumerGroupFixture f = new ConsumerGroupFixture();

    @ParameterizedTest(name = "{0}, {1}, idempotent {2}, error rate {3}, {4}")
    @CsvSource({
            "RANGE, AUTO, false, 0, IN_ORDER",
            "ROUND_ROBIN, AFTER_PROCESSING, true, 0, IN_ORDER",
            "COOPERATIVE_STICKY, AUTO, false, 0, IN_ORDER",
            "COOPERATIVE_STICKY, AFTER_PROCESSING, true, 0, IN_ORDER",
            "RANGE, AFTER_PROCESSING, false, 0.05, IN_ORDER",
            "COOPERATIVE_STICKY, AUTO, false, 0.05, RETRY_TOPIC"})
    void churnEndsBalancedWithEveryRecordAccountedFor(AssignorKind assignor, CommitMode commit, boolean idempotent,
                                                      double errorRate, RetryMode retry) {
        GroupConfig config = new GroupConfig(assignor, new Distribution.Exponential(2), 20, commit, 200 * MS,
                idempotent, 2 * S, 300 * MS, errorRate, retry, 3, 50 * MS, 2, 400 * MS, true);
        Topic topic = f.topic(6);
        ConsumerGroup group = f.group(topic, config);
        SplittableRandom chaos = new SplittableRandom(99);
        List<String> alive = new ArrayList<>();
        int[] joined = {0};
        for (int i = 0; i < 3; i++) {
            alive.add("c" + joined[0]++);
            group.join(alive.get(i));
        }
        Event[] producer = new Event[1];
        producer[0] = () -> { // about 500 records a second over the partitions there are
            f.publish(topic, chaos.nextInt(topic.partitions()));
            if (f.sim.nowNanos() < 30 * S) {
                f.sim.scheduleIn(1 + chaos.nextLong(4 * MS), producer[0]);
            }
        };
        f.sim.schedule(0, producer[0]);
        for (long t = 1; t < 30; t++) {
            f.at(t * S + chaos.nextLong(S), () -> {
                int op = chaos.nextInt(10);
                if (op < 3 || alive.size() < 2) {
                    alive.add("c" + joined[0]++);
                    group.join(alive.get(alive.size() - 1));
                } else if (op < 6) {
                    group.leave(alive.remove(chaos.nextInt(alive.size())));
                } else if (op < 9) {
                    group.crash(alive.remove(chaos.nextInt(alive.size())));
                } else if (topic.partitions() < 10) {
                    topic.addPartitions(topic.partitions() + 1);
                }
            });
        }
        f.sim.runUntil(150 * S);

        assertFalse(group.rebalancing());
        assertEquals(alive.stream().sorted().toList(), group.members());
        long owned = group.assignment().values().stream().mapToLong(List::size).sum();
        assertEquals(topic.partitions(), owned); // every partition has one owner
        assertEquals(0, group.totalLag());
        assertEquals(0, group.retryBacklog());
        long positions = 0;
        for (int p = 0; p < topic.partitions(); p++) {
            positions += group.position(p);
        }
        assertEquals(topic.published(), positions);
        if (errorRate == 0) {
            assertEquals(topic.published(), group.consumed() - group.duplicates());
            assertEquals(idempotent ? 0 : group.redelivered(), group.duplicates());
        }
    }
}
