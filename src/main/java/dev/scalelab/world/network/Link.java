package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.Traffic;
import dev.scalelab.engine.resilience.AttemptTrace;
import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.Callee;
import dev.scalelab.engine.resilience.DownstreamService;
import dev.scalelab.engine.resilience.MeshClient;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.Topology;

import java.util.HashMap;
import java.util.Map;

/**
 * One edge of a running design. A call crosses it through a sidecar of its own when the edge has a
 * timeout, retries or a breaker (the same {@link MeshClient} the pipeline's dependencies use), and
 * pays the cross-zone latency each way when its ends are in different zones.
 */
final class Link implements Callee {
    final Network net;
    final Simulation sim;
    /** Its section as it runs now: a live change of its weight or probability replaces it ({@link #change}). */
    Topology.Edge spec;
    final NetNode from;
    final NetNode to;
    final EdgeMode mode;
    final Traffic traffic;
    double weight;
    double probability;
    /** Latency each way; 0 when both ends are in one zone or either has none. */
    final long crossZoneNanos;
    final boolean crossesZone;
    /** The sidecar; null when the edge has no timeout, retry or breaker. A live change of its settings rebuilds it. */
    MeshClient mesh;
    /** The requests whose calls a sidecar (this one or one it replaced) has in flight, by id: an attempt is sent for one of them. */
    private Map<Long, Flow> calling;
    /** What the sidecars a live change replaced counted: calls, attempts, retries, breaker rejections, breaker transitions. */
    private final long[] retired = new long[5];
    /** {@code simulate --trace}'s trace, which a rebuilt sidecar writes to too; null when off. */
    private AttemptTrace trace;
    long crossed;
    private long crossedAtTick;
    double ratePerSecond;

    Link(Network net, Topology.Edge spec, NetNode from, NetNode to) {
        this.net = net;
        this.sim = net.sim;
        this.spec = spec;
        this.from = from;
        this.to = to;
        this.mode = spec.edgeMode();
        this.traffic = spec.trafficClass();
        this.weight = spec.weight();
        this.probability = spec.probability();
        this.crossesZone = !from.zone.isEmpty() && !to.zone.isEmpty() && !from.zone.equals(to.zone);
        this.crossZoneNanos = crossesZone ? Simulation.millisToNanos(net.topology.crossZoneMs()) : 0;
        mesh = sidecar(spec, null);
    }

    /** The sidecar {@code edge} asks for, going on from {@code predecessor}'s measurements; null when it asks for none. */
    private MeshClient sidecar(Topology.Edge edge, MeshClient predecessor) {
        boolean protectedCall = mode == EdgeMode.SYNC
                && (edge.breaker() != null || edge.retry().maxAttempts() > 1 || edge.timeoutMs() > 0 || edge.maxConcurrentCalls() > 0);
        if (!protectedCall) {
            return null;
        }
        MeshClient m = new MeshClient(sim, this, SectionConfigs.mesh(edge.breaker(), edge.retry(), edge.timeoutMs(),
                edge.maxConcurrentCalls()), net.streams.stream("edge." + from.id + "." + to.id + ".mesh"), predecessor);
        if (calling == null) {
            calling = new HashMap<>();
        }
        if (edge.breaker() != null) {
            // In the decision log as the pipeline's breakers are: the change and the figures that caused it.
            m.breaker().addTransitionListener(t -> net.decide(from, "breaker to " + to.id + ": " + t.from() + " -> "
                    + t.to() + ", " + t.reason()));
        }
        if (trace != null) {
            m.setTrace(trace);
        }
        return m;
    }

    /** The trace every sidecar of this edge writes to, the one a live change builds included; null for none. */
    void setTrace(AttemptTrace t) {
        trace = t;
        if (mesh != null) {
            mesh.setTrace(t);
        }
    }

    /**
     * A live change: the next request is picked or calls by the new weight or probability. New sidecar
     * settings (timeout, retries, breaker, bulkhead) rebuild the sidecar as the pipeline's mesh
     * rebuilds a dependency's client: breaker, bulkhead and retry budget start afresh (the breaker
     * CLOSED, its window empty), the latency and per-second histories go on, calls in flight finish on
     * the sidecar that started them; the decision log says what the breaker was.
     */
    void change(Topology.Edge next) {
        Topology.Edge was = spec;
        spec = next;
        weight = next.weight();
        probability = next.probability();
        if (was.timeoutMs() == next.timeoutMs() && was.maxConcurrentCalls() == next.maxConcurrentCalls()
                && was.retry().equals(next.retry()) && java.util.Objects.equals(was.breaker(), next.breaker())) {
            return;
        }
        MeshClient old = mesh;
        String before = old == null ? "none" : was.breaker() == null ? "no breaker" : "breaker " + old.breaker().state();
        if (old != null) {
            retired[0] += old.requests();
            retired[1] += old.attemptsSent();
            retired[2] += old.retries();
            retired[3] += old.breakerRejections();
            retired[4] += old.breaker().transitionCount();
        }
        mesh = sidecar(next, old);
        net.decide(from, "sidecar to " + to.id + " rebuilt by a settings change (was " + before + "): "
                + (mesh == null ? "calls are no longer guarded" : next.breaker() == null ? "no breaker"
                : "breaker " + mesh.breaker().state() + ", its window starts empty"));
    }

    /** Calls its sidecars have made since t = 0 (those a live change replaced included); 0 without any. */
    long requests() {
        return retired[0] + (mesh == null ? 0 : mesh.requests());
    }

    long attemptsSent() {
        return retired[1] + (mesh == null ? 0 : mesh.attemptsSent());
    }

    long retries() {
        return retired[2] + (mesh == null ? 0 : mesh.retries());
    }

    long breakerRejections() {
        return retired[3] + (mesh == null ? 0 : mesh.breakerRejections());
    }

    long breakerTransitions() {
        return retired[4] + (mesh == null ? 0 : mesh.breaker().transitionCount());
    }

    /** Whether requests like {@code f} take this edge. */
    boolean carries(Flow f) {
        return traffic == Traffic.ALL || (traffic == Traffic.READS) == f.read;
    }

    /** Sends {@code f} to the far end; {@code reply} hears the answer, after the sidecar's retries if it has one. */
    void send(Flow f, Reply reply) {
        crossed++;
        if (crossesZone) {
            net.crossZoneRequests++;
        }
        if (mesh == null) {
            deliver(f, reply);
            return;
        }
        calling.put(f.id, f);
        mesh.call(f.id, result -> {
            calling.remove(f.id);
            reply.done(result.success());
        });
    }

    /** One attempt, across the zones if it must. */
    private void deliver(Flow f, Reply reply) {
        if (crossZoneNanos == 0) {
            to.accept(f, reply);
            return;
        }
        sim.scheduleIn(crossZoneNanos, () -> to.accept(f, ok -> sim.scheduleIn(crossZoneNanos, () -> reply.done(ok))));
    }

    @Override
    public String name() {
        return from.id + "->" + to.id;
    }

    @Override
    public void submit(long requestId, DownstreamService.ResponseHandler handler) {
        deliver(calling.get(requestId), handler::onResponse);
    }

    /** The breaker's state as the canvas words it; empty when the edge has none. */
    String breakerState() {
        if (mesh == null || spec.breaker() == null) {
            return "";
        }
        BreakerState s = mesh.breaker().state();
        return switch (s) {
            case CLOSED -> "closed";
            case OPEN, FORCED_OPEN -> "open";
            case HALF_OPEN -> "half-open";
            default -> "";
        };
    }

    void tick() {
        ratePerSecond = crossed - crossedAtTick;
        crossedAtTick = crossed;
    }
}
