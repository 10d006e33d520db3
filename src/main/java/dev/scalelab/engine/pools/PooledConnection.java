package dev.scalelab.engine.pools;

/** One connection of a pool, open on the database until it is retired or its pool closes. */
public final class PooledConnection {
    final int id;
    /** When it is retired: maxLifetime less a random variance, so a pool's connections do not all go at once. */
    final long retireAtNanos;
    boolean inUse;
    /** Past its lifetime while in use: closed when it comes back (HikariCP's soft eviction). */
    boolean evicted;
    boolean closed;
    long borrowedNanos;
    long lastReturnedNanos;
    /** Counts borrows, so a leak check scheduled for an earlier borrow does nothing. */
    int borrows;
    /** Leak detection reported the current borrow. */
    boolean reportedLeak;
    /** Its borrower will never give it back. */
    boolean abandoned;

    PooledConnection(int id, long openedNanos, long retireAtNanos) {
        this.id = id;
        this.retireAtNanos = retireAtNanos;
        this.lastReturnedNanos = openedNanos;
    }

    /** HikariCP's name for it in log lines. */
    public String name() {
        return "conn" + id;
    }
}
