package dev.scalelab.world.network;

import dev.scalelab.engine.metrics.DownsampledSeries;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.engine.metrics.SeriesView;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.LogEntry;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import dev.scalelab.world.Topology;
import dev.scalelab.world.World;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One drawn service seen as the pipeline's Scaling panel sees its pool: its instances as
 * {@link Snapshot.InstanceView}s, its scalers as {@link Snapshot.Scaling}, and its figures per
 * simulated second as {@link Snapshot.Series} and a {@link RunHistory.View}, all read from what the
 * node and its {@link ServiceScaler} already count. Made when a view asks for the node
 * ({@link Network#watch}) and fed once a second from then on, so a run that watches nothing pays
 * nothing; it only reads (no random draw, no event, no integral flushed), so watching does not
 * change the run. Its series start at the second it was made: the seconds before are empty, not
 * made up. Confined to the simulation thread.
 */
final class NodeWatch {
    /** The decision lines kept for the view's log, the newest last. */
    private static final int LOG_KEPT = 200;

    /** The series' columns, in {@link Snapshot.Series}'s order after the time, and their history keys. */
    private enum Column {
        OFFERED(RunHistory.Keys.OFFERED), THROUGHPUT(RunHistory.Keys.THROUGHPUT), REJECTED(RunHistory.Keys.REJECTED),
        FAILED(RunHistory.Keys.FAILED), P50(RunHistory.Keys.P50_MS), P99(RunHistory.Keys.P99_MS),
        INSTANCES(RunHistory.Keys.INSTANCES), DESIRED(RunHistory.Keys.DESIRED_INSTANCES),
        UTILIZATION(RunHistory.Keys.UTILIZATION), COST_PER_HOUR(RunHistory.Keys.COST_PER_HOUR),
        COST(RunHistory.Keys.COST_DOLLARS);

        final String key;

        Column(String key) {
            this.key = key;
        }
    }

    private final Network net;
    final ServiceNode node;
    private final RingSeries times = new RingSeries(World.SNAPSHOT_SERIES_POINTS);
    private final RingSeries[] recent = new RingSeries[Column.values().length];
    private final DownsampledSeries[] history = new DownsampledSeries[Column.values().length];
    private long historySeconds;
    private RunHistory.View historyView;
    private final ArrayDeque<LogEntry> log = new ArrayDeque<>();
    private long logCount;
    /**
     * Read before the node's tick takes its second's latencies: their median (of those since the
     * autoscaler's last sync, when it synced within the second: its p95 takes them too).
     */
    private double secondP50Ms = Double.NaN;
    /** Answers and hand-offs the node recorded up to the last second. */
    private long answersAtSecond;
    /** False while the first second is only part watched: its figures would be part of a second, so it is left empty. */
    private boolean whole;
    private double busyAtSecond;
    private double workersAtSecond;
    /** Each instance's busy worker-nanoseconds at the last second, for its utilisation over the second. */
    private final Map<ServiceNode.Instance, Double> instanceBusyAtSecond = new IdentityHashMap<>();
    private final Map<ServiceNode.Instance, Double> instanceUtilisation = new IdentityHashMap<>();
    private Topology.Node shownSpec;
    private Scenario shownScenario;

    NodeWatch(Network net, ServiceNode node) {
        this.net = net;
        this.node = node;
        long before = (long) Math.floor(net.sim.nowSeconds());
        for (Column c : Column.values()) {
            recent[c.ordinal()] = new RingSeries(World.SNAPSHOT_SERIES_POINTS);
            history[c.ordinal()] = DownsampledSeries.startingAfter(RunHistory.BUCKETS, before);
        }
        historySeconds = before;
        whole = net.sim.nowNanos() % Simulation.NANOS_PER_SECOND == 0;
        answersAtSecond = node.latency.totalCount();
        busyAtSecond = node.busyWorkerNanos;
        workersAtSecond = node.workerNanos;
        long now = net.sim.nowNanos();
        for (ServiceNode.Instance in : node.instances) {
            instanceBusyAtSecond.put(in, busyNanos(in, now));
        }
    }

    /** Before the nodes' tick: what the node's latency recorder holds for the second that ends now. */
    void beforeTick() {
        secondP50Ms = node.latency.intervalPercentileMs(50);
    }

    /** After the nodes' tick: the second that just ended, into the series. */
    void second() {
        long now = net.sim.nowNanos();
        double busy = node.busyWorkerNanos - busyAtSecond;
        double workers = node.workerNanos - workersAtSecond;
        busyAtSecond = node.busyWorkerNanos;
        workersAtSecond = node.workerNanos;
        double[] v = new double[Column.values().length];
        v[Column.OFFERED.ordinal()] = node.arrivalsPerSecond;
        long answers = node.latency.totalCount();
        v[Column.THROUGHPUT.ordinal()] = answers - answersAtSecond;
        answersAtSecond = answers;
        v[Column.REJECTED.ordinal()] = node.ownErrorsPerSecond;
        v[Column.FAILED.ordinal()] = node.errorsPerSecond;
        v[Column.P50.ordinal()] = secondP50Ms;
        v[Column.P99.ordinal()] = node.secondP99Ms;
        v[Column.INSTANCES.ordinal()] = node.instances();
        v[Column.DESIRED.ordinal()] = node.scaler.spec();
        v[Column.UTILIZATION.ordinal()] = workers == 0 ? 0 : busy / workers;
        v[Column.COST_PER_HOUR.ordinal()] = node.costPerHour();
        v[Column.COST.ordinal()] = node.dollars;
        if (!whole) {
            java.util.Arrays.fill(v, Double.NaN);
            whole = true;
        }
        times.append(net.sim.nowSeconds());
        for (Column c : Column.values()) {
            recent[c.ordinal()].append(v[c.ordinal()]);
            history[c.ordinal()].append(v[c.ordinal()]);
        }
        historySeconds++;
        historyView = null;
        instanceUtilisation.clear();
        Map<ServiceNode.Instance, Double> seen = new IdentityHashMap<>();
        for (ServiceNode.Instance in : node.instances) {
            double b = busyNanos(in, now);
            Double before = instanceBusyAtSecond.get(in);
            if (before != null && in.workers > 0 && !Double.isNaN(v[0])) {
                instanceUtilisation.put(in, Math.min(1, (b - before) / ((double) in.workers * Simulation.NANOS_PER_SECOND)));
            }
            seen.put(in, b);
        }
        instanceBusyAtSecond.clear();
        instanceBusyAtSecond.putAll(seen);
    }

    /** Busy worker-nanoseconds of {@code in} until {@code now}, read without flushing its integral. */
    private static double busyNanos(ServiceNode.Instance in, long now) {
        return in.busyNanos + (double) in.busy * (now - in.busySinceNanos);
    }

    /** A decision the node made: into the view's log, named by who made it, a change as the pipeline's log writes one. */
    void decided(String explanation) {
        Source source;
        String message = explanation;
        if (explanation == node.scaler.lastDecisionText()) {
            source = Source.AUTOSCALER;
        } else if (explanation == node.scaler.lastVerticalText()) {
            source = Source.VERTICAL;
        } else if (explanation.startsWith("set ")) {
            source = Source.USER;
            // "set autoscaler.syncPeriodSeconds 15 -> 60" as the pipeline logs a change: "autoscaler.syncPeriodSeconds: 15 -> 60".
            String change = explanation.substring("set ".length());
            int space = change.indexOf(' ');
            message = space < 0 ? change : change.substring(0, space) + ":" + change.substring(space);
        } else {
            source = Source.POOL;
        }
        logCount++;
        if (log.size() == LOG_KEPT) {
            log.removeFirst();
        }
        log.addLast(new LogEntry(net.sim.nowSeconds(), source, message));
    }

    /** The node as the pipeline's snapshot shows a pool: what the Scaling panel reads. */
    Snapshot view() {
        long now = net.sim.nowNanos();
        Scenario.Service pool = node.pool();
        List<Snapshot.InstanceView> instances = new ArrayList<>(node.instances.size());
        for (ServiceNode.Instance in : node.instances) {
            instances.add(new Snapshot.InstanceView(in.number, in.name, Snapshot.InstanceState.of(in.lifecycle), in.workers,
                    in.busy, in.queue.size(), pool.queueCapacity(), 0, 0, instanceUtilisation.getOrDefault(in, 0.0),
                    in.size.id(), in.size.vcpus(), progress(in, now), false, in.speed, in.size.costPerHour(), in.weight,
                    in.errorRate));
        }
        Topology.Node spec = node.spec;
        Snapshot.Scaling scaling = new Snapshot.Scaling(spec.autoscaler().policy().id(), node.scaler.spec(), node.instances(),
                node.scaler.targetSize.id(), node.scaler.rolling(), node.costPerHour(), node.dollars,
                node.scaler.lastDecisionText(), node.scaler.lastVerticalText(), spec.verticalScaler().policy().id());
        dev.scalelab.engine.metrics.LatencySummary latency = node.latency.total();
        return new Snapshot(net.sim.nowSeconds(), net.sim.eventsFired(), scenario(spec), List.copyOf(instances),
                node.arrivals, latency.count(), node.ownErrors, node.errors, null, latency, series(),
                new Snapshot.Dispatches(0, new int[0], new byte[0]), logCount, List.copyOf(log), scaling, null, null, null,
                List.of(), null, null, null, history());
    }

    /** How far {@code in} is through provisioning or booting, 0 to 1; 1 outside them, as the pipeline's instance says. */
    private static double progress(ServiceNode.Instance in, long now) {
        long start;
        long end;
        if (in.lifecycle == Lifecycle.PROVISIONING) {
            start = in.startNanos;
            end = in.bootsAtNanos;
        } else if (in.lifecycle == Lifecycle.BOOTING) {
            start = in.bootsAtNanos;
            end = in.readyAtNanos;
        } else {
            return 1;
        }
        return end <= start || now >= end ? 1 : Math.max(0, (now - start) / (double) (end - start));
    }

    /**
     * The node's sections in a scenario of their own: the service, autoscaler and vertical scaler are
     * the node's as they run now; the other sections are the defaults, which the Scaling panel does not read.
     */
    private Scenario scenario(Topology.Node spec) {
        if (spec != shownSpec) {
            Scenario d = Scenario.DEFAULT;
            Scenario run = net.scenario();
            shownScenario = new Scenario(node.id, "", "", List.of(), run.seed(), run.durationSeconds(), d.workload(),
                    spec.service(), spec.autoscaler(), spec.verticalScaler(), null, d.balancer(), null, null, List.of(), null,
                    null, List.of());
            shownSpec = spec;
        }
        return shownScenario;
    }

    private Snapshot.Series series() {
        double[][] c = new double[Column.values().length][];
        for (Column k : Column.values()) {
            c[k.ordinal()] = recent[k.ordinal()].toArray();
        }
        return new Snapshot.Series(times.toArray(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
    }

    private RunHistory.View history() {
        if (historyView == null) {
            Map<String, SeriesView> views = new LinkedHashMap<>();
            for (Column c : Column.values()) {
                views.put(c.key, history[c.ordinal()].view());
            }
            historyView = new RunHistory.View(historySeconds, java.util.Collections.unmodifiableMap(views));
        }
        return historyView;
    }
}
