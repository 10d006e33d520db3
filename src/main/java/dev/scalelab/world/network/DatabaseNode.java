package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.data.Database;
import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.Topology;

import java.util.List;

/**
 * A database box: the pipeline's sharded, replicated {@link Database} (routing, connection limits,
 * replication lag, read policy), over the keys of the design's clients.
 */
final class DatabaseNode extends NetNode {
    private Database db;
    /** The databases a new layout replaced, oldest first: their totals are the box's too. */
    private final List<Database> retired = new java.util.ArrayList<>();
    /** Layouts built after the first, each a new, empty database drawing from a stream of its own. */
    private int layouts;
    /** ρ sampled once a simulated second, for the run's average. */
    private double rhoSum;
    private int rhoSamples;
    /** The same, for the primaries alone and the replicas alone: the planner grows shards for one, replicas for the other. */
    private double primaryRhoSum;
    private double replicaRhoSum;
    private int replicaSamples;

    DatabaseNode(Network net, Topology.Node spec) {
        super(net, spec);
    }

    @Override
    void connect() {
        db = build(spec.database(), "node." + id + ".db");
    }

    /**
     * An engine for {@code section}, drawing from stream {@code stream}. What it reports of the timeline's
     * faults goes to the decision log, in the pipeline's words; its hot-shard and hot-key notes stay out,
     * as a drawn database has always kept them.
     */
    private Database build(dev.scalelab.world.Scenario.Database section, String stream) {
        return new Database(sim, SectionConfigs.database(section, net.keyCount()), net.streams.stream(stream), e -> {
            if (!e.kind().name().startsWith("HOT_")) {
                net.decide(this, e.message());
            }
        });
    }

    /**
     * A live change, as the pipeline's database takes it: the settings read per query (read policy,
     * consistency, replication, migration, connections, cores) apply at once; the shard count stays
     * what add-shard and remove-shard made it. A new layout (sharding strategy or virtual nodes) builds
     * a new, empty database, as the pipeline's does (a migration to another cluster): the services'
     * open connections move over, the queries in flight finish on the old one, and the box's totals
     * go on from the old one's.
     */
    @Override
    void change(NodeChange.Change c) {
        if (c.how() != NodeChange.How.DATABASE) {
            super.change(c);
            return;
        }
        dev.scalelab.engine.data.DatabaseConfig next = SectionConfigs.database(spec.database(), net.keyCount());
        if (next.strategy() == db.config().strategy() && next.virtualNodes() == db.config().virtualNodes()) {
            db.reconfigure(next);
            return;
        }
        Database previous = db;
        retired.add(previous);
        layouts++;
        // Each layout draws from a stream of its own, so the run stays the same for the same changes.
        db = build(spec.database(), "node." + id + ".db." + layouts);
        db.takeClientConnections(previous);
        nodes = null;
        net.decide(this, "rebuilt with " + spec.database().strategy() + " (" + spec.database().shards()
                + " shards): a new layout starts empty");
    }

    /** The box's totals since the run started: the databases of its old layouts' (whose last queries may still end) and this one's. */
    DatabaseView.Counters counters() {
        DatabaseView.Counters c = db.counters();
        for (Database old : retired) {
            c = plus(c, old.counters());
        }
        return c;
    }

    private static DatabaseView.Counters plus(DatabaseView.Counters a, DatabaseView.Counters b) {
        return new DatabaseView.Counters(a.reads() + b.reads(), a.writes() + b.writes(), a.staleReads() + b.staleReads(),
                a.readYourWritesViolations() + b.readYourWritesViolations(), a.monotonicReadViolations() + b.monotonicReadViolations(),
                a.lostWrites() + b.lostWrites(), a.lostAcknowledgedWrites() + b.lostAcknowledgedWrites(), a.keysMoved() + b.keysMoved(),
                a.rejected() + b.rejected(), a.failed() + b.failed(), a.rerouted() + b.rerouted(), a.dualReadFallbacks() + b.dualReadFallbacks());
    }

    /** Its engine, for the tests of this package. */
    Database engine() {
        return db;
    }

        @Override
    void accept(Flow f, Reply reply) {
        if (!arrive(f, reply)) {
            return;
        }
        long since = sim.nowNanos();
        inFlight++;
        if (f.read) {
            db.read(f.key, null, r -> done(since, r.ok(), reply));
        } else {
            db.write(f.key, null, r -> done(since, r.ok(), reply));
        }
    }

    /** Timeline: shard {@code shard}'s primary dies; a replica takes over after the failover detection, as in the pipeline. */
    boolean killPrimary(int shard) {
        boolean killed = db.killPrimary(shard);
        net.decide(this, "kill-primary " + id + "/" + shard + (killed ? "" : ": no such shard with a primary now"));
        return killed;
    }

    /**
     * Timeline: a shard is added and the keys the router gives it migrate at the database's rate, as
     * the pipeline's add-shard. False when a migration is running (the engine says so in the log).
     */
    boolean addShard() {
        net.decide(this, "add-shard " + id);
        return db.addShard() >= 0;
    }

    /**
     * Timeline: shard {@code shard} (or, when negative, the last one not retiring, as the pipeline's
     * remove-shard without a target) migrates its keys to the others and is gone once they have moved.
     */
    boolean removeShard(int shard) {
        int chosen = shard >= 0 ? shard : db.view().shards().stream().filter(s -> !s.retiring())
                .mapToInt(DatabaseView.ShardView::shardId).max().orElse(-1);
        net.decide(this, "remove-shard " + id + (shard >= 0 ? "/" + shard : ""));
        if (chosen < 0 || db.view().shards().stream().noneMatch(s -> s.shardId() == chosen)) {
            net.decide(this, "remove-shard " + id + (shard >= 0 ? "/" + shard : "") + ": no such shard");
            return false;
        }
        return db.removeShard(chosen);
    }

    /** Timeline: replica {@code node} ("s0-r1") applies what is committed in the next {@code seconds} {@code extraMs} later. */
    boolean lagSpike(String node, double extraMs, double seconds) {
        net.decide(this, "lag-spike " + id + "/" + node + " " + dev.scalelab.world.Parameter.format(extraMs) + " for "
                + dev.scalelab.world.Parameter.format(seconds) + " s");
        boolean spiked = db.lagSpike(node, extraMs, seconds);
        if (!spiked) {
            net.decide(this, "lag-spike " + id + "/" + node + ": no such live replica");
        }
        return spiked;
    }

    /** The engine, for tests to read (never to change). */
    Database database() {
        return db;
    }

    /** A service's pool opens a connection: false when the database is at max_connections and refuses it. */
    boolean openClientConnection() {
        return db.openClientConnection();
    }

    void closeClientConnection() {
        db.closeClientConnection();
    }

    private void done(long since, boolean ok, Reply reply) {
        inFlight--;
        answer(since, ok, reply);
    }

    @Override
    void tick() {
        super.tick();
        rhoSum += utilisation();
        rhoSamples++;
        int[] busy = new int[2];
        int[] limit = new int[2];
        for (DatabaseView.ShardView sv : db.view().shards()) {
            for (DatabaseView.NodeView nv : sv.nodes()) {
                if (nv.alive()) {
                    int role = nv.primary() ? 0 : 1;
                    busy[role] += nv.connectionsBusy();
                    limit[role] += nv.connectionLimit();
                }
            }
        }
        primaryRhoSum += limit[0] == 0 ? 1 : busy[0] / (double) limit[0];
        if (limit[1] > 0) {
            replicaRhoSum += busy[1] / (double) limit[1];
            replicaSamples++;
        }
    }

    /** Busy connections over connections of the primaries, averaged over the seconds so far: the writes' load. */
    double meanPrimaryUtilisation() {
        return rhoSamples == 0 ? 0 : primaryRhoSum / rhoSamples;
    }

    /** Likewise for the replicas; NaN without any. */
    double meanReplicaUtilisation() {
        return replicaSamples == 0 ? Double.NaN : replicaRhoSum / replicaSamples;
    }

    /** Busy connections over connections, averaged over the seconds so far. */
    double meanUtilisation() {
        return rhoSamples == 0 ? 0 : rhoSum / rhoSamples;
    }

    /** What the box shows of its nodes, read from one view of the database and kept for the rest of that instant. */
    private record Nodes(int busy, int limit, int queued, int count, int shards) {
    }

    private Nodes nodes;
    private long nodesAtNanos = -1;

    private Nodes nodes() {
        if (nodes == null || nodesAtNanos != sim.nowNanos()) {
            int busy = 0;
            int limit = 0;
            int queued = 0;
            int count = 0;
            List<DatabaseView.ShardView> shards = db.view().shards();
            for (DatabaseView.ShardView s : shards) {
                for (DatabaseView.NodeView n : s.nodes()) {
                    count++;
                    queued += n.queueLength();
                    if (n.alive()) {
                        busy += n.connectionsBusy();
                        limit += n.connectionLimit();
                    }
                }
            }
            nodes = new Nodes(busy, limit, queued, count, shards.size());
            nodesAtNanos = sim.nowNanos();
        }
        return nodes;
    }

    @Override
    double utilisation() {
        Nodes n = nodes();
        return n.limit() == 0 ? 1 : n.busy() / (double) n.limit();
    }

    @Override
    int queued() {
        return nodes().queued();
    }

    @Override
    int instances() {
        return nodes().count();
    }

    /** Its shards ({@code orders/0}), then its live replicas ({@code orders/s0-r1}): what kill-primary and lag-spike name. */
    @Override
    List<String> targets() {
        List<String> shards = new java.util.ArrayList<>();
        List<String> replicas = new java.util.ArrayList<>();
        for (DatabaseView.ShardView sv : db.view().shards()) {
            if (sv.retiring()) {
                continue;
            }
            shards.add(id + "/" + sv.shardId());
            for (DatabaseView.NodeView nv : sv.nodes()) {
                if (!nv.primary() && nv.alive()) {
                    replicas.add(id + "/" + nv.name());
                }
            }
        }
        shards.addAll(replicas);
        return shards;
    }

    @Override
    void report(ObjectNode out) {
        out.put("shards", nodes().shards());
        out.put("nodes", instances());
        out.put("utilisation", meanUtilisation());
        // The pipeline report's database totals, named as it names them.
        dev.scalelab.engine.data.DatabaseView.Counters c = counters();
        out.put("reads", c.reads());
        out.put("writes", c.writes());
        out.put("staleReads", c.staleReads());
        out.put("lostWrites", c.lostWrites());
        out.put("lostAcknowledgedWrites", c.lostAcknowledgedWrites());
        out.put("keysMoved", c.keysMoved());
        // The last resharding's keys to move over all keys, as the pipeline's report gives it (0 before any).
        out.put("movedFraction", db.view().migration().fractionOfKeys());
    }
}
