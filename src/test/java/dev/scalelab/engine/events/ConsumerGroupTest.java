package dev.scalelab.engine.events;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.scalelab.engine.events.ConsumerGroupFixture.MS;
import static dev.scalelab.engine.events.ConsumerGroupFixture.S;
import static dev.scalelab.engine.events.ConsumerGroupFixture.config;
import static dev.scalelab.engine.events.ConsumerGroupFixture.withAssignor;
import static dev.scalelab.engine.events.ConsumerGroupFixture.withIdempotent;
import static dev.scalelab.engine.events.ConsumerGroupFixture.withPolling;
import static dev.scalelab.engine.events.ConsumerGroupFixture.withRebalance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lag, latency, commits, crashes and rebalances of a consumer group, in virtual time (engines.md §6). */
class ConsumerGroupTest {
    private final ConsumerGroupFixture f = new ConsumerGroupFixture();

    @Test
    void lagIsTheIntegralOfPublishRateMinusConsumeRate() {
        Topic topic = f.topic(1);
        ConsumerGroup group = f.group(topic, withPolling(withRebalance(config(), 0), new Distribution.Constant(3), 1,
                CommitMode.AFTER_PROCESSING, S));
        group.join("a");
        f.sim.runUntil(0);
        Event[] producer = new Event[1];
        producer[0] = () -> { // one record every 2 ms (500/s) for 3 s; one consumed every 3 ms (333/s)
            f.publish(topic, 0);
            if (f.sim.nowNanos() < 3 * S) {
                f.sim.scheduleIn(2 * MS, producer[0]);
            }
        };
        f.sim.schedule(0, producer[0]);
        for (long t : new long[] {1, 2, 3, 100, 999, 1000, 2999, 3000}) {
            f.sim.runUntil(t * MS);
            long published = t / 2 + 1;
            long consumed = t / 3;
            assertEquals(published, topic.published(), "published at " + t + " ms");
            assertEquals(consumed, group.consumed(), "consumed at " + t + " ms");
            // a commit after every record: nothing processed is uncommitted, the lag is exactly the difference
            assertEquals(published - consumed, group.totalLag(), "lag at " + t + " ms");
        }
        assertEquals(1501 - 1000, group.lag(0)); // ∫ (500 − 333.3) over 3 s, plus the record published at 0
    }

    @Test
    void afterProcessingLagCountsTheBatchInHandUntilItIsCommitted() {
        Topic topic = f.topic(1);
        ConsumerGroup group = f.group(topic, withPolling(withRebalance(config(), 0), new Distribution.Constant(4), 10,
                CommitMode.AFTER_PROCESSING, S));
        for (int i = 0; i < 100; i++) {
            f.publish(topic, 0);
        }
        group.join("a");
        for (long t : new long[] {0, 39, 40, 41, 199, 200, 399, 400}) {
            f.sim.runUntil(t * MS);
            long consumed = t / 4;
            long uncommitted = consumed % 10; // processed in the batch in hand, committed when the batch ends
            assertEquals(consumed, group.consumed(), "consumed at " + t + " ms");
            assertEquals(100 - (consumed - uncommitted), group.totalLag(), "lag at " + t + " ms");
            assertEquals(consumed, group.position(0));
        }
        assertEquals(0, group.totalLag());
        assertEquals(0, group.partitionsWithLag());
    }

    @Test
    void autoCommitCommitsThePreviousPollsPositionsOnceTheIntervalHasPassed() {
        Topic topic = f.topic(1);
        ConsumerGroup group = f.group(topic, withPolling(withRebalance(config(), 0), new Distribution.Constant(4), 10,
                CommitMode.AUTO, 100 * MS));
        for (int i = 0; i < 100; i++) {
            f.publish(topic, 0);
        }
        group.join("a");
        // polls every 40 ms (a batch of 10 × 4 ms); the first poll at or after 100 ms since the last commit commits
        long[][] lagAt = {{119, 100}, {120, 70}, {239, 70}, {240, 40}, {359, 40}, {360, 10}, {400, 10}, {459, 10},
                {460, 0}}; // at 460 ms the idle consumer's poll loop commits the last batch
        for (long[] expected : lagAt) {
            f.sim.runUntil(expected[0] * MS);
            assertEquals(expected[1], group.totalLag(), "lag at " + expected[0] + " ms");
        }
        assertEquals(100, group.consumed());
    }

    @Test
    void oneConsumerWithPoissonArrivalsAndExponentialProcessingIsAnMM1Queue() {
        double lambda = 50; // per second
        double meanServiceMs = 10; // μ = 100 per second, ρ = 0.5
        Topic topic = f.topic(1);
        ConsumerGroup group = f.group(topic, withPolling(withRebalance(config(), 0),
                new Distribution.Exponential(meanServiceMs), 1, CommitMode.AFTER_PROCESSING, S));
        group.join("a");
        f.sim.runUntil(0);
        SplittableRandom arrivals = new SplittableRandom(11);
        Event[] producer = new Event[1];
        producer[0] = () -> {
            f.publish(topic, 0);
            f.sim.scheduleIn(Math.round(-Math.log(1 - arrivals.nextDouble()) / lambda * S), producer[0]);
        };
        f.sim.schedule(0, producer[0]);
        long[] lagSum = new long[2];
        Event sampler = new Event() {
            public void fire() { // committed lag after every record = the number in the system, N
                lagSum[0] += group.totalLag();
                lagSum[1]++;
                f.sim.scheduleIn(10 * MS, this);
            }
        };
        f.sim.schedule(5 * MS, sampler);
        f.sim.runUntil(4000 * S);

        assertTrue(group.consumed() > 190_000, "records: " + group.consumed());
        double sojournMs = 1000 / (1000 / meanServiceMs - lambda); // 1 / (μ − λ) = 20 ms
        assertEquals(sojournMs, group.endToEnd().total().meanMs(), 0.05 * sojournMs);
        double rho = lambda * meanServiceMs / 1000;
        double meanInSystem = rho / (1 - rho); // E[N] of M/M/1 = 1
        assertEquals(meanInSystem, (double) lagSum[0] / lagSum[1], 0.05 * meanInSystem);
    }

    @ParameterizedTest(name = "{0}, idempotent {1}")
    @CsvSource({"AFTER_PROCESSING, false, 3", "AFTER_PROCESSING, true, 3", "AUTO, false, 33", "AUTO, true, 33"})
    void aCrashRedeliversExactlyWhatWasProcessedSinceTheLastCommit(CommitMode commit, boolean idempotent,
                                                                   long uncommittedAtCrash) {
        Topic topic = f.topic(2);
        ConsumerGroup group = f.group(topic, withIdempotent(withPolling(config(), new Distribution.Constant(1), 10,
                commit, 50 * MS), idempotent));
        for (int i = 0; i < 1000; i++) {
            f.publish(topic, 0);
            f.publish(topic, 1);
        }
        group.join("a");
        group.join("b");
        f.sim.runUntil(100 * MS); // one eager rebalance for both joins: a reads 0, b reads 1
        assertEquals(Map.of("a", List.of(0), "b", List.of(1)), group.assignment());

        long crashAt = 333 * MS + MS / 2; // a's record 234 is in hand
        f.sim.runUntil(crashAt);
        group.crash("a");
        long sinceCommit = group.position(0) - group.committedOffset(0);
        assertEquals(uncommittedAtCrash, sinceCommit); // 233 processed; committed 230 (batches) or 200 (auto at 300 ms)
        assertTrue(group.stopped(0));

        f.sim.runUntil(crashAt + S - 1);
        assertEquals(List.of("a", "b"), group.members());
        assertEquals(233, group.position(0)); // nothing processed on its partition meanwhile
        f.sim.runUntil(crashAt + S);
        assertEquals(List.of("b"), group.members()); // removed exactly a session timeout after the crash
        assertTrue(f.log.contains("a removed after session timeout 1000 ms: partition 0 resumes from committed offset "
                + (233 - uncommittedAtCrash)), f.log.toString());

        f.sim.runUntil(10 * S);
        assertEquals(2000, group.position(0) + group.position(1));
        assertEquals(sinceCommit, group.redelivered());
        assertEquals(idempotent ? 0 : sinceCommit, group.duplicates());
        assertEquals(2000 + group.duplicates(), group.consumed());
        assertEquals(0, group.totalLag());
        assertEquals(2, group.rebalances());
    }

    @ParameterizedTest
    @CsvSource({"RANGE", "COOPERATIVE_STICKY"})
    void aJoinStopsEveryPartitionWhenEagerButOnlyTheMovedOneWhenCooperative(AssignorKind kind) {
        Topic topic = f.topic(4);
        ConsumerGroup group = f.group(topic, withAssignor(config(), kind));
        for (int i = 0; i < 5000; i++) {
            for (int p = 0; p < 4; p++) {
                f.publish(topic, p);
            }
        }
        group.join("a");
        group.join("b");
        f.sim.runUntil(500 * MS + MS / 2);
        Map<String, List<Integer>> before = group.assignment();
        assertEquals(2, before.get("a").size());
        assertEquals(2, before.get("b").size());
        long[] at = positions(group);

        group.join("c");
        f.sim.runUntil(600 * MS + MS / 2 - 1); // just before the rebalance time has passed
        long[] advance = positions(group);
        for (int p = 0; p < 4; p++) {
            advance[p] -= at[p];
        }
        Map<String, List<Integer>> during = group.assignment();
        if (kind == AssignorKind.RANGE) {
            // every partition stopped: only the two records in hand at the join finished
            assertEquals(2, advance[0] + advance[1] + advance[2] + advance[3]);
            assertTrue(during.values().stream().allMatch(List::isEmpty), during.toString());
        } else {
            int movedCount = 0;
            for (int p = 0; p < 4; p++) {
                int partition = p;
                if (during.values().stream().noneMatch(l -> l.contains(partition))) {
                    movedCount++;
                    assertTrue(group.stopped(p));
                    assertTrue(advance[p] <= 1, "moved partition " + p + " advanced " + advance[p]);
                } else {
                    assertFalse(group.stopped(p));
                }
            }
            assertEquals(1, movedCount); // 4 partitions over 3 members: only one has to move
            for (String m : List.of("a", "b")) { // each went on with what it kept: a record a millisecond
                assertEquals(100, before.get(m).stream().mapToLong(p -> advance[p]).sum(), m);
            }
        }
        f.sim.runUntil(600 * MS + MS / 2);
        assertFalse(group.rebalancing());
        assertEquals(2, group.rebalances());
        assertEquals(200 * MS, group.rebalancePauseNanos()); // two rebalances of 100 ms each
        assertEquals(3, group.assignment().size());
        assertTrue(group.assignment().get("c").size() == 1, group.assignment().toString());
    }

    @Test
    void aCleanLeaveCommitsSoItsPartitionsResumeWithoutDuplicates() {
        Topic topic = f.topic(2);
        ConsumerGroup group = f.group(topic, withPolling(config(), new Distribution.Constant(1), 10, CommitMode.AUTO,
                5 * S));
        for (int i = 0; i < 500; i++) {
            f.publish(topic, 0);
            f.publish(topic, 1);
        }
        group.join("a");
        group.join("b");
        f.sim.runUntil(200 * MS + MS / 2);
        group.leave("a"); // a is mid-batch, far from an auto-commit: it finishes its record and commits
        f.sim.runUntil(201 * MS);
        assertEquals(List.of("b"), group.members());
        assertEquals(group.position(0), group.committedOffset(0));
        f.sim.runUntil(5 * S);
        assertEquals(0, group.redelivered());
        assertEquals(1000, group.consumed());
    }

    private static long[] positions(ConsumerGroup group) {
        long[] out = new long[group.topic().partitions()];
        for (int p = 0; p < out.length; p++) {
            out[p] = group.position(p);
        }
        return out;
    }
}
