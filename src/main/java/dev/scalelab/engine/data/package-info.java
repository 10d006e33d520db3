/**
 * The database engine: sharding, replication, session guarantees, live resharding and failover,
 * in virtual time.
 *
 * <ul>
 *   <li>{@link dev.scalelab.engine.data.ShardRouter}: immutable key-to-shard maps ("mod",
 *       "consistent-hash", "jump", "rendezvous", "range", "hashed-range") over int keys;
 *       {@link dev.scalelab.engine.data.RoutingChange} compares two of them.</li>
 *   <li>{@link dev.scalelab.engine.data.Database}: the shards, their primaries and replicas as
 *       queueing servers, built from a {@link dev.scalelab.engine.data.DatabaseConfig}. Asynchronous
 *       {@code read}/{@code write} with a {@link dev.scalelab.engine.data.QueryResult} callback;
 *       actions {@code addShard}, {@code removeShard}, {@code killPrimary}, {@code lagSpike};
 *       {@code view()} for the UI; decisions to a listener as
 *       {@link dev.scalelab.engine.data.DataEvent}s.</li>
 *   <li>{@link dev.scalelab.engine.data.Session}: a client's session for read-your-writes and
 *       monotonic reads.</li>
 * </ul>
 *
 * Semantics follow {@code shared/reference/engines.md} section 5. Everything here runs on the
 * simulation thread; only {@link dev.scalelab.engine.data.DatabaseView} and the routers may cross
 * to other threads.
 */
package dev.scalelab.engine.data;
