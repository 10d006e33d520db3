package dev.scalelab.engine.scaling;

import java.util.List;

/**
 * What a horizontal policy sees at one sync.
 *
 * @param specReplicas          the replica count the pool is asked to keep (Kubernetes spec.replicas)
 * @param pods                  every instance, as the HPA's metrics pipeline sees it
 * @param p95LatencyMs          response time p95 over the last sync period (NaN with no completions)
 * @param queuedPerReadyInstance requests waiting, averaged over ready instances
 */
public record ScalingInputs(long nowNanos, int specReplicas, List<PodMetrics> pods, double p95LatencyMs,
                            double queuedPerReadyInstance) {

    public int readyCount() {
        int n = 0;
        for (PodMetrics p : pods) {
            if (p.lifecycle() == Lifecycle.READY) {
                n++;
            }
        }
        return n;
    }

    /** Summed usage over summed requests of ready pods with a metric, as a fraction; NaN when there are none. */
    public double readyCpuUtilization() {
        long usage = 0;
        long requests = 0;
        for (PodMetrics p : pods) {
            if (p.lifecycle() == Lifecycle.READY && p.hasMetric()) {
                usage += p.usageMillicores();
                requests += p.requestMillicores();
            }
        }
        return requests == 0 ? Double.NaN : usage / (double) requests;
    }
}
