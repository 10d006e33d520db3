package dev.scalelab.engine.balancing;

import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.SplittableRandom;

/** A FIFO single server with exponential service, its own departure event, for queueing tests. */
final class FifoServer implements Backend, Event {

    interface Departure {
        void departed(FifoServer server, long arrivedNanos);
    }

    private final String id;
    private final double meanServiceSeconds;
    private final Simulation sim;
    private final SplittableRandom serviceRandom;
    private final Departure departure;
    private long[] arrivals = new long[64];
    private int head;
    private int size;
    long served;

    FifoServer(String id, double meanServiceSeconds, Simulation sim, SplittableRandom serviceRandom, Departure departure) {
        this.id = id;
        this.meanServiceSeconds = meanServiceSeconds;
        this.sim = sim;
        this.serviceRandom = serviceRandom;
        this.departure = departure;
    }

    static long exponentialNanos(SplittableRandom random, double meanSeconds) {
        return Math.round(-meanSeconds * Math.log(1.0 - random.nextDouble()) * 1e9);
    }

    void arrive(long nowNanos) {
        if (size == arrivals.length) {
            long[] grown = new long[2 * size];
            for (int j = 0; j < size; j++) {
                grown[j] = arrivals[(head + j) % size];
            }
            arrivals = grown;
            head = 0;
        }
        arrivals[(head + size++) % arrivals.length] = nowNanos;
        if (size == 1) {
            sim.scheduleIn(exponentialNanos(serviceRandom, meanServiceSeconds), this);
        }
    }

    @Override
    public void fire() {
        long arrivedNanos = arrivals[head];
        head = (head + 1) % arrivals.length;
        size--;
        served++;
        if (size > 0) {
            sim.scheduleIn(exponentialNanos(serviceRandom, meanServiceSeconds), this);
        }
        departure.departed(this, arrivedNanos);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean acceptsTraffic() {
        return true;
    }

    @Override
    public int activeRequests() {
        return size;
    }
}
