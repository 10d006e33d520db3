package dev.scalelab.world;

import dev.scalelab.engine.balancing.LoadBalancingStrategy;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.KeySampler;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The simulated system: workload, load balancer and the service pool, wired onto one event
 * kernel. Confined to the simulation thread; the UI sees it only through {@link Snapshot}s.
 */
public final class World {
    /** How many points of each time series are kept (one per virtual second). */
    public static final int SERIES_CAPACITY = 3600;
    /** How many points a snapshot carries for the charts. */
    public static final int SNAPSHOT_SERIES_POINTS = 300;
    private static final int DISPATCH_RING = 256;
    private static final int LOG_CAPACITY = 500;
    private static final int SNAPSHOT_LOG_LINES = 200;
    private static final long SAMPLE_PERIOD_NANOS = Simulation.NANOS_PER_SECOND;
    /** Live commands apply on the next whole millisecond of virtual time: see {@link #commandTimeNanos()}. */
    private static final long COMMAND_GRANULARITY_NANOS = Simulation.NANOS_PER_MILLI;

    private final Simulation sim = new Simulation();
    private final Scenario initial;
    private Scenario current;

    private final SplittableRandom arrivalRandom;
    private final SplittableRandom keyRandom;
    private final SplittableRandom readRandom;
    private final SplittableRandom serviceRandom;
    private final SplittableRandom balancerRandom;
    private final SplittableRandom thinkRandom;

    private final KeySampler keys;
    private Distribution serviceTime;
    private final Distribution thinkTime;
    private LoadBalancingStrategy balancer;

    private final List<ServiceInstance> instances = new ArrayList<>();
    private int nextInstanceNumber;
    private int readyInstances;

    private final List<Scenario.TimelineEntry> timeline;
    private int timelineCursor;
    private final List<Scenario.TimelineEntry> recorded = new ArrayList<>();

    // Counters over the whole run.
    private long offered;
    private long completed;
    private long rejected;
    private long failed;
    private final LatencyRecorder latency = new LatencyRecorder();

    // The current one-second interval.
    private long intervalOffered;
    private long intervalCompleted;
    private long intervalRejected;
    private Sample lastSample;
    private final RingSeries seriesTime = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesOffered = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesThroughput = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesRejected = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesP50 = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesP99 = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesInstances = new RingSeries(SERIES_CAPACITY);
    private final RingSeries seriesUtilization = new RingSeries(SERIES_CAPACITY);
    private Consumer<Sample> sampleSink;

    // Instance count over time, for the report: min, max, time-weighted mean, and changes.
    private int minInstances = Integer.MAX_VALUE;
    private int maxInstances;
    private int integratedInstances;
    private double instanceSecondsIntegral;
    private long instancesChangedAtNanos;
    private final List<double[]> instanceTimeline = new ArrayList<>();
    private static final int INSTANCE_TIMELINE_CAPACITY = 10_000;

    // Per-instance request counts, including instances that are gone.
    private final List<long[]> routedByNumber = new ArrayList<>();

    private final int[] dispatchInstance = new int[DISPATCH_RING];
    private final byte[] dispatchOutcome = new byte[DISPATCH_RING];
    private long dispatchCount;

    private final ArrayDeque<LogEntry> log = new ArrayDeque<>();
    private long logCount;

    // Open workload: the pending arrival belongs to one generation; a rate change starts a new one.
    private long arrivalGeneration;
    // Closed workload: users at index >= activeUsers stop after their current request.
    private final List<User> users = new ArrayList<>();
    private int activeUsers;

    public World(Scenario scenario) {
        this.initial = scenario;
        this.current = scenario;
        RandomStreams streams = new RandomStreams(scenario.seed());
        arrivalRandom = streams.stream("workload.arrival");
        keyRandom = streams.stream("workload.keys");
        readRandom = streams.stream("workload.readRatio");
        serviceRandom = streams.stream("service.serviceTime");
        balancerRandom = streams.stream("balancer");
        thinkRandom = streams.stream("workload.thinkTime");

        Scenario.Keys k = scenario.workload().keys();
        switch (k.distribution()) {
            case ZIPF:
                keys = new KeySampler.Zipf(k.alpha(), k.count());
                break;
            case HOTSPOT:
                keys = KeySampler.Hotspot.of(k.count(), k.hotTrafficFraction(), k.hotKeyFraction());
                break;
            default:
                keys = new KeySampler.Uniform(k.count());
        }
        serviceTime = scenario.service().serviceTime().toDistribution();
        thinkTime = scenario.workload().arrival().thinkTime().toDistribution();
        balancer = LoadBalancingStrategy.create(scenario.balancer().strategy());
        timeline = scenario.timeline();

        for (int i = 0; i < scenario.service().instances(); i++) {
            addInstance();
        }

        if (scenario.workload().arrival().process() == Scenario.ArrivalProcess.POISSON) {
            restartArrivals();
        } else {
            setUsers(scenario.workload().arrival().users());
        }
        sim.schedule(SAMPLE_PERIOD_NANOS, this::takeSample);
        log("world", "started: " + describe(scenario));
    }

    // ------------------------------------------------------------------ running

    public Simulation simulation() {
        return sim;
    }

    public Scenario initialScenario() {
        return initial;
    }

    /** The scenario as it stands now, with every parameter change applied so far. */
    public Scenario currentScenario() {
        return current;
    }

    public double nowSeconds() {
        return sim.nowSeconds();
    }

    /** Runs every event and timeline command up to {@code untilNanos}. */
    public void advanceTo(long untilNanos) {
        advance(untilNanos, Integer.MAX_VALUE);
    }

    /**
     * Runs events up to {@code untilNanos}, but at most about {@code maxEvents} of them. Returns true
     * when the world has reached {@code untilNanos}: every event and timeline command due by then
     * has run. Timeline commands run after all events at or before their time, the same rule that
     * live commands follow, so a recorded run replays exactly.
     */
    public boolean advance(long untilNanos, int maxEvents) {
        int budget = maxEvents;
        while (true) {
            long barrier = untilNanos;
            boolean timelineDue = false;
            if (timelineCursor < timeline.size()) {
                long t = Simulation.secondsToNanos(timeline.get(timelineCursor).atSeconds());
                if (t <= untilNanos) {
                    barrier = t;
                    timelineDue = true;
                }
            }
            budget -= sim.runUntil(barrier, budget);
            if (sim.nextEventTime() <= barrier) {
                return false; // out of budget
            }
            if (!timelineDue) {
                return true;
            }
            Scenario.TimelineEntry e = timeline.get(timelineCursor++);
            applyParameter(Parameter.byPath(e.path()), e.value(), "timeline");
        }
    }

    /**
     * The virtual time at which a command given now takes effect: the next whole millisecond. The
     * caller first advances to it, so the command runs after every event up to that time, exactly
     * where a replay of the recorded timeline runs it.
     */
    public long commandTimeNanos() {
        long now = sim.nowNanos();
        return (now / COMMAND_GRANULARITY_NANOS + 1) * COMMAND_GRANULARITY_NANOS;
    }

    /**
     * Applies a parameter change from the user at the current time and records it on the timeline.
     * Call after {@code advanceTo(commandTimeNanos())}. {@code value} must come from
     * {@link Parameter#parse} or {@link Parameter#validate}.
     */
    public void applyUserChange(Parameter p, Object value) {
        recorded.add(new Scenario.TimelineEntry(sim.nowNanos() / 1e9, "set", p.path(), value));
        applyParameter(p, value, "user");
    }

    /**
     * The scenario that replays this run: the initial one with the user's changes merged, in time
     * order, into its timeline.
     */
    public Scenario recordedScenario() {
        List<Scenario.TimelineEntry> merged = new ArrayList<>(timeline);
        merged.addAll(recorded);
        merged.sort((a, b) -> Double.compare(a.atSeconds(), b.atSeconds()));
        return initial.withTimeline(merged);
    }

    public void setSampleSink(Consumer<Sample> sink) {
        this.sampleSink = sink;
    }

    // ------------------------------------------------------------------ parameters

    private void applyParameter(Parameter p, Object value, String source) {
        Object before = p.read(current);
        current = p.applyTo(current, value);
        switch (p) {
            case ARRIVAL_RATE:
                if (current.workload().arrival().process() == Scenario.ArrivalProcess.POISSON) {
                    restartArrivals();
                }
                break;
            case USERS:
                if (current.workload().arrival().process() == Scenario.ArrivalProcess.CLOSED) {
                    setUsers((Integer) value);
                }
                break;
            case INSTANCES:
                resizePool((Integer) value);
                break;
            case WORKERS:
                for (ServiceInstance in : instances) {
                    in.workers = (Integer) value;
                    startQueued(in);
                }
                break;
            case QUEUE_CAPACITY:
                for (ServiceInstance in : instances) {
                    in.queueCapacity = (Integer) value;
                }
                break;
            case SERVICE_TIME_MEAN:
            case SERVICE_TIME_DISTRIBUTION:
                serviceTime = current.service().serviceTime().toDistribution();
                break;
            case BALANCER_STRATEGY:
                balancer = LoadBalancingStrategy.create(current.balancer().strategy());
                break;
            case READ_RATIO:
                break;
            default:
                throw new AssertionError(p);
        }
        log(source, p.path() + ": " + show(before) + " -> " + show(p.read(current)));
    }

    private static String show(Object v) {
        return v instanceof Double ? Parameter.format((Double) v) : String.valueOf(v);
    }

    private void resizePool(int target) {
        while (readyInstances < target) {
            ServiceInstance in = addInstance();
            log("pool", "added " + in.id + " (" + readyInstances + " ready)");
        }
        // Remove the newest ready instances first; each drains its queue before it goes.
        for (int i = instances.size() - 1; i >= 0 && readyInstances > target; i--) {
            ServiceInstance in = instances.get(i);
            if (in.state == ServiceInstance.State.READY) {
                in.state = ServiceInstance.State.DRAINING;
                readyInstances--;
                instanceCountChanged();
                log("pool", in.id + " draining (" + in.activeRequests() + " requests left, " + readyInstances + " ready)");
                removeIfDrained(in);
            }
        }
    }

    private ServiceInstance addInstance() {
        ServiceInstance in = new ServiceInstance(nextInstanceNumber++, current.service().workersPerInstance(),
                current.service().queueCapacity(), sim.nowNanos());
        instances.add(in);
        routedByNumber.add(new long[1]);
        readyInstances++;
        instanceCountChanged();
        return in;
    }

    private void removeIfDrained(ServiceInstance in) {
        if (in.state == ServiceInstance.State.DRAINING && in.activeRequests() == 0) {
            instances.remove(in);
            log("pool", in.id + " drained and removed");
        }
    }

    private void instanceCountChanged() {
        long now = sim.nowNanos();
        instanceSecondsIntegral += integratedInstances * (now - instancesChangedAtNanos) / 1e9;
        instancesChangedAtNanos = now;
        integratedInstances = readyInstances;
        minInstances = Math.min(minInstances, readyInstances);
        maxInstances = Math.max(maxInstances, readyInstances);
        double t = now / 1e9;
        double[] last = instanceTimeline.isEmpty() ? null : instanceTimeline.get(instanceTimeline.size() - 1);
        if (last != null && last[0] == t) {
            last[1] = readyInstances;
        } else if (instanceTimeline.size() < INSTANCE_TIMELINE_CAPACITY) {
            instanceTimeline.add(new double[] {t, readyInstances});
        }
    }

    // ------------------------------------------------------------------ workload

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
            arrive(-1);
            scheduleArrival(this);
        }
    }

    private void restartArrivals() {
        // Poisson arrivals are memoryless: drawing the next arrival afresh from now is exact.
        arrivalGeneration++;
        scheduleArrival(new ArrivalEvent(arrivalGeneration));
    }

    private void scheduleArrival(ArrivalEvent e) {
        Scenario.Arrival a = current.workload().arrival();
        double next = a.shape().nextArrivalSeconds(a.ratePerSecond(), sim.nowSeconds(), arrivalRandom);
        if (Double.isFinite(next)) {
            sim.schedule(Math.max(sim.nowNanos(), Simulation.secondsToNanos(next)), e);
        }
    }

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
            arrive(index);
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

    private void userDone(int user) {
        users.get(user).thinkThenSend();
    }

    private void arrive(int user) {
        offered++;
        intervalOffered++;
        Request r = new Request(this, sim.nowNanos(), keys.sample(keyRandom),
                readRandom.nextDouble() < current.workload().readRatio(), user);
        int index = balancer.pick(instances, RequestHash.of(r.key), sim.nowNanos(), balancerRandom);
        if (index < 0) {
            reject(r, -1, Snapshot.Dispatches.REJECTED_NO_INSTANCE);
            return;
        }
        ServiceInstance in = instances.get(index);
        in.routed++;
        routedByNumber.get(in.number)[0]++;
        r.instance = in;
        if (in.busy < in.workers) {
            recordDispatch(in.number, Snapshot.Dispatches.QUEUED);
            startService(in, r);
        } else if (in.queue.size() < in.queueCapacity) {
            recordDispatch(in.number, Snapshot.Dispatches.QUEUED);
            in.queue.addLast(r);
        } else {
            in.rejected++;
            reject(r, in.number, Snapshot.Dispatches.REJECTED_QUEUE_FULL);
        }
    }

    private void reject(Request r, int instanceNumber, byte outcome) {
        rejected++;
        intervalRejected++;
        recordDispatch(instanceNumber, outcome);
        if (r.user >= 0) {
            userDone(r.user);
        }
    }

    private void recordDispatch(int instanceNumber, byte outcome) {
        int slot = (int) (dispatchCount++ % DISPATCH_RING);
        dispatchInstance[slot] = instanceNumber;
        dispatchOutcome[slot] = outcome;
    }

    private void startService(ServiceInstance in, Request r) {
        in.busyChanged(sim.nowNanos(), +1);
        sim.schedule(sim.nowNanos() + Simulation.millisToNanos(serviceTime.sample(serviceRandom)), r);
    }

    private void startQueued(ServiceInstance in) {
        while (in.busy < in.workers && !in.queue.isEmpty()) {
            startService(in, in.queue.pollFirst());
        }
    }

    void complete(Request r) {
        ServiceInstance in = r.instance;
        long now = sim.nowNanos();
        in.busyChanged(now, -1);
        in.completed++;
        completed++;
        intervalCompleted++;
        latency.recordNanos(now - r.arrivalNanos);
        balancer.onComplete(in, now - r.arrivalNanos, now);
        startQueued(in);
        if (in.state == ServiceInstance.State.DRAINING) {
            removeIfDrained(in);
        }
        if (r.user >= 0) {
            userDone(r.user);
        }
    }

    // ------------------------------------------------------------------ metrics

    private void takeSample() {
        long now = sim.nowNanos();
        LatencySummary s = latency.takeInterval();
        double utilization = 0;
        int queued = 0;
        int ready = 0;
        for (ServiceInstance in : instances) {
            double u = in.sampleUtilization(now);
            queued += in.queue.size();
            if (in.state == ServiceInstance.State.READY) {
                utilization += u;
                ready++;
            }
        }
        double seconds = SAMPLE_PERIOD_NANOS / 1e9;
        lastSample = new Sample(now / 1e9, intervalOffered / seconds, intervalCompleted / seconds,
                intervalRejected / seconds, s.meanMs(), s.p50Ms(), s.p99Ms(), readyInstances,
                ready == 0 ? 0 : utilization / ready, queued);
        intervalOffered = 0;
        intervalCompleted = 0;
        intervalRejected = 0;
        seriesTime.append(lastSample.timeSeconds());
        seriesOffered.append(lastSample.offeredPerSecond());
        seriesThroughput.append(lastSample.throughputPerSecond());
        seriesRejected.append(lastSample.rejectedPerSecond());
        seriesP50.append(lastSample.p50Ms());
        seriesP99.append(lastSample.p99Ms());
        seriesInstances.append(lastSample.instances());
        seriesUtilization.append(lastSample.utilization());
        if (sampleSink != null) {
            sampleSink.accept(lastSample);
        }
        sim.schedule(now + SAMPLE_PERIOD_NANOS, this::takeSample);
    }

    private void log(String source, String message) {
        if (log.size() == LOG_CAPACITY) {
            log.pollFirst();
        }
        log.addLast(new LogEntry(sim.nowSeconds(), source, message));
        logCount++;
    }

    // ------------------------------------------------------------------ views

    public Snapshot snapshot() {
        List<Snapshot.InstanceView> views = new ArrayList<>(instances.size());
        for (ServiceInstance in : instances) {
            views.add(new Snapshot.InstanceView(in.number, in.id,
                    in.state == ServiceInstance.State.READY ? Snapshot.InstanceState.READY : Snapshot.InstanceState.DRAINING,
                    in.workers, in.busy, in.queue.size(), in.queueCapacity, in.routed, in.rejected, in.lastUtilization));
        }
        int n = SNAPSHOT_SERIES_POINTS;
        Snapshot.Series series = new Snapshot.Series(seriesTime.tail(n), seriesOffered.tail(n), seriesThroughput.tail(n),
                seriesRejected.tail(n), seriesP50.tail(n), seriesP99.tail(n), seriesInstances.tail(n),
                seriesUtilization.tail(n));
        int k = (int) Math.min(dispatchCount, DISPATCH_RING);
        int[] di = new int[k];
        byte[] dout = new byte[k];
        for (int i = 0; i < k; i++) {
            int slot = (int) ((dispatchCount - k + i) % DISPATCH_RING);
            di[i] = dispatchInstance[slot];
            dout[i] = dispatchOutcome[slot];
        }
        List<LogEntry> recentLog = new ArrayList<>(log);
        if (recentLog.size() > SNAPSHOT_LOG_LINES) {
            recentLog = recentLog.subList(recentLog.size() - SNAPSHOT_LOG_LINES, recentLog.size());
        }
        return new Snapshot(sim.nowSeconds(), sim.eventsFired(), current, List.copyOf(views), offered, completed,
                rejected, failed, lastSample, latency.total(), series,
                new Snapshot.Dispatches(dispatchCount, di, dout), logCount, List.copyOf(recentLog));
    }

    // Read by Report.
    long offered() { return offered; }
    long completed() { return completed; }
    long rejected() { return rejected; }
    long failed() { return failed; }
    LatencySummary totalLatency() { return latency.total(); }
    int minInstances() { return minInstances; }
    int maxInstances() { return maxInstances; }
    List<double[]> instanceTimeline() { return instanceTimeline; }
    List<long[]> routedByNumber() { return routedByNumber; }
    List<LogEntry> logEntries() { return List.copyOf(log); }
    String balancerId() { return balancer.id(); }

    double meanInstances() {
        double t = sim.nowSeconds();
        double integral = instanceSecondsIntegral + readyInstances * (sim.nowNanos() - instancesChangedAtNanos) / 1e9;
        return t <= 0 ? readyInstances : integral / t;
    }

    List<ServiceInstance> instances() {
        return instances;
    }

    static String describe(Scenario s) {
        Scenario.Arrival a = s.workload().arrival();
        String load = a.process() == Scenario.ArrivalProcess.POISSON
                ? "Poisson " + Parameter.format(a.ratePerSecond()) + " req/s" + (a.shape().kind() == dev.scalelab.sim.RateShape.Kind.CONSTANT ? "" : " (" + a.shape().kind().id() + ")")
                : a.users() + " users, think " + Parameter.format(a.thinkTime().mean()) + " ms";
        return load + "; " + s.service().instances() + " instances x " + s.service().workersPerInstance()
                + " workers, " + s.service().serviceTime().kind().id() + " service " + Parameter.format(s.service().serviceTime().mean())
                + " ms; " + s.balancer().strategy().id() + "; seed " + s.seed();
    }
}
