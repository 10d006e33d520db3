package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.data.Database;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import dev.scalelab.world.Topology;

import java.util.List;

/**
 * A drawn database watched as the pipeline's Database panel sees its database: the engine's own
 * view and router (the same {@link Database} runs both), and per second its queries, stale reads,
 * read-your-writes violations and each shard's load and lag, recorded as the pipeline's history
 * records them ({@link RunHistory#databaseSecond}).
 */
final class DatabaseWatch extends Watch {
    private final DatabaseNode database;
    private final long[] before = new long[3];
    private Topology.Node shownSpec;
    private Scenario shownScenario;

    DatabaseWatch(Network net, DatabaseNode database) {
        super(net, database);
        this.database = database;
        // The counters as they stand: the first second counts from here.
        RunHistory.databaseSecond(database.engine().view(), database.counters(), before, (k, v) -> { });
    }

    @Override
    void take(boolean partial) {
        // The box's totals, which go on over a new layout's new engine.
        RunHistory.databaseSecond(database.engine().view(), database.counters(), before, (key, value) -> put(key, partial ? Double.NaN : value));
        putOwnSecond(database, partial);
    }

    @Override
    Source source(String explanation) {
        return explanation.startsWith("set ") ? Source.USER : Source.DATABASE;
    }

    @Override
    Snapshot view() {
        Database db = database.engine();
        Scenario.Database section = database.spec.database();
        Snapshot.DataView data = new Snapshot.DataView(db.view(), db.router(), section.consistency(), section.readPolicy(),
                section.replication(), recent(RunHistory.Keys.DB_QUERIES), recent(RunHistory.Keys.DB_STALE_READS));
        Snapshot.Series series = ownSeries();
        LatencySummary latency = database.latency.total();
        return new Snapshot(net.sim.nowSeconds(), net.sim.eventsFired(), scenario(), List.of(), database.arrivals,
                latency.count(), database.ownErrors, database.errors, null, latency, series,
                new Snapshot.Dispatches(0, new int[0], new byte[0]), logCount(), log(), null, null, null, data, List.of(), null,
                null, null, history());
    }

    /**
     * The box's section in a scenario of its own: its database as it runs now and the design's traffic
     * (the first clients box's: its keys are what the shard map places); the other sections are the
     * defaults, unread.
     */
    private Scenario scenario() {
        Topology.Node spec = database.spec;
        if (spec != shownSpec) {
            Scenario d = Scenario.DEFAULT;
            Scenario run = net.scenario();
            Scenario.Workload workload = run.topology().nodes().stream().filter(n -> n.nodeKind() == NodeKind.CLIENTS)
                    .map(Topology.Node::workload).findFirst().orElse(d.workload());
            shownScenario = new Scenario(node.id, "", "", List.of(), run.seed(), run.durationSeconds(), workload, d.service(),
                    d.autoscaler(), d.verticalScaler(), null, d.balancer(), null, spec.database(), List.of(), null, null, List.of());
            shownSpec = spec;
        }
        return shownScenario;
    }
}
