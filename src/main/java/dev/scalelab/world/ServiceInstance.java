package dev.scalelab.world;

import dev.scalelab.engine.balancing.Backend;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.Lifecycle;

import java.util.ArrayDeque;

/**
 * One service instance: W workers in front of a FIFO queue of capacity Q, with a lifecycle and a
 * size. Confined to the simulation thread.
 */
final class ServiceInstance implements Backend {
    private static final double NANOS_PER_HOUR = 3600e9;

    final int number;
    final String id;
    final InstanceSize size;
    final long createdNanos;
    Lifecycle lifecycle;
    int workers;
    int queueCapacity;
    int busy;
    final ArrayDeque<Request> queue = new ArrayDeque<>();
    /** Gray failure or heterogeneous hardware: the fraction of normal speed this instance serves at. */
    double speedFactor = 1;
    /** Fraction of its requests the instance answers with an error (a bad deploy, a broken disk). */
    double errorRate;
    /** Balancing weight (nginx weight=, Envoy load_balancing_weight). */
    double weight = 1;
    /** Its heap and object pool, or null when the scenario gives instances neither. */
    RuntimeInstance runtime;
    /** Whether the balancer may pick it: ready, and neither ejected nor failing health checks (unless in panic). */
    boolean routable;

    /** When the current phase (provisioning, booting, warm-up) started and ends, for progress bars. */
    long phaseStartNanos;
    long phaseEndNanos;
    /** Container start (Kubernetes pod startTime), -1 before it runs. */
    long runningSinceNanos = -1;
    /** Last transition of the Ready condition, -1 before it has one. */
    long readyTransitionNanos = -1;
    long readySinceNanos = -1;
    long endedNanos = -1;

    long routed;
    long completed;
    long rejected;

    /** Requests in their CPU stage: a worker waiting on the cache, database or a dependency uses no CPU. */
    int cpuBusy;
    private long cpuBusyNanos;
    private long lastCpuChangeNanos;

    /** Integral of busy workers over time (worker-nanoseconds), for utilization. */
    private long busyWorkerNanos;
    private long lastChangeNanos;
    private long busyAtLastSample;
    private long sampleStartNanos;
    double lastUtilization;

    // The metrics pipeline's latest CPU sample (metrics-server), -1 before the first.
    long metricTimestampNanos = -1;
    long metricWindowNanos;
    long metricUsageMillicores;
    private long busyAtLastScrape;
    private long lastScrapeNanos;
    // The vertical scaler's last look.
    private long busyAtLastVertical;
    private long lastVerticalNanos;

    ServiceInstance(int number, InstanceSize size, int workers, int queueCapacity, Lifecycle lifecycle, long nowNanos) {
        this.number = number;
        this.id = "i-" + number;
        this.size = size;
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        this.lifecycle = lifecycle;
        this.createdNanos = nowNanos;
        this.lastChangeNanos = nowNanos;
        this.lastCpuChangeNanos = nowNanos;
        this.sampleStartNanos = nowNanos;
        this.lastScrapeNanos = nowNanos;
        this.lastVerticalNanos = nowNanos;
        this.phaseStartNanos = nowNanos;
        this.phaseEndNanos = nowNanos;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean acceptsTraffic() {
        return routable;
    }

    @Override
    public double weight() {
        return weight;
    }

    @Override
    public int activeRequests() {
        return busy + queue.size();
    }

    boolean isActive() {
        return lifecycle.isActive();
    }

    /** Speed now: gray failure times warm-up (half speed when just ready, rising linearly to full). */
    double speed(long nowNanos) {
        double warm = 1;
        if (lifecycle == Lifecycle.READY && nowNanos < phaseEndNanos && phaseEndNanos > phaseStartNanos) {
            warm = 0.5 + 0.5 * (nowNanos - phaseStartNanos) / (double) (phaseEndNanos - phaseStartNanos);
        }
        return speedFactor * warm;
    }

    boolean warmingUp(long nowNanos) {
        return lifecycle == Lifecycle.READY && nowNanos < phaseEndNanos;
    }

    /** Progress through provisioning, booting or warm-up, 0 to 1; 1 outside those phases. */
    double progress(long nowNanos) {
        if (phaseEndNanos <= phaseStartNanos || nowNanos >= phaseEndNanos) {
            return 1;
        }
        return Math.max(0, (nowNanos - phaseStartNanos) / (double) (phaseEndNanos - phaseStartNanos));
    }

    void enterPhase(Lifecycle next, long nowNanos, long durationNanos) {
        lifecycle = next;
        phaseStartNanos = nowNanos;
        phaseEndNanos = nowNanos + durationNanos;
    }

    /** Dollars spent on this instance so far: from provisioning until it is gone. */
    double costDollars(long nowNanos) {
        long end = endedNanos >= 0 ? endedNanos : nowNanos;
        return size.costPerHour() * (end - createdNanos) / NANOS_PER_HOUR;
    }

    void busyChanged(long nowNanos, int delta) {
        busyWorkerNanos += (long) busy * (nowNanos - lastChangeNanos);
        lastChangeNanos = nowNanos;
        busy += delta;
    }

    void cpuChanged(long nowNanos, int delta) {
        cpuBusyNanos += (long) cpuBusy * (nowNanos - lastCpuChangeNanos);
        lastCpuChangeNanos = nowNanos;
        cpuBusy += delta;
    }

    /** Integral of workers on CPU over time: what CPU usage (and so the HPA) sees. */
    long cpuBusyNanos(long nowNanos) {
        return cpuBusyNanos + (long) cpuBusy * (nowNanos - lastCpuChangeNanos);
    }

    long busyWorkerNanos(long nowNanos) {
        return busyWorkerNanos + (long) busy * (nowNanos - lastChangeNanos);
    }

    /** Utilization (busy workers / workers) since the previous sample. */
    double sampleUtilization(long nowNanos) {
        long total = busyWorkerNanos(nowNanos);
        long span = nowNanos - sampleStartNanos;
        lastUtilization = span <= 0 ? 0 : (total - busyAtLastSample) / ((double) span * workers);
        busyAtLastSample = total;
        sampleStartNanos = nowNanos;
        return lastUtilization;
    }

    /**
     * A metrics-server scrape: CPU used over the window since the last scrape, where a worker in its
     * CPU stage uses its share (vCPUs / workers) of the instance's CPU. A container that has run for less than
     * a full window yet has no sample: the HPA sees it as missing.
     */
    void scrape(long nowNanos, long windowNanos) {
        long total = cpuBusyNanos(nowNanos);
        long span = nowNanos - lastScrapeNanos;
        if (runningSinceNanos >= 0 && nowNanos - runningSinceNanos >= windowNanos && span > 0) {
            double fraction = (total - busyAtLastScrape) / ((double) span * workers);
            metricUsageMillicores = Math.round(fraction * size.millicores());
            metricTimestampNanos = nowNanos;
            metricWindowNanos = span;
        }
        busyAtLastScrape = total;
        lastScrapeNanos = nowNanos;
    }

    /** Cores used since the vertical scaler last looked. */
    double coresSinceLastVertical(long nowNanos) {
        long total = cpuBusyNanos(nowNanos);
        long span = nowNanos - lastVerticalNanos;
        double cores = span <= 0 ? 0 : (total - busyAtLastVertical) / ((double) span * workers) * size.vcpus();
        busyAtLastVertical = total;
        lastVerticalNanos = nowNanos;
        return cores;
    }
}
