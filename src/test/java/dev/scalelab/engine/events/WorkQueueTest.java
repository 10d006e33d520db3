package dev.scalelab.engine.events;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkQueueTest {
    private static final long S = Simulation.NANOS_PER_SECOND;

    private final Simulation sim = new Simulation();
    private final List<String> log = new ArrayList<>();
    private long nextId;

    private WorkQueue queue(double processingMs, int batch, double visibilitySeconds, int maxReceiveCount,
                            double errorRate, int maxMessages, boolean idempotent) {
        WorkQueueConfig config = new WorkQueueConfig(new Distribution.Constant(processingMs), batch,
                Simulation.secondsToNanos(visibilitySeconds), maxReceiveCount, errorRate, maxMessages, idempotent);
        return new WorkQueue(sim, "jobs", config, new SplittableRandom(3), log::add);
    }

    private EventRecord message() {
        return new EventRecord(nextId++, EventRecord.NO_KEY, sim.nowNanos(), 0, false);
    }

    /** Erlang C: the mean wait in queue of M/M/c with arrival rate lambda and service rate mu per server. */
    private static double erlangCMeanWait(int c, double lambda, double mu) {
        double a = lambda / mu;
        double rho = a / c;
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double tail = term / (1 - rho); // a^c / c! / (1 - rho)
        double probabilityOfWaiting = tail / (sum + tail);
        return probabilityOfWaiting / (c * mu - lambda);
    }

    @Test
    void competingConsumersWaitAsErlangCPredicts() {
        int consumers = 4;
        double meanServiceMs = 100;
        double arrivalsPerSecond = 24; // rho = 24 / (4 x 10) = 0.6
        // 60 s of visibility is 600 mean services: no message ever comes back.
        WorkQueueConfig config = new WorkQueueConfig(new Distribution.Exponential(meanServiceMs), 1, 60 * S, 0, 0, 0,
                false);
        WorkQueue q = new WorkQueue(sim, "jobs", config, new SplittableRandom(11), log::add);
        for (int i = 0; i < consumers; i++) {
            q.addConsumer("jobs-" + i);
        }
        SplittableRandom arrivals = new SplittableRandom(12);
        // At rho = 0.6 the mean wait of 200,000 messages has a relative sd of about 1.7% (measured over
        // independent seeds), so 6% is 3.5 sd.
        int messages = 200_000;
        Event arrive = new Event() {
            int sentSoFar;

            @Override
            public void fire() {
                assertTrue(q.send(message()));
                if (++sentSoFar < messages) {
                    double gapSeconds = -Math.log(1 - arrivals.nextDouble()) / arrivalsPerSecond;
                    sim.scheduleIn(Simulation.secondsToNanos(gapSeconds), this);
                }
            }
        };
        sim.schedule(0, arrive);
        sim.runUntil(Long.MAX_VALUE - 1);

        assertEquals(messages, q.deleted());
        assertEquals(0, q.redelivered());
        double expectedMs = 1000 * erlangCMeanWait(consumers, arrivalsPerSecond, 1000 / meanServiceMs);
        // a = 2.4: C = (2.4^4/4! / 0.4) / (1 + 2.4 + 2.4^2/2 + 2.4^3/6 + 2.4^4/4! / 0.4) = 0.2870; Wq = C / (40 - 24).
        assertEquals(17.94, expectedMs, 0.01);
        
        double measuredMs = q.queueWait().total().meanMs();
        assertEquals(expectedMs, measuredMs, 0.06 * expectedMs, "mean wait in queue " + measuredMs + " ms");
    }

    @Test
    void aVisibilityTimeoutShorterThanProcessingHasEveryMessageProcessedTwice() {
        // 10 s of processing against 6 s of visibility, two receives allowed.
        WorkQueue q = queue(10_000, 1, 6, 2, 0, 0, false);
        q.addConsumer("a");
        q.addConsumer("b");
        q.send(message());
        // 0: a receives. 6: visible again, b receives (a redelivery). 10: a's processing has its effect,
        // but its receipt is stale: not deleted. 12: visible again; a, idle since 10, would be the third
        // receive: moved to the dead-letter queue. 16: b's processing takes effect again: a duplicate.
        sim.runUntil(11 * S);
        assertEquals(1, q.processed());
        assertEquals(1, q.redelivered());
        assertEquals(0, q.deleted());
        assertEquals(1, q.inFlight());
        sim.runUntil(12 * S);
        assertEquals(1, q.deadLettered());
        assertEquals(0, q.inFlight());
        assertEquals(List.of("queue jobs: message 0 moved to the dead-letter queue after 2 receives (maxReceiveCount 2)"),
                log);
        sim.runUntil(100 * S);
        assertEquals(2, q.processed());
        assertEquals(1, q.duplicates());
        assertEquals(0, q.deleted());
        assertEquals(0, q.failedAttempts());
    }

    @Test
    void anIdempotentConsumerCountsTheRedeliveryButNoDuplicate() {
        WorkQueue q = queue(10_000, 1, 6, 2, 0, 0, true);
        q.addConsumer("a");
        q.addConsumer("b");
        q.send(message());
        sim.runUntil(100 * S);
        assertEquals(2, q.processed());
        assertEquals(1, q.redelivered());
        assertEquals(0, q.duplicates());
    }

    @Test
    void aSlowBatchLosesOnlyTheMessagesFinishedAfterTheirVisibility() {
        // Three messages in one receive, 10 s each, 25 s of visibility: the third ends at 30, too late.
        WorkQueue q = queue(10_000, 3, 25, 0, 0, 0, false);
        for (int i = 0; i < 3; i++) {
            q.send(message());
        }
        q.addConsumer("a");
        sim.runUntil(25 * S);
        assertEquals(2, q.deleted());
        // At 25 the third is visible again and a, busy with it, is the only consumer: nobody takes it.
        assertEquals(1, q.visible());
        sim.runUntil(30 * S);
        // a's processing of it ends at 30: effect, no delete; a receives it again at once (a redelivery).
        assertEquals(3, q.processed());
        assertEquals(2, q.deleted());
        assertEquals(1, q.redelivered());
        sim.runUntil(40 * S);
        assertEquals(3, q.deleted());
        assertEquals(1, q.duplicates());
        assertEquals(4, q.processed());
    }

    @Test
    void aFailingMessageIsDeadLetteredExactlyAfterMaxReceiveCountReceives() {
        WorkQueue q = queue(1_000, 1, 5, 3, 1.0, 0, false);
        q.addConsumer("a");
        q.send(message());
        // Received at 0, 5 and 10, failing 1 s later each time; back at 5, 10, 15.
        sim.runUntil(15 * S - 1);
        assertEquals(3, q.failedAttempts());
        assertEquals(2, q.redelivered());
        assertEquals(0, q.deadLettered());
        assertEquals(1, q.inFlight());
        sim.runUntil(15 * S);
        assertEquals(1, q.deadLettered());
        assertEquals(0, q.visible() + q.inFlight());
        assertEquals(3, q.failedAttempts());
        assertFalse(q.busy("a"));
        assertEquals(List.of("queue jobs: message 0 moved to the dead-letter queue after 3 receives (maxReceiveCount 3)"),
                log);
    }

    @Test
    void aPoisonMessageFailsWhateverTheErrorRate() {
        WorkQueue q = queue(1_000, 1, 5, 1, 0, 0, false);
        q.addConsumer("a");
        q.send(new EventRecord(7, EventRecord.NO_KEY, 0, 0, true));
        q.send(message());
        sim.runUntil(60 * S);
        assertEquals(1, q.failedAttempts());
        assertEquals(1, q.deadLettered());
        assertEquals(1, q.deleted());
    }

    @Test
    void aCrashedConsumersMessagesReappearExactlyAtTheirVisibilityDeadline() {
        WorkQueue q = queue(10_000, 3, 30, 0, 0, 0, false);
        for (int i = 0; i < 3; i++) {
            q.send(message());
        }
        sim.runUntil(2 * S);
        q.addConsumer("a"); // receives all three at 2 s: invisible until 32 s
        sim.runUntil(15 * S);
        assertTrue(q.busy("a"));
        q.crashConsumer("a"); // in hand since 12 s, and one not started
        assertEquals(List.of("queue jobs: consumer a crashed holding 2 messages; they come back when their visibility ends"),
                log);
        assertEquals(List.of(), q.consumers());
        sim.runUntil(32 * S - 1);
        assertEquals(1, q.deleted()); // its processing due at 22 s never completed
        assertEquals(0, q.processed() - q.deleted());
        assertEquals(0, q.visible());
        assertEquals(2, q.inFlight());
        sim.runUntil(32 * S);
        assertEquals(2, q.visible());
        assertEquals(0, q.inFlight());
        q.addConsumer("b");
        assertEquals(2, q.redelivered());
        sim.runUntil(100 * S);
        assertEquals(3, q.deleted());
        assertEquals(0, q.duplicates());
    }

    @Test
    void aRemovedConsumerFinishesTheMessageInHandAndItsBatchComesBackAtItsDeadline() {
        WorkQueue q = queue(10_000, 3, 30, 0, 0, 0, false);
        for (int i = 0; i < 3; i++) {
            q.send(message());
        }
        q.addConsumer("a");
        q.addConsumer("b"); // idle: nothing visible
        sim.runUntil(5 * S);
        q.removeConsumer("a");
        assertEquals(List.of("b"), q.consumers());
        assertTrue(q.busy("a"));
        sim.runUntil(10 * S);
        assertEquals(1, q.deleted());
        assertFalse(q.busy("a"));
        assertEquals(2, q.inFlight());
        assertFalse(q.busy("b"));
        sim.runUntil(30 * S);
        // Back at 30, one timer after the other: b's long poll returns with the first at once, and
        // the second waits, visible, until b is done with it at 40.
        assertTrue(q.busy("b"));
        assertEquals(1, q.redelivered());
        assertEquals(1, q.visible());
        sim.runUntil(40 * S);
        assertEquals(2, q.redelivered());
        assertEquals(0, q.visible());
        sim.runUntil(100 * S);
        assertEquals(3, q.deleted());
        assertThrows(IllegalArgumentException.class, () -> q.removeConsumer("a"));
        q.crashConsumer("b");
        assertEquals(List.of("queue jobs: consumer b crashed holding no message"), log);
    }

    @Test
    void aFullQueueRefusesSendsAndFreesRoomToItsWaitersInOrder() {
        WorkQueue q = queue(1_000, 1, 30, 0, 0, 2, false);
        assertTrue(q.send(message()));
        assertTrue(q.send(message()));
        assertTrue(q.full());
        assertFalse(q.send(message()));
        assertEquals(2, q.sent());
        List<String> ran = new ArrayList<>();
        Runnable first = () -> {
            ran.add("first at " + sim.nowNanos() / S);
            assertTrue(q.send(message()));
        };
        Runnable second = () -> {
            ran.add("second at " + sim.nowNanos() / S);
            assertTrue(q.send(message()));
        };
        Runnable gaveUp = () -> ran.add("gave up");
        Runnable third = () -> ran.add("third at " + sim.nowNanos() / S);
        q.whenSpace(first);
        q.whenSpace(gaveUp);
        q.whenSpace(second);
        q.whenSpace(third);
        q.cancelWait(gaveUp);
        sim.runUntil(10 * S);
        assertEquals(List.of(), ran);
        // In flight still counts: room comes only when the first message is deleted, at 1 s.
        q.addConsumer("a");
        sim.runUntil(10 * S + S);
        assertEquals(List.of("first at 11"), ran);
        sim.runUntil(10 * S + 2 * S);
        // At 12 the second frees a place: the second waiter sends and the queue is full again;
        // the third, which does not send, waits for the next.
        assertEquals(List.of("first at 11", "second at 12"), ran);
        sim.runUntil(10 * S + 3 * S);
        assertEquals(List.of("first at 11", "second at 12", "third at 13"), ran);
        Runnable now = () -> ran.add("at once");
        q.whenSpace(now);
        assertEquals("at once", ran.get(ran.size() - 1));
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        long[] a = randomRun(5);
        long[] b = randomRun(5);
        long[] c = randomRun(6);
        assertEquals(Arrays.toString(a), Arrays.toString(b));
        assertFalse(Arrays.equals(a, c));
    }

    private static long[] randomRun(long seed) {
        Simulation sim = new Simulation();
        WorkQueueConfig config = new WorkQueueConfig(new Distribution.Exponential(400), 3, 500_000_000L, 4, 0.2, 0, false);
        WorkQueue q = new WorkQueue(sim, "jobs", config, new SplittableRandom(seed), line -> { });
        q.addConsumer("x");
        q.addConsumer("y");
        for (int i = 0; i < 500; i++) {
            final long id = i;
            sim.schedule(i * 100_000_000L, () -> q.send(new EventRecord(id, EventRecord.NO_KEY, sim.nowNanos(), 0, false)));
        }
        sim.runUntil(3600 * S);
        return new long[] {q.deleted(), q.processed(), q.failedAttempts(), q.redelivered(), q.duplicates(),
                q.deadLettered(), q.endToEnd().totalPercentileMicros(99)};
    }
}
