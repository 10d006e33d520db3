package dev.scalelab.world;

import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The consumers of one consumer group or work queue, kept at {@link #spec()} as a Deployment keeps
 * its pods: a new consumer provisions and boots, then joins (the group rebalances, or the queue
 * has one more receiver); scale-in drains the newest first (pending before booting before
 * ready) and it leaves; a crashed consumer fails and a new one replaces it. Ids are
 * {@code <name>-<n>} with n counting up, never reused. Confined to the simulation thread.
 */
final class EventsConsumers {

    /** What the group or queue does when a consumer joins, leaves or crashes. */
    interface Membership {
        void join(String id);

        void leave(String id);

        void crash(String id);

        /** Whether a consumer that left has finished (no longer a member, its last record done). */
        boolean gone(String id);
    }

    /** One consumer. */
    static final class Consumer {
        final int number;
        final String id;
        Lifecycle lifecycle;
        /** When its provisioning or booting ends; or, failed or gone, when it stops being shown. */
        long phaseEndNanos;

        Consumer(int number, String id, Lifecycle lifecycle) {
            this.number = number;
            this.id = id;
            this.lifecycle = lifecycle;
        }
    }

    /** How long a failed or departed consumer stays visible before it is gone, as a failed instance does. */
    private static final long GONE_VISIBLE_NANOS = 3 * Simulation.NANOS_PER_SECOND;
    private static final int TIMELINE_CAPACITY = 10_000;

    private final World world;
    private final Simulation sim;
    private final String name;
    private final Membership membership;
    /** Every consumer that exists or is still shown, in creation order. */
    final List<Consumer> consumers = new ArrayList<>();
    private int nextNumber;
    private int spec;
    private long provisionNanos;
    private long bootNanos;
    /** [t, ready consumers] at each change of the count. */
    private final List<double[]> timeline = new ArrayList<>();

    EventsConsumers(World world, Simulation sim, String name, int initial, double provisionSeconds, double bootSeconds,
                    Membership membership) {
        this.world = world;
        this.sim = sim;
        this.name = name;
        this.membership = membership;
        configure(provisionSeconds, bootSeconds);
        spec = initial;
        timeline.add(new double[] {0, 0});
    }

    /** The initial consumers: ready at t = 0 and joining together. */
    void start() {
        for (int i = 0; i < spec; i++) {
            Consumer c = create(Lifecycle.READY);
            membership.join(c.id);
        }
        readyChanged();
    }

    void configure(double provisionSeconds, double bootSeconds) {
        provisionNanos = Simulation.secondsToNanos(provisionSeconds);
        bootNanos = Simulation.secondsToNanos(bootSeconds);
    }

    int spec() {
        return spec;
    }

    void setSpec(int consumers) {
        spec = consumers;
        reconcile();
    }

    int readyCount() {
        int n = 0;
        for (Consumer c : consumers) {
            if (c.lifecycle == Lifecycle.READY) {
                n++;
            }
        }
        return n;
    }

    List<double[]> timeline() {
        return timeline;
    }

    /** Creates or drains consumers until the active ones match the spec. */
    private void reconcile() {
        int active = 0;
        for (Consumer c : consumers) {
            if (c.lifecycle.isActive()) {
                active++;
            }
        }
        while (active > spec) {
            Consumer victim = null;
            for (Consumer c : consumers) {
                // Pending before booting before ready, then the newest: ReplicaSet's deletion order.
                if (c.lifecycle.isActive() && (victim == null || rank(c) < rank(victim)
                        || rank(c) == rank(victim) && c.number > victim.number)) {
                    victim = c;
                }
            }
            remove(victim);
            active--;
        }
        while (active < spec) {
            create(Lifecycle.PROVISIONING);
            active++;
        }
    }

    private static int rank(Consumer c) {
        return switch (c.lifecycle) {
            case PROVISIONING -> 0;
            case BOOTING -> 1;
            default -> 2;
        };
    }

    private void remove(Consumer c) {
        if (c.lifecycle == Lifecycle.READY) {
            c.lifecycle = Lifecycle.DRAINING;
            membership.leave(c.id);
            world.log(Source.EVENTS, c.id + " draining (scale-in to " + spec + ")");
            readyChanged();
        } else {
            c.lifecycle = Lifecycle.TERMINATED;
            c.phaseEndNanos = sim.nowNanos() + GONE_VISIBLE_NANOS;
            world.log(Source.EVENTS, c.id + " cancelled before it was ready (scale-in to " + spec + ")");
        }
    }

    private Consumer create(Lifecycle initial) {
        Consumer c = new Consumer(nextNumber, name + "-" + nextNumber, initial);
        nextNumber++;
        consumers.add(c);
        if (initial == Lifecycle.PROVISIONING) {
            c.phaseEndNanos = sim.nowNanos() + provisionNanos;
            world.log(Source.EVENTS, c.id + " provisioning (joins in " + Parameter.format((provisionNanos + bootNanos) / 1e9)
                    + " s)");
            sim.schedule(c.phaseEndNanos, () -> startBooting(c));
        }
        return c;
    }

    private void startBooting(Consumer c) {
        if (c.lifecycle != Lifecycle.PROVISIONING) {
            return; // cancelled while pending
        }
        c.lifecycle = Lifecycle.BOOTING;
        c.phaseEndNanos = sim.nowNanos() + bootNanos;
        sim.schedule(c.phaseEndNanos, () -> becomeReady(c));
    }

    private void becomeReady(Consumer c) {
        if (c.lifecycle != Lifecycle.BOOTING) {
            return;
        }
        c.lifecycle = Lifecycle.READY;
        readyChanged();
        world.log(Source.EVENTS, c.id + " ready, joins " + name + " (" + readyCount() + " ready)");
        membership.join(c.id);
    }

    /**
     * crash-consumer: {@code target} is the group or queue (its lowest-numbered ready consumer) or a
     * consumer's id. Returns false, with a log line, when there is no such running consumer.
     */
    boolean crash(String target, Source by) {
        Consumer victim = null;
        for (Consumer c : consumers) {
            boolean named = target.equals(name) ? c.lifecycle == Lifecycle.READY : c.id.equals(target) && c.lifecycle.isActive();
            if (named) {
                victim = c;
                break;
            }
        }
        if (victim == null) {
            world.log(by, "crash-consumer " + target + ": no such running consumer");
            return false;
        }
        boolean wasReady = victim.lifecycle == Lifecycle.READY;
        victim.lifecycle = Lifecycle.FAILED;
        victim.phaseEndNanos = sim.nowNanos() + GONE_VISIBLE_NANOS;
        if (wasReady) {
            membership.crash(victim.id);
            readyChanged();
        }
        world.log(Source.EVENTS, victim.id + " crashed; a new consumer replaces it");
        reconcile();
        return true;
    }

    /** Once a second: departed consumers that finished are terminated, and the gone are forgotten. */
    void tidy() {
        long now = sim.nowNanos();
        for (int i = consumers.size() - 1; i >= 0; i--) {
            Consumer c = consumers.get(i);
            if (c.lifecycle == Lifecycle.DRAINING && membership.gone(c.id)) {
                c.lifecycle = Lifecycle.TERMINATED;
                c.phaseEndNanos = now + GONE_VISIBLE_NANOS;
                world.log(Source.EVENTS, c.id + " terminated");
            } else if ((c.lifecycle == Lifecycle.TERMINATED || c.lifecycle == Lifecycle.FAILED) && now >= c.phaseEndNanos) {
                consumers.remove(i);
            }
        }
    }

    private void readyChanged() {
        int ready = readyCount();
        double t = sim.nowSeconds();
        double[] last = timeline.get(timeline.size() - 1);
        if (last[0] == t) {
            last[1] = ready;
        } else if (last[1] != ready && timeline.size() < TIMELINE_CAPACITY) {
            timeline.add(new double[] {t, ready});
        }
    }

    Consumer find(String id) {
        for (Consumer c : consumers) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
