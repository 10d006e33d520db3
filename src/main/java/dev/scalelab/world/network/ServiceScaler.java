package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.scaling.HorizontalPodAutoscaler;
import dev.scalelab.engine.scaling.HorizontalPolicy;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.engine.scaling.PodMetrics;
import dev.scalelab.engine.scaling.ScalingDecision;
import dev.scalelab.engine.scaling.ScalingInputs;
import dev.scalelab.engine.scaling.VerticalPolicy;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.SectionConfigs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A drawn service's scalers: its horizontal autoscaler (HPA, threshold or target tracking) sets how
 * many instances it runs, its vertical scaler (threshold or VPA, decided as the pipeline's) their
 * size, and the instances are made to match as the pipeline's Deployment does. Confined to the
 * simulation thread.
 */
final class ServiceScaler {
    private final ServiceNode node;
    private HorizontalPolicy horizontal;
    /** The HPA behind {@link #horizontal} when it is one: an edit of its settings keeps its recommendations. */
    private HorizontalPodAutoscaler hpa;
    /** Sync timers of an earlier policy or period see a different generation and stop. */
    private long syncGeneration;
    private VerticalPolicy vertical;
    /** Vertical syncs of an earlier configuration see a different generation and stop. */
    private long verticalGeneration;
    /** The instances the horizontal autoscaler asks for. */
    private int specReplicas;
    /** The size new instances get: the vertical scaler's choice; instances of another size are rolled to it. */
    InstanceSize targetSize;
    private ScalingDecision lastDecision;
    private String lastVertical;

    ServiceScaler(ServiceNode node) {
        this.node = node;
        Scenario.Autoscaler a = node.spec.autoscaler();
        this.hpa = a.policy() == Scenario.AutoscalerPolicy.HPA ? SectionConfigs.hpa(a, null) : null;
        this.horizontal = SectionConfigs.horizontal(a, hpa);
        this.vertical = SectionConfigs.vertical(node.spec.verticalScaler(), 0);
        this.specReplicas = node.spec.service().instances();
        this.targetSize = node.spec.service().size();
    }

    /** Starts the scalers' timers. */
    void start() {
        if (horizontal != null) {
            long generation = syncGeneration;
            node.sim.schedule(Simulation.secondsToNanos(node.spec.autoscaler().syncPeriodSeconds()), () -> autoscalerSync(generation));
        }
        if (vertical != null) {
            long generation = verticalGeneration;
            node.sim.schedule(Simulation.secondsToNanos(node.spec.verticalScaler().intervalSeconds()), () -> verticalSync(generation));
        }
    }

    /**
     * A live change of its autoscaler section, as the pipeline's: an HPA keeps its recommendations
     * and scale events across edits, as editing a live HPA object does; {@code restartSync} (a new
     * policy or period) starts a new sync timer one period from now, and the old one stops.
     */
    void configureAutoscaler(boolean restartSync) {
        Scenario.Autoscaler a = node.spec.autoscaler();
        boolean wasHpa = horizontal != null && horizontal.id().equals("hpa");
        hpa = a.policy() == Scenario.AutoscalerPolicy.HPA ? SectionConfigs.hpa(a, wasHpa ? hpa : null) : null;
        horizontal = SectionConfigs.horizontal(a, hpa);
        if (restartSync) {
            syncGeneration++;
            if (horizontal != null) {
                long generation = syncGeneration;
                node.sim.scheduleIn(Simulation.secondsToNanos(a.syncPeriodSeconds()), () -> autoscalerSync(generation));
            }
        }
    }

    private void autoscalerSync(long generation) {
        if (generation != syncGeneration || horizontal == null) {
            return;
        }
        long now = node.sim.nowNanos();
        List<PodMetrics> pods = new ArrayList<>(node.instances.size());
        int queued = 0;
        int ready = 0;
        for (ServiceNode.Instance in : node.instances) {
            in.busyNanos += (double) in.busy * (now - in.busySinceNanos);
            in.busySinceNanos = now;
            long window = now - in.syncNanos;
            long usage = window <= 0 ? 0
                    : Math.round((in.busyNanos - in.busyNanosAtSync) / window / in.workers * in.size.millicores());
            in.busyNanosAtSync = in.busyNanos;
            in.syncNanos = now;
            boolean isReady = in.lifecycle == Lifecycle.READY;
            pods.add(new PodMetrics(in.name, in.lifecycle, isReady, in.startNanos, isReady ? in.readySinceNanos : -1,
                    isReady && window > 0 ? now : -1, window, usage, in.size.millicores()));
            if (isReady) {
                ready++;
                queued += in.queue.size();
            }
        }
        double p95 = node.latency.takeIntervalPercentileMs(95);
        ScalingDecision d = horizontal.decide(new ScalingInputs(now, specReplicas, pods, p95, ready == 0 ? 0 : queued / (double) ready));
        lastDecision = d;
        node.net.decide(node, d.explanation());
        if (d.desired() != specReplicas) {
            resize(d.desired());
        }
        node.sim.schedule(now + Simulation.secondsToNanos(node.spec.autoscaler().syncPeriodSeconds()),
                () -> autoscalerSync(generation));
    }

    /** The autoscaler's count: new instances provision and boot before they take traffic; removed ones drain. */
    private void resize(int replicas) {
        specReplicas = replicas;
        reconcile();
    }

    /**
     * Makes the instances match the desired count and size, as the pipeline's Deployment does: while
     * a roll to a new size is on, one more instance than desired may run (maxSurge 1, maxUnavailable
     * 0); a new one of the new size is added when none is on its way, and each that comes ready lets
     * one of the old size drain ({@link #ready}). Surplus ones drain an old size first, then the
     * newest (a drawn service has always removed its newest first, which are the pending ones).
     */
    private void reconcile() {
        int live = 0;
        boolean rolling = false;
        boolean newSizeOnItsWay = false;
        for (ServiceNode.Instance in : node.instances) {
            if (in.lifecycle != Lifecycle.DRAINING) {
                live++;
                rolling |= in.size != targetSize;
                newSizeOnItsWay |= in.size == targetSize && in.lifecycle != Lifecycle.READY;
            }
        }
        int allowed = specReplicas + (rolling ? 1 : 0);
        for (; live > allowed; live--) {
            node.drain(victim());
        }
        for (; live < specReplicas; live++) {
            node.add();
            newSizeOnItsWay = true;
        }
        if (rolling && !newSizeOnItsWay && live <= specReplicas) {
            ServiceNode.Instance surge = node.add();
            node.net.decide(node, "roll: surge " + surge.name + " (" + targetSize.id() + ")");
        }
    }

    /**
     * The timeline's add- and remove-instance: the desired count is set as the pipeline's spec.replicas
     * is ({@code victim}, when given and still running, drains first when it shrinks), and the
     * instances follow; the autoscaler, if any, may change it again at its next sync, as the pipeline's does.
     */
    void setSpec(int replicas, ServiceNode.Instance victim) {
        specReplicas = replicas;
        if (victim != null && victim.lifecycle != Lifecycle.DRAINING && active() > replicas) {
            node.net.decide(node, victim.name + " draining (chosen by the scaler; " + victim.activeRequests() + " requests left)");
            node.drain(victim);
        }
        reconcile();
    }

    /**
     * A live change of the service's section, as the pipeline's scaling applies it; false for one it
     * does not own. spec.replicas: the instances follow; per-instance settings: running instances get
     * the new workers at once (more start what waits; fewer finish what they hold), a smaller queue
     * keeps what it holds, new instances provision and boot for the new times; a size: a roll; the
     * autoscaler: see {@link #configureAutoscaler}.
     */
    boolean change(NodeChange.Change c) {
        switch (c.how()) {
            case REPLICAS -> setSpec(node.spec.service().instances(), null);
            case RECONFIGURE_POOL -> {
                for (ServiceNode.Instance in : List.copyOf(node.instances)) {
                    node.resetWorkers(in);
                }
            }
            case RESIZE -> rollTo(node.spec.service().size());
            case EDIT_AUTOSCALER -> configureAutoscaler(false);
            case RESTART_AUTOSCALER -> configureAutoscaler(true);
            case RESTART_VERTICAL -> configureVertical();
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * A live change of its vertical scaler, as the pipeline's: it starts again from now, with a fresh
     * measuring window on every instance and its first decision one interval later.
     */
    private void configureVertical() {
        verticalGeneration++;
        vertical = SectionConfigs.vertical(node.spec.verticalScaler(), node.sim.nowNanos());
        if (vertical != null) {
            long generation = verticalGeneration;
            for (ServiceNode.Instance in : node.instances) {
                in.coresSinceLastVertical(); // start a fresh window
            }
            node.sim.scheduleIn(Simulation.secondsToNanos(node.spec.verticalScaler().intervalSeconds()), () -> verticalSync(generation));
        }
    }

    /** The desired count. */
    int spec() {
        return specReplicas;
    }

    private int active() {
        int n = 0;
        for (ServiceNode.Instance in : node.instances) {
            if (in.lifecycle != Lifecycle.DRAINING) {
                n++;
            }
        }
        return n;
    }

    /** An instance crashed: a replacement starts, as a Deployment keeps its desired count. */
    void replaceLost() {
        reconcile();
    }

    /** The instance to remove: one of an old size first, then the newest. */
    private ServiceNode.Instance victim() {
        ServiceNode.Instance victim = null;
        for (int i = node.instances.size() - 1; i >= 0; i--) {
            ServiceNode.Instance in = node.instances.get(i);
            if (in.lifecycle != Lifecycle.DRAINING && (victim == null || victim.size == targetSize && in.size != targetSize)) {
                victim = in;
            }
        }
        return victim;
    }

    /** Every interval: the CPU its ready instances used, to the vertical policy; a new size rolls the instances to it. */
    private void verticalSync(long generation) {
        if (generation != verticalGeneration || vertical == null) {
            return;
        }
        long now = node.sim.nowNanos();
        double[] samples = new double[node.instances.size()];
        int n = 0;
        double used = 0;
        double capacity = 0;
        for (ServiceNode.Instance in : node.instances) {
            double cores = in.coresSinceLastVertical();
            if (in.lifecycle == Lifecycle.READY) {
                samples[n++] = cores;
                used += cores;
                capacity += in.size.vcpus();
            }
        }
        VerticalPolicy.VerticalDecision d = vertical.decide(now, targetSize, Arrays.copyOf(samples, n),
                capacity == 0 ? Double.NaN : used / capacity);
        lastVertical = d.explanation();
        node.net.decide(node, d.explanation());
        if (d.resize() && !rolling()) {
            rollTo(d.desired());
        }
        node.sim.schedule(now + Simulation.secondsToNanos(node.spec.verticalScaler().intervalSeconds()),
                () -> verticalSync(generation));
    }

    /** A new size (the vertical scaler's, or a live change's): the instances roll to it one at a time. */
    void rollTo(InstanceSize size) {
        if (size == targetSize) {
            return;
        }
        targetSize = size;
        node.net.decide(node, "rolling to " + targetSize.id() + " (" + targetSize.vcpus() + " vCPU, $" + targetSize.costPerHour()
                + "/h): one new instance at a time, then one old one drains");
        reconcile();
    }

    /** Whether instances of another size than the target still run: a roll is on. */
    boolean rolling() {
        for (ServiceNode.Instance in : node.instances) {
            if (in.lifecycle != Lifecycle.DRAINING && in.size != targetSize) {
                return true;
            }
        }
        return false;
    }

    /** {@code in} came ready: in a roll, one of the old size may go now (one not ready before one ready, then the newest). */
    void ready(ServiceNode.Instance in) {
        if (in.size == targetSize && rolling()) {
            ServiceNode.Instance old = null;
            for (ServiceNode.Instance o : node.instances) {
                if (o.lifecycle != Lifecycle.DRAINING && o.size != targetSize
                        && (old == null || old.lifecycle == Lifecycle.READY || o.lifecycle != Lifecycle.READY)) {
                    old = o;
                }
            }
            node.net.decide(node, old.name + " draining (replaced by " + in.name + ", " + targetSize.id() + ")");
            node.drain(old);
            reconcile();
        }
    }

    /** The horizontal autoscaler's last decision with its inputs (the same string each time it is asked), or "". */
    String lastDecisionText() {
        return lastDecision == null ? "" : lastDecision.explanation();
    }

    /** The vertical scaler's last decision, or "". */
    String lastVerticalText() {
        return lastVertical == null ? "" : lastVertical;
    }

    /** The scalers' last decisions for the report. */
    void report(ObjectNode out) {
        if (lastDecision != null) {
            out.put("lastScalingDecision", lastDecision.explanation());
        }
        if (lastVertical != null) {
            out.put("lastVerticalDecision", lastVertical);
        }
    }
}
