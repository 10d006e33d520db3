package dev.scalelab.world;

import dev.scalelab.engine.events.KedaScaler;
import dev.scalelab.engine.scaling.HorizontalPodAutoscaler;
import dev.scalelab.engine.scaling.ScalingRules;
import dev.scalelab.engine.scaling.Tolerance;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * KEDA in front of an HPA for one consumer group or work queue: every polling interval KEDA reads
 * the lag (a group's total lag, capped at its partitions unless idle consumers are allowed; a
 * queue's visible and in-flight messages), scales 0 → 1 itself when the lag passes the activation
 * threshold and back to 0 after the cooldown, and from 1 up the HPA decides on the lag as an
 * External metric of AverageValue {@code lagThreshold}, with its tolerance, stabilisation and
 * rate policies. Every decision goes to the decision log with its inputs. Confined to the
 * simulation thread. A drawn system's topic box runs it on its consuming services as well.
 */
public final class EventsAutoscaler {
    /** The HPA's tolerance on the ratio lag / (threshold × consumers), as Kubernetes' default. */
    private static final double TOLERANCE = 0.1;
    /** The period of the HPA behavior's scale-up and scale-down policies. */
    private static final int POLICY_PERIOD_SECONDS = 15;

    /** What the autoscaler scales: a group's or a queue's consumers. */
    public interface Target {
        String name();

        /** A group's total lag; a queue's visible and in-flight messages. */
        long lag();

        /** A group's partition count, or -1 for a queue (no cap). */
        int partitions();

        int partitionsWithLag();

        /** The consumers asked for now (spec.replicas). */
        int spec();

        void scaleTo(int consumers);
    }

    /** Where a decision goes, with the counts and inputs it was made on. */
    public interface Recorder {
        void record(long nowNanos, int current, int proposed, int settled, String message, Map<String, Object> inputs);
    }

    private final Recorder recorder;
    private final Simulation sim;
    private final Target target;
    private EventStreams.LagAutoscaler config;
    private final HorizontalPodAutoscaler hpa;
    private long generation;
    /** When the lag was last above the activation threshold: the cooldown to zero counts from here. */
    private long lastActiveNanos;
    private int desired = -1;
    private String lastDecision = "";

    EventsAutoscaler(World world, Simulation sim, Target target, EventStreams.LagAutoscaler config) {
        this(sim, target, config, (now, current, proposed, settled, message, inputs) -> {
            world.log(Source.KEDA, message);
            world.decisionLog().decide(new Decision(now / 1e9, Source.KEDA, message, current, proposed, settled,
                    Map.of("inputs", inputs)));
        });
    }

    public EventsAutoscaler(Simulation sim, Target target, EventStreams.LagAutoscaler config, Recorder recorder) {
        this.recorder = recorder;
        this.sim = sim;
        this.target = target;
        this.config = config;
        this.hpa = new HorizontalPodAutoscaler(hpaConfig(config));
        lastActiveNanos = sim.nowNanos();
    }

    /**
     * KEDA's ScaledObject becomes the HPA's settings: minReplicas at least 1 (KEDA itself scales
     * to and from zero), the behavior's scale-up policies per 15 s with no scale-up stabilisation,
     * and the scale-down stabilisation window with Kubernetes' default scale-down policy.
     */
    private static HorizontalPodAutoscaler.Config hpaConfig(EventStreams.LagAutoscaler a) {
        List<ScalingRules.Policy> up = new ArrayList<>();
        if (a.scaleUpPods() > 0) {
            up.add(new ScalingRules.Policy(ScalingRules.PolicyType.PODS, a.scaleUpPods(), POLICY_PERIOD_SECONDS));
        }
        if (a.scaleUpPercent() > 0) {
            up.add(new ScalingRules.Policy(ScalingRules.PolicyType.PERCENT, a.scaleUpPercent(), POLICY_PERIOD_SECONDS));
        }
        ScalingRules scaleUp = new ScalingRules(0, up, up.isEmpty() ? ScalingRules.SelectPolicy.DISABLED
                : ScalingRules.SelectPolicy.MAX);
        ScalingRules scaleDown = new ScalingRules((int) Math.round(a.scaleDownStabilizationSeconds()),
                ScalingRules.defaultScaleDown().policies(), ScalingRules.SelectPolicy.MAX);
        return new HorizontalPodAutoscaler.Config(Math.max(1, a.minReplicas()), a.maxReplicas(), 0,
                Tolerance.of(TOLERANCE), scaleUp, scaleDown, true);
    }

    /** Starts polling (again, with a new timer). */
    public void start() {
        generation++;
        long g = generation;
        sim.scheduleIn(Simulation.secondsToNanos(config.pollingIntervalSeconds()), () -> poll(g));
    }

    /** New settings, as editing the ScaledObject: the HPA keeps its history, the poll timer starts again. */
    public void reconfigure(EventStreams.LagAutoscaler next) {
        config = next;
        hpa.setConfig(hpaConfig(next));
        start();
    }

    /** Stops polling (the policy became none). */
    void stop() {
        generation++;
        desired = -1;
    }

    public int desired() {
        return desired;
    }

    public String lastDecision() {
        return lastDecision;
    }

    private void poll(long g) {
        if (g != generation) {
            return;
        }
        decide();
        sim.scheduleIn(Simulation.secondsToNanos(config.pollingIntervalSeconds()), () -> poll(g));
    }

    /** One poll: KEDA's activation and cooldown, or the HPA on the reported lag. */
    void decide() {
        long now = sim.nowNanos();
        EventStreams.LagAutoscaler a = config;
        long lag = target.lag();
        int current = target.spec();
        boolean active = KedaScaler.active(lag, a.activationLagThreshold());
        if (active) {
            lastActiveNanos = now;
        }
        String name = target.name();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("lag", lag);
        int partitions = target.partitions();
        if (partitions >= 0) {
            inputs.put("partitions", partitions);
            inputs.put("partitionsWithLag", target.partitionsWithLag());
        }
        inputs.put("lagThreshold", a.lagThreshold());
        inputs.put("activationLagThreshold", a.activationLagThreshold());
        if (current == 0) {
            if (!active) {
                desired = 0;
                return; // KEDA leaves an idle target at zero and says nothing
            }
            desired = Math.min(1, a.maxReplicas());
            record(now, 0, 1, desired, String.format(Locale.ROOT, "%s: lag %,d above activation %,d → activate → %d consumer "
                    + "(was 0)", name, lag, a.activationLagThreshold(), desired), inputs);
            target.scaleTo(desired);
            return;
        }
        if (a.minReplicas() == 0 && !active && now - lastActiveNanos >= Simulation.secondsToNanos(a.cooldownSeconds())) {
            desired = 0;
            record(now, current, 0, 0, String.format(Locale.ROOT, "%s: lag %,d at or below activation %,d for the cooldown of "
                    + "%s s → 0 consumers (was %d)", name, lag, a.activationLagThreshold(),
                    Parameter.format(a.cooldownSeconds()), current), inputs);
            target.scaleTo(0);
            return;
        }
        long threshold = a.lagThreshold();
        long wanted = ceilDiv(lag, threshold);
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "%s: lag %,d", name, lag));
        long reported = lag;
        if (partitions >= 0) {
            why.append(String.format(Locale.ROOT, " over %d partitions", partitions));
            reported = KedaScaler.reportedLag(lag, partitions, target.partitionsWithLag(), threshold,
                    a.allowIdleConsumers(), false);
        } else {
            why.append(" messages");
        }
        why.append(String.format(Locale.ROOT, ", threshold %,d → %,d", threshold, wanted));
        if (reported != lag) {
            why.append(String.format(Locale.ROOT, " → capped at %d partitions", partitions));
        }
        inputs.put("reportedLag", reported);
        HorizontalPodAutoscaler.Decision d = hpa.reconcileExternal(now, current, reported, threshold,
                partitions >= 0 ? "lag" : "messages");
        inputs.put("hpa", d.inputs());
        desired = d.desired();
        String limit = limit(d);
        if (!limit.isEmpty()) {
            why.append(" → ").append(limit);
        } else if (d.proposed() == current && ceilDiv(reported, threshold) != current) {
            why.append(" → within the HPA's 10% tolerance");
        }
        why.append(" → ").append(desired).append(desired == 1 ? " consumer" : " consumers")
                .append(desired == current ? " (unchanged)" : " (was " + current + ")");
        record(now, current, d.proposed(), desired, why.toString(), inputs);
        if (desired != current) {
            target.scaleTo(desired);
        }
    }

    private void record(long now, int current, int proposed, int settled, String message, Map<String, Object> inputs) {
        lastDecision = message;
        recorder.record(now, current, proposed, settled, message, inputs);
    }

    /** Why the HPA settled elsewhere than the metric asked, in words: "" when it did not. */
    private static String limit(HorizontalPodAutoscaler.Decision d) {
        return switch (d.limitReason()) {
            case "ScaleUpLimit" -> "at most " + d.allowedMax() + " by the scale-up policies";
            case "ScaleDownLimit" -> "at least " + d.allowedMin() + " by the scale-down policy";
            case "TooManyReplicas" -> "capped at maxReplicas " + d.allowedMax();
            case "TooFewReplicas" -> "raised to minReplicas " + d.allowedMin();
            case "DesiredWithinRange" -> d.stabilized() != d.proposed()
                    ? "held at " + d.stabilized() + " by the " + (d.stabilized() > d.proposed() ? "scale-down" : "scale-up")
                    + " stabilisation window" : "";
            default -> d.limitReason();
        };
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
