package dev.scalelab.world.network;

import dev.scalelab.engine.gateway.TokenBucket;
import dev.scalelab.engine.resilience.DependencyConfig;
import dev.scalelab.engine.resilience.DownstreamService;
import dev.scalelab.engine.resilience.Fault;
import dev.scalelab.engine.resilience.ScheduledFault;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A third party's API: as many calls at once as it is sent, each answered after its latency, some
 * failed at its error rate, and those over its quota refused at once (a token bucket holding one
 * second of calls).
 */
final class ExternalNode extends NetNode {
    /** Its section as it runs now: a live change replaces it ({@link #change}). */
    private Topology.External api;
    private Distribution latencyMs;
    private final SplittableRandom random;
    private TokenBucket quota;
    /** Its servers and queue when its capacity is known (the pipeline's dependency engine); null for unlimited. */
    private DownstreamService servers;
    long refused;
    /** Faults put on it by the timeline, when it has no servers of its own (otherwise they are the servers'). */
    private final List<ScheduledFault> faults = new ArrayList<>(0);

    ExternalNode(Network net, Topology.Node spec) {
        super(net, spec);
        this.api = spec.external();
        this.latencyMs = api.latency().toDistribution();
        this.random = net.streams.stream("node." + id + ".external");
        this.quota = api.rateLimitPerSecond() > 0 ? new TokenBucket(api.rateLimitPerSecond(), api.rateLimitPerSecond()) : null;
        this.servers = newServers();
    }

    private DownstreamService newServers() {
        return api.instances() == 0 ? null : new DownstreamService(sim, new DependencyConfig(id, api.instances(),
                api.workersPerInstance(), api.queueCapacity(), latencyMs, api.errorRate(), 1.0), net.streams.stream("node." + id + ".servers"));
    }

    /**
     * A live change, with the meaning of the pipeline's change of a dependency's fields: calls from
     * now on take the new latency and error rate; its servers, when their own settings changed, are
     * rebuilt (calls in flight finish on the old ones, and faults put on the old ones end with them);
     * its quota keeps the tokens it holds, capped at the new burst, as a reconfigured rate limit does.
     */
    @Override
    void change(NodeChange.Change c) {
        Topology.External old = api;
        api = spec.external();
        latencyMs = api.latency().toDistribution();
        if (api.rateLimitPerSecond() == 0) {
            quota = null;
        } else if (quota == null) {
            quota = new TokenBucket(api.rateLimitPerSecond(), api.rateLimitPerSecond());
        } else {
            quota.reconfigure(api.rateLimitPerSecond(), api.rateLimitPerSecond(), sim.nowNanos());
        }
        if (old.instances() != api.instances() || old.workersPerInstance() != api.workersPerInstance()
                || old.queueCapacity() != api.queueCapacity() || !old.latency().equals(api.latency())
                || old.errorRate() != api.errorRate()) {
            servers = newServers();
        }
    }

    @Override
    void accept(Flow f, Reply reply) {
        if (!arrive(f, reply)) {
            return;
        }
        if (quota != null && !quota.tryAcquire(sim.nowNanos())) {
            refused++;
            fail(reply);
            return;
        }
        long since = sim.nowNanos();
        inFlight++;
        if (servers != null) {
            servers.submit(ok -> {
                inFlight--;
                if (!ok) {
                    ownErrors++;
                }
                answer(since, ok, reply);
            });
            return;
        }
        long now = sim.nowNanos();
        double errorRate = api.errorRate();
        long addedNanos = 0;
        boolean out = false;
        for (ScheduledFault sf : faults) {
            if (sf.activeAt(now)) {
                if (sf.fault() instanceof Fault.ExtraErrorRate e) {
                    errorRate += e.probability();
                } else if (sf.fault() instanceof Fault.AddedLatency l) {
                    addedNanos += Simulation.millisToNanos(l.millis());
                } else if (sf.fault() instanceof Fault.Outage) {
                    out = true;
                }
            }
        }
        if (out) {
            // Refused at once, as the pipeline's dependency refuses calls in an outage.
            inFlight--;
            ownErrors++;
            answer(since, false, reply);
            return;
        }
        boolean ok = random.nextDouble() >= Math.min(1, errorRate);
        if (!ok) {
            ownErrors++;
        }
        sim.scheduleIn(Simulation.millisToNanos(latencyMs.sample(random)) + addedNanos, () -> {
            inFlight--;
            answer(since, ok, reply);
        });
    }


    /**
     * Puts {@code fault} on it from now for {@code seconds}, as the pipeline's timeline puts it on a
     * dependency: its servers take it when it has them (an outage then also loses their queue).
     */
    void fault(Fault fault, double seconds) {
        long now = sim.nowNanos();
        long until = now + Simulation.secondsToNanos(seconds);
        if (servers != null) {
            servers.inject(fault, now, until);
        } else {
            faults.removeIf(f -> f.untilNanos() <= now);
            faults.add(new ScheduledFault(fault, now, until));
        }
    }

    /** Its section as it runs now, for a watch to read. */
    Topology.External section() {
        return api;
    }

    /** Its servers when its capacity is known, null when it takes as many calls at once as it is sent; for a watch to read. */
    DownstreamService servers() {
        return servers;
    }

    /** The faults put on it while it has no servers (some may be over: see {@link ScheduledFault#activeAt}); read-only. */
    List<ScheduledFault> faults() {
        return java.util.Collections.unmodifiableList(faults);
    }

    @Override
    int queued() {
        return servers == null ? 0 : servers.queueLength();
    }

    @Override
    int instances() {
        return servers == null ? 0 : api.instances();
    }

    @Override
    double utilisation() {
        if (servers != null) {
            return servers.busyWorkers() / (double) servers.servers();
        }
        return quota == null ? Double.NaN : limitUtilisation(api.rateLimitPerSecond());
    }
}
