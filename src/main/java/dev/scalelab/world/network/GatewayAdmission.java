package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.gateway.LoadShedder;
import dev.scalelab.engine.gateway.RateLimiter;
import dev.scalelab.world.ApiGateway;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.Topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A gateway box's admission control, in the pipeline's order (its GatewaySystem): the global limit,
 * then the request's client's own limit (one limiter per client name; a request the global limit
 * lets through counts against it even when its client's limit then refuses it), then the load
 * shedder by the client's priority. Over a limit it is answered 429 ({@link ClientFigures#LIMITED}),
 * shed 503 ({@link ClientFigures#SHED}), both at once and before the gateway's latency.
 *
 * <p>The shedder reads the services the gateway's routes lead to (through balancers and other
 * gateways, over sync and forward edges), taken together as one pool, the pipeline's signal: the
 * requests queued at their instances per ready instance, or (latency mode) the time each request
 * waited in a queue before a worker took it. With one service behind it, as the pipeline has, the
 * signal is the pipeline's exactly.
 */
final class GatewayAdmission {
    static final int ADMITTED = 0;

    private final RouterNode node;
    private RateLimiter global;
    /** By the network's client index; null when the gateway has no per-client limit. */
    private RateLimiter[] perClient;
    private LoadShedder shedder;
    private final List<ServiceNode> behind = new ArrayList<>();

    /** The shedder's state now, and the decision log's episode of it, as the pipeline logs them. */
    private int state = LoadShedder.LOW;
    private int episodeState = LoadShedder.LOW;
    private int severestThisSecond = LoadShedder.LOW;

    GatewayAdmission(RouterNode node, ApiGateway.Gateway g, int clients) {
        this.node = node;
        this.global = SectionConfigs.limiter(g.global());
        if (g.perClient() == null) {
            perClient = null;
        } else {
            perClient = new RateLimiter[clients];
            for (int i = 0; i < clients; i++) {
                perClient[i] = SectionConfigs.limiter(g.perClient());
            }
        }
        this.shedder = SectionConfigs.shedder(g.shedding());
    }

    /**
     * A live change of its limits or shedding, as the pipeline's gateway takes it: a new shedding
     * mode makes a new shedder, and the services behind it are wired to the signal that mode reads.
     */
    void change(NodeChange.How how, ApiGateway.Gateway g, long nowNanos) {
        switch (how) {
            case GLOBAL_LIMIT -> global = SectionConfigs.limiter(g.global(), global, nowNanos);
            case CLIENT_LIMITS -> {
                if (perClient == null) {
                    perClient = new RateLimiter[node.net.clients.count()];
                }
                for (int i = 0; i < perClient.length; i++) {
                    perClient[i] = SectionConfigs.limiter(g.perClient(), perClient[i], nowNanos);
                }
            }
            default -> {
                LoadShedder before = shedder;
                shedder = SectionConfigs.shedder(g.shedding(), shedder);
                if (shedder != before) {
                    rewire();
                }
            }
        }
    }

    /** Another shedder (or none): the services behind it report queueing delays only to a latency-mode one. */
    private void rewire() {
        for (ServiceNode s : behind) {
            s.queueDelayWatchers.remove(this);
        }
        behind.clear();
        // The new shedder starts admitting everything; the change itself is in the decision log.
        state = LoadShedder.LOW;
        episodeState = LoadShedder.LOW;
        severestThisSecond = LoadShedder.LOW;
        connect(node.net.nodeList());
    }

    /** Finds the services behind it; in latency mode, each tells it how long its requests queued. */
    void connect(List<NetNode> nodes) {
        if (shedder == null) {
            return;
        }
        for (String id : servicesBehind(node.net.topology, node.id)) {
            for (NetNode n : nodes) {
                if (n.id.equals(id)) {
                    behind.add((ServiceNode) n);
                    if (!shedder.byQueue()) {
                        ((ServiceNode) n).queueDelayWatchers.add(this);
                    }
                }
            }
        }
    }

    /** The global limit's rate; NaN without one. */
    double globalRatePerSecond() {
        return global == null ? Double.NaN : global.ratePerSecond();
    }

    /** {@link #ADMITTED}, {@link ClientFigures#LIMITED} or {@link ClientFigures#SHED} for {@code f} arriving now. */
    int admit(Flow f, long nowNanos) {
        if (global != null && !global.tryAcquire(nowNanos) || perClient != null && !perClient[f.client].tryAcquire(nowNanos)) {
            return ClientFigures.LIMITED;
        }
        if (shedder != null) {
            if (shedder.byQueue()) {
                shedder.observeQueue(nowNanos, queuedPerReadyInstance());
            }
            int down = shedder.admittedDownTo(nowNanos);
            if (down != state) {
                stateChanged(down);
            }
            if (f.priority > down) {
                return ClientFigures.SHED;
            }
        }
        return ADMITTED;
    }

    /** The queue-length signal: requests waiting at the services' instances per ready instance (at least one). */
    private double queuedPerReadyInstance() {
        long queued = 0;
        int ready = 0;
        for (ServiceNode s : behind) {
            queued += s.queued();
            ready += s.instances();
        }
        return (double) queued / Math.max(1, ready);
    }

    /** A service behind it gave a worker to a request that had waited {@code delayNanos} in its queue. */
    void queueDelay(long nowNanos, long delayNanos) {
        shedder.observeDelay(nowNanos, delayNanos);
    }

    private void stateChanged(int down) {
        state = down;
        severestThisSecond = Math.min(severestThisSecond, down);
        if (down < episodeState) {
            episodeState = down;
            node.net.decide(node, shedder.reason());
        }
    }

    /** Each simulated second: an episode whose second was calmer than its level eases to what the second saw. */
    void tick() {
        if (shedder == null) {
            return;
        }
        if (severestThisSecond > episodeState) {
            episodeState = severestThisSecond;
            node.net.decide(node, episodeState == LoadShedder.LOW
                    ? "shedding stopped: nothing shed for a second (" + shedder.inputs() + ")"
                    : "shedding low only: no normal request shed for a second (" + shedder.inputs() + ")");
        }
        severestThisSecond = state;
    }

    /** The shedder's state for the report: none, low, or low and normal. */
    String sheddingNow() {
        return state == LoadShedder.LOW ? "none" : state == LoadShedder.NORMAL ? "low" : "low and normal";
    }

    boolean sheds() {
        return shedder != null;
    }

    /**
     * The ids of the services gateway {@code id}'s routes lead to: across gateways and balancers, over
     * sync and forward edges, stopping at each service; in the order found.
     */
    static List<String> servicesBehind(Topology t, String id) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        todo.add(id);
        seen.add(id);
        while (!todo.isEmpty()) {
            String at = todo.poll();
            for (Topology.Edge e : t.edges()) {
                if (!e.from().equals(at) || e.edgeMode() == EdgeMode.ASYNC || !seen.add(e.to())) {
                    continue;
                }
                NodeKind kind = t.node(e.to()).nodeKind();
                if (kind == NodeKind.SERVICE) {
                    found.add(e.to());
                } else if (kind == NodeKind.GATEWAY || kind == NodeKind.BALANCER) {
                    todo.add(e.to());
                }
            }
        }
        return new ArrayList<>(found);
    }
}
