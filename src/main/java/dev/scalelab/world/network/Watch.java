package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.metrics.DownsampledSeries;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.engine.metrics.SeriesView;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.LogEntry;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import dev.scalelab.world.World;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One drawn box seen as a pattern panel of the pipeline sees its part ({@link Network#watch}): its
 * series per simulated second (the newest for the live charts, the whole watch for the whole-run
 * charts, under the pipeline's {@link RunHistory.Keys}) and its decisions as log lines. Made when a
 * view asks for the box and fed once a second from then on, so a run that watches nothing pays
 * nothing; it only reads (no random draw, no event, no integral flushed), so watching does not
 * change the run. Its series start at the second it was made: the seconds before are empty, and so
 * is a first second watched only in part, not made up. Confined to the simulation thread.
 */
abstract class Watch {
    /** What can be watched, for the message that refuses the rest. */
    static final String WATCHED = "a service's pool, a cache box's or a CDN's levels, a database's shards, an external API's callers' sidecars, "
            + "a topic's or a queue's consumers or a balancer's picks are watched";

    /** The decision lines kept for the view's log, the newest last. */
    private static final int LOG_KEPT = 200;

    final Network net;
    final NetNode node;
    private final RingSeries times = new RingSeries(World.SNAPSHOT_SERIES_POINTS);
    private final Map<String, RingSeries> recent = new LinkedHashMap<>();
    private final Map<String, DownsampledSeries> history = new LinkedHashMap<>();
    private long historySeconds;
    private RunHistory.View historyView;
    private final ArrayDeque<LogEntry> log = new ArrayDeque<>();
    private long logCount;
    /** False while the first second is only part watched: its figures would be part of a second, so it is left empty. */
    private boolean whole;

    /**
     * The watch of {@code n}: a service's pool, a cache box's or a CDN's levels, a database's shards, an external API's calling sidecars,
     * a queue's or a topic's consumers, a balancer's picks.
     *
     * @throws ScenarioException naming the node when it is none of those
     */
    static Watch of(Network net, NetNode n) {
        if (n instanceof ServiceNode service) {
            return new ServiceWatch(net, service);
        }
        if (n instanceof CacheNode cache) {
            return new CacheWatch(net, cache);
        }
        if (n instanceof DatabaseNode database) {
            return new DatabaseWatch(net, database);
        }
        if (n instanceof MessagingNode queue) {
            return new QueueWatch(net, queue);
        }
        if (n instanceof TopicNode topic) {
            return new TopicWatch(net, topic);
        }
        if (n instanceof ExternalNode api) {
            return new ExternalWatch(net, api);
        }
        if (n instanceof RouterNode balancer && n.kind == NodeKind.BALANCER) {
            return new BalancerWatch(net, balancer);
        }
        throw new ScenarioException("nodes." + n.id, n.id + " is of kind " + n.kind.id() + ": " + WATCHED);
    }

    Watch(Network net, NetNode node) {
        this.net = net;
        this.node = node;
        historySeconds = (long) Math.floor(net.sim.nowSeconds());
        whole = net.sim.nowNanos() % Simulation.NANOS_PER_SECOND == 0;
    }

    /** The watch is over (the box is no longer watched): what it hooked into the box comes out. */
    void stop() {
    }

    /** Before the nodes' tick: what the tick takes away (a latency interval) is read here. */
    void beforeTick() {
    }

    /** After the nodes' tick: the second that just ended, into the series ({@link #put} each, then nothing more). */
    final void second() {
        boolean partial = !whole;
        whole = true;
        times.append(net.sim.nowSeconds());
        take(partial);
        historySeconds++;
        historyView = null;
        for (DownsampledSeries d : history.values()) {
            while (d.seconds() < historySeconds) {
                d.append(Double.NaN); // a series not given this second (a level gone) gets none
            }
        }
    }

    /** Takes the second's figures with {@link #put}; {@code partial}: the first second, watched in part, whose figures are NaN. */
    abstract void take(boolean partial);

    /** This second's value of the series {@code key}. */
    final void put(String key, double value) {
        recent.computeIfAbsent(key, k -> new RingSeries(World.SNAPSHOT_SERIES_POINTS)).append(value);
        DownsampledSeries d = history.computeIfAbsent(key, k -> DownsampledSeries.startingAfter(RunHistory.BUCKETS, historySeconds));
        if (d.seconds() == historySeconds) {
            d.append(value);
        }
    }

    /** The box's own second, as every panel's load and latency charts read it: its arrivals, errors and p99. */
    final void putOwnSecond(NetNode n, boolean partial) {
        put(RunHistory.Keys.OFFERED, partial ? Double.NaN : n.arrivalsPerSecond);
        put(RunHistory.Keys.FAILED, partial ? Double.NaN : n.errorsPerSecond);
        put(RunHistory.Keys.P99_MS, partial ? Double.NaN : n.secondP99Ms);
    }

    /** Those three as a panel's series; the pool's columns (throughput, instances, cost…), which the box has not, are NaN. */
    final Snapshot.Series ownSeries() {
        double[] times = times();
        double[] none = new double[times.length];
        java.util.Arrays.fill(none, Double.NaN);
        return new Snapshot.Series(times, recent(RunHistory.Keys.OFFERED), none, none, recent(RunHistory.Keys.FAILED), none,
                recent(RunHistory.Keys.P99_MS), none, none, none, none, none);
    }

    /** The newest points of series {@code key}, oldest first (fewer than {@link #times()} for one begun later). */
    final double[] recent(String key) {
        RingSeries r = recent.get(key);
        return r == null ? new double[0] : r.toArray();
    }

    final double[] times() {
        return times.toArray();
    }

    final RunHistory.View history() {
        if (historyView == null) {
            Map<String, SeriesView> views = new LinkedHashMap<>();
            for (Map.Entry<String, DownsampledSeries> e : history.entrySet()) {
                views.put(e.getKey(), e.getValue().view());
            }
            historyView = new RunHistory.View(historySeconds, Collections.unmodifiableMap(views));
        }
        return historyView;
    }

    /** A decision the box made (or, heard, {@code from} made about it): into the view's log, named by who made it. */
    final void decided(NetNode from, String explanation) {
        Source source = source(explanation);
        // Another node's decision about the box names that node ("checkout: breaker to pay: ..."), as several may call it.
        String message = from == node ? explanation : from.id + ": " + explanation;
        if (explanation.startsWith("set ")) {
            // "set autoscaler.syncPeriodSeconds 15 -> 60" as the pipeline logs a change: "autoscaler.syncPeriodSeconds: 15 -> 60".
            String change = explanation.substring("set ".length());
            int space = change.indexOf(' ');
            message = space < 0 ? change : change.substring(0, space) + ":" + change.substring(space);
        }
        logCount++;
        if (log.size() == LOG_KEPT) {
            log.removeFirst();
        }
        log.addLast(new LogEntry(net.sim.nowSeconds(), source, message));
    }

    /** Whether a decision {@code from} made is the box's to log: its own; a watch may hear more (the edges calling it). */
    boolean hears(NetNode from, String explanation) {
        return from == node;
    }

    /** Who made a decision: a change is the user's; the rest the box's own. */
    abstract Source source(String explanation);

    final long logCount() {
        return logCount;
    }

    final List<LogEntry> log() {
        return List.copyOf(log);
    }

    /** The box as the pipeline's snapshot shows its part: what its panel reads. */
    abstract Snapshot view();
}
