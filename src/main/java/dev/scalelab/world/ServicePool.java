package dev.scalelab.world;

import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The instances and the controller that keeps their number at {@link #specReplicas}, as a
 * Kubernetes Deployment does: it creates instances that provision and boot before they are ready,
 * removes surplus ones in ReplicaSet order (pending before running, unready before ready, newest
 * first), replaces failed ones, and rolls the pool to a new size one instance at a time with a
 * surge of one (maxSurge 1, maxUnavailable 0). Confined to the simulation thread.
 */
final class ServicePool {
    /** How long a failed instance stays visible before it is gone. */
    private static final long FAILED_VISIBLE_NANOS = 3 * Simulation.NANOS_PER_SECOND;
    private static final int INSTANCE_TIMELINE_CAPACITY = 10_000;

    private final World world;
    private final Simulation sim;
    /** Every instance that exists or is still shown (failed ones for a moment), in creation order. */
    final InstanceList instances = new InstanceList();
    private final List<long[]> routedByNumber = new ArrayList<>();
    private final InstanceSize baseSize;
    private int nextNumber;

    int specReplicas;
    InstanceSize targetSize;
    private int baseWorkers;
    private int queueCapacity;
    private long provisionNanos;
    private long bootNanos;
    private long warmupNanos;

    private double retiredCostDollars;
    private int readyCount;

    // Ready-instance count over time, for the report.
    private int minReady = Integer.MAX_VALUE;
    private int maxReady;
    private double readySecondsIntegral;
    private long readyChangedAtNanos;
    private int integratedReady;
    private final List<double[]> readyTimeline = new ArrayList<>();

    ServicePool(World world, Simulation sim, Scenario.Service service) {
        this.world = world;
        this.sim = sim;
        this.baseSize = service.size();
        this.targetSize = service.size();
        configure(service);
        specReplicas = service.instances();
        // The initial instances start the run ready, as if they had just finished booting at t = 0.
        for (int i = 0; i < specReplicas; i++) {
            ServiceInstance in = create(Lifecycle.READY);
            in.runningSinceNanos = 0;
            in.readyTransitionNanos = 0;
            in.readySinceNanos = 0;
            in.weight = service.weight(i);
            instances.membershipChanged();
            in.speedFactor = service.speed(i);
        }
        readyCountChanged();
    }

    void configure(Scenario.Service service) {
        baseWorkers = service.workersPerInstance();
        queueCapacity = service.queueCapacity();
        provisionNanos = Simulation.secondsToNanos(service.provisionSeconds());
        bootNanos = Simulation.secondsToNanos(service.bootSeconds());
        warmupNanos = Simulation.secondsToNanos(service.warmupSeconds());
        for (ServiceInstance in : instances) {
            in.workers = in.size.workers(baseWorkers, baseSize);
            in.queueCapacity = queueCapacity;
            world.path.startQueued(in);
        }
    }

    int readyCount() {
        return readyCount;
    }

    List<long[]> routedByNumber() {
        return routedByNumber;
    }

    void routed(ServiceInstance in) {
        in.routed++;
        routedByNumber.get(in.number)[0]++;
    }

    // ------------------------------------------------------------------ desired state

    void setSpecReplicas(int replicas, String victim) {
        specReplicas = replicas;
        if (victim != null) {
            ServiceInstance in = find(victim);
            if (in != null && in.isActive() && activeCount() > replicas) {
                drain(in, "chosen by the scaler");
            }
        }
        reconcile();
    }

    void setTargetSize(InstanceSize size) {
        if (size == targetSize) {
            return;
        }
        world.log(Source.POOL, "rolling to " + size.id() + " (" + size.vcpus() + " vCPU, $" + size.costPerHour()
                + "/h): one new instance at a time, then one old one drains");
        targetSize = size;
        reconcile();
    }

    boolean rolling() {
        for (ServiceInstance in : instances) {
            if (in.isActive() && in.size != targetSize) {
                return true;
            }
        }
        return false;
    }

    /** Makes the instances match the desired count and size. */
    void reconcile() {
        List<ServiceInstance> active = new ArrayList<>();
        boolean rolling = false;
        boolean newSizeOnItsWay = false;
        for (ServiceInstance in : instances) {
            if (in.isActive()) {
                active.add(in);
                rolling |= in.size != targetSize;
                newSizeOnItsWay |= in.size == targetSize && in.lifecycle != Lifecycle.READY;
            }
        }
        int allowed = specReplicas + (rolling ? 1 : 0);
        while (active.size() > allowed) {
            ServiceInstance victim = active.stream().min(deletionOrder()).orElseThrow();
            drain(victim, "scale-in to " + specReplicas);
            active.remove(victim);
        }
        while (active.size() < specReplicas) {
            active.add(create(Lifecycle.PROVISIONING));
            newSizeOnItsWay = true;
        }
        if (rolling && !newSizeOnItsWay && active.size() <= specReplicas) {
            ServiceInstance surge = create(Lifecycle.PROVISIONING);
            world.log(Source.POOL, "roll: surge " + surge.id + " (" + targetSize.id() + ")");
        }
    }

    /**
     * ReplicaSet's deletion preference: an instance of the old size first, then pending before
     * running, not ready before ready, ready for less time first, newer first.
     */
    private Comparator<ServiceInstance> deletionOrder() {
        return Comparator.<ServiceInstance>comparingInt(in -> in.size == targetSize ? 1 : 0)
                .thenComparingInt(in -> in.lifecycle == Lifecycle.PROVISIONING ? 0 : 1)
                .thenComparingInt(in -> in.lifecycle == Lifecycle.READY ? 1 : 0)
                .thenComparing(Comparator.comparingLong((ServiceInstance in) -> in.readySinceNanos).reversed())
                .thenComparing(Comparator.comparingLong((ServiceInstance in) -> in.createdNanos).reversed())
                .thenComparing(Comparator.comparingInt((ServiceInstance in) -> in.number).reversed());
    }

    private int activeCount() {
        int n = 0;
        for (ServiceInstance in : instances) {
            if (in.isActive()) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ lifecycle

    private ServiceInstance create(Lifecycle initial) {
        ServiceInstance in = new ServiceInstance(nextNumber++, targetSize, targetSize.workers(baseWorkers, baseSize),
                queueCapacity, initial, sim.nowNanos());
        instances.add(in);
        routedByNumber.add(new long[1]);
        world.instanceAdded(in);
        if (initial == Lifecycle.PROVISIONING) {
            in.enterPhase(Lifecycle.PROVISIONING, sim.nowNanos(), provisionNanos);
            world.log(Source.POOL, in.id + " provisioning (" + in.size.id() + "; boots in "
                    + Parameter.format((provisionNanos + bootNanos) / 1e9) + " s)");
            sim.schedule(in.phaseEndNanos, () -> startBooting(in));
        }
        return in;
    }

    private void startBooting(ServiceInstance in) {
        if (in.lifecycle != Lifecycle.PROVISIONING) {
            return; // removed while pending
        }
        in.enterPhase(Lifecycle.BOOTING, sim.nowNanos(), bootNanos);
        in.runningSinceNanos = sim.nowNanos();
        in.readyTransitionNanos = sim.nowNanos(); // the Ready condition appears, False
        sim.schedule(in.phaseEndNanos, () -> becomeReady(in));
    }

    private void becomeReady(ServiceInstance in) {
        if (in.lifecycle != Lifecycle.BOOTING) {
            return;
        }
        in.enterPhase(Lifecycle.READY, sim.nowNanos(), warmupNanos);
        in.readyTransitionNanos = sim.nowNanos();
        in.readySinceNanos = sim.nowNanos();
        readyCountChanged();
        world.log(Source.POOL, in.id + " ready (" + readyCount + " ready)"
                + (warmupNanos > 0 ? "; warming up for " + Parameter.format(warmupNanos / 1e9) + " s" : ""));
        if (in.size == targetSize) {
            // A roll: a new instance is ready, so one of the old size may go.
            instances.stream().filter(o -> o.isActive() && o.size != targetSize).min(deletionOrder())
                    .ifPresent(old -> drain(old, "replaced by " + in.id + " (" + targetSize.id() + ")"));
        }
        reconcile();
    }

    /** Stops sending it traffic; it leaves once its queue and workers are empty. */
    void drain(ServiceInstance in, String why) {
        boolean wasReady = in.lifecycle == Lifecycle.READY;
        in.lifecycle = Lifecycle.DRAINING;
        if (wasReady) {
            readyCountChanged();
        }
        world.log(Source.POOL, in.id + " draining (" + why + "; " + in.activeRequests() + " requests left)");
        removeIfDrained(in);
    }

    void removeIfDrained(ServiceInstance in) {
        if (in.lifecycle == Lifecycle.DRAINING && in.activeRequests() == 0) {
            terminate(in);
            world.log(Source.POOL, in.id + " terminated");
        }
    }

    private void terminate(ServiceInstance in) {
        in.lifecycle = Lifecycle.TERMINATED;
        in.endedNanos = sim.nowNanos();
        retiredCostDollars += in.costDollars(sim.nowNanos());
        instances.remove(in);
        world.instanceRemoved(in);
    }

    /** Crashes it: requests in it fail, and the controller replaces it at once. */
    boolean kill(String id) {
        ServiceInstance in = find(id);
        if (in == null || in.lifecycle == Lifecycle.FAILED) {
            world.log(Source.POOL, "kill-instance " + id + ": no such running instance");
            return false;
        }
        boolean wasReady = in.lifecycle == Lifecycle.READY;
        in.lifecycle = Lifecycle.FAILED;
        in.endedNanos = sim.nowNanos();
        if (wasReady) {
            readyCountChanged();
        }
        int lost = world.path.failRequestsOf(in);
        world.log(Source.POOL, in.id + " failed (" + lost + " requests lost); replacing it");
        sim.schedule(sim.nowNanos() + FAILED_VISIBLE_NANOS, () -> {
            retiredCostDollars += in.costDollars(sim.nowNanos());
            instances.remove(in);
            world.instanceRemoved(in);
        });
        reconcile();
        return true;
    }

    boolean setErrorRate(String id, double errorRate) {
        ServiceInstance in = find(id);
        if (in == null || !in.isActive()) {
            world.log(Source.POOL, "error-instance " + id + ": no such running instance");
            return false;
        }
        in.errorRate = errorRate;
        world.log(Source.POOL, in.id + (errorRate <= 0 ? " answers normally again" : " answers "
                + Math.round(errorRate * 100) + "% of its requests with an error"));
        return true;
    }

    boolean setWeight(String id, double weight) {
        ServiceInstance in = find(id);
        if (in == null || !in.isActive()) {
            world.log(Source.POOL, "weight-instance " + id + ": no such running instance");
            return false;
        }
        in.weight = weight;
        instances.membershipChanged();
        world.log(Source.POOL, in.id + " weight " + Parameter.format(weight));
        world.routingChanged();
        return true;
    }

    boolean slow(String id, double speedFactor) {
        ServiceInstance in = find(id);
        if (in == null || !in.isActive()) {
            world.log(Source.POOL, "slow-instance " + id + ": no such running instance");
            return false;
        }
        in.speedFactor = speedFactor;
        world.log(Source.POOL, in.id + (speedFactor >= 1 ? " back to full speed" : " gray failure: serves at "
                + Math.round(speedFactor * 100) + "% speed, still looks healthy"));
        return true;
    }

    ServiceInstance find(String id) {
        for (ServiceInstance in : instances) {
            if (in.id.equals(id)) {
                return in;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ measures

    double costPerHour() {
        double total = 0;
        for (ServiceInstance in : instances) {
            if (in.lifecycle != Lifecycle.FAILED) {
                total += in.size.costPerHour();
            }
        }
        return total;
    }

    double costDollars() {
        double total = retiredCostDollars;
        for (ServiceInstance in : instances) {
            if (in.lifecycle != Lifecycle.FAILED) {
                total += in.costDollars(sim.nowNanos());
            } else {
                total += in.costDollars(in.endedNanos);
            }
        }
        return total;
    }

    private void readyCountChanged() {
        world.routingChanged();
        int ready = 0;
        for (ServiceInstance in : instances) {
            if (in.lifecycle == Lifecycle.READY) {
                ready++;
            }
        }
        readyCount = ready;
        long now = sim.nowNanos();
        readySecondsIntegral += integratedReady * (now - readyChangedAtNanos) / 1e9;
        readyChangedAtNanos = now;
        integratedReady = ready;
        minReady = Math.min(minReady, ready);
        maxReady = Math.max(maxReady, ready);
        double t = now / 1e9;
        double[] last = readyTimeline.isEmpty() ? null : readyTimeline.get(readyTimeline.size() - 1);
        if (last != null && last[0] == t) {
            last[1] = ready;
        } else if (last == null || last[1] != ready) {
            if (readyTimeline.size() < INSTANCE_TIMELINE_CAPACITY) {
                readyTimeline.add(new double[] {t, ready});
            }
        }
    }

    int minReady() {
        return minReady;
    }

    int maxReady() {
        return maxReady;
    }

    double meanReady() {
        double t = sim.nowSeconds();
        double integral = readySecondsIntegral + integratedReady * (sim.nowNanos() - readyChangedAtNanos) / 1e9;
        return t <= 0 ? readyCount : integral / t;
    }

    List<double[]> readyTimeline() {
        return readyTimeline;
    }
}
