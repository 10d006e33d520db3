package dev.scalelab.world.network;

import dev.scalelab.engine.balancing.LoadBalancingStrategy;
import dev.scalelab.engine.gateway.RateLimiter;
import dev.scalelab.engine.gateway.SlidingWindowCounter;
import dev.scalelab.engine.gateway.TokenBucket;
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
 * gateway (its overall rate limit, then its latency) or a load balancer (its strategy picks the
 * instance of the service the edge leads to; zone-aware, it keeps to its own zone while a service
 * there is up).
 */
final class RouterNode extends NetNode {
    private final SplittableRandom random;
    /** The gateway's overall limit; null for a balancer or a gateway without one. */
    private final RateLimiter limit;
    private final long hopNanos;
    private final boolean zoneAware;
    /** A balancer's strategy per service behind it: each keeps its own cursor, ring or estimates. */
    private final Map<Link, LoadBalancingStrategy> strategies = new HashMap<>();
    long limited;

    RouterNode(Network net, Topology.Node spec) {
        super(net, spec);
        this.random = net.streams.stream("node." + id + ".route");
        if (spec.nodeKind() == dev.scalelab.design.NodeKind.GATEWAY) {
            ApiGateway.Gateway g = spec.gateway();
            ApiGateway.Limit l = g.global();
            limit = l == null ? null : switch (l.kind()) {
                case TOKEN_BUCKET -> new TokenBucket(l.ratePerSecond(), l.burst());
                case SLIDING_WINDOW -> new SlidingWindowCounter(l.ratePerSecond(), Simulation.secondsToNanos(l.windowSeconds()));
            };
            hopNanos = Simulation.millisToNanos(g.latencyMs());
            zoneAware = false;
        } else {
            limit = null;
            hopNanos = 0;
            zoneAware = spec.zoneAware();
        }
    }

    @Override
    void connect() {
        if (kind == dev.scalelab.design.NodeKind.BALANCER) {
            for (Link l : out) {
                strategies.put(l, SectionConfigs.balancer(spec.balancer()));
            }
        }
    }

    @Override
    void accept(Flow f, Reply reply) {
        if (!arrive(f, reply)) {
            return;
        }
        if (limit != null && !limit.tryAcquire(sim.nowNanos())) {
            limited++;
            fail(reply);
            return;
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
            fail(reply);
            return;
        }
        LoadBalancingStrategy strategy = strategies.get(l);
        if (strategy != null) {
            ServiceNode service = (ServiceNode) l.to;
            int index = strategy.pick(service.instances, net.hash(f.key), sim.nowNanos(), random);
            if (index < 0) {
                fail(reply);
                return;
            }
            ServiceNode.Instance in = service.instances.get(index);
            f.pinned = in;
            long picked = sim.nowNanos();
            inFlight++;
            l.send(f, ok -> {
                inFlight--;
                strategy.onComplete(in, sim.nowNanos() - picked, sim.nowNanos());
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
    double utilisation() {
        return limit == null ? Double.NaN : limitUtilisation(limit.ratePerSecond());
    }
}
