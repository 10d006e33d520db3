package dev.scalelab.engine.scaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes HPA's replica calculation for a CPU Utilization target, following
 * {@code replica_calculator.go} (GetResourceReplicas, groupPods; and GetExternalPerPodMetricReplicas
 * for the External metrics KEDA serves) and {@code metrics/utilization.go}:
 * utilization is floor(100 x sum(usage) / sum(requests)) in integer arithmetic, the multiplier is
 * the ready pod count, and unready or missing pods are filled in pessimistically before a second
 * pass. A pure function of its inputs.
 */
public final class HpaReplicaCalculator {
    /** --horizontal-pod-autoscaler-cpu-initialization-period, default 5 min. */
    public static final long CPU_INITIALIZATION_PERIOD_NANOS = 300_000_000_000L;
    /** --horizontal-pod-autoscaler-initial-readiness-delay, default 30 s. */
    public static final long INITIAL_READINESS_DELAY_NANOS = 30_000_000_000L;

    private HpaReplicaCalculator() {
    }

    /**
     * The outcome and every input that led to it, for the decision log.
     *
     * @param replicas             the proposal (current when within tolerance)
     * @param utilizationPercent   the utilization of ready pods with metrics, as the status reports it
     * @param usageRatio           utilization / target, first pass
     * @param newUsageRatio        after filling unready and missing pods, or NaN when no second pass ran
     * @param readyPodCount        pods counted as ready
     * @param unready              pods whose metrics were set aside as unready
     * @param missing              running pods without a metric
     * @param ignored              deleting or failed pods
     * @param reason               why this value: "within tolerance", "scale", "direction flipped", ...
     * @param usageMillicores      CPU used, summed over the ready pods with a metric (the first pass)
     * @param requestMillicores    CPU requested, summed over the same pods: utilizationPercent is
     *                             floor(100 x usageMillicores / requestMillicores)
     */
    public record Result(int replicas, int utilizationPercent, double usageRatio, double newUsageRatio,
                         int readyPodCount, List<String> unready, List<String> missing, List<String> ignored,
                         String reason, long usageMillicores, long requestMillicores) {
    }

    /** Thrown when there is nothing to compute from, as the HPA's "did not receive metrics" error. */
    public static final class NoMetricsException extends RuntimeException {
        public NoMetricsException(String message) {
            super(message);
        }
    }

    public static Result resourceReplicas(int currentReplicas, int targetUtilizationPercent, Tolerance tolerance,
                                          List<PodMetrics> pods, long nowNanos) {
        if (pods.isEmpty()) {
            throw new NoMetricsException("no pods returned by selector while calculating replica count");
        }
        int readyPodCount = 0;
        List<String> unready = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        // Metrics and requests of the pods that count, by name, in pod order (ratios are sums: order is irrelevant).
        Map<String, Long> metrics = new LinkedHashMap<>();
        Map<String, Long> requests = new LinkedHashMap<>();
        for (PodMetrics pod : pods) {
            requests.put(pod.name(), pod.requestMillicores());
            if (pod.ignored()) {
                ignored.add(pod.name());
                continue;
            }
            if (pod.pending()) {
                unready.add(pod.name());
                continue;
            }
            if (!pod.hasMetric()) {
                missing.add(pod.name());
                continue;
            }
            if (isUnreadyForCpu(pod, nowNanos)) {
                unready.add(pod.name());
                continue;
            }
            metrics.put(pod.name(), pod.usageMillicores());
            readyPodCount++;
        }
        if (metrics.isEmpty()) {
            throw new NoMetricsException("did not receive metrics for targeted pods (pods might be unready)");
        }
        long[] first = utilization(metrics, requests);
        int utilization = (int) first[0];
        double usageRatio = utilization / (double) targetUtilizationPercent;

        boolean scaleUpWithUnready = !unready.isEmpty() && usageRatio > 1.0;
        if (!scaleUpWithUnready && missing.isEmpty()) {
            if (tolerance.isWithin(usageRatio)) {
                return new Result(currentReplicas, utilization, usageRatio, Double.NaN, readyPodCount, unready, missing,
                        ignored, "within tolerance", first[2], first[3]);
            }
            return new Result((int) Math.ceil(usageRatio * readyPodCount), utilization, usageRatio, Double.NaN,
                    readyPodCount, unready, missing, ignored, "scale", first[2], first[3]);
        }

        if (!missing.isEmpty()) {
            if (usageRatio < 1.0) {
                // On a scale-down, a missing pod counts as using 100% of its request (or the target if higher).
                long fallbackPercent = Math.max(100, targetUtilizationPercent);
                for (String name : missing) {
                    metrics.put(name, requests.get(name) * fallbackPercent / 100);
                }
            } else if (usageRatio > 1.0) {
                // On a scale-up, a missing pod counts as using nothing.
                for (String name : missing) {
                    metrics.put(name, 0L);
                }
            }
        }
        if (scaleUpWithUnready) {
            for (String name : unready) {
                metrics.put(name, 0L);
            }
        }
        long[] second = utilization(metrics, requests);
        double newUsageRatio = second[0] / (double) targetUtilizationPercent;
        if (tolerance.isWithin(newUsageRatio)) {
            return new Result(currentReplicas, utilization, usageRatio, newUsageRatio, readyPodCount, unready, missing,
                    ignored, "within tolerance after filling in unready and missing pods", first[2], first[3]);
        }
        if ((usageRatio < 1.0 && newUsageRatio > 1.0) || (usageRatio > 1.0 && newUsageRatio < 1.0)) {
            return new Result(currentReplicas, utilization, usageRatio, newUsageRatio, readyPodCount, unready, missing,
                    ignored, "filling in unready and missing pods would reverse the direction", first[2], first[3]);
        }
        int newReplicas = (int) Math.ceil(newUsageRatio * metrics.size());
        if ((newUsageRatio < 1.0 && newReplicas > currentReplicas) || (newUsageRatio > 1.0 && newReplicas < currentReplicas)) {
            return new Result(currentReplicas, utilization, usageRatio, newUsageRatio, readyPodCount, unready, missing,
                    ignored, "the pod count would reverse the direction", first[2], first[3]);
        }
        return new Result(newReplicas, utilization, usageRatio, newUsageRatio, readyPodCount, unready, missing, ignored,
                "scale, with unready and missing pods filled in", first[2], first[3]);
    }

    /**
     * The outcome of an External metric with an AverageValue target.
     *
     * @param replicas        the proposal (current when within tolerance)
     * @param usageRatio      metricTotal / (targetAverageValue x currentReplicas), what the tolerance judges
     * @param withinTolerance whether the ratio fell inside the tolerance, so the proposal is the current count
     * @param reason          "within tolerance" or "scale"
     */
    public record ExternalResult(int replicas, double usageRatio, boolean withinTolerance, String reason) {
    }

    /**
     * {@code GetExternalPerPodMetricReplicas}: the metric's total is divided among the replicas, so
     * the ratio is total / (target x current) and the proposal, outside the tolerance, is
     * ceil(total / target), which does not depend on how many replicas there are now. With no
     * replica the ratio is infinite (or NaN for a zero total), never within tolerance, as in Go's
     * float division.
     */
    public static ExternalResult externalPerPodReplicas(int currentReplicas, long metricTotal, long targetAverageValue,
                                                        Tolerance tolerance) {
        double usageRatio = metricTotal / ((double) targetAverageValue * currentReplicas);
        if (tolerance.isWithin(usageRatio)) {
            return new ExternalResult(currentReplicas, usageRatio, true, "within tolerance");
        }
        int replicas = (int) Math.ceil(metricTotal / (double) targetAverageValue);
        return new ExternalResult(replicas, usageRatio, false, "scale");
    }

    /** groupPods' CPU rule for a running pod with a metric. */
    static boolean isUnreadyForCpu(PodMetrics pod, long nowNanos) {
        if (pod.readyTransitionNanos() < 0 || pod.startNanos() < 0) {
            return true; // no Ready condition or no start time
        }
        if (pod.startNanos() + CPU_INITIALIZATION_PERIOD_NANOS > nowNanos) {
            // Still initializing: unready, or its sample began before it became Ready.
            return !pod.ready() || pod.metricTimestampNanos() < pod.readyTransitionNanos() + pod.metricWindowNanos();
        }
        // Past initialization: only a pod that has never been Ready is set aside.
        return !pod.ready() && pod.startNanos() + INITIAL_READINESS_DELAY_NANOS > pod.readyTransitionNanos();
    }

    /** {utilization percent (integer division), raw average, usage sum, request sum} over pods that have a request. */
    private static long[] utilization(Map<String, Long> metrics, Map<String, Long> requests) {
        long metricsTotal = 0;
        long requestsTotal = 0;
        int entries = 0;
        for (Map.Entry<String, Long> e : metrics.entrySet()) {
            Long request = requests.get(e.getKey());
            if (request == null) {
                continue;
            }
            metricsTotal += e.getValue();
            requestsTotal += request;
            entries++;
        }
        if (requestsTotal == 0) {
            throw new NoMetricsException("no metrics returned matched known pods");
        }
        return new long[] {metricsTotal * 100 / requestsTotal, metricsTotal / entries, metricsTotal, requestsTotal};
    }
}
