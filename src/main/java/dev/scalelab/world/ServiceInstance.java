package dev.scalelab.world;

import dev.scalelab.engine.balancing.Backend;

import java.util.ArrayDeque;

/**
 * One service instance: W workers in front of a FIFO queue of capacity Q. Confined to the
 * simulation thread.
 */
final class ServiceInstance implements Backend {

    enum State { READY, DRAINING }

    final int number;
    final String id;
    State state = State.READY;
    int workers;
    int queueCapacity;
    int busy;
    final ArrayDeque<Request> queue = new ArrayDeque<>();

    long routed;
    long completed;
    long rejected;

    /** Integral of busy workers over time (worker-nanoseconds), for utilization. */
    private long busyWorkerNanos;
    private long lastChangeNanos;
    private long busyAtLastSample;
    private long sampleStartNanos;
    double lastUtilization;

    ServiceInstance(int number, int workers, int queueCapacity, long nowNanos) {
        this.number = number;
        this.id = "i-" + number;
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        this.lastChangeNanos = nowNanos;
        this.sampleStartNanos = nowNanos;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean acceptsTraffic() {
        return state == State.READY;
    }

    @Override
    public int activeRequests() {
        return busy + queue.size();
    }

    void busyChanged(long nowNanos, int delta) {
        busyWorkerNanos += (long) busy * (nowNanos - lastChangeNanos);
        lastChangeNanos = nowNanos;
        busy += delta;
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
}
