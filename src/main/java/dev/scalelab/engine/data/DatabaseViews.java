package dev.scalelab.engine.data;

import dev.scalelab.engine.data.DatabaseView.MigrationView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A database's view for the UI: its shards and nodes, the migration, the counters and the hot keys, copied. */
final class DatabaseViews {
    private DatabaseViews() {
    }

    static DatabaseView of(Database db, MigrationView migration) {
        long now = db.sim.nowNanos();
        List<Shard> active = db.activeShards();
        long total = 0;
        for (Shard s : active) {
            total += s.load.lastSecond(now);
        }
        List<DatabaseView.ShardView> shardViews = new ArrayList<>(active.size());
        for (Shard s : active) {
            long load = s.load.lastSecond(now);
            List<DatabaseView.NodeView> nodes = new ArrayList<>(s.nodes.size());
            for (Node n : s.nodes) {
                nodes.add(new DatabaseView.NodeView(n.name, n.primary, n.alive, n.inService.size(),
                        db.config.connectionLimit(), n.queue.size(), n.appliedLsn, db.lagNanos(n) / 1e6,
                        n.alive && !n.primary && n.lagSpikeActive(now), n.served));
            }
            String range = db.router instanceof RangeRouter ? ((RangeRouter) db.router).rangeName(s.id) : "";
            shardViews.add(new DatabaseView.ShardView(s.id, range, s.primary != null, s.hot, s.retiring, load,
                    total > 0 ? load / (double) total : 0, s.keysHeld, s.headLsn, List.copyOf(nodes)));
        }
        List<DatabaseView.HotKey> hot = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : db.keyHeat.hotShares().entrySet()) {
            hot.add(new DatabaseView.HotKey(e.getKey(), db.keys.holder(e.getKey()), e.getValue()));
        }
        return new DatabaseView(now, db.router.strategy(), db.routerVersion, List.copyOf(shardViews), migration,
                db.counters(), List.copyOf(hot));
    }
}
