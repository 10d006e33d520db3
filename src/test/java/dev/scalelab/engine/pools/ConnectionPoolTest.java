package dev.scalelab.engine.pools;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HikariCP's pool in virtual time: queueing as M/M/c, timeouts, leaks, refusals, lifetimes. */
class ConnectionPoolTest {
    private static final long MS = Simulation.NANOS_PER_MILLI;
    private static final long S = Simulation.NANOS_PER_SECOND;

    /** A database that counts its connections and refuses beyond {@code max}. */
    static final class CountingSource implements ConnectionSource {
        final int max;
        int open;
        int refused;

        CountingSource(int max) {
            this.max = max;
        }

        @Override
        public boolean open() {
            if (open >= max) {
                refused++;
                return false;
            }
            open++;
            return true;
        }

        @Override
        public void close() {
            open--;
        }
    }

    private static ConnectionPoolConfig fixed(int size, long timeoutNanos) {
        return new ConnectionPoolConfig(size, size, timeoutNanos, 0, 1800 * S, 0);
    }

    /** Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a = λ/μ. */
    static double erlangC(int c, double a) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double last = term * a / c * c / (c - a);
        return last / (sum + last);
    }

    @Test
    void meanWaitForAConnectionIsErlangCs() {
        int c = 5;
        double lambdaPerSecond = 400;
        double muPerSecond = 100; // 10 ms queries: a = 4, utilisation 0.8
        Simulation sim = new Simulation();
        ConnectionPool pool = new ConnectionPool(sim, "i-0", fixed(c, 3600 * S), new CountingSource(100),
                new SplittableRandom(1), m -> { });
        SplittableRandom arrivals = new SplittableRandom(2);
        SplittableRandom service = new SplittableRandom(3);
        long[] next = {S};
        Runnable[] arrive = new Runnable[1];
        arrive[0] = () -> {
            pool.borrow(new Borrower() {
                @Override
                public void acquired(PooledConnection connection, long waitNanos) {
                    long hold = (long) (-Math.log(1 - service.nextDouble()) / muPerSecond * S);
                    sim.scheduleIn(hold, () -> pool.release(connection));
                }

                @Override
                public void failed(String message) {
                    throw new AssertionError(message);
                }
            });
            next[0] += (long) (-Math.log(1 - arrivals.nextDouble()) / lambdaPerSecond * S);
            sim.schedule(next[0], arrive[0]::run);
        };
        sim.schedule(next[0], arrive[0]::run);
        sim.runUntil(1500 * S);
        double a = lambdaPerSecond / muPerSecond;
        double expectedMs = erlangC(c, a) / (c * muPerSecond - lambdaPerSecond) * 1000;
        assertTrue(pool.acquired() > 500_000, "enough queries: " + pool.acquired());
        assertEquals(expectedMs, pool.meanWaitMs(), 0.06 * expectedMs,
                "Erlang C wait " + expectedMs + " ms, measured " + pool.meanWaitMs());
    }

    @Test
    void aWaitPastTheTimeoutFailsExactlyAtTheTimeout() {
        Simulation sim = new Simulation();
        ConnectionPool pool = new ConnectionPool(sim, "i-0", fixed(1, 250 * MS), new CountingSource(100),
                new SplittableRandom(1), m -> { });
        List<String> events = new ArrayList<>();
        sim.runUntil(10 * MS);
        pool.borrow(recorder(sim, events, "first"));
        sim.schedule(20 * MS, () -> pool.borrow(recorder(sim, events, "second")));
        sim.runUntil(S);
        assertEquals(List.of("first acquired at 10 ms after 0 ms",
                "second failed at 270 ms: i-0 - Connection is not available, request timed out after 250ms "
                        + "(total=1, active=1, idle=0, waiting=0)"), events);
        assertEquals(1, pool.timeouts());
        assertEquals(1, pool.maxPending());
    }

    @Test
    void aReturnedConnectionGoesToTheLongestWaiter() {
        Simulation sim = new Simulation();
        ConnectionPool pool = new ConnectionPool(sim, "i-0", fixed(1, 10 * S), new CountingSource(100),
                new SplittableRandom(1), m -> { });
        List<String> events = new ArrayList<>();
        List<PooledConnection> held = new ArrayList<>();
        sim.runUntil(MS);
        pool.borrow(new Borrower() {
            @Override
            public void acquired(PooledConnection connection, long waitNanos) {
                held.add(connection);
            }

            @Override
            public void failed(String message) {
                throw new AssertionError(message);
            }
        });
        pool.borrow(recorder(sim, events, "a"));
        sim.runUntil(2 * MS);
        pool.borrow(recorder(sim, events, "b"));
        sim.schedule(5 * MS, () -> pool.release(held.get(0)));
        sim.runUntil(S);
        assertEquals(List.of("a acquired at 5 ms after 4 ms"), events);
        assertEquals(1, pool.pending());
    }

    private static Borrower recorder(Simulation sim, List<String> events, String who) {
        return new Borrower() {
            @Override
            public void acquired(PooledConnection connection, long waitNanos) {
                events.add(who + " acquired at " + sim.nowNanos() / MS + " ms after " + waitNanos / MS + " ms");
            }

            @Override
            public void failed(String message) {
                events.add(who + " failed at " + sim.nowNanos() / MS + " ms: " + message);
            }
        };
    }

    /**
     * Queries arrive at λ and a fraction f keep their connection: connections leak at λf, so by
     * Little's law a pool of N is empty after N / (λf). Averaged over seeds, the time the last
     * connection leaks is within 5% of it.
     */
    @Test
    void aLeakDrainsThePoolInTheTimeLittlesLawPredicts() {
        int size = 100;
        double lambdaPerSecond = 100;
        double fraction = 0.2;
        double predictedSeconds = size / (lambdaPerSecond * fraction);
        double sum = 0;
        int runs = 20;
        for (int seed = 0; seed < runs; seed++) {
            sum += secondsUntilDrained(size, lambdaPerSecond, fraction, seed);
        }
        assertEquals(predictedSeconds, sum / runs, 0.05 * predictedSeconds);
    }

    private static double secondsUntilDrained(int size, double lambdaPerSecond, double fraction, int seed) {
        Simulation sim = new Simulation();
        List<String> log = new ArrayList<>();
        ConnectionPool pool = new ConnectionPool(sim, "i-0", new ConnectionPoolConfig(size, size, 30 * S, 0, 1800 * S, 2 * S),
                new CountingSource(1000), new SplittableRandom(seed), log::add);
        sim.runUntil(S);
        SplittableRandom random = new SplittableRandom(seed + 1000);
        double[] drainedAt = {Double.NaN};
        long[] next = {S};
        Runnable[] arrive = new Runnable[1];
        arrive[0] = () -> {
            pool.borrow(new Borrower() {
                @Override
                public void acquired(PooledConnection connection, long waitNanos) {
                    if (random.nextDouble() < fraction) {
                        pool.abandon(connection);
                        if (pool.abandoned() == size) {
                            drainedAt[0] = (sim.nowNanos() - S) / 1e9;
                        }
                    } else {
                        sim.scheduleIn(5 * MS, () -> pool.release(connection));
                    }
                }

                @Override
                public void failed(String message) {
                }
            });
            next[0] += (long) (-Math.log(1 - random.nextDouble()) / lambdaPerSecond * S);
            if (Double.isNaN(drainedAt[0])) {
                sim.schedule(next[0], arrive[0]::run);
            }
        };
        sim.schedule(next[0], arrive[0]::run);
        sim.runUntil(200 * S);
        sim.runUntil(sim.nowNanos() + 3 * S);
        assertEquals(0, pool.idle());
        assertEquals(size, pool.active());
        assertEquals(size, pool.leaksDetected(), "each leaked connection is reported once");
        assertTrue(log.get(0).startsWith("i-0 - Connection leak detection triggered for conn"), log.get(0));
        return drainedAt[0];
    }

    @Test
    void theDatabaseRefusesBeyondItsLimitAndTheAdderBacksOff() {
        Simulation sim = new Simulation();
        CountingSource db = new CountingSource(3);
        ConnectionPool pool = new ConnectionPool(sim, "i-0", new ConnectionPoolConfig(5, 5, 30 * S, 10 * MS, 1800 * S, 0),
                db, new SplittableRandom(1), m -> { });
        // Three opened at 10, 20, 30 ms; refusals at 40 ms, then after sleeps of 250, 375, 562.5 and
        // 843.75 ms and 10 ms of set-up each: the fifth at 2,111.25 ms.
        sim.runUntil(40 * MS);
        assertEquals(3, pool.total());
        assertEquals(1, pool.refused());
        long fifth = 2111 * MS + 250_000;
        sim.runUntil(fifth - 1);
        assertEquals(4, pool.refused());
        sim.runUntil(fifth);
        assertEquals(5, pool.refused());
        assertEquals(5, db.refused);
        assertEquals(3, db.open);
        pool.close();
        assertEquals(0, db.open);
    }

    @Test
    void connectionsRetireStaggeredAndAreReplaced() {
        Simulation sim = new Simulation();
        CountingSource db = new CountingSource(100);
        ConnectionPool pool = new ConnectionPool(sim, "i-0", new ConnectionPoolConfig(10, 10, 30 * S, 0, 400 * S, 0),
                db, new SplittableRandom(7), m -> { });
        sim.runUntil(390 * S - 1);
        assertEquals(10, pool.opened(), "a lifetime of 400 s has a variance below 2.5%, 10 s");
        sim.runUntil(400 * S);
        assertEquals(20, pool.opened());
        assertEquals(10, pool.total());
        assertEquals(10, db.open);
    }
}
