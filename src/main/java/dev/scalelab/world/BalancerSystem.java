package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.balancing.ActiveHealthChecker;
import dev.scalelab.engine.balancing.BalancerConfig;
import dev.scalelab.engine.balancing.LoadBalancingStrategy;
import dev.scalelab.engine.balancing.OutlierDetector;
import dev.scalelab.engine.balancing.PanicThreshold;
import dev.scalelab.engine.balancing.SlowStart;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The load balancer: its strategy, and its health handling (passive outlier ejection, active
 * health checks, the panic threshold) that decides which instances it may pick. Confined to the
 * simulation thread.
 */
final class BalancerSystem implements Subsystem {
    /** A scenario field this part changes live, and the step that applies it: see {@link Live}. */
    @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
    @interface Applies { Step value(); String[] fields() default {}; }

    enum Step implements ApplyStep {
        /** A new cluster configuration, as Envoy takes one: strategy and health handling start afresh. */
        RECONFIGURE;
    }

    private final World world;
    private final Simulation sim;
    private final SplittableRandom random;
    private ServicePool pool;
    private LoadBalancingStrategy strategy;
    private OutlierDetector outlier;
    private ActiveHealthChecker health;
    private PanicThreshold panic = PanicThreshold.DEFAULT;
    private boolean inPanic;
    /** Timers of an earlier configuration see a different generation and stop. */
    private long healthGeneration;

    BalancerSystem(World world, Simulation sim, RandomStreams streams) {
        this.world = world;
        this.sim = sim;
        this.random = streams.stream("balancer");
        configure();
    }

    /** The pool it balances over, once it exists: from then on routing follows the instances. */
    void attach(ServicePool pool) {
        this.pool = pool;
        routingChanged();
    }

    @Override
    public void apply(Parameter p, Source by) {
        switch ((Step) p.step()) {
            case RECONFIGURE -> {
                configure();
                routingChanged();
            }
        }
    }

    /**
     * Builds the strategy and the health handling from the current scenario. A change starts them
     * afresh, as a new Envoy cluster configuration does: strategy state, ejections and probe counts
     * begin again.
     */
    /** The strategy a balancer section describes, with its choice count, bias, ring and slow start. */
    public static LoadBalancingStrategy strategy(Scenario.Balancer b) {
        BalancerConfig config = BalancerConfig.DEFAULTS.withChoiceCount(b.choices()).withActiveRequestBias(b.activeRequestBias())
                .withRingVirtualNodes(b.ringVirtualNodes())
                .withSlowStart(b.slowStartSeconds() > 0 ? SlowStart.over(Simulation.secondsToNanos(b.slowStartSeconds())) : SlowStart.OFF);
        return LoadBalancingStrategy.create(b.strategy(), config);
    }

    private void configure() {
        Scenario.Balancer b = world.currentScenario().balancer();
        strategy = strategy(b);
        panic = new PanicThreshold(b.panicThresholdPercent());
        healthGeneration++;
        long generation = healthGeneration;
        outlier = SectionConfigs.outlierDetector(b);
        if (outlier != null) {
            sim.scheduleIn(outlier.config().intervalNanos(), () -> outlierInterval(generation));
        }
        health = SectionConfigs.healthChecker(b);
        if (health != null) {
            sim.scheduleIn(0, () -> probeAll(generation));
        }
        if (pool != null) {
            for (ServiceInstance in : pool.instances) {
                instanceAdded(in);
            }
        }
    }

    // ------------------------------------------------------------------ the request path

    /** The index in {@code instances} of the one that takes the request for {@code key}, or -1 for none. */
    int pick(List<ServiceInstance> instances, int key) {
        return strategy.pick(instances, RequestHash.of(key), sim.nowNanos(), random);
    }

    /** A request left {@code in} after {@code latencyNanos} (0 for one its full queue turned away). */
    void onComplete(ServiceInstance in, long latencyNanos) {
        strategy.onComplete(in, latencyNanos, sim.nowNanos());
    }

    /** An answer from {@code in}: as Envoy, any 5xx counts, the instance's own and those it passes on. */
    void onResult(ServiceInstance in, boolean error) {
        if (outlier != null) {
            outlier.onResult(in.id, !error, sim.nowNanos()).ifPresent(e -> {
                logOutlier(e);
                routingChanged();
            });
        }
    }

    // ------------------------------------------------------------------ health

    void instanceAdded(ServiceInstance in) {
        if (outlier != null) {
            outlier.addHost(in.id);
        }
        if (health != null) {
            health.addHost(in.id);
        }
    }

    void instanceRemoved(ServiceInstance in) {
        if (outlier != null) {
            outlier.removeHost(in.id);
        }
        if (health != null) {
            health.removeHost(in.id);
        }
        routingChanged();
    }

    /**
     * Decides which instances the balancer may pick: ready ones that are neither ejected nor failing
     * health checks; in panic (too few of those, as Envoy's healthy_panic_threshold) every ready one.
     */
    void routingChanged() {
        if (pool == null) {
            return;
        }
        int ready = 0;
        int healthy = 0;
        for (ServiceInstance in : pool.instances) {
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
            world.log(Source.BALANCER, panicNow ? String.format(Locale.ROOT,
                    "panic: %d of %d ready instances healthy, below %s%%; balancing over all of them", healthy, ready,
                    Parameter.format(panic.thresholdPercent())) : "out of panic: " + healthy + " of " + ready + " healthy");
        }
        for (ServiceInstance in : pool.instances) {
            in.routable = in.lifecycle == Lifecycle.READY && (inPanic || isHealthy(in));
        }
        pool.instances.membershipChanged();
    }

    private boolean isHealthy(ServiceInstance in) {
        return (outlier == null || !outlier.isEjected(in.id)) && (health == null || health.isHealthy(in.id));
    }

    private void logOutlier(OutlierDetector.Event e) {
        world.log(Source.OUTLIER, e.hostId() + " " + e.action().name().toLowerCase() + ": " + e.reason());
    }

    private void outlierInterval(long generation) {
        if (generation != healthGeneration || outlier == null) {
            return;
        }
        for (OutlierDetector.Event e : outlier.onInterval(sim.nowNanos())) {
            logOutlier(e);
        }
        routingChanged();
        sim.scheduleIn(outlier.config().intervalNanos(), () -> outlierInterval(generation));
    }

    /**
     * One round of active health checks. A probe is cheap and skips the queue: a crashed or booting
     * instance does not answer, one returning errors for most requests answers unhealthy, and a
     * slow (gray-failed) one passes, which is why gray failure is hard to catch.
     */
    private void probeAll(long generation) {
        if (generation != healthGeneration || health == null) {
            return;
        }
        long now = sim.nowNanos();
        for (ServiceInstance in : pool.instances) {
            ActiveHealthChecker.Probe probe = in.lifecycle == Lifecycle.READY || in.lifecycle == Lifecycle.DRAINING
                    ? (in.errorRate >= 0.5 ? ActiveHealthChecker.Probe.UNHEALTHY_RESPONSE : ActiveHealthChecker.Probe.PASSED)
                    : ActiveHealthChecker.Probe.TIMED_OUT;
            health.onProbe(in.id, probe, now).ifPresent(t -> {
                world.log(Source.HEALTH, t.hostId() + (t.healthy() ? " healthy: " : " unhealthy: ") + t.reason());
                if (t.healthy() && outlier != null) {
                    outlier.onActiveHealthCheckPassed(t.hostId(), now).ifPresent(this::logOutlier);
                }
            });
        }
        routingChanged();
        sim.scheduleIn(health.config().intervalNanos(), () -> probeAll(generation));
    }

    // ------------------------------------------------------------------ views

    Snapshot.BalancerView view() {
        Map<String, String> excluded = new LinkedHashMap<>();
        for (ServiceInstance in : pool.instances) {
            if (in.lifecycle == Lifecycle.READY) {
                if (outlier != null && outlier.isEjected(in.id)) {
                    excluded.put(in.id, "ejected");
                } else if (health != null && !health.isHealthy(in.id)) {
                    excluded.put(in.id, "unhealthy");
                }
            }
        }
        return new Snapshot.BalancerView(strategy.id(), inPanic, excluded, strategy.explainLastPick());
    }

    @Override
    public void report(ObjectNode root) {
        ObjectNode balancer = root.putObject("balancer");
        balancer.put("strategy", strategy.id());
        ObjectNode perInstance = balancer.putObject("perInstance");
        List<long[]> routed = pool.routedByNumber();
        for (int i = 0; i < routed.size(); i++) {
            perInstance.put("i-" + i, routed.get(i)[0]);
        }
    }
}
