package dev.scalelab.engine.scaling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kubernetes HPA controller for one target, following {@code horizontal.go}: once per sync it
 * computes a proposal from CPU utilization (or an External metric's AverageValue), stabilizes it
 * over the recommendations of the last windows, limits the rate of change by the behavior policies
 * (or, without behavior, the legacy max(2 x current, 4) cap) and clamps it to [min, max]. Confined
 * to the simulation thread.
 */
public final class HorizontalPodAutoscaler {

    /**
     * @param behavior false for an HPA without {@code spec.behavior}: legacy normalization with the
     *                 controller's downscale stabilization ({@code scaleDown.stabilizationWindowSeconds})
     */
    public record Config(int minReplicas, int maxReplicas, int targetUtilizationPercent, Tolerance tolerance,
                         ScalingRules scaleUp, ScalingRules scaleDown, boolean behavior) {
        public static Config defaults(int minReplicas, int maxReplicas, int targetUtilizationPercent) {
            return new Config(minReplicas, maxReplicas, targetUtilizationPercent, Tolerance.DEFAULT,
                    ScalingRules.defaultScaleUp(), ScalingRules.defaultScaleDown(), true);
        }
    }

    /**
     * One reconcile, with its inputs.
     *
     * @param metric          the replica calculation, or null when it was skipped or failed
     * @param proposed        what the metric asked for (before stabilization)
     * @param stabilized      after the stabilization windows
     * @param desired         the final replica count
     * @param limitReason     Kubernetes' condition reason: DesiredWithinRange, ScaleUpLimit, ScaleDownLimit,
     *                        TooManyReplicas, TooFewReplicas, or the pre-check that decided
     * @param allowedMin      the lowest count the rate limits and minReplicas allowed
     * @param allowedMax      the highest count the rate limits and maxReplicas allowed
     * @param inputs          the raw inputs and intermediate values, by name, for the report: pod counts,
     *                        summed CPU usage and request in millicores, tolerances, ... (see {@link #inputs})
     */
    public record Decision(long timeNanos, int currentReplicas, HpaReplicaCalculator.Result metric, int proposed,
                           int stabilized, int desired, String limitReason, int allowedMin, int allowedMax,
                           String explanation, Map<String, Object> inputs) {
        public boolean rescale() {
            return desired != currentReplicas;
        }
    }

    private record Recommendation(int replicas, long timeNanos) {
    }

    private static final class ScaleEvent {
        int replicaChange;
        long timeNanos;
        boolean outdated;

        ScaleEvent(int replicaChange, long timeNanos) {
            this.replicaChange = replicaChange;
            this.timeNanos = timeNanos;
        }
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Config config;
    private final List<Recommendation> recommendations = new ArrayList<>();
    private final List<ScaleEvent> scaleUpEvents = new ArrayList<>();
    private final List<ScaleEvent> scaleDownEvents = new ArrayList<>();

    public HorizontalPodAutoscaler(Config config) {
        this.config = config;
    }

    /** New settings take effect at the next sync; the recommendation and event history is kept, as an HPA edit keeps it. */
    public void setConfig(Config config) {
        this.config = config;
    }

    /** One sync: {@code currentReplicas} is the scale target's spec.replicas; {@code pods} are its pods now. */
    public Decision reconcile(long nowNanos, int currentReplicas, List<PodMetrics> pods) {
        Decision preChecked = preCheck(nowNanos, currentReplicas, new CpuReading(null));
        if (preChecked != null) {
            return preChecked;
        }
        HpaReplicaCalculator.Result metric;
        try {
            metric = HpaReplicaCalculator.resourceReplicas(currentReplicas, config.targetUtilizationPercent(),
                    config.tolerance(), pods, nowNanos);
        } catch (HpaReplicaCalculator.NoMetricsException e) {
            return new Decision(nowNanos, currentReplicas, null, currentReplicas, currentReplicas, currentReplicas,
                    "FailedGetResourceMetric", currentReplicas, currentReplicas, "HPA: no change; " + e.getMessage(),
                    inputs(new CpuReading(null), currentReplicas, currentReplicas, "FailedGetResourceMetric",
                            currentReplicas, currentReplicas));
        }
        return normalize(nowNanos, currentReplicas, metric.replicas(), new CpuReading(metric));
    }

    /**
     * One sync on an External metric of target type AverageValue (what KEDA's scalers expose): the
     * proposal is {@link HpaReplicaCalculator#externalPerPodReplicas}, then the same pre-checks,
     * stabilization, rate limits and clamp as {@link #reconcile}. The config's
     * targetUtilizationPercent plays no part. The explanation calls the metric "lag".
     */
    public Decision reconcileExternal(long nowNanos, int currentReplicas, long metricTotal, long targetAverageValue) {
        return reconcileExternal(nowNanos, currentReplicas, metricTotal, targetAverageValue, "lag");
    }

    /** As {@link #reconcileExternal(long, int, long, long)}, naming the metric {@code metricName} ("lag", "messages"). */
    public Decision reconcileExternal(long nowNanos, int currentReplicas, long metricTotal, long targetAverageValue,
                                      String metricName) {
        Decision preChecked = preCheck(nowNanos, currentReplicas,
                new ExternalReading(metricName, metricTotal, targetAverageValue, null));
        if (preChecked != null) {
            return preChecked;
        }
        HpaReplicaCalculator.ExternalResult metric = HpaReplicaCalculator.externalPerPodReplicas(currentReplicas,
                metricTotal, targetAverageValue, config.tolerance());
        return normalize(nowNanos, currentReplicas, metric.replicas(),
                new ExternalReading(metricName, metricTotal, targetAverageValue, metric));
    }

    /**
     * horizontal.go's checks before any metric is read: a target scaled to zero by hand disables
     * autoscaling, and a count outside [minReplicas, maxReplicas] is brought inside. Null when none applies.
     */
    private Decision preCheck(long nowNanos, int currentReplicas, MetricReading reading) {
        if (recommendations.isEmpty()) {
            // The first reconcile seeds the window with the current size, so the HPA cannot scale down
            // within one stabilization window of starting.
            recommendations.add(new Recommendation(currentReplicas, nowNanos));
        }
        Config c = config;
        if (currentReplicas == 0 && c.minReplicas() != 0) {
            return new Decision(nowNanos, 0, null, 0, 0, 0, "ScalingDisabled", 0, 0,
                    "HPA: scaled to zero by hand; autoscaling is disabled", inputs(reading, 0, 0, "ScalingDisabled", 0, 0));
        }
        if (currentReplicas > c.maxReplicas()) {
            return record(nowNanos, currentReplicas, new Decision(nowNanos, currentReplicas, null, c.maxReplicas(),
                    c.maxReplicas(), c.maxReplicas(), "TooManyReplicas", c.minReplicas(), c.maxReplicas(),
                    String.format(Locale.ROOT, "HPA: %d replicas is above maxReplicas %d -> %d", currentReplicas,
                            c.maxReplicas(), c.maxReplicas()),
                    inputs(reading, c.maxReplicas(), c.maxReplicas(), "TooManyReplicas", c.minReplicas(), c.maxReplicas())));
        }
        if (currentReplicas < c.minReplicas()) {
            return record(nowNanos, currentReplicas, new Decision(nowNanos, currentReplicas, null, c.minReplicas(),
                    c.minReplicas(), c.minReplicas(), "TooFewReplicas", c.minReplicas(), c.maxReplicas(),
                    String.format(Locale.ROOT, "HPA: %d replicas is below minReplicas %d -> %d", currentReplicas,
                            c.minReplicas(), c.minReplicas()),
                    inputs(reading, c.minReplicas(), c.minReplicas(), "TooFewReplicas", c.minReplicas(), c.maxReplicas())));
        }
        return null;
    }

    /** normalizeDesiredReplicas(WithBehaviors), whichever metric proposed {@code metricReplicas}. */
    private Decision normalize(long nowNanos, int currentReplicas, int metricReplicas, MetricReading reading) {
        int proposed = Math.max(0, metricReplicas);
        Decision d = config.behavior()
                ? normalizeWithBehaviors(nowNanos, currentReplicas, proposed, reading)
                : normalizeLegacy(nowNanos, currentReplicas, proposed, reading);
        return record(nowNanos, currentReplicas, d);
    }

    private Decision record(long nowNanos, int currentReplicas, Decision d) {
        if (d.rescale() && config.behavior()) {
            storeScaleEvent(nowNanos, currentReplicas, d.desired());
        }
        return d;
    }

    // ------------------------------------------------------------------ with behavior

    private Decision normalizeWithBehaviors(long now, int current, int proposed, MetricReading reading) {
        Config c = config;
        long upCutoff = now - c.scaleUp().stabilizationWindowSeconds() * NANOS_PER_SECOND;
        long downCutoff = now - c.scaleDown().stabilizationWindowSeconds() * NANOS_PER_SECOND;
        int upRecommendation = proposed;
        int downRecommendation = proposed;
        int oldSample = -1;
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation rec = recommendations.get(i);
            if (rec.timeNanos() > upCutoff) {
                upRecommendation = Math.min(rec.replicas(), upRecommendation);
            }
            if (rec.timeNanos() > downCutoff) {
                downRecommendation = Math.max(rec.replicas(), downRecommendation);
            }
            if (rec.timeNanos() < upCutoff && rec.timeNanos() < downCutoff) {
                oldSample = i;
            }
        }
        int stabilized = current;
        if (stabilized < upRecommendation) {
            stabilized = upRecommendation;
        }
        if (stabilized > downRecommendation) {
            stabilized = downRecommendation;
        }
        // The unstabilized proposal is what is remembered, in the slot of a sample outside both windows.
        Recommendation fresh = new Recommendation(proposed, now);
        if (oldSample >= 0) {
            recommendations.set(oldSample, fresh);
        } else {
            recommendations.add(fresh);
        }

        int desired = stabilized;
        String reason = "DesiredWithinRange";
        int allowedMin = c.minReplicas();
        int allowedMax = c.maxReplicas();
        limitRule = "";
        if (stabilized > current) {
            int upLimit = Math.max(current, rateLimit(now, current, c.scaleUp(), true));
            allowedMax = Math.min(c.maxReplicas(), upLimit);
            String limiting = c.maxReplicas() > upLimit ? "ScaleUpLimit" : "TooManyReplicas";
            if (stabilized > allowedMax) {
                desired = allowedMax;
                reason = limiting;
            }
        } else if (stabilized < current) {
            int downLimit = Math.min(current, rateLimit(now, current, c.scaleDown(), false));
            allowedMin = Math.max(c.minReplicas(), downLimit);
            String limiting = c.minReplicas() < downLimit ? "ScaleDownLimit" : "TooFewReplicas";
            if (stabilized < allowedMin) {
                desired = allowedMin;
                reason = limiting;
            }
        }
        return new Decision(now, current, reading.cpu(), proposed, stabilized, desired, reason, allowedMin, allowedMax,
                explain(current, reading, proposed, stabilized, desired, reason, allowedMin, allowedMax),
                inputs(reading, proposed, stabilized, reason, allowedMin, allowedMax));
    }

    /**
     * Which rate-limit policy set the last limit, for the explanation: "4 pods per 15 s from 10", or
     * "scale-up disabled"; "" when no limit was computed.
     */
    private String limitRule = "";

    /**
     * calculateScaleUpLimitWithScalingRules ({@code up}) and calculateScaleDownLimitWithBehaviors:
     * each policy proposes a limit from the replicas at the start of its period, and selectPolicy
     * Min keeps the most cautious one (the smallest going up, the largest going down), Max the boldest.
     */
    private int rateLimit(long now, int current, ScalingRules rules, boolean up) {
        String direction = up ? "scale-up" : "scale-down";
        if (rules.selectPolicy() == ScalingRules.SelectPolicy.DISABLED) {
            limitRule = direction + " disabled by its selectPolicy";
            return current;
        }
        boolean smallest = (rules.selectPolicy() == ScalingRules.SelectPolicy.MIN) == up;
        int result = smallest ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        limitRule = "no " + direction + " policy";
        for (ScalingRules.Policy p : rules.policies()) {
            int periodStart = current - changeInPeriod(now, p.periodSeconds(), scaleUpEvents)
                    + changeInPeriod(now, p.periodSeconds(), scaleDownEvents);
            int proposed = up ? limitUp(p, periodStart) : limitDown(p, periodStart);
            int next = smallest ? Math.min(result, proposed) : Math.max(result, proposed);
            if (next != result) {
                limitRule = describe(p, periodStart, rules);
            }
            result = next;
        }
        return result;
    }

    private static int limitUp(ScalingRules.Policy p, int periodStart) {
        return p.type() == ScalingRules.PolicyType.PODS
                ? periodStart + p.value()
                // Rounded up, or a small target could never grow by a percentage.
                : (int) Math.ceil(periodStart * (1 + p.value() / 100.0));
    }

    private static int limitDown(ScalingRules.Policy p, int periodStart) {
        return p.type() == ScalingRules.PolicyType.PODS
                ? periodStart - p.value()
                : (int) (periodStart * (1 - p.value() / 100.0)); // int32() truncation, as in Go
    }

    /** "4 pods per 15 s from 10", and which of several policies it was. */
    private static String describe(ScalingRules.Policy p, int periodStart, ScalingRules rules) {
        String policy = p.type() == ScalingRules.PolicyType.PODS
                ? p.value() + (p.value() == 1 ? " pod" : " pods") + " per " + p.periodSeconds() + " s"
                : p.value() + "% per " + p.periodSeconds() + " s";
        String which = rules.policies().size() < 2 ? ""
                : rules.selectPolicy() == ScalingRules.SelectPolicy.MIN ? ", the least of its policies" : ", the most of its policies";
        return policy + " from " + periodStart + which;
    }

    /** getReplicasChangePerPeriod: events strictly newer than now - period. */
    private static int changeInPeriod(long now, int periodSeconds, List<ScaleEvent> events) {
        long cutoff = now - periodSeconds * NANOS_PER_SECOND;
        int replicas = 0;
        for (ScaleEvent e : events) {
            if (e.timeNanos > cutoff) {
                replicas += e.replicaChange;
            }
        }
        return replicas;
    }

    /** storeScaleEvent: reuse a slot older than the longest policy period. */
    private void storeScaleEvent(long now, int previous, int next) {
        boolean up = next > previous;
        List<ScaleEvent> events = up ? scaleUpEvents : scaleDownEvents;
        long longest = (up ? config.scaleUp() : config.scaleDown()).longestPeriodSeconds() * NANOS_PER_SECOND;
        for (ScaleEvent e : events) {
            if (e.timeNanos <= now - longest) {
                e.outdated = true;
            }
        }
        int change = Math.abs(next - previous);
        for (ScaleEvent e : events) {
            if (e.outdated) {
                e.replicaChange = change;
                e.timeNanos = now;
                e.outdated = false;
                return;
            }
        }
        events.add(new ScaleEvent(change, now));
    }

    // ------------------------------------------------------------------ legacy (no behavior)

    private Decision normalizeLegacy(long now, int current, int proposed, MetricReading reading) {
        Config c = config;
        long cutoff = now - c.scaleDown().stabilizationWindowSeconds() * NANOS_PER_SECOND;
        int max = proposed;
        int oldSample = -1;
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation rec = recommendations.get(i);
            if (rec.timeNanos() < cutoff) {
                oldSample = i;
            } else if (rec.replicas() > max) {
                max = rec.replicas();
            }
        }
        Recommendation fresh = new Recommendation(proposed, now);
        if (oldSample >= 0) {
            recommendations.set(oldSample, fresh);
        } else {
            recommendations.add(fresh);
        }
        int stabilized = max;
        // Legacy rate limit: never more than double (at least 4) in one step, against bogus usage reports.
        int scaleUpLimit = (int) Math.max(2.0 * current, 4.0);
        limitRule = "at most max(2 x " + current + ", 4) without behavior";
        int allowedMax = Math.min(c.maxReplicas(), scaleUpLimit);
        String limiting = c.maxReplicas() > scaleUpLimit ? "ScaleUpLimit" : "TooManyReplicas";
        int desired = stabilized;
        String reason = "DesiredWithinRange";
        if (stabilized < c.minReplicas()) {
            desired = c.minReplicas();
            reason = "TooFewReplicas";
        } else if (stabilized > allowedMax) {
            desired = allowedMax;
            reason = limiting;
        }
        return new Decision(now, current, reading.cpu(), proposed, stabilized, desired, reason, c.minReplicas(), allowedMax,
                explain(current, reading, proposed, stabilized, desired, reason, c.minReplicas(), allowedMax),
                inputs(reading, proposed, stabilized, reason, c.minReplicas(), allowedMax));
    }

    // ------------------------------------------------------------------ inputs and explanation

    /** The metric side of a decision: its inputs for the report and the start of its explanation. */
    private sealed interface MetricReading permits CpuReading, ExternalReading {
        /** The CPU calculation, for {@link Decision#metric}; null for an External metric or before any calculation. */
        HpaReplicaCalculator.Result cpu();

        /** Puts the metric's own inputs, first in the map. */
        void putInputs(Map<String, Object> in, Config c);

        /** The explanation up to the proposal: the metric, its ratio and the tolerance verdict. */
        void describe(StringBuilder s, int current, Config c);
    }

    /**
     * The CPU Utilization target: the target, then the pod counts (ready, unready, missing, ignored),
     * CPU usage and request in millicores summed over the ready pods with a metric, the integer
     * utilization and the ratio to the target.
     */
    private record CpuReading(HpaReplicaCalculator.Result m) implements MetricReading {
        @Override
        public HpaReplicaCalculator.Result cpu() {
            return m;
        }

        @Override
        public void putInputs(Map<String, Object> in, Config c) {
            in.put("targetUtilizationPercent", c.targetUtilizationPercent());
            if (m != null) {
                in.put("readyPods", m.readyPodCount());
                in.put("unreadyPods", m.unready().size());
                in.put("missingPods", m.missing().size());
                in.put("ignoredPods", m.ignored().size());
                in.put("cpuUsageMillicores", m.usageMillicores());
                in.put("cpuRequestMillicores", m.requestMillicores());
                in.put("utilizationPercent", m.utilizationPercent());
                in.put("usageRatio", m.usageRatio());
                if (!Double.isNaN(m.newUsageRatio())) {
                    in.put("filledInUsageRatio", m.newUsageRatio());
                }
                in.put("calculation", m.reason());
            }
        }

        @Override
        public void describe(StringBuilder s, int current, Config c) {
            s.append(String.format(Locale.ROOT, "HPA: ready %d of %d, CPU %d%% vs %d%% -> ratio %.2f", m.readyPodCount(),
                    current, m.utilizationPercent(), c.targetUtilizationPercent(), m.usageRatio()));
            if (!m.unready().isEmpty() || !m.missing().isEmpty()) {
                s.append(String.format(Locale.ROOT, " (%d unready, %d missing", m.unready().size(), m.missing().size()));
                if (!Double.isNaN(m.newUsageRatio())) {
                    s.append(String.format(Locale.ROOT, "; filled in -> %.2f", m.newUsageRatio()));
                }
                s.append(')');
            }
            if (m.reason().startsWith("within tolerance")) {
                s.append(withinTolerance(c));
            } else if (m.reason().contains("reverse")) {
                s.append(" -> no change: ").append(m.reason());
            }
        }
    }

    /**
     * An External metric of target type AverageValue: its name, the total, the target per replica,
     * then the ratio total / (target x current) that the tolerance judges.
     *
     * @param m the calculation, or null when a pre-check decided before it
     */
    private record ExternalReading(String metricName, long metricTotal, long targetAverageValue,
                                   HpaReplicaCalculator.ExternalResult m) implements MetricReading {
        @Override
        public HpaReplicaCalculator.Result cpu() {
            return null;
        }

        @Override
        public void putInputs(Map<String, Object> in, Config c) {
            in.put("metric", metricName);
            in.put("metricTotal", metricTotal);
            in.put("targetAverageValue", targetAverageValue);
            if (m != null) {
                in.put("usageRatio", m.usageRatio());
                in.put("calculation", m.reason());
            }
        }

        @Override
        public void describe(StringBuilder s, int current, Config c) {
            s.append(String.format(Locale.ROOT, "HPA: %s %d / target %d per consumer = %.2f, ratio %.2f at %d %s",
                    metricName, metricTotal, targetAverageValue, metricTotal / (double) targetAverageValue,
                    m.usageRatio(), current, current == 1 ? "consumer" : "consumers"));
            if (m.withinTolerance()) {
                s.append(withinTolerance(c));
            }
        }
    }

    private static String withinTolerance(Config c) {
        return String.format(Locale.ROOT, " within tolerance [%.2f, %.2f]", 1 - c.tolerance().scaleDown(),
                1 + c.tolerance().scaleUp());
    }

    /**
     * The decision's inputs by name, in a fixed order, for the report: the metric's own (see
     * {@link CpuReading} and {@link ExternalReading}), the per-direction tolerances, then the
     * proposal, the stabilized value, the bounds the rate limits and min/maxReplicas allowed, and
     * Kubernetes' condition reason.
     */
    private Map<String, Object> inputs(MetricReading reading, int proposed, int stabilized, String reason,
                                       int allowedMin, int allowedMax) {
        Config c = config;
        Map<String, Object> in = new LinkedHashMap<>();
        reading.putInputs(in, c);
        in.put("scaleUpTolerance", c.tolerance().scaleUp());
        in.put("scaleDownTolerance", c.tolerance().scaleDown());
        in.put("proposedReplicas", proposed);
        in.put("stabilizedReplicas", stabilized);
        in.put("minReplicas", c.minReplicas());
        in.put("maxReplicas", c.maxReplicas());
        in.put("allowedMinReplicas", allowedMin);
        in.put("allowedMaxReplicas", allowedMax);
        in.put("limitReason", reason);
        return Collections.unmodifiableMap(in);
    }

    private String explain(int current, MetricReading reading, int proposed, int stabilized, int desired,
                           String reason, int allowedMin, int allowedMax) {
        StringBuilder s = new StringBuilder();
        reading.describe(s, current, config);
        s.append(" -> desired ").append(proposed);
        if (stabilized < proposed) {
            // The lowest recommendation of the scale-up window: a scale-up waits for a sustained need.
            s.append(String.format(Locale.ROOT, "; scale-up stabilization over %d s keeps %d",
                    config.scaleUp().stabilizationWindowSeconds(), stabilized));
        } else if (stabilized > proposed && stabilized <= current) {
            // The highest recommendation of the scale-down window: a scale-down waits, or is smaller.
            s.append(String.format(Locale.ROOT, "; scale-down stabilization over %d s keeps %d",
                    config.scaleDown().stabilizationWindowSeconds(), stabilized));
        } else if (stabilized > proposed) {
            // Without behavior the window's highest recommendation is taken even above the current
            // count (Kubernetes' ScaleDownStabilized): an earlier, larger proposal still stands.
            s.append(String.format(Locale.ROOT, "; a recommendation of %d within the last %d s stands "
                            + "(without behavior the highest recent recommendation is taken)", stabilized,
                    config.scaleDown().stabilizationWindowSeconds()));
        }
        String rule = limitRule.isEmpty() ? "" : " (" + limitRule + ")";
        switch (reason) {
            case "ScaleUpLimit":
                s.append(String.format(Locale.ROOT, "; scale-up limit allows %d%s -> %d", allowedMax, rule, desired));
                break;
            case "ScaleDownLimit":
                s.append(String.format(Locale.ROOT, "; scale-down limit allows %d%s -> %d", allowedMin, rule, desired));
                break;
            case "TooManyReplicas":
                s.append(String.format(Locale.ROOT, "; maxReplicas %d -> %d", allowedMax, desired));
                break;
            case "TooFewReplicas":
                s.append(String.format(Locale.ROOT, "; minReplicas %d -> %d", allowedMin, desired));
                break;
            default:
                if (desired != current) {
                    s.append(" -> ").append(desired);
                }
        }
        if (desired == current) {
            s.append(" (no change)");
        }
        return s.toString();
    }
}
