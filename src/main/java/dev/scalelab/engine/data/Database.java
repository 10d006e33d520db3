package dev.scalelab.engine.data;

import dev.scalelab.engine.data.DatabaseConfig.MigrationReads;
import dev.scalelab.engine.data.QueryResult.Kind;
import dev.scalelab.engine.data.QueryResult.Outcome;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.PureMemo;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A sharded, replicated database in virtual time. Each shard has a primary and replicas; every node
 * is a FIFO server with a connection limit, a bounded queue and a service time. Writes commit on
 * the primary and ship through the shard's log; each replica applies every entry after its own lag,
 * in log order. Reads go to a node by the read policy, restricted by the session guarantee.
 * Resharding moves keys at a set rate while traffic runs; a killed primary is replaced by its most
 * up-to-date replica after a detection delay, and the writes that replica lacked are lost.
 *
 * <p>Keys are ints {@code 0..keyCount-1}; each key has a version (the number of writes it has had),
 * and a node answers with the version it holds as of its applied log position. Every notable
 * decision goes to the listener as a {@link DataEvent}.
 *
 * <p>Confined to the simulation thread: call everything from events of {@code sim}. Callbacks run
 * on that thread too, from events (never inside the call that submitted the query).
 */
public final class Database {
    /** What decides where every key starts: the router's kind, shards, virtual nodes and keys. */
    private record Placement(ShardRouter.Strategy strategy, int shards, int virtualNodes, int keyCount) {
    }

    /** Each key's first shard, the same for every world of a scenario: found once, copied for each (resharding moves keys). */
    private static final PureMemo<Placement, int[]> FIRST_HOLDERS = new PureMemo<>(8);

    private static int[] firstHolders(ShardRouter router, int keyCount) {
        int[] first = new int[keyCount];
        for (int key = 0; key < keyCount; key++) {
            first[key] = router.shardFor(key);
        }
        return first;
    }

    /** A query is sent on to the key's holder at most this many times. */
    private static final int MAX_REROUTES = 4;

    final Simulation sim;
    DatabaseConfig config;
    private final Consumer<DataEvent> listener;
    // Separate streams, so that changing the read policy does not change service times or lags.
    private final SplittableRandom serviceRandom;
    private final SplittableRandom choiceRandom;

    /** Every shard ever created, by id (ids are never reused). */
    final List<Shard> shardsById = new ArrayList<>();
    ShardRouter router;
    long routerVersion;

    // Per key: the shard that physically holds it, its latest committed version, and that
    // version's LSN on the holder's log.
    final KeyRecords keys;

    /** Per-key query counts, for hot keys and load-based range splits. */
    final KeyHeat keyHeat;
    private long evaluatedLoadBucket;
    /** Hot shards and hot keys, reported as they start and stop. */
    private final HotSpots hotSpots;

    /** Adding and removing shards; {@link Resharding#running} while keys move. */
    private final Resharding resharding;
    /** A replica's lag spike, a primary's death and the failover after it. */
    private final DatabaseFaults faults;
    /** Writes committed to the log, shipped to the replicas with the lag stream, and acknowledged. */
    final Replication replication;

    private long reads;
    private long writes;
    private long staleReads;
    private long readYourWritesViolations;
    private long monotonicReadViolations;
    private long lostWrites;
    private long lostAcknowledgedWrites;
    private long keysMoved;
    private long rejected;
    private long failed;
    private long rerouted;
    private long dualReadFallbacks;
    /** Client connections open now, against {@code maxConnections}, and those refused so far. */
    private int clientConnections;
    private long refusedClientConnections;

    /**
     * @param random   the database's own stream (such as {@code streams.stream("database")}); split
     *                 here into service-time, lag and replica-choice streams
     * @param listener receives every notable decision, on the simulation thread
     */
    public Database(Simulation sim, DatabaseConfig config, SplittableRandom random, Consumer<DataEvent> listener) {
        this.sim = sim;
        this.config = config;
        this.listener = listener;
        serviceRandom = random.split();
        replication = new Replication(this, random.split()); // the lag stream: split second, as always
        choiceRandom = random.split();
        int[] ids = new int[config.shards()];
        for (int id = 0; id < ids.length; id++) {
            ids[id] = id;
            shardsById.add(new Shard(id, config.replicasPerShard()));
        }
        router = ShardRouter.create(config.strategy(), ids, config.virtualNodes(), config.keyCount());
        keys = new KeyRecords(FIRST_HOLDERS.get(new Placement(config.strategy(), config.shards(), config.virtualNodes(), config.keyCount()),
                p -> firstHolders(router, p.keyCount())));
        for (int key = 0; key < keys.count(); key++) {
            shardsById.get(keys.holder(key)).keysHeld++;
        }
        evaluatedLoadBucket = sim.nowNanos() / LoadWindow.BUCKET_NANOS;
        hotSpots = new HotSpots(this, (evaluatedLoadBucket + LoadWindow.BUCKETS_PER_WINDOW + 1) * LoadWindow.BUCKET_NANOS);
        keyHeat = new KeyHeat(config.keyCount(), sim.nowNanos(), HotSpots.MIN_QUERIES, () -> this.config.hotKeyShare(),
                hotSpots::keyHeatChanged);
        resharding = new Resharding(this);
        faults = new DatabaseFaults(this);
    }

    /**
     * Changes the settings read per query while it runs: read policy, consistency, replication
     * mode, service times, lag, connection and queue limits, migration rate and reads, failover
     * delay and hot thresholds. The layout (strategy, virtual nodes, replicas, key count) cannot
     * change in place: that takes a new database. The shard count is kept, since add and remove
     * shard change it.
     */
    public void reconfigure(DatabaseConfig next) {
        if (next.strategy() != config.strategy() || next.virtualNodes() != config.virtualNodes()
                || next.replicasPerShard() != config.replicasPerShard() || next.keyCount() != config.keyCount()) {
            throw new IllegalArgumentException("the database's layout cannot change in place: build a new one");
        }
        config = next.withShards(config.shards());
        for (Shard shard : shardsById) {
            for (Node n : shard.nodes) {
                if (n.cpu != null) {
                    n.cpu.setCores(config.cores());
                }
            }
        }
    }

    /** The settings in force: the first, or the last {@link #reconfigure}'s (the shards in force are the {@link #router}'s). */
    public DatabaseConfig config() {
        return config;
    }

    /** The router in force; during a migration, the target layout. */
    public ShardRouter router() {
        return router;
    }

    /** The shard that holds the key now (during a migration, its old owner until it has moved). */
    public int holderOf(int key) {
        return keys.holder(checkedKey(key));
    }

    /** The key's latest committed version (0 = never written). */
    public int latestVersion(int key) {
        return keys.version(checkedKey(key));
    }

    // ------------------------------------------------------------------ queries

    /**
     * Reads a key. The callback gets the version the serving node held, whether it was stale, and the
     * node. {@code session} may be null: then the read is eventual and nothing is tracked.
     */
    public void read(int key, Session session, Consumer<QueryResult> callback) {
        read(new Query(this, Kind.READ, checkedKey(key), session, callback, null, sim.nowNanos()));
    }

    /**
     * A read without a session whose caller only waits for it to end, however it ends: {@code then}
     * fires when the callback of {@link #read(int, Session, Consumer)} would be called, and no
     * result is made (the cache's loads, one per miss).
     */
    public void readThen(int key, Event then) {
        read(new Query(this, Kind.READ, checkedKey(key), null, null, then, sim.nowNanos()));
    }

    private void read(Query q) {
        int key = q.key;
        reads++;
        keyHeat.count(key, sim.nowNanos());
        int target = keys.holder(key);
        if (resharding.running() && config.migrationReads() == MigrationReads.DUAL_READ) {
            target = router.shardFor(key); // the new owner; it sends the read back if the key has not arrived
        }
        dispatchRead(q, shardsById.get(target));
    }

    /** Writes a new version of a key on its holder's primary; acknowledged as the replication mode says. */
    public void write(int key, Session session, Consumer<QueryResult> callback) {
        write(new Query(this, Kind.WRITE, checkedKey(key), session, callback, null, sim.nowNanos()));
    }

    /** A write without a session whose caller only waits for it to end; see {@link #readThen}. */
    public void writeThen(int key, Event then) {
        write(new Query(this, Kind.WRITE, checkedKey(key), null, null, then, sim.nowNanos()));
    }

    private void write(Query q) {
        int key = q.key;
        writes++;
        keyHeat.count(key, sim.nowNanos());
        dispatchWrite(q, shardsById.get(keys.holder(key)));
    }

    private void dispatchRead(Query q, Shard shard) {
        countShard(shard);
        Node node = ReadRouting.chooseReadNode(config.readPolicy(), shard,
                ReadRouting.requiredLsn(config.consistency(), q.session, shard), choiceRandom, sim.nowNanos());
        if (node == null) {
            fail(q, shard.id, "", shard.primary == null ? "no primary and no replica can serve the session"
                    : "no node can serve");
            return;
        }
        submit(node, q);
    }

    private void dispatchWrite(Query q, Shard shard) {
        countShard(shard);
        if (shard.primary == null) {
            fail(q, shard.id, "", "no primary (shard " + shard.id + " is failing over or unavailable)");
            return;
        }
        submit(shard.primary, q);
    }

    /** Serves the query on the node: at once while a connection is free, else after those queued, else rejected. */
    private void submit(Node node, Query q) {
        q.shard = node.shard;
        q.node = node;
        if (node.inService.size() < config.connectionLimit()) {
            startService(node, q);
        } else if (node.queue.size() < config.queueCapacity()) {
            node.queue.add(q);
        } else {
            rejected++;
            deliverLater(q, result(q, Outcome.REJECTED, node.shard.id, node.name, 0, false, false, 0,
                    "connections and queue full on " + node.name));
        }
    }

    private void startService(Node node, Query q) {
        node.inService.add(q);
        double serviceMs = (q.kind == Kind.READ ? config.readServiceMs() : config.writeServiceMs())
                .sample(serviceRandom);
        if (config.cores() == 0 && node.cpu == null) {
            sim.scheduleIn(Simulation.millisToNanos(serviceMs), q);
        } else {
            // The service time is the query's work at full speed; more queries than cores share them.
            if (node.cpu == null) {
                node.cpu = new NodeCpu(sim, config.cores());
            }
            node.cpu.start(Simulation.millisToNanos(serviceMs), () -> serviceDone(q));
        }
    }

    void serviceDone(Query q) {
        if (q.done) {
            return; // failed when its node died
        }
        if (keys.holder(q.key) != q.shard.id) {
            sendOn(q);
        } else if (q.kind == Kind.READ) {
            finishRead(q);
        } else {
            replication.commit(q);
        }
    }

    /** The shard does not hold the key (not arrived yet, or moved away meanwhile): retry at the holder. */
    private void sendOn(Query q) {
        release(q.node, q);
        rerouted++;
        if (q.kind == Kind.READ && resharding.running() && config.migrationReads() == MigrationReads.DUAL_READ
                && router.shardFor(q.key) == q.shard.id) {
            dualReadFallbacks++;
        }
        if (++q.reroutes > MAX_REROUTES) {
            fail(q, q.shard.id, q.node.name, "key " + q.key + " kept moving");
            return;
        }
        Shard holderShard = shardsById.get(keys.holder(q.key));
        if (q.kind == Kind.READ) {
            dispatchRead(q, holderShard);
        } else {
            dispatchWrite(q, holderShard);
        }
    }

    private void finishRead(Query q) {
        Node node = q.node;
        Shard shard = q.shard;
        int version = versionAt(shard, q.key, node.appliedLsn);
        boolean stale = version < keys.version(q.key);
        boolean rywViolation = false;
        if (stale) {
            staleReads++;
        }
        if (q.session != null) {
            rywViolation = version < q.ownVersionAtSubmit;
            if (rywViolation) {
                readYourWritesViolations++;
            }
            if (version < q.highestReadAtSubmit) {
                monotonicReadViolations++;
            }
            q.session.read(shard.id, node.appliedLsn, q.key, version);
        }
        release(node, q);
        node.served++;
        q.done = true;
        if (q.callback != null) {
            q.callback.accept(result(q, Outcome.OK, shard.id, node.name, version, stale, rywViolation, node.appliedLsn, ""));
        } else {
            q.then.fire();
        }
    }

    /**
     * The version of {@code key} a node at {@code appliedLsn} holds: walk the key's entries on this
     * shard back from the newest while they are beyond the node's position. A migration entry is
     * the copy that moved the key here, present on every node of the shard from its cutover.
     */
    private int versionAt(Shard shard, int key, long appliedLsn) {
        long lsn = keys.lsn(key);
        int version = keys.version(key);
        while (lsn > appliedLsn) {
            LogEntry e = shard.log.get(lsn);
            if (e.migration) {
                return e.version;
            }
            version = e.version - 1;
            lsn = e.previousLsnOfKey;
        }
        return version;
    }

    /** The query's connection on the node is free: the next one queued there starts. */
    void release(Node node, Query q) {
        node.inService.remove(q);
        if (node.alive && !node.queue.isEmpty() && node.inService.size() < config.connectionLimit()) {
            startService(node, node.queue.poll());
        }
    }

    // ------------------------------------------------------------------ client connections

    /**
     * A client opens a connection: accepted while fewer than {@code maxConnections} are open, as
     * PostgreSQL answers "sorry, too many clients already" beyond {@code max_connections}. The
     * connections count against the database as a whole, as clients reach it through one endpoint.
     */
    public boolean openClientConnection() {
        if (clientConnections >= config.maxConnections()) {
            refusedClientConnections++;
            return false;
        }
        clientConnections++;
        return true;
    }

    /** A client closes a connection; its slot is free again. */
    public void closeClientConnection() {
        if (clientConnections == 0) {
            throw new IllegalStateException("no client connection is open");
        }
        clientConnections--;
    }

    public int clientConnections() {
        return clientConnections;
    }

    public long refusedClientConnections() {
        return refusedClientConnections;
    }

    /** This database replaces {@code previous} (a new layout): the clients' connections move over, still open. */
    public void takeClientConnections(Database previous) {
        clientConnections = previous.clientConnections;
        refusedClientConnections = previous.refusedClientConnections;
    }

    /** Queries in service on every node now (with contention modelled, only those using the cores: not those awaiting replicas' acks). */
    public int runningQueries() {
        int n = 0;
        for (Shard shard : shardsById) {
            for (Node node : shard.nodes) {
                n += node.cpu != null ? node.cpu.running() : node.inService.size();
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ replication

    /** How far behind its primary a replica is: the age of the oldest entry it has not applied. */
    long lagNanos(Node node) {
        return ReadRouting.lagNanos(node, sim.nowNanos());
    }

    /**
     * Fault: the named replica applies entries committed in the next {@code durationSeconds}
     * {@code extraMs} later (a long query on the replica, a saturated disk). Returns false when no
     * live replica has that name. See {@link DatabaseFaults}.
     */
    public boolean lagSpike(String nodeName, double extraMs, double durationSeconds) {
        return faults.lagSpike(nodeName, extraMs, durationSeconds);
    }

    // ------------------------------------------------------------------ failover

    /**
     * Fault: the shard's primary dies; a replica is promoted after the detection delay. Returns false
     * when the shard has no live primary. See {@link DatabaseFaults}.
     */
    public boolean killPrimary(int shardId) {
        return faults.killPrimary(shardId);
    }

    /** A failover undid writes the new primary never applied: {@code acknowledged} of them were acknowledged. */
    void writesLost(int lost, int acknowledged) {
        lostWrites += lost;
        lostAcknowledgedWrites += acknowledged;
    }

    // ------------------------------------------------------------------ resharding

    /**
     * Adds a shard (primary and replicas, empty) and starts moving to it the keys the router gives
     * it. Returns its id, or -1 when a migration is already running (one resharding at a time, as a
     * Vitess workflow per keyspace). See {@link Resharding}.
     */
    public int addShard() {
        return resharding.addShard();
    }

    /**
     * Starts moving a shard's keys to the others; when the last has moved the shard is gone. Returns
     * false when the router cannot remove it (the last shard; for jump hash, any but the last
     * bucket) or a migration is running.
     */
    public boolean removeShard(int shardId) {
        return resharding.removeShard(shardId);
    }

    /** The router becomes {@code after}: the layout a migration moves the keys to. */
    void route(ShardRouter after) {
        router = after;
        routerVersion++;
    }

    /**
     * The key's copy lands on the new owner's log as a migration entry with the same version and
     * becomes readable on all its nodes, as MongoDB commits a chunk only once the recipient's replica
     * set has it; from now on its reads and writes go there.
     */
    void cutover(int key, Shard from, Shard to) {
        long lsn = ++to.headLsn;
        LogEntry entry = new LogEntry(lsn, key, keys.version(key), LogEntry.NO_LSN, sim.nowNanos(), true);
        to.log.append(entry);
        to.primary.appliedLsn = lsn;
        keys.setLsn(key, lsn);
        keys.setHolder(key, to.id);
        from.keysHeld--;
        to.keysHeld++;
        keysMoved++;
        replication.ship(to, entry, sim.nowNanos());
        to.trimLog();
    }

    // ------------------------------------------------------------------ load, hot shards, hot keys

    private void countShard(Shard shard) {
        long now = sim.nowNanos();
        long bucket = now / LoadWindow.BUCKET_NANOS;
        if (bucket > evaluatedLoadBucket) {
            evaluatedLoadBucket = bucket;
            hotSpots.evaluateShards(now);
        }
        shard.load.add(now);
    }

    // ------------------------------------------------------------------ views

    /** A copy of the state for the UI; cheap (no per-key work) and changes nothing. */
    public DatabaseView view() {
        return DatabaseViews.of(this, resharding.view());
    }

    public DatabaseView.Counters counters() {
        return new DatabaseView.Counters(reads, writes, staleReads, readYourWritesViolations, monotonicReadViolations,
                lostWrites, lostAcknowledgedWrites, keysMoved, rejected, failed, rerouted, dualReadFallbacks);
    }

    // ------------------------------------------------------------------ helpers

    /** Shards that are in the router or still giving their keys away. */
    List<Shard> activeShards() {
        List<Shard> active = new ArrayList<>();
        for (Shard s : shardsById) {
            if (!s.retired) {
                active.add(s);
            }
        }
        return active;
    }

    Shard liveShard(int shardId) {
        if (shardId < 0 || shardId >= shardsById.size() || shardsById.get(shardId).retired) {
            return null;
        }
        return shardsById.get(shardId);
    }

    private int checkedKey(int key) {
        if (key < 0 || key >= keys.count()) {
            throw new IllegalArgumentException("key " + key + " outside 0.." + (keys.count() - 1));
        }
        return key;
    }

    void fail(Query q, int shardId, String node, String why) {
        failed++;
        deliverLater(q, result(q, Outcome.FAILED, shardId, node, 0, false, false, 0, why));
    }

    /** Failures reach the caller from an event of their own, never inside the call that caused them. */
    private void deliverLater(Query q, QueryResult result) {
        q.done = true;
        sim.scheduleIn(0, q.callback != null ? () -> q.callback.accept(result) : q.then);
    }

    QueryResult result(Query q, Outcome outcome, int shardId, String node, int version, boolean stale,
                       boolean rywViolation, long lsn, String detail) {
        return new QueryResult(q.kind, q.key, outcome, q.submittedNanos, sim.nowNanos(), shardId, node, version,
                stale, rywViolation, lsn, detail);
    }

    void report(DataEvent.Kind kind, int shardId, String message) {
        listener.accept(new DataEvent(sim.nowNanos(), kind, shardId, message));
    }

    static String fmt(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
