package dev.scalelab.world.network;

import dev.scalelab.engine.balancing.ActiveHealthChecker;
import dev.scalelab.engine.balancing.Backend;
import dev.scalelab.engine.balancing.OutlierDetector;
import dev.scalelab.engine.balancing.PanicThreshold;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.SectionConfigs;

import java.util.AbstractList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A drawn balancer's health handling of one service behind it, as the pipeline's balancer runs it:
 * passive outlier ejection (Envoy's consecutive_5xx, base ejection time, max ejection percent),
 * active health checks, and the panic threshold below which it balances over every ready instance.
 * Each balancer judges the instances for itself, as each Envoy does, so two balancers in front of
 * one service may eject different instances; its strategy picks from {@link #view}, the service's
 * instances as this balancer sees them. A balancer with neither ejection nor health checks has no
 * such part (its strategy reads the instances themselves).
 */
final class BalancerHealth {
    private final RouterNode balancer;
    private final ServiceNode service;
    private final Simulation sim;
    private final OutlierDetector outlier;
    private final ActiveHealthChecker health;
    private final PanicThreshold panic;
    private boolean inPanic;
    /** Set when a live change replaces this configuration: its timers stop. */
    private boolean stopped;
    /** The instances the detector and checker know, by id; kept in step with the service's list. */
    private final Set<String> hosts = new HashSet<>();
    private final Map<ServiceNode.Instance, Member> members = new IdentityHashMap<>();
    /** The service's instance list and ready count when the routing was last worked out. */
    private int seenListVersion = -1;
    private int seenReady = -1;

    /** One instance as this balancer sees it: it takes traffic while ready and healthy here (or in panic). */
    final class Member implements Backend {
        final ServiceNode.Instance instance;
        boolean routable;

        Member(ServiceNode.Instance instance) {
            this.instance = instance;
        }

        @Override
        public String id() {
            return instance.id();
        }

        @Override
        public boolean acceptsTraffic() {
            return routable && instance.acceptsTraffic();
        }

        @Override
        public int activeRequests() {
            return instance.activeRequests();
        }

        @Override
        public double weight() {
            return instance.weight();
        }
    }

    /** The service's instances, index for index, as this balancer may pick them. */
    final List<Member> view = new AbstractList<>() {
        @Override
        public Member get(int index) {
            return members.computeIfAbsent(service.instances.get(index), Member::new);
        }

        @Override
        public int size() {
            return service.instances.size();
        }
    };

    private BalancerHealth(RouterNode balancer, ServiceNode service, Scenario.Balancer b) {
        this.balancer = balancer;
        this.service = service;
        this.sim = balancer.sim;
        panic = new PanicThreshold(b.panicThresholdPercent());
        outlier = SectionConfigs.outlierDetector(b);
        if (outlier != null) {
            sim.scheduleIn(outlier.config().intervalNanos(), this::outlierInterval);
        }
        health = SectionConfigs.healthChecker(b);
        if (health != null) {
            sim.scheduleIn(0, this::probeAll);
        }
    }

    /**
     * The health handling {@code b} asks of {@code balancer} for {@code service}, or null when it asks
     * for none.
     */
    static BalancerHealth of(RouterNode balancer, ServiceNode service, Scenario.Balancer b) {
        if (b.outlierConsecutiveErrors() <= 0 && b.healthCheckIntervalSeconds() <= 0) {
            return null;
        }
        return new BalancerHealth(balancer, service, b);
    }

    /** A live change replaced it, as a new Envoy cluster configuration does: its ejections and probe counts end. */
    void stop() {
        stopped = true;
    }

    /** Before a pick: routing is worked out again when instances came, went or became ready since the last. */
    List<Member> beforePick() {
        if (service.instanceListVersion != seenListVersion || service.instances() != seenReady) {
            routingChanged();
        }
        return view;
    }

    /** An answer from {@code in} through this balancer: as Envoy, any error counts, its own and those it passes on. */
    void onResult(ServiceNode.Instance in, boolean ok) {
        if (outlier == null || in.lifecycle == Lifecycle.TERMINATED) {
            return;
        }
        outlier.onResult(in.id(), ok, sim.nowNanos()).ifPresent(e -> {
            logOutlier(e);
            routingChanged();
        });
    }

    /** Instances ejected or failing health checks now, with why; empty when none. */
    Map<String, String> excluded() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (ServiceNode.Instance in : service.instances) {
            if (in.lifecycle == Lifecycle.READY) {
                if (outlier != null && outlier.isEjected(in.id())) {
                    out.put(in.id(), "ejected");
                } else if (health != null && !health.isHealthy(in.id())) {
                    out.put(in.id(), "unhealthy");
                }
            }
        }
        return out;
    }

    /** Whether it ejects instances that answer errors in a row. */
    boolean ejects() {
        return outlier != null;
    }

    boolean inPanic() {
        return inPanic;
    }

    /**
     * Which instances this balancer may pick: ready ones neither ejected nor failing health checks;
     * in panic (too few of those, Envoy's healthy_panic_threshold) every ready one. Instances that
     * came or went join or leave the detector and the checker first.
     */
    private void routingChanged() {
        syncHosts();
        int ready = 0;
        int healthy = 0;
        for (ServiceNode.Instance in : service.instances) {
            if (in.lifecycle == Lifecycle.READY) {
                ready++;
                if (isHealthy(in)) {
                    healthy++;
                }
            }
        }
        boolean panicNow = ready > 0 && panic.inPanic(healthy, ready);
        if (panicNow != inPanic) {
            inPanic = panicNow;
            balancer.net.decide(balancer, panicNow ? String.format(Locale.ROOT,
                    "panic over %s: %d of %d ready instances healthy, below %s%%; balancing over all of them", service.id, healthy,
                    ready, Parameter.format(panic.thresholdPercent()))
                    : "out of panic over " + service.id + ": " + healthy + " of " + ready + " healthy");
        }
        for (ServiceNode.Instance in : service.instances) {
            members.computeIfAbsent(in, Member::new).routable = in.lifecycle == Lifecycle.READY && (inPanic || isHealthy(in));
        }
        seenListVersion = service.instanceListVersion;
        seenReady = service.instances();
    }

    private void syncHosts() {
        if (service.instanceListVersion == seenListVersion) {
            return;
        }
        Set<String> now = new HashSet<>();
        for (ServiceNode.Instance in : service.instances) {
            now.add(in.id());
            if (hosts.add(in.id())) {
                if (outlier != null) {
                    outlier.addHost(in.id());
                }
                if (health != null) {
                    health.addHost(in.id());
                }
            }
        }
        for (var it = hosts.iterator(); it.hasNext(); ) {
            String id = it.next();
            if (!now.contains(id)) {
                it.remove();
                if (outlier != null) {
                    outlier.removeHost(id);
                }
                if (health != null) {
                    health.removeHost(id);
                }
            }
        }
        members.keySet().removeIf(in -> !now.contains(in.id()));
    }

    private boolean isHealthy(ServiceNode.Instance in) {
        return (outlier == null || !outlier.isEjected(in.id())) && (health == null || health.isHealthy(in.id()));
    }

    private void logOutlier(OutlierDetector.Event e) {
        balancer.net.decide(balancer, e.hostId() + " " + e.action().name().toLowerCase(Locale.ROOT) + ": " + e.reason());
    }

    private void outlierInterval() {
        if (stopped) {
            return;
        }
        syncHosts();
        for (OutlierDetector.Event e : outlier.onInterval(sim.nowNanos())) {
            logOutlier(e);
        }
        routingChanged();
        sim.scheduleIn(outlier.config().intervalNanos(), this::outlierInterval);
    }

    /**
     * One round of probes, as the pipeline's: cheap and past the queue, so a booting instance does not
     * answer, one failing most requests answers unhealthy, and a slow one passes (gray failure).
     */
    private void probeAll() {
        if (stopped) {
            return;
        }
        syncHosts();
        long now = sim.nowNanos();
        for (ServiceNode.Instance in : service.instances) {
            boolean answers = (in.lifecycle == Lifecycle.READY || in.lifecycle == Lifecycle.DRAINING) && !service.down;
            ActiveHealthChecker.Probe probe = answers
                    ? (in.errorRate >= 0.5 ? ActiveHealthChecker.Probe.UNHEALTHY_RESPONSE : ActiveHealthChecker.Probe.PASSED)
                    : ActiveHealthChecker.Probe.TIMED_OUT;
            health.onProbe(in.id(), probe, now).ifPresent(t -> {
                balancer.net.decide(balancer, t.hostId() + (t.healthy() ? " healthy: " : " unhealthy: ") + t.reason());
                if (t.healthy() && outlier != null) {
                    outlier.onActiveHealthCheckPassed(t.hostId(), now).ifPresent(this::logOutlier);
                }
            });
        }
        routingChanged();
        sim.scheduleIn(health.config().intervalNanos(), this::probeAll);
    }
}
