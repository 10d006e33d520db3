package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.data.Database;
import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.Topology;

/**
 * A database box: the pipeline's sharded, replicated {@link Database} (routing, connection limits,
 * replication lag, read policy), over the keys of the design's clients.
 */
final class DatabaseNode extends NetNode {
    private Database db;
    private int inFlight;
    /** ρ sampled once a simulated second, for the run's average. */
    private double rhoSum;
    private int rhoSamples;

    DatabaseNode(Network net, Topology.Node spec) {
        super(net, spec);
    }

    @Override
    void connect() {
        db = new Database(sim, SectionConfigs.database(spec.database(), net.keyCount()), net.streams.stream("node." + id + ".db"),
                e -> {
                });
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

    private void done(long since, boolean ok, Reply reply) {
        inFlight--;
        answer(since, ok, reply);
    }

    @Override
    void tick() {
        super.tick();
        rhoSum += utilisation();
        rhoSamples++;
    }

    /** Busy connections over connections, averaged over the seconds so far. */
    double meanUtilisation() {
        return rhoSamples == 0 ? 0 : rhoSum / rhoSamples;
    }

    @Override
    double utilisation() {
        int busy = 0;
        int limit = 0;
        for (DatabaseView.ShardView s : db.view().shards()) {
            for (DatabaseView.NodeView n : s.nodes()) {
                if (n.alive()) {
                    busy += n.connectionsBusy();
                    limit += n.connectionLimit();
                }
            }
        }
        return limit == 0 ? 1 : busy / (double) limit;
    }

    @Override
    int queued() {
        int q = 0;
        for (DatabaseView.ShardView s : db.view().shards()) {
            for (DatabaseView.NodeView n : s.nodes()) {
                q += n.queueLength();
            }
        }
        return q;
    }

    @Override
    int inService() {
        return inFlight;
    }

    @Override
    int instances() {
        int n = 0;
        for (DatabaseView.ShardView s : db.view().shards()) {
            n += s.nodes().size();
        }
        return n;
    }

    @Override
    void report(ObjectNode out) {
        out.put("shards", db.view().shards().size());
        out.put("nodes", instances());
        out.put("utilisation", meanUtilisation());
    }
}
