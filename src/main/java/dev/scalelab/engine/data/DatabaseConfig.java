package dev.scalelab.engine.data;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.HasId;

/**
 * Everything a {@link Database} is built from. Times are in milliseconds (distributions sample
 * milliseconds), rates per second of virtual time.
 *
 * @param shards                 shards at the start, with ids 0..shards-1
 * @param keyCount               keys 0..keyCount-1 (the world's key space); per-key state is a few
 *                               arrays of this length, so memory is bounded by it
 * @param strategy               how keys map to shards
 * @param virtualNodes           points per shard on the consistent-hash ring (other strategies ignore it)
 * @param replicasPerShard       read replicas behind each shard's primary
 * @param replicationLagMs       how long after commit a replica applies an entry (drawn per entry and replica)
 * @param readPolicy             which node of the shard serves a read
 * @param consistency            the session guarantee reads honour
 * @param replicationMode        when a write is acknowledged
 * @param connectionLimit        queries a node serves at once (its connections); more wait in its queue
 * @param queueCapacity          queries that may wait at a node; further ones are rejected
 * @param readServiceMs          service time of a read on a node
 * @param writeServiceMs         service time of a write on the primary
 * @param migrationKeysPerSecond how fast resharding copies keys to their new owner
 * @param migrationReads         where reads of keys that are still moving go
 * @param rangeSplit             which range a new shard takes over (range strategies)
 * @param failoverDetectionMs    from a primary's death to the promotion of a replica
 * @param hotShardFactor         a shard is hot when its load over the last second exceeds this many
 *                               times the mean shard load
 * @param hotKeyShare            a key is hot when it draws more than this share of a second's queries
 * @param maxConnections         client connections the database accepts (PostgreSQL's max_connections)
 * @param cores                  CPU cores of each node: more queries running at once share them; 0 leaves
 *                               contention out
 */
public record DatabaseConfig(int shards, int keyCount, ShardRouter.Strategy strategy, int virtualNodes,
                             int replicasPerShard, Distribution replicationLagMs, ReadPolicy readPolicy,
                             Consistency consistency, ReplicationMode replicationMode, int connectionLimit,
                             int queueCapacity, Distribution readServiceMs, Distribution writeServiceMs,
                             double migrationKeysPerSecond, MigrationReads migrationReads, RangeSplit rangeSplit,
                             double failoverDetectionMs, double hotShardFactor, double hotKeyShare,
                             int maxConnections, int cores) {

    public DatabaseConfig {
        require(shards >= 1, "shards", "at least 1");
        require(keyCount >= 1, "keyCount", "at least 1");
        require(virtualNodes >= 1, "virtualNodes", "at least 1");
        require(replicasPerShard >= 0, "replicasPerShard", "0 or more");
        require(connectionLimit >= 1, "connectionLimit", "at least 1");
        require(queueCapacity >= 0, "queueCapacity", "0 or more");
        require(migrationKeysPerSecond > 0, "migrationKeysPerSecond", "positive");
        require(failoverDetectionMs >= 0, "failoverDetectionMs", "0 or more");
        require(hotShardFactor > 1, "hotShardFactor", "above 1");
        require(hotKeyShare > 0 && hotKeyShare <= 1, "hotKeyShare", "in (0, 1]");
        require(maxConnections >= 1, "maxConnections", "at least 1");
        require(cores >= 0, "cores", "0 or more");
        if (strategy == null || replicationLagMs == null || readPolicy == null || consistency == null
                || replicationMode == null || readServiceMs == null || writeServiceMs == null
                || migrationReads == null || rangeSplit == null) {
            throw new IllegalArgumentException("database: every choice and distribution must be set");
        }
    }

    private static void require(boolean ok, String field, String what) {
        if (!ok) {
            throw new IllegalArgumentException("database." + field + " must be " + what);
        }
    }

    /**
     * 4 shards of 100,000 keys on a 100-point ring, 2 replicas with 20-200 ms lag, reads from any
     * replica, eventual consistency, asynchronous replication, 20 connections and 200 queued per
     * node, 1 ms reads and 2 ms writes (exponential), 1,000 keys/s migration with dual reads, hot-range
     * splits, 5 s failover detection, hot at 2x the mean shard load or 10% of the queries,
     * 100 client connections (PostgreSQL's max_connections) and no CPU contention.
     */
    public static DatabaseConfig defaults() {
        return new DatabaseConfig(4, 100_000, ShardRouter.Strategy.CONSISTENT_HASH, 100, 2,
                new Distribution.Uniform(20, 200), ReadPolicy.REPLICAS_FIRST, Consistency.EVENTUAL,
                ReplicationMode.ASYNC, 20, 200, new Distribution.Exponential(1), new Distribution.Exponential(2),
                1_000, MigrationReads.DUAL_READ, RangeSplit.HOTTEST, 5_000, 2.0, 0.1, 100, 0);
    }

    public DatabaseConfig withShards(int v) {
        return new DatabaseConfig(v, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withKeyCount(int v) {
        return new DatabaseConfig(shards, v, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withStrategy(ShardRouter.Strategy v) {
        return new DatabaseConfig(shards, keyCount, v, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withVirtualNodes(int v) {
        return new DatabaseConfig(shards, keyCount, strategy, v, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withReplicasPerShard(int v) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, v, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withReplicationLagMs(Distribution v) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, v,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withReadPolicy(ReadPolicy v) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                v, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withConsistency(Consistency v) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, v, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withReplicationMode(ReplicationMode v) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, v, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withConnectionLimit(int v) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, v, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withQueueCapacity(int v) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, v, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withServiceMs(Distribution read, Distribution write) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, read,
                write, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withMigration(double keysPerSecond, MigrationReads reads) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, keysPerSecond, reads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withRangeSplit(RangeSplit v) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, v, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withFailoverDetectionMs(double v) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, v,
                hotShardFactor, hotKeyShare, maxConnections, cores);
    }

    public DatabaseConfig withHotThresholds(double shardFactor, double keyShare) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                shardFactor, keyShare, maxConnections, cores);
    }

    public DatabaseConfig withClientConnections(int maxConnectionsValue, int coresValue) {
        return new DatabaseConfig(shards, keyCount, strategy, virtualNodes, replicasPerShard, replicationLagMs,
                readPolicy, consistency, replicationMode, connectionLimit, queueCapacity, readServiceMs,
                writeServiceMs, migrationKeysPerSecond, migrationReads, rangeSplit, failoverDetectionMs,
                hotShardFactor, hotKeyShare, maxConnectionsValue, coresValue);
    }

    /** Which node of a shard serves a read; a node that cannot honour the session guarantee is skipped. */
    public enum ReadPolicy implements HasId {
        /** Every read on the primary: never stale, no read scaling. */
        PRIMARY_ONLY("primary"),
        /** The pattern notes' rule: any replica (chosen at random), else the primary. */
        REPLICAS_FIRST("replicas-first"),
        /** Primary and replicas in turn. */
        ROUND_ROBIN("round-robin"),
        /** The replica with the smallest current lag (as a lag-aware proxy such as ProxySQL does), else the primary. */
        LEAST_LAG("least-lag");

        private final String id;

        ReadPolicy(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static ReadPolicy byId(String id) {
            return HasId.byId(ReadPolicy.class, id);
        }
    }

    /** Session guarantees (Terry et al., PDIS 1994; MongoDB causal sessions). */
    public enum Consistency implements HasId {
        /** Any node may answer; a read may be stale and may go back in time. */
        EVENTUAL("eventual"),
        /** A read comes from a node that applied the session's last write on that shard, else the primary. */
        READ_YOUR_WRITES("read-your-writes"),
        /** A read comes from a node at least as far as anything the session read on that shard, else the primary. */
        MONOTONIC_READS("monotonic-reads");

        private final String id;

        Consistency(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Consistency byId(String id) {
            return HasId.byId(Consistency.class, id);
        }
    }

    /** When the primary acknowledges a write. */
    public enum ReplicationMode implements HasId {
        /** At commit; replicas apply later (MySQL and PostgreSQL default): a failover can lose acknowledged writes. */
        ASYNC("async"),
        /**
         * After one replica applied it. MySQL's semi-sync acknowledges on the replica's receipt (relay
         * log), which is earlier; here the stricter "applied" keeps the most up-to-date replica complete.
         */
        SEMI_SYNC("semi-sync"),
        /** After every live replica applied it (PostgreSQL {@code synchronous_commit = remote_apply} on all standbys). */
        SYNC("sync");

        private final String id;

        ReplicationMode(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static ReplicationMode byId(String id) {
            return HasId.byId(ReplicationMode.class, id);
        }
    }

    /** Where a read of a key that is still to move goes while resharding runs. */
    public enum MigrationReads implements HasId {
        /** To the new owner first, falling back to the old one while the key has not arrived (one extra query). */
        DUAL_READ("dual-read"),
        /** To the old owner until the key has moved (the router tracks each key's cutover). */
        OLD_OWNER("old-owner");

        private final String id;

        MigrationReads(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static MigrationReads byId(String id) {
            return HasId.byId(MigrationReads.class, id);
        }
    }

    /** Which range a shard added to a range-sharded database takes over. */
    public enum RangeSplit implements HasId {
        /** The widest range, at its midpoint (Vitess' {@code -80} into {@code -40}, {@code 40-80}). */
        LARGEST("largest"),
        /**
         * The range of the busiest shard over the last second, at the point that halves its load
         * (CockroachDB's load-based splitting); the widest range when there was no load.
         */
        HOTTEST("hottest");

        private final String id;

        RangeSplit(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static RangeSplit byId(String id) {
            return HasId.byId(RangeSplit.class, id);
        }
    }
}
