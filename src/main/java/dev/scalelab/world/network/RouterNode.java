package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.balancing.LoadBalancingStrategy;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.ApiGateway;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A node that holds no workers and passes each request on along one of its edges by weight: an API
 * gateway (its {@link GatewayAdmission}: global limit, per-client limit, load shedding; then its
 * latency) or a load balancer (its strategy picks the instance of the service the edge leads to;
 * zone-aware, it keeps to its own zone while a service there is up).
 */
final class RouterNode extends NetNode {
    private final SplittableRandom random;
    /** A gateway's limits and shedder; null for a balancer. */
    final GatewayAdmission admission;
    private final long hopNanos;
    private final boolean zoneAware;
    /** A balancer's strategy per service behind it: each keeps its own cursor, ring or estimates. */
    private final Map<Link, LoadBalancingStrategy> strategies = new HashMap<>();
    /** A balancer's outlier ejection, health checks and panic per service behind it; none when it runs neither. */
    private final Map<Link, BalancerHealth> healths = new HashMap<>();
    /** A watched balancer's record of its picks ({@link BalancerWatch}); null while none watches it: the pick path's one check. */
    BalancerPicks picks;
    /** Requests it answered 429 (over a limit) and 503 (shed) itself: its own errors, and the clients' limited and shed. */
    long limited;
    long shed;

    RouterNode(Network net, Topology.Node spec) {
        super(net, spec);
        this.random = net.streams.stream("node." + id + ".route");
        if (spec.nodeKind() == dev.scalelab.design.NodeKind.GATEWAY) {
            ApiGateway.Gateway g = spec.gateway();
            admission = new GatewayAdmission(this, g, net.clients.count());
            hopNanos = Simulation.millisToNanos(g.latencyMs());
            zoneAware = false;
        } else {
            admission = null;
            hopNanos = 0;
            zoneAware = spec.zoneAware();
        }
    }

    @Override
    void connect() {
        if (admission != null) {
            admission.connect(net.nodeList());
        }
        if (kind == dev.scalelab.design.NodeKind.BALANCER) {
            configure();
        }
    }

    /** A balancer's strategies and health handling, afresh, from its spec. */
    private void configure() {
        healths.values().forEach(BalancerHealth::stop);
        healths.clear();
        for (Link l : out) {
            strategies.put(l, SectionConfigs.balancer(spec.balancer()));
            if (l.to instanceof ServiceNode service) {
                BalancerHealth h = BalancerHealth.of(this, service, spec.balancer());
                if (h != null) {
                    healths.put(l, h);
                }
            }
        }
    }

    /**
     * A live change, as the pipeline's balancer and gateway take it: a balancer's new settings start
     * its strategies and health handling afresh, as a new Envoy cluster configuration does (cursors,
     * rings, estimates, ejections and probe counts begin again); a gateway's limits keep their tokens,
     * capped at the new burst, and its shedder takes a new threshold or target for the next request
     * (a new mode, a new shedder: see {@link GatewayAdmission#change}).
     */
    @Override
    void change(NodeChange.Change c) {
        switch (c.how()) {
            case BALANCER -> configure();
            case GLOBAL_LIMIT, CLIENT_LIMITS, SHEDDING -> admission.change(c.how(), spec.gateway(), sim.nowNanos());
            default -> super.change(c);
        }
    }

    /** Its health handling of {@code service} behind it; null when it runs none (or is no balancer of it). */
    BalancerHealth healthOf(NetNode service) {
        for (Map.Entry<Link, BalancerHealth> e : healths.entrySet()) {
            if (e.getKey().to == service) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Its strategy within edge {@code l} now (a live change replaces it); null for a gateway. */
    LoadBalancingStrategy strategyOf(Link l) {
        return strategies.get(l);
    }

    /** Its strategies' ids, for the tests of this package. */
    List<String> strategyIds() {
        return strategies.values().stream().map(LoadBalancingStrategy::id).toList();
    }

    @Override
    void accept(Flow f, Reply reply) {
        if (!arrive(f, reply)) {
            return;
        }
        if (admission != null) {
            int verdict = admission.admit(f, sim.nowNanos());
            f.refusal = verdict;
            if (verdict != GatewayAdmission.ADMITTED) {
                if (verdict == ClientFigures.LIMITED) {
                    limited++;
                } else {
                    shed++;
                }
                fail(reply);
                return;
            }
        }
        if (hopNanos > 0) {
            sim.scheduleIn(hopNanos, () -> route(f, reply));
        } else {
            route(f, reply);
        }
    }

    private void route(Flow f, Reply reply) {
        long since = sim.nowNanos() - hopNanos;
        List<Link> fit = new ArrayList<>(out.size());
        for (Link l : out) {
            if (l.carries(f) && !l.to.down) {
                fit.add(l);
            }
        }
        if (zoneAware && !zone.isEmpty()) {
            List<Link> local = new ArrayList<>();
            for (Link l : fit) {
                if (l.to.zone.equals(zone) && l.to.instances() > 0) {
                    local.add(l);
                }
            }
            if (!local.isEmpty()) {
                fit = local;
            }
        }
        Link l = net.pickByWeight(fit, random, this);
        if (l == null) {
            if (picks != null) {
                picks.none(null);
            }
            fail(reply);
            return;
        }
        LoadBalancingStrategy strategy = strategies.get(l);
        if (strategy != null) {
            ServiceNode service = (ServiceNode) l.to;
            BalancerHealth health = healths.get(l);
            // With health handling the strategy picks from this balancer's view of the instances (same indexes).
            List<? extends dev.scalelab.engine.balancing.Backend> backends = health == null ? service.instances : health.beforePick();
            int index = strategy.pick(backends, net.hash(f.key), sim.nowNanos(), random);
            if (index < 0) {
                if (picks != null) {
                    picks.none(l);
                }
                fail(reply);
                return;
            }
            dev.scalelab.engine.balancing.Backend picked = backends.get(index);
            ServiceNode.Instance in = service.instances.get(index);
            if (picks != null) {
                picks.picked(l, in); // before the hand-over, which takes the request into the instance at once
            }
            f.pinned = in;
            long pickedNanos = sim.nowNanos();
            inFlight++;
            l.send(f, ok -> {
                inFlight--;
                strategy.onComplete(picked, sim.nowNanos() - pickedNanos, sim.nowNanos());
                if (health != null) {
                    health.onResult(in, ok);
                }
                answer(since, ok, reply);
            });
            return;
        }
        inFlight++;
        l.send(f, ok -> {
            inFlight--;
            answer(since, ok, reply);
        });
    }


    @Override
    void tick() {
        super.tick();
        if (admission != null) {
            admission.tick();
        }
    }

    @Override
    String health() {
        int ejected = 0;
        int unhealthy = 0;
        boolean panic = false;
        for (BalancerHealth h : healths.values()) {
            for (String why : h.excluded().values()) {
                if (why.equals("ejected")) {
                    ejected++;
                } else {
                    unhealthy++;
                }
            }
            panic |= h.inPanic();
        }
        StringBuilder b = new StringBuilder();
        if (ejected > 0) {
            b.append(ejected).append(" ejected");
        }
        if (unhealthy > 0) {
            b.append(b.isEmpty() ? "" : " · ").append(unhealthy).append(" unhealthy");
        }
        if (panic) {
            b.append(b.isEmpty() ? "" : " · ").append("panic");
        }
        return b.toString();
    }

    @Override
    double utilisation() {
        double rate = admission == null ? Double.NaN : admission.globalRatePerSecond();
        return Double.isNaN(rate) ? Double.NaN : limitUtilisation(rate);
    }

    @Override
    void report(ObjectNode out) {
        if (admission != null) {
            out.put("limited", limited);
            out.put("shed", shed);
            if (admission.sheds()) {
                out.put("sheddingAtEnd", admission.sheddingNow());
            }
        }
    }
}
