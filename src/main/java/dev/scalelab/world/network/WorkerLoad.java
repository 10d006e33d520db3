package dev.scalelab.world.network;

/**
 * A service's workers over time: busy workers and workers integrated over time (the time-average ρ
 * the report gives; a watcher reads them after a tick), and by Little's law the workers its arrivals
 * would keep busy. The service brings the integrals up to date before each change of its counts.
 */
final class WorkerLoad {
    /** Busy workers and workers, integrated over time, in worker-nanoseconds. */
    double busyWorkerNanos;
    double workerNanos;
    private long sinceNanos;
    /** Busy worker-seconds and finished requests at the last tick: the hold time per request over the last second. */
    private double busyAtTick;
    private long finishedAtTick;
    /** The workers the arrivals of the last seconds would keep busy (arrivals x hold time), smoothed; NaN before any. */
    double demandWorkers = Double.NaN;

    /** Brings the integrals up to {@code nowNanos}, with {@code busy} of {@code workers} busy since the last call. */
    void advance(long nowNanos, int busy, int workers) {
        busyWorkerNanos += (double) busy * (nowNanos - sinceNanos);
        workerNanos += (double) workers * (nowNanos - sinceNanos);
        sinceNanos = nowNanos;
    }

    /**
     * A simulated second's end (the integrals brought up to now): {@code finished} requests freed their
     * worker since t = 0, and {@code arrivalsPerSecond} arrived in the last second.
     */
    void second(long finished, double arrivalsPerSecond) {
        double busy = busyWorkerNanos / 1e9;
        long done = finished - finishedAtTick;
        if (done > 0) {
            // Little's law over the last second: the time each finished request held a worker, times every arrival.
            double holdSeconds = (busy - busyAtTick) / done;
            double demand = arrivalsPerSecond * holdSeconds;
            demandWorkers = Double.isNaN(demandWorkers) ? demand : demandWorkers + 0.2 * (demand - demandWorkers);
        }
        busyAtTick = busy;
        finishedAtTick = finished;
    }

    /** Busy workers over workers, averaged over the run so far (the integrals brought up to now). */
    double meanUtilisation() {
        return workerNanos == 0 ? 0 : busyWorkerNanos / workerNanos;
    }

    /** Busy workers, averaged over the run to {@code nowNanos} (the integrals brought up to it). */
    double meanBusyWorkers(long nowNanos) {
        return nowNanos == 0 ? 0 : busyWorkerNanos / nowNanos;
    }
}
