package dev.scalelab.engine.pools;

/** Who asked a pool for a connection: hears once whether it got one, at once when one is idle, otherwise from an event. */
public interface Borrower {
    /** The connection is now this borrower's, after waiting {@code waitNanos}; give it back with {@link ConnectionPool#release}. */
    void acquired(PooledConnection connection, long waitNanos);

    /** No connection came in time (or the pool closed): HikariCP's SQLTransientConnectionException message. */
    void failed(String message);
}
