package dev.scalelab.engine.pools;

import dev.scalelab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One service instance's pool of database connections, with HikariCP's semantics (engines.md §7):
 *
 * <ul>
 *   <li>A borrower takes an idle connection at once (the most recently returned, as HikariCP's
 *       thread-local list favours); otherwise it waits, first come first served, and a connection
 *       that comes back or is opened goes to the longest waiter (HikariCP's fair hand-off queue).
 *       A wait past {@code connectionTimeout} fails with "Connection is not available, request
 *       timed out after …ms", exactly at the timeout.</li>
 *   <li>One connection adder opens connections one at a time, each taking the set-up time, while
 *       the pool is below {@code maximumPoolSize} and a borrower waits or fewer than
 *       {@code minimumIdle} are idle (HikariCP's {@code shouldCreateAnotherConnection}). When the
 *       database refuses one, the adder sleeps and tries again, as HikariCP's
 *       {@code PoolEntryCreator} does: 250 ms first, then 1.5 times longer each time, at most
 *       10 s or the connection timeout.</li>
 *   <li>Each connection is retired at {@code maxLifetime} less a random variance of up to 2.5%
 *       of it (HikariCP's {@code maxLifetime / 40}, for lifetimes over 10 s), so connections
 *       opened together do not all reconnect at once; an idle one closes then, one in use when it
 *       comes back, and the adder replaces it.</li>
 *   <li>The housekeeper runs every 30 s: when {@code minimumIdle} is below the maximum it closes
 *       connections idle for longer than HikariCP's {@code idleTimeout} (10 minutes) down to
 *       {@code minimumIdle}, then fills the pool.</li>
 *   <li>A connection held longer than {@code leakDetectionThreshold} is reported once per borrow
 *       ("Connection leak detection triggered"), and again when it comes back ("unleaked").</li>
 * </ul>
 *
 * Log lines go to the listener; every count is kept for the metrics. Confined to the simulation
 * thread; a borrower hears at once when a connection is idle, otherwise from an event.
 */
public final class ConnectionPool {
    static final long FIRST_BACKOFF_NANOS = 250 * Simulation.NANOS_PER_MILLI;
    static final long MAX_BACKOFF_NANOS = 10 * Simulation.NANOS_PER_SECOND;
    static final long HOUSEKEEPING_PERIOD_NANOS = 30 * Simulation.NANOS_PER_SECOND;
    static final long IDLE_TIMEOUT_NANOS = 600 * Simulation.NANOS_PER_SECOND;
    /** Lifetimes up to this get no variance (HikariCP: {@code maxLifetime > 10_000} ms). */
    private static final long VARIANCE_FROM_NANOS = 10 * Simulation.NANOS_PER_SECOND;
    private static final int LIFETIME_VARIANCE_DIVISOR = 40;

    private final Simulation sim;
    private final String name;
    private ConnectionPoolConfig config;
    private final ConnectionSource source;
    private final SplittableRandom lifetimeRandom;
    private final Consumer<String> log;

    /** Every open connection, idle or in use. */
    private final List<PooledConnection> open = new ArrayList<>();
    /** Idle connections, the most recently returned first. */
    private final ArrayDeque<PooledConnection> idle = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** The adder is opening a connection or sleeping after a refusal. */
    private boolean adderBusy;
    private long backoffNanos = FIRST_BACKOFF_NANOS;
    private int nextId;
    private boolean closed;

    private long acquired;
    private long timeouts;
    private long refused;
    private long abandoned;
    private long leaksDetected;
    private long opened;
    private int maxPending;
    private long waitNanosTotal;

    /**
     * One timer for all waiters, at the earliest deadline: a timeout event per borrow would keep
     * a connectionTimeout's worth of borrows in the event queue.
     */
    private long timerAtNanos = Long.MAX_VALUE;
    private int timerGeneration;

    private static final class Waiter {
        final Borrower borrower;
        final long sinceNanos;
        final long deadlineNanos;

        Waiter(Borrower borrower, long sinceNanos, long deadlineNanos) {
            this.borrower = borrower;
            this.sinceNanos = sinceNanos;
            this.deadlineNanos = deadlineNanos;
        }
    }

    /**
     * @param name           the owner, as log lines name it (an instance id)
     * @param lifetimeRandom the pool's own stream, for the lifetime variance
     * @param log            hears HikariCP's warnings, on the simulation thread
     */
    public ConnectionPool(Simulation sim, String name, ConnectionPoolConfig config, ConnectionSource source,
                          SplittableRandom lifetimeRandom, Consumer<String> log) {
        this.sim = sim;
        this.name = name;
        this.config = config;
        this.source = source;
        this.lifetimeRandom = lifetimeRandom;
        this.log = log;
        sim.scheduleIn(HOUSEKEEPING_PERIOD_NANOS, this::houseKeep);
        fill();
    }

    // ------------------------------------------------------------------ borrowing

    /** Asks for a connection; the borrower hears once whether it got one. */
    public void borrow(Borrower borrower) {
        if (closed) {
            sim.scheduleIn(0, () -> borrower.failed("pool " + name + " is closed"));
            return;
        }
        PooledConnection c = idle.pollFirst();
        if (c != null) {
            lend(c, borrower, 0);
            return;
        }
        long now = sim.nowNanos();
        Waiter w = new Waiter(borrower, now, now + config.connectionTimeoutNanos());
        waiters.addLast(w);
        maxPending = Math.max(maxPending, waiters.size());
        armTimer(w.deadlineNanos);
        fill();
    }

    private void lend(PooledConnection c, Borrower borrower, long waitNanos) {
        c.inUse = true;
        c.borrowedNanos = sim.nowNanos();
        c.reportedLeak = false;
        int borrow = ++c.borrows;
        acquired++;
        waitNanosTotal += waitNanos;
        if (config.leakDetectionThresholdNanos() > 0) {
            sim.scheduleIn(config.leakDetectionThresholdNanos(), () -> checkLeak(c, borrow));
        }
        borrower.acquired(c, waitNanos);
    }

    private void armTimer(long deadlineNanos) {
        if (deadlineNanos < timerAtNanos) {
            timerAtNanos = deadlineNanos;
            int generation = ++timerGeneration;
            sim.schedule(deadlineNanos, () -> timerFired(generation));
        }
    }

    /** Fails every waiter whose deadline has come, in arrival order, and sets the timer for the next. */
    private void timerFired(int generation) {
        if (generation != timerGeneration) {
            return;
        }
        timerAtNanos = Long.MAX_VALUE;
        long now = sim.nowNanos();
        List<Waiter> expired = new ArrayList<>(1);
        long next = Long.MAX_VALUE;
        for (var it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.deadlineNanos <= now) {
                expired.add(w);
                it.remove();
            } else {
                next = Math.min(next, w.deadlineNanos);
            }
        }
        if (next != Long.MAX_VALUE) {
            armTimer(next);
        }
        for (Waiter w : expired) {
            timeouts++;
            long waitedMs = (now - w.sinceNanos) / Simulation.NANOS_PER_MILLI;
            w.borrower.failed(String.format(Locale.ROOT,
                    "%s - Connection is not available, request timed out after %dms (total=%d, active=%d, idle=%d, waiting=%d)",
                    name, waitedMs, total(), active(), idle(), waiters.size()));
        }
    }

    /** The borrower is done with {@code c}: it goes to the longest waiter, or back to the idle ones. */
    public void release(PooledConnection c) {
        if (c.closed) {
            return; // the pool closed under it
        }
        if (!c.inUse) {
            throw new IllegalStateException(c.name() + " of " + name + " was not borrowed");
        }
        c.inUse = false;
        if (c.reportedLeak) {
            log.accept(String.format(Locale.ROOT, "%s - Previously reported leaked connection %s was returned to the pool (unleaked)",
                    name, c.name()));
        }
        if (c.evicted || sim.nowNanos() >= c.retireAtNanos || open.size() > config.maximumPoolSize()) {
            closeConnection(c);
            fill();
            return;
        }
        handOff(c);
    }

    /**
     * The borrower of {@code c} will never give it back (a leak): it stays in use for good, and
     * the pool has one connection fewer to lend.
     */
    public void abandon(PooledConnection c) {
        if (!c.inUse || c.abandoned) {
            throw new IllegalStateException(c.name() + " of " + name + " is not held");
        }
        c.abandoned = true;
        abandoned++;
    }

    private void handOff(PooledConnection c) {
        c.lastReturnedNanos = sim.nowNanos();
        Waiter w = waiters.pollFirst();
        if (w != null) {
            lend(c, w.borrower, sim.nowNanos() - w.sinceNanos);
        } else {
            idle.addFirst(c);
        }
    }

    private void checkLeak(PooledConnection c, int borrow) {
        if (c.closed || !c.inUse || c.borrows != borrow) {
            return;
        }
        c.reportedLeak = true;
        leaksDetected++;
        log.accept(String.format(Locale.ROOT, "%s - Connection leak detection triggered for %s (held %d ms), stack trace follows",
                name, c.name(), (sim.nowNanos() - c.borrowedNanos) / Simulation.NANOS_PER_MILLI));
    }

    // ------------------------------------------------------------------ opening and closing

    private boolean shouldCreateAnother() {
        return !closed && open.size() < config.maximumPoolSize()
                && (!waiters.isEmpty() || idle.size() < config.minimumIdle());
    }

    /** Wakes the adder when there is a connection to open. */
    private void fill() {
        if (!adderBusy && shouldCreateAnother()) {
            adderBusy = true;
            sim.scheduleIn(config.connectionSetupNanos(), this::connectionSetUp);
        }
    }

    private void connectionSetUp() {
        adderBusy = false;
        if (closed || open.size() >= config.maximumPoolSize()) {
            return; // closed, or shrunk by a new maximum while this one was set up
        }
        if (!source.open()) {
            refused++;
            adderBusy = true;
            long sleep = backoffNanos;
            backoffNanos = Math.min(MAX_BACKOFF_NANOS, Math.min(config.connectionTimeoutNanos(), (long) (backoffNanos * 1.5)));
            sim.scheduleIn(sleep, () -> {
                adderBusy = false;
                fill();
            });
            return;
        }
        backoffNanos = FIRST_BACKOFF_NANOS;
        long now = sim.nowNanos();
        long lifetime = config.maxLifetimeNanos();
        long variance = lifetime > VARIANCE_FROM_NANOS ? lifetimeRandom.nextLong(lifetime / LIFETIME_VARIANCE_DIVISOR) : 0;
        PooledConnection c = new PooledConnection(nextId++, now, now + lifetime - variance);
        open.add(c);
        opened++;
        sim.schedule(c.retireAtNanos, () -> retire(c));
        handOff(c);
        fill();
    }

    /** maxLifetime reached: an idle connection closes now, one in use when it comes back. */
    private void retire(PooledConnection c) {
        if (c.closed) {
            return;
        }
        if (c.inUse) {
            c.evicted = true;
            return;
        }
        idle.remove(c);
        closeConnection(c);
        fill();
    }

    private void closeConnection(PooledConnection c) {
        c.closed = true;
        open.remove(c);
        source.close();
    }

    private void houseKeep() {
        if (closed) {
            return;
        }
        long now = sim.nowNanos();
        if (config.minimumIdle() < config.maximumPoolSize()) {
            int surplus = idle.size() - config.minimumIdle();
            // Oldest-returned first: the deque holds the most recently returned at its head.
            List<PooledConnection> candidates = new ArrayList<>(idle);
            for (int i = candidates.size() - 1; i >= 0 && surplus > 0; i--) {
                PooledConnection c = candidates.get(i);
                if (now - c.lastReturnedNanos > IDLE_TIMEOUT_NANOS) {
                    idle.remove(c);
                    closeConnection(c);
                    surplus--;
                }
            }
        }
        fill();
        sim.scheduleIn(HOUSEKEEPING_PERIOD_NANOS, this::houseKeep);
    }

    /**
     * New settings, as HikariCP's MXBean takes them at run time: idle connections above a smaller
     * maximum close now, those in use when they come back; the adder fills to the new sizes.
     */
    public void reconfigure(ConnectionPoolConfig next) {
        config = next;
        while (open.size() > config.maximumPoolSize() && !idle.isEmpty()) {
            closeConnection(idle.pollLast());
        }
        fill();
    }

    /**
     * The owner is gone: every connection closes (a leaked one too: the process that held it has
     * ended), and borrowers still waiting fail.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (PooledConnection c : new ArrayList<>(open)) {
            closeConnection(c);
        }
        idle.clear();
        List<Waiter> left = new ArrayList<>(waiters);
        waiters.clear();
        timerGeneration++;
        for (Waiter w : left) {
            sim.scheduleIn(0, () -> w.borrower.failed("pool " + name + " is closed"));
        }
    }

    // ------------------------------------------------------------------ measures

    /** Connections open, idle and in use (HikariCP's totalConnections). */
    public int total() {
        return open.size();
    }

    public int active() {
        return open.size() - idle.size();
    }

    public int idle() {
        return idle.size();
    }

    /** Borrowers waiting now (HikariCP's threadsAwaitingConnection). */
    public int pending() {
        return waiters.size();
    }

    public long acquired() {
        return acquired;
    }

    public long timeouts() {
        return timeouts;
    }

    /** Connections the database refused to open. */
    public long refused() {
        return refused;
    }

    /** Connections whose borrower never gave them back. */
    public long abandoned() {
        return abandoned;
    }

    /** Connections leak detection reported. */
    public long leaksDetected() {
        return leaksDetected;
    }

    /** Connections opened since the start, replacements included. */
    public long opened() {
        return opened;
    }

    public int maxPending() {
        return maxPending;
    }

    /** Mean wait of the borrows that got a connection, in ms (0 before the first). */
    public double meanWaitMs() {
        return acquired == 0 ? 0 : waitNanosTotal / 1e6 / acquired;
    }
}
