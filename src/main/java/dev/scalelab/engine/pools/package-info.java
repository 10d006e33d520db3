/**
 * Connection pools, as HikariCP runs them.
 *
 * <ul>
 *   <li>{@link dev.scalelab.engine.pools.ConnectionPool}: a bounded pool of connections with
 *       HikariCP's settings ({@link dev.scalelab.engine.pools.ConnectionPoolConfig}): FIFO borrowers
 *       that time out, a single connection adder with back-off, retirement at a staggered
 *       {@code maxLifetime}, idle retirement by the housekeeper, and leak detection.</li>
 *   <li>{@link dev.scalelab.engine.pools.ConnectionSource}: what a pool opens its connections on
 *       (the database, which may refuse them).</li>
 * </ul>
 *
 * Pure Java, deterministic: time only from the {@link dev.scalelab.sim.Simulation} in ns,
 * randomness only from the {@link java.util.SplittableRandom} a pool is given. Confined to the
 * simulation thread.
 */
package dev.scalelab.engine.pools;
