package dev.scalelab.engine.pools;

/**
 * HikariCP's settings, in nanoseconds.
 *
 * @param maximumPoolSize              connections the pool may hold, idle and in use
 * @param minimumIdle                  idle connections the adder keeps open; above maximumPoolSize it
 *                                     is maximumPoolSize, as HikariConfig clamps it
 * @param connectionTimeoutNanos       how long a borrower waits before it fails
 * @param connectionSetupNanos         time to open one connection (TCP, TLS, authentication)
 * @param maxLifetimeNanos             a connection is retired and replaced after this, less a variance
 * @param leakDetectionThresholdNanos  a connection held longer is reported once; 0 is off
 */
public record ConnectionPoolConfig(int maximumPoolSize, int minimumIdle, long connectionTimeoutNanos,
                                   long connectionSetupNanos, long maxLifetimeNanos, long leakDetectionThresholdNanos) {
    public ConnectionPoolConfig {
        require(maximumPoolSize >= 1, "maximumPoolSize", "at least 1");
        require(minimumIdle >= 0, "minimumIdle", "0 or more");
        require(connectionTimeoutNanos > 0, "connectionTimeout", "positive");
        require(connectionSetupNanos >= 0, "connectionSetup", "0 or more");
        require(maxLifetimeNanos > 0, "maxLifetime", "positive");
        require(leakDetectionThresholdNanos >= 0, "leakDetectionThreshold", "0 or more");
        minimumIdle = Math.min(minimumIdle, maximumPoolSize);
    }

    private static void require(boolean ok, String field, String what) {
        if (!ok) {
            throw new IllegalArgumentException("connectionPool." + field + " must be " + what);
        }
    }
}
