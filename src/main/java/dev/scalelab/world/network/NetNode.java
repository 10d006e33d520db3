package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * One box of a running design: the engine of its kind, the edges that leave it, and what every node
 * counts (arrivals, errors, its response time as its callers see it). Confined to the simulation thread.
 */
abstract class NetNode {
    final Network net;
    final Simulation sim;
    /** Its section as it runs now: a live change ({@link Network#apply}) replaces it, then calls {@link #change}. */
    Topology.Node spec;
    final String id;
    final NodeKind kind;
    final String zone;
    /** The edges that leave it, in the order they were drawn. */
    final List<Link> out = new ArrayList<>();
    final LatencyRecorder latency = new LatencyRecorder();
    boolean down;
    /** Requests it has taken and not yet answered, for the nodes that hold no workers of their own. */
    int inFlight;
    long arrivals;
    long errors;
    /** Of the errors, those this node made itself (refused, lost, shed), not failures passed back from further on. */
    long ownErrors;
    private long ownErrorsAtTick;
    double ownErrorsPerSecond;
    private long arrivalsAtTick;
    private long errorsAtTick;
    double arrivalsPerSecond;
    double errorsPerSecond;
    /** What it has cost since t = 0, in dollars: its cost per hour, by the second. */
    double dollars;
    /** Latest p99 of its response time over the last second that had answers; NaN before any. */
    double p99Ms = Double.NaN;
    /** The p99 of its answers in the last second alone; NaN for a second without any (the time series reads it). */
    double secondP99Ms = Double.NaN;

    NetNode(Network net, Topology.Node spec) {
        this.net = net;
        this.sim = net.sim;
        this.spec = spec;
        this.id = spec.id();
        this.kind = spec.nodeKind();
        this.zone = spec.zone();
    }

    /** Takes {@code f}; {@code reply} hears its outcome from a later event. */
    abstract void accept(Flow f, Reply reply);

    /** Wires what needs the other nodes (a cache's database, a balancer's services); called once all exist. */
    void connect() {
    }

    /** Counts an arrival; false (and the request failed from a later event) when the node is down. */
    final boolean arrive(Flow f, Reply reply) {
        arrivals++;
        if (down) {
            fail(reply);
            return false;
        }
        return true;
    }

    /** Fails a request now, from an event of its own (an answer never comes back inside the call that asked). */
    final void fail(Reply reply) {
        errors++;
        ownErrors++;
        sim.scheduleIn(0, () -> reply.done(false));
    }

    /** Records an answer that took from {@code sinceNanos} to now, and passes it back. */
    final void answer(long sinceNanos, boolean ok, Reply reply) {
        if (ok) {
            latency.recordNanos(sim.nowNanos() - sinceNanos);
        } else {
            errors++;
        }
        reply.done(ok);
    }

    /**
     * A change of one of its fields, already in {@link #spec}, to apply now as {@code c.how()} says;
     * only the kinds {@link NodeChange} lets through are asked.
     */
    void change(NodeChange.Change c) {
        throw new IllegalStateException(kind.id() + " cannot apply " + c.how());
    }

    /** The zone went down or came back. */
    void setDown(boolean isDown) {
        down = isDown;
    }

    /** Once per simulated second: the rates the snapshot shows. */
    void tick() {
        arrivalsPerSecond = arrivals - arrivalsAtTick;
        errorsPerSecond = errors - errorsAtTick;
        arrivalsAtTick = arrivals;
        errorsAtTick = errors;
        ownErrorsPerSecond = ownErrors - ownErrorsAtTick;
        ownErrorsAtTick = ownErrors;
        double p99 = latency.takeIntervalPercentileMs(99);
        secondP99Ms = p99;
        if (p99 > 0) {
            p99Ms = p99;
        }
    }

    /** ρ: how busy it is, 0 to 1 (above 1 only for a rate limit asked for more than it allows); NaN where it means nothing. */
    double utilisation() {
        return Double.NaN;
    }

    /** ρ of a rate limit: the last second's arrivals over the rate it allows (above 1 while it refuses). */
    final double limitUtilisation(double ratePerSecond) {
        return Math.min(1.5, arrivalsPerSecond / ratePerSecond);
    }

    int queued() {
        return 0;
    }

    /** Requests sent here and not yet answered: what the box shows as in service. */
    int inService() {
        return inFlight;
    }

    int instances() {
        return 0;
    }

    /** What a command given now can name inside this node (its instances, shards, replicas); none by default. */
    List<String> targets() {
        return List.of();
    }

    double hitRatio() {
        return Double.NaN;
    }

    /** What it costs per hour now. */
    double costPerHour() {
        return 0;
    }

    /** A service's heap, pools and size now; null for the other kinds. */
    NetworkSnapshot.ServiceFigures serviceFigures() {
        return null;
    }

    /** A balancer's ejections, unhealthy instances and panic, in a few words; empty for the others. */
    String health() {
        return "";
    }

    /** Its own figures for the report, beside those every node has. */
    void report(ObjectNode out) {
    }

    /** The links of each mode that carry reads ([mode][1]) and writes ([mode][0]), made once: the edges never change in a run. */
    private List<Link>[][] byModeAndTraffic;

    /** The links of {@code mode} that carry {@code f}'s kind of traffic, in the order they were drawn. */
    @SuppressWarnings("unchecked")
    final List<Link> links(dev.scalelab.design.EdgeMode mode, Flow f) {
        if (byModeAndTraffic == null) {
            dev.scalelab.design.EdgeMode[] modes = dev.scalelab.design.EdgeMode.values();
            byModeAndTraffic = new List[modes.length][2];
            Flow write = new Flow(0, 0, false, 0);
            Flow read = new Flow(0, 0, true, 0);
            for (dev.scalelab.design.EdgeMode m : modes) {
                for (Flow kind : new Flow[] {write, read}) {
                    List<Link> fit = new ArrayList<>();
                    for (Link l : out) {
                        if (l.mode == m && l.carries(kind)) {
                            fit.add(l);
                        }
                    }
                    byModeAndTraffic[m.ordinal()][kind.read ? 1 : 0] = List.copyOf(fit);
                }
            }
        }
        return byModeAndTraffic[mode.ordinal()][f.read ? 1 : 0];
    }
}
