package dev.scalelab.world;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.KeySampler;
import dev.scalelab.sim.KeyStream;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The clients: the open (Poisson, shaped) or closed (users who think) arrival process, and what
 * each request asks for: its key, whether it reads, its session. Confined to the simulation thread.
 */
final class WorkloadSystem implements Subsystem {
    /** A scenario field this part changes live, and the step that applies it: see {@link Live}. */
    @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
    @interface Applies { Step value(); String[] fields() default {}; }

    enum Step implements ApplyStep {
        /** A Poisson rate change draws the next arrival afresh from now. */
        RESTART_ARRIVALS,
        /** Users beyond the new count leave after their current request; new ones start thinking. */
        SET_USERS,
        /** The key popularity changed: a new sampler, and a cache built for the old one starts cold. */
        NEW_KEYS,
        /** Read on every request: the next one sees the new value. */
        READ_EACH_REQUEST,
        /** A client's share changed: the next request is drawn by the new shares. */
        CLIENT_SHARES;
    }

    private final World world;
    private final Simulation sim;
    private final SplittableRandom arrivalRandom;
    private final SplittableRandom readRandom;
    private final SplittableRandom thinkRandom;
    private final SplittableRandom scanRandom;
    private final SplittableRandom sessionRandom;
    /** Draws each request's client class; used only when the workload has client classes. */
    private final SplittableRandom clientRandom;
    /** Draws the next request's client class by the classes' shares. */
    private ClientShares clientShares;
    private final Distribution thinkTime;
    private final KeyStream keys;
    /** The next key of the sequential scan mixed into the workload. */
    private int scanCursor;

    // Open workload: the pending arrival belongs to one generation; a rate change starts a new one.
    private long arrivalGeneration;
    // Closed workload: users at index >= activeUsers stop after their current request.
    private final List<User> users = new ArrayList<>();
    private int activeUsers;

    WorkloadSystem(World world, Simulation sim, Scenario.Workload workload, RandomStreams streams) {
        this.world = world;
        this.sim = sim;
        arrivalRandom = streams.stream("workload.arrival");
        scanRandom = streams.stream("workload.scan");
        sessionRandom = streams.stream("workload.sessions");
        readRandom = streams.stream("workload.readRatio");
        thinkRandom = streams.stream("workload.thinkTime");
        clientRandom = streams.stream("workload.clients");
        clientShares = new ClientShares(workload.clients());
        keys = new KeyStream(streams, "workload.keys", keySampler(workload.keys()));
        thinkTime = workload.arrival().thinkTime().toDistribution();
    }

    /** Sends the first requests: the first Poisson arrival, or every user after one think time. */
    void start(Scenario.Arrival arrival) {
        if (arrival.process() == Scenario.ArrivalProcess.POISSON) {
            restartArrivals();
        } else {
            setUsers(arrival.users());
        }
    }

    static KeySampler keySampler(Scenario.Keys k) {
        switch (k.distribution()) {
            case ZIPF:
                return new KeySampler.Zipf(k.alpha(), k.count());
            case HOTSPOT:
                return KeySampler.Hotspot.of(k.count(), k.hotTrafficFraction(), k.hotKeyFraction());
            default:
                return new KeySampler.Uniform(k.count());
        }
    }

    KeySampler keys() {
        return keys.sampler();
    }

    @Override
    public void apply(Parameter p, Source by) {
        Scenario.Workload w = world.currentScenario().workload();
        switch ((Step) p.step()) {
            case RESTART_ARRIVALS -> {
                if (w.arrival().process() == Scenario.ArrivalProcess.POISSON) {
                    restartArrivals();
                }
            }
            case SET_USERS -> {
                if (w.arrival().process() == Scenario.ArrivalProcess.CLOSED) {
                    setUsers(w.arrival().users());
                }
            }
            case NEW_KEYS -> {
                keys.setSampler(keySampler(w.keys()));
                world.keysChanged(by);
            }
            case READ_EACH_REQUEST -> {
            }
            case CLIENT_SHARES -> clientShares = new ClientShares(w.clients());
        }
    }

    // ------------------------------------------------------------------ what a request asks for

    /** The key of the next request: from the sequential scan for its share of requests, else popularity. */
    int nextKey() {
        double scan = world.currentScenario().workload().keys().scanFraction();
        return scan > 0 && scanRandom.nextDouble() < scan ? scanCursor++ % keys.sampler().count() : keys.next();
    }

    /** A user's requests share its session; an open workload's spread over {@code sessions}. */
    int session(int user, int sessions) {
        return user >= 0 ? user : sessionRandom.nextInt(sessions);
    }

    /**
     * The client class of the next request, by share: 0 without classes (the anonymous client),
     * drawing nothing. Shares all set to 0 while running leave every client an equal chance.
     */
    int nextClient() {
        return clientShares.next(clientRandom);
    }

    boolean nextIsRead() {
        return readRandom.nextDouble() < world.currentScenario().workload().readRatio();
    }

    // ------------------------------------------------------------------ open workload

    /** The open workload's next arrival; a rate change starts a new generation and strands the old one. */
    private final class ArrivalEvent implements Event {
        final long generation;

        ArrivalEvent(long generation) {
            this.generation = generation;
        }

        @Override
        public void fire() {
            if (generation != arrivalGeneration) {
                return; // superseded by a rate change
            }
            world.path.arrive(-1);
            scheduleArrival(this);
        }
    }

    private void restartArrivals() {
        // Poisson arrivals are memoryless: drawing the next arrival afresh from now is exact.
        arrivalGeneration++;
        scheduleArrival(new ArrivalEvent(arrivalGeneration));
    }

    private void scheduleArrival(ArrivalEvent e) {
        Scenario.Arrival a = world.currentScenario().workload().arrival();
        double next = a.shape().nextArrivalSeconds(a.ratePerSecond(), sim.nowSeconds(), arrivalRandom);
        if (Double.isFinite(next)) {
            sim.schedule(Math.max(sim.nowNanos(), Simulation.secondsToNanos(next)), e);
        }
    }

    // ------------------------------------------------------------------ closed workload

    /** A closed-loop user: sends, waits for the outcome, thinks, sends again. */
    private final class User implements Event {
        final int index;
        boolean running;

        User(int index) {
            this.index = index;
        }

        @Override
        public void fire() {
            if (index >= activeUsers) {
                running = false; // left when the user count was lowered
                return;
            }
            world.path.arrive(index);
        }

        void thinkThenSend() {
            sim.scheduleIn(Simulation.millisToNanos(thinkTime.sample(thinkRandom)), this);
        }
    }

    private void setUsers(int count) {
        activeUsers = count;
        for (int i = 0; i < count; i++) {
            if (i == users.size()) {
                users.add(new User(i));
            }
            User u = users.get(i);
            if (!u.running) {
                u.running = true;
                // The first request comes after one think time, so users do not all start at once.
                u.thinkThenSend();
            }
        }
    }

    /** The request of user {@code user} ended (answered, failed or rejected): it thinks, then sends again. */
    void userDone(int user) {
        users.get(user).thinkThenSend();
    }
}
