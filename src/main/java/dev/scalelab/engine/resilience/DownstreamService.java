package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A dependency behind the mesh: instances x workers servers in front of one FIFO queue (an M/G/c
 * queue with capacity), a service-time distribution and an error rate, plus faults injected for a
 * window of time ({@link Fault}). The queue is bounded, so memory is too; a call that finds it full
 * is shed with an error after the connect time, as an overloaded server answering 503.
 *
 * <p>Answers always arrive from a scheduled event, never from inside {@link #submit}. A call the
 * caller has given up on (a timeout) is still served: the dependency cannot tell, which is the
 * wasted work of timeouts and retries. Confined to the simulation thread.
 */
public final class DownstreamService implements Callee {

    /** Receives the answer to one call. */
    @FunctionalInterface
    public interface ResponseHandler {
        void onResponse(boolean success);
    }

    private final Simulation sim;
    private final DependencyConfig config;
    private final SplittableRandom random;
    private final long connectNanos;
    private final ArrayDeque<ResponseHandler> queue = new ArrayDeque<>();
    private final List<ScheduledFault> faults = new ArrayList<>();
    private int busyWorkers;

    private long served;
    private long errors;
    private long shed;
    private long lostToOutage;

    /** @param random this dependency's own stream (service times, errors) */
    public DownstreamService(Simulation sim, DependencyConfig config, SplittableRandom random) {
        this.sim = sim;
        this.config = config;
        this.random = random;
        this.connectNanos = Simulation.millisToNanos(config.connectMillis());
    }

    @Override
    public String name() {
        return config.name();
    }

    /** One call arrives; {@code handler} hears the answer later. */
    @Override
    public void submit(long requestId, ResponseHandler handler) {
        submit(handler);
    }

    public void submit(ResponseHandler handler) {
        long now = sim.nowNanos();
        dropExpiredFaults(now);
        ScheduledFault outage = activeOutage(now);
        if (outage != null) {
            lose(handler, outage, connectNanos);
        } else if (busyWorkers < config.servers()) {
            startService(handler, now);
        } else if (queue.size() < config.queueCapacity()) {
            queue.addLast(handler);
        } else {
            shed++;
            sim.scheduleIn(connectNanos, () -> handler.onResponse(false));
        }
    }

    private void startService(ResponseHandler handler, long now) {
        busyWorkers++;
        long serviceNanos = Simulation.millisToNanos(config.serviceTimeMs().sample(random)) + addedLatencyNanos(now);
        sim.scheduleIn(serviceNanos, () -> complete(handler));
    }

    private void complete(ResponseHandler handler) {
        busyWorkers--;
        served++;
        long now = sim.nowNanos();
        ScheduledFault outage = activeOutage(now);
        if (outage != null) {
            lose(handler, outage, 0);
            return;
        }
        boolean success = random.nextDouble() >= errorRate(now);
        if (!success) {
            errors++;
        }
        while (busyWorkers < config.servers() && !queue.isEmpty()) {
            startService(queue.pollFirst(), now);
        }
        handler.onResponse(success);
    }

    /** A call caught by an outage: refused or reset after {@code refuseDelayNanos}, or held until the outage ends. */
    private void lose(ResponseHandler handler, ScheduledFault outage, long refuseDelayNanos) {
        lostToOutage++;
        if (((Fault.Outage) outage.fault()).mode() == Fault.OutageMode.REFUSE) {
            sim.scheduleIn(refuseDelayNanos, () -> handler.onResponse(false));
        } else {
            sim.schedule(outage.untilNanos(), () -> handler.onResponse(false));
        }
    }

    // ---------------------------------------------------------------- faults

    /**
     * Puts {@code fault} in force from {@code fromNanos} (not in the past) until {@code untilNanos}.
     * When an outage begins, the calls waiting in the queue are lost to it too.
     */
    public void inject(Fault fault, long fromNanos, long untilNanos) {
        if (fromNanos < sim.nowNanos() || untilNanos <= fromNanos) {
            throw new IllegalArgumentException("a fault needs now <= from < until: " + fromNanos + ", " + untilNanos);
        }
        ScheduledFault scheduled = new ScheduledFault(fault, fromNanos, untilNanos);
        faults.add(scheduled);
        if (fault instanceof Fault.Outage) {
            sim.schedule(fromNanos, () -> {
                while (!queue.isEmpty()) {
                    lose(queue.pollFirst(), scheduled, 0);
                }
            });
        }
    }

    /**
     * Ends every fault now, also those not yet begun. Calls already held by a hanging outage are
     * still answered (reset) at that outage's planned end.
     */
    public void clearFaults() {
        faults.clear();
    }

    private void dropExpiredFaults(long now) {
        if (!faults.isEmpty()) {
            faults.removeIf(f -> f.untilNanos() <= now);
        }
    }

    /** The faults in force now. */
    public List<ScheduledFault> activeFaults() {
        long now = sim.nowNanos();
        dropExpiredFaults(now);
        List<ScheduledFault> active = new ArrayList<>();
        for (ScheduledFault f : faults) {
            if (f.activeAt(now)) {
                active.add(f);
            }
        }
        return active;
    }

    private ScheduledFault activeOutage(long now) {
        ScheduledFault found = null;
        for (ScheduledFault f : faults) {
            if (f.fault() instanceof Fault.Outage && f.activeAt(now)
                    && (found == null || f.untilNanos() > found.untilNanos())) {
                found = f;
            }
        }
        return found;
    }

    /** The probability that a call served now answers with an error. */
    public double currentErrorRate() {
        return errorRate(sim.nowNanos());
    }

    /** Base error rate plus every extra error rate in force, at most 1. */
    private double errorRate(long nowNanos) {
        double rate = config.errorRate();
        for (ScheduledFault f : faults) {
            if (f.fault() instanceof Fault.ExtraErrorRate e && f.activeAt(nowNanos)) {
                rate += e.probability();
            }
        }
        return Math.min(1, rate);
    }

    private long addedLatencyNanos(long now) {
        long added = 0;
        for (ScheduledFault f : faults) {
            if (f.fault() instanceof Fault.AddedLatency l && f.activeAt(now)) {
                added += Simulation.millisToNanos(l.millis());
            }
        }
        return added;
    }

    // ---------------------------------------------------------------- views

    public int servers() {
        return config.servers();
    }

    public int busyWorkers() {
        return busyWorkers;
    }

    public int queueLength() {
        return queue.size();
    }

    /** Calls a worker finished. */
    public long served() {
        return served;
    }

    /** Served calls answered with an error. */
    public long errors() {
        return errors;
    }

    /** Calls turned away because the queue was full. */
    public long shed() {
        return shed;
    }

    /** Calls refused, reset or held by an outage. */
    public long lostToOutage() {
        return lostToOutage;
    }
}
