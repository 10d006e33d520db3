package dev.scalelab.engine.scaling;

/**
 * What the HPA's replica calculator sees of one pod at a sync: its phase and Ready condition, and
 * the CPU sample the metrics pipeline holds for it, if any. Times are virtual nanoseconds.
 *
 * @param startNanos              when the container started running (pod.status.startTime); -1 if not yet
 * @param readyTransitionNanos    last transition time of the Ready condition; -1 if it has none
 * @param metricTimestampNanos    end of the CPU sample's window, or -1 if there is no sample (missing)
 * @param metricWindowNanos       the sample's window length
 * @param usageMillicores         CPU used, averaged over the window
 * @param requestMillicores       CPU requested (the instance size's vCPUs)
 */
public record PodMetrics(String name, Lifecycle lifecycle, boolean ready, long startNanos, long readyTransitionNanos,
                         long metricTimestampNanos, long metricWindowNanos, long usageMillicores,
                         long requestMillicores) {

    public boolean hasMetric() {
        return metricTimestampNanos >= 0;
    }

    /** Pending in Kubernetes terms: scheduled but no container running yet. */
    public boolean pending() {
        return lifecycle == Lifecycle.PROVISIONING;
    }

    /** Has a deletion timestamp or failed: the HPA ignores it entirely. */
    public boolean ignored() {
        return lifecycle == Lifecycle.DRAINING || lifecycle == Lifecycle.FAILED || lifecycle == Lifecycle.TERMINATED;
    }
}
