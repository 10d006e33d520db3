package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.Traffic;
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
    /** The sidecar; null when the edge has no timeout, retry or breaker. */
    final MeshClient mesh;
    /** The requests whose calls the sidecar has in flight, by id: an attempt is sent for one of them. */
    private final Map<Long, Flow> calling;
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
        boolean protectedCall = mode == EdgeMode.SYNC
                && (spec.breaker() != null || spec.retry().maxAttempts() > 1 || spec.timeoutMs() > 0 || spec.maxConcurrentCalls() > 0);
        if (protectedCall) {
            mesh = new MeshClient(sim, this, SectionConfigs.mesh(spec.breaker(), spec.retry(), spec.timeoutMs(), spec.maxConcurrentCalls()),
                    net.streams.stream("edge." + from.id + "." + to.id + ".mesh"));
            calling = new HashMap<>();
        } else {
            mesh = null;
            calling = null;
        }
    }

    /** A live change of its weight or probability: the next request is picked or calls by the new one. */
    void change(Topology.Edge next) {
        spec = next;
        weight = next.weight();
        probability = next.probability();
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
