package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.caching.BackingStore;
import dev.scalelab.engine.data.DataEvent;
import dev.scalelab.engine.data.Database;
import dev.scalelab.engine.data.DatabaseConfig;
import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.Session;
import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The sharded, replicated database in the world: built from the scenario, reached by requests
 * directly or as the cache's backing store, with its per-second series, actions and view.
 * Confined to the simulation thread.
 */
final class DataSystem implements BackingStore, Subsystem {
    /** A scenario field this part changes live, and the step that applies it: see {@link Live}. */
    @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
    @interface Applies { Step value(); String[] fields() default {}; }

    enum Step implements ApplyStep {
        /** Settings read per query apply at once; a new layout starts a new, empty database. */
        CONFIGURE;
    }

    private final World world;
    private final Simulation sim;
    private final SplittableRandom random;
    private final int keyCount;
    private Scenario.Database config;
    private Database database;
    private Session[] sessions;

    private final RingSeries queriesPerSecond = new RingSeries(World.SERIES_CAPACITY);
    private final RingSeries staleReadsPerSecond = new RingSeries(World.SERIES_CAPACITY);
    private long lastQueries;
    private long lastStale;
    // Totals of databases replaced by a layout change, so the report never goes backwards.
    private long retiredReads;
    private long retiredWrites;
    private long retiredStale;
    private long retiredLostWrites;
    private long retiredKeysMoved;

    DataSystem(World world, Simulation sim, Scenario.Database config, int keyCount, SplittableRandom random) {
        this.world = world;
        this.sim = sim;
        this.random = random;
        this.keyCount = keyCount;
        this.config = config;
        sessions = newSessions(config.sessions());
        database = new Database(sim, toConfig(config, keyCount), random.split(), this::onEvent);
    }

    private static Session[] newSessions(int n) {
        Session[] out = new Session[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Session("session-" + i);
        }
        return out;
    }

    public static DatabaseConfig toConfig(Scenario.Database d, int keyCount) {
        return DatabaseConfig.defaults().withShards(d.shards()).withKeyCount(keyCount)
                .withStrategy(ShardRouter.Strategy.byId(d.strategy())).withVirtualNodes(d.virtualNodes())
                .withReplicasPerShard(d.replicasPerShard()).withReplicationLagMs(d.replicationLag().toDistribution())
                .withReadPolicy(DatabaseConfig.ReadPolicy.byId(d.readPolicy()))
                .withConsistency(DatabaseConfig.Consistency.byId(d.consistency()))
                .withReplicationMode(DatabaseConfig.ReplicationMode.byId(d.replication()))
                .withConnectionLimit(d.connectionLimit()).withQueueCapacity(d.queueCapacity())
                .withServiceMs(d.readServiceTime().toDistribution(), d.writeServiceTime().toDistribution())
                .withMigration(d.migrationKeysPerSecond(), DatabaseConfig.MigrationReads.byId(d.migrationReads()))
                .withFailoverDetectionMs(d.failoverDetectionMs())
                .withClientConnections(d.maxConnections(), d.cores());
    }

    private void onEvent(DataEvent e) {
        LogEntry line = world.log(Source.DATABASE, e.message());
        if (e.kind() == DataEvent.Kind.MIGRATION_STARTED) {
            world.breakpoints().keysMove(line);
        }
    }

    /** Stale reads served in the second {@link #sample()} closed last. */
    long staleReadsLastSecond() {
        double last = staleReadsPerSecond.last();
        return Double.isNaN(last) ? 0 : Math.round(last);
    }

    @Override
    public void apply(Parameter p, Source by) {
        switch ((Step) p.step()) {
            case CONFIGURE -> configure(world.currentScenario().database());
        }
    }

    /**
     * Takes the scenario's new settings: those read per query apply at once; a new layout
     * (strategy or virtual nodes) builds a new, empty database, as a migration to another cluster would.
     */
    private void configure(Scenario.Database next) {
        boolean layout = !next.strategy().equals(config.strategy()) || next.virtualNodes() != config.virtualNodes();
        config = next;
        if (layout) {
            DatabaseView.Counters c = database.counters();
            retiredReads += c.reads();
            retiredWrites += c.writes();
            retiredStale += c.staleReads();
            retiredLostWrites += c.lostWrites();
            retiredKeysMoved += c.keysMoved();
            lastQueries -= c.reads() + c.writes();
            lastStale -= c.staleReads();
            Database previous = database;
            database = new Database(sim, toConfig(next, keyCount), random.split(), this::onEvent);
            database.takeClientConnections(previous);
            // Sessions remember log positions and versions of the old database; they start over with it.
            sessions = newSessions(next.sessions());
            world.log(Source.DATABASE, "rebuilt with " + next.strategy() + " (" + next.shards() + " shards): a new layout starts empty");
        } else {
            database.reconfigure(toConfig(next, keyCount));
        }
    }

    @Override
    public void declareColumns(SampleColumns columns, Scenario initial) {
        columns.add("db_queries_per_s");
        columns.add("db_stale_reads_per_s");
        columns.add("db_keys_moved_count");
    }

    @Override
    public void columnValues(List<String> cells) {
        cells.add(SampleColumns.count(queriesPerSecond.last()));
        cells.add(SampleColumns.count(staleReadsPerSecond.last()));
        cells.add(Long.toString(keysMoved()));
    }

    /** A request's own query; {@code done} hears whether it succeeded. */
    void query(int key, boolean read, int session, Consumer<Boolean> done) {
        Session s = sessions[Math.floorMod(session, sessions.length)];
        if (read) {
            database.read(key, s, r -> done.accept(r.ok()));
        } else {
            database.write(key, s, r -> done.accept(r.ok()));
        }
    }

    // The instances' connection pools open their connections here, against maxConnections.
    boolean openClientConnection() {
        return database.openClientConnection();
    }

    void closeClientConnection() {
        database.closeClientConnection();
    }

    int clientConnections() {
        return database.clientConnections();
    }

    int runningQueries() {
        return database.runningQueries();
    }

    int sessionCount() {
        return sessions.length;
    }

    // As the cache's backing store: loads and write-backs run without a client session.
    @Override
    public void read(int key, Event done) {
        database.readThen(key, done);
    }

    @Override
    public void write(int key, Event done) {
        database.writeThen(key, done);
    }

    @Override
    public void sample() {
        DatabaseView.Counters c = database.counters();
        long queries = c.reads() + c.writes();
        queriesPerSecond.append(queries - lastQueries);
        staleReadsPerSecond.append(c.staleReads() - lastStale);
        lastQueries = queries;
        lastStale = c.staleReads();
    }

    /** Keys moved between shards since the start of the run. */
    long keysMoved() {
        return retiredKeysMoved + database.counters().keysMoved();
    }

    // ------------------------------------------------------------------ actions

    boolean addShard() {
        return database.addShard() >= 0;
    }

    boolean removeShard(String target) {
        int id;
        if (target == null) {
            id = database.view().shards().stream().filter(s -> !s.retiring()).mapToInt(DatabaseView.ShardView::shardId).max().orElse(-1);
        } else {
            id = shardId(target);
        }
        if (id < 0) {
            world.log(Source.DATABASE, "remove-shard " + target + ": no such shard");
            return false;
        }
        return database.removeShard(id);
    }

    boolean killPrimary(String target) {
        int id = shardId(target);
        if (id < 0) {
            world.log(Source.DATABASE, "kill-primary " + target + ": no such shard");
            return false;
        }
        return database.killPrimary(id);
    }

    boolean lagSpike(String node, double extraMs, double seconds) {
        return database.lagSpike(node, extraMs, seconds);
    }

    private int shardId(String target) {
        String t = target.startsWith("s") ? target.substring(1) : target;
        try {
            int id = Integer.parseInt(t);
            return database.view().shards().stream().anyMatch(s -> s.shardId() == id) ? id : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ views

    /** The engine, for the run's history to read (never to change). */
    Database database() {
        return database;
    }

    Snapshot.DataView view(int points) {
        return new Snapshot.DataView(database.view(), database.router(), config.consistency(), config.readPolicy(),
                config.replication(), queriesPerSecond.tail(points), staleReadsPerSecond.tail(points));
    }

    @Override
    public void report(ObjectNode root) {
        DatabaseView v = database.view();
        DatabaseView.Counters c = v.counters();
        ObjectNode db = root.putObject("database");
        db.put("strategy", v.strategy().id());
        db.put("shards", v.shards().size());
        db.put("reads", retiredReads + c.reads());
        db.put("writes", retiredWrites + c.writes());
        db.put("staleReads", retiredStale + c.staleReads());
        db.put("readYourWritesViolations", c.readYourWritesViolations());
        db.put("monotonicReadViolations", c.monotonicReadViolations());
        db.put("lostWrites", retiredLostWrites + c.lostWrites());
        db.put("lostAcknowledgedWrites", c.lostAcknowledgedWrites());
        db.put("keysMoved", retiredKeysMoved + c.keysMoved());
        db.put("movedFraction", v.migration().fractionOfKeys());
        db.put("rejected", c.rejected());
        db.put("failed", c.failed());
        ArrayNode shards = db.putArray("perShard");
        double maxLag = 0;
        for (DatabaseView.ShardView s : v.shards()) {
            ObjectNode o = shards.addObject().put("shard", s.shardId()).put("keys", s.keysOwned())
                    .put("queriesPerSecond", s.queriesPerSecond()).put("loadShare", s.loadShare()).put("hot", s.hot());
            ArrayNode nodes = o.putArray("nodes");
            for (DatabaseView.NodeView n : s.nodes()) {
                nodes.addObject().put("name", n.name()).put("primary", n.primary()).put("alive", n.alive())
                        .put("lagMs", n.lagMs()).put("served", n.served());
                maxLag = Math.max(maxLag, n.lagMs());
            }
        }
        db.put("replicationLagMsNow", maxLag);
    }
}
