package dev.scalelab.world;

import dev.scalelab.engine.events.ConsumerGroup;
import dev.scalelab.engine.events.GroupConfig;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A consumer group in the world: the engine's {@link ConsumerGroup}, its consumers with their
 * lifecycle, its lag autoscaler, and its measures. Confined to the simulation thread.
 */
final class EventsGroup implements EventsConsumers.Membership, EventsAutoscaler.Target {
    final String name;
    final EventsTopic topic;
    final ConsumerGroup group;
    final EventsConsumers consumers;
    private final World world;
    private final Simulation sim;
    /** Its position in the scenario's list of groups. */
    final int index;
    /** Null without a lag autoscaler. */
    EventsAutoscaler autoscaler;

    final RingSeries totalLagSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries consumersSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries desiredSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries endToEndMsP99Series = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries consumedPerSecond = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries duplicatesSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries deadLetteredSeries = new RingSeries(World.SERIES_CAPACITY);
    /** Per partition, the lag at each second: only a snapshot's worth, as there may be 256 of them. */
    final List<RingSeries> partitionLagSeries = new ArrayList<>();
    private long samples;
    private long lastConsumed;
    private long lastDuplicates;
    private long lastDeadLettered;
    /** The end-to-end latency summarised at the last sample: the view reads it every frame. */
    private LatencySummary sampledEndToEnd = LatencySummary.EMPTY;

    EventsGroup(World world, Simulation sim, int index, EventStreams.Group g, EventsTopic topic, RandomStreams streams) {
        this.world = world;
        this.index = index;
        this.sim = sim;
        this.name = g.name();
        this.topic = topic;
        this.group = new ConsumerGroup(sim, g.name(), topic.topic, config(g), streams.stream("events.group." + g.name()),
                line -> world.log(Source.EVENTS, EventsSystem.prefixed(g.name(), line)));
        topic.groups.add(this);
        consumers = new EventsConsumers(world, sim, g.name(), g.consumers(), g.provisionSeconds(), g.bootSeconds(), this);
        if (g.autoscaler() != null && g.autoscaler().policy() == EventStreams.ScalerKind.KEDA_LAG) {
            autoscaler = new EventsAutoscaler(world, sim, this, g.autoscaler());
        }
    }

    static GroupConfig config(EventStreams.Group g) {
        EventStreams.Retry r = g.retry();
        return new GroupConfig(g.assignor(), g.processingTime().toDistribution(), g.maxPollRecords(), g.commit(),
                Simulation.millisToNanos(g.autoCommitIntervalMs()), g.idempotent(),
                Simulation.millisToNanos(g.sessionTimeoutMs()),
                Simulation.millisToNanos(g.rebalanceMs()), g.errorRate(), r.mode(), r.maxAttempts(),
                Simulation.millisToNanos(r.backoffMs()), r.multiplier(), Simulation.millisToNanos(r.maxBackoffMs()),
                r.deadLetter());
    }

    void start() {
        consumers.start();
        if (autoscaler != null) {
            autoscaler.start();
        }
    }

    /** The group's settings changed (not its consumers or autoscaler). */
    void reconfigure(EventStreams.Group g) {
        group.reconfigure(config(g));
        consumers.configure(g.provisionSeconds(), g.bootSeconds());
    }

    /** The autoscaler's settings changed: created, edited or turned off. */
    void reconfigureAutoscaler(EventStreams.LagAutoscaler a) {
        boolean on = a != null && a.policy() == EventStreams.ScalerKind.KEDA_LAG;
        if (!on) {
            if (autoscaler != null) {
                autoscaler.stop();
                autoscaler = null;
            }
        } else if (autoscaler == null) {
            autoscaler = new EventsAutoscaler(world, sim, this, a);
            autoscaler.start();
        } else {
            autoscaler.reconfigure(a);
        }
    }

    // ------------------------------------------------------------------ membership

    @Override
    public void join(String id) {
        group.join(id);
    }

    @Override
    public void leave(String id) {
        group.leave(id);
    }

    @Override
    public void crash(String id) {
        group.crash(id);
    }

    @Override
    public boolean gone(String id) {
        return !group.members().contains(id) && group.processing(id) < 0;
    }

    // ------------------------------------------------------------------ the autoscaler's target

    @Override
    public String name() {
        return name;
    }

    @Override
    public long lag() {
        return group.totalLag();
    }

    @Override
    public int partitions() {
        return topic.topic.partitions();
    }

    @Override
    public int partitionsWithLag() {
        return group.partitionsWithLag();
    }

    @Override
    public int spec() {
        return consumers.spec();
    }

    @Override
    public void scaleTo(int n) {
        consumers.setSpec(n);
        // The scenario follows the autoscaler, as the service's instances follow the HPA.
        world.replaceScenario(ScenarioFields.with(world.currentScenario(), "events.groups[" + index + "].consumers", n));
    }

    // ------------------------------------------------------------------ measures

    void sample() {
        consumers.tidy();
        totalLagSeries.append(group.totalLag());
        consumersSeries.append(consumers.readyCount());
        desiredSeries.append(autoscaler == null ? consumers.spec() : autoscaler.desired());
        endToEndMsP99Series.append(group.endToEnd().takeIntervalPercentileMs(99));
        sampledEndToEnd = group.endToEnd().total();
        long consumed = group.consumed();
        long duplicates = group.duplicates();
        long deadLettered = group.deadLettered();
        consumedPerSecond.append(consumed - lastConsumed);
        duplicatesSeries.append(duplicates - lastDuplicates);
        deadLetteredSeries.append(deadLettered - lastDeadLettered);
        lastConsumed = consumed;
        lastDuplicates = duplicates;
        lastDeadLettered = deadLettered;
        int partitions = topic.topic.partitions();
        while (partitionLagSeries.size() < partitions) {
            // A partition added during the run has no history: its earlier seconds are NaN, so every series aligns.
            RingSeries s = new RingSeries(World.SNAPSHOT_SERIES_POINTS);
            for (long i = 0; i < Math.min(samples, World.SNAPSHOT_SERIES_POINTS); i++) {
                s.append(Double.NaN);
            }
            partitionLagSeries.add(s);
        }
        for (int p = 0; p < partitions; p++) {
            partitionLagSeries.get(p).append(group.lag(p));
        }
        samples++;
    }

    LatencySummary endToEnd() {
        return sampledEndToEnd;
    }

    EventsView.GroupView view(int points) {
        int partitions = topic.topic.partitions();
        long[] committed = new long[partitions];
        long[] positions = new long[partitions];
        long[] lag = new long[partitions];
        boolean[] stopped = new boolean[partitions];
        int[] attempts = new int[partitions];
        for (int p = 0; p < partitions; p++) {
            committed[p] = group.committedOffset(p);
            positions[p] = group.position(p);
            lag[p] = group.lag(p);
            stopped[p] = group.stopped(p);
            attempts[p] = group.retryAttempts(p);
        }
        Map<String, List<Integer>> assignment = group.assignment();
        List<EventsView.ConsumerView> views = new ArrayList<>(consumers.consumers.size());
        for (EventsConsumers.Consumer c : consumers.consumers) {
            List<Integer> owned = c.lifecycle == Lifecycle.READY || c.lifecycle == Lifecycle.DRAINING
                    ? assignment.getOrDefault(c.id, List.of()) : List.of();
            int[] parts = new int[owned.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = owned.get(i);
            }
            views.add(new EventsView.ConsumerView(c.id, c.lifecycle, c.number, parts,
                    c.lifecycle == Lifecycle.READY || c.lifecycle == Lifecycle.DRAINING ? group.processing(c.id) : -1,
                    group.processed(c.id)));
        }
        double[][] partitionLag = new double[partitions][];
        for (int p = 0; p < partitions; p++) {
            partitionLag[p] = p < partitionLagSeries.size() ? partitionLagSeries.get(p).tail(points) : new double[0];
        }
        EventStreams.Group g = world.currentScenario().events().groups().get(index);
        LatencySummary e2e = sampledEndToEnd;
        return new EventsView.GroupView(name, topic.name, g.assignor().id(), g.commit().id(), g.retry().mode().id(),
                g.idempotent(), List.copyOf(views), committed, positions, lag, stopped, attempts, group.totalLag(),
                group.rebalancing(), group.rebalances(), group.rebalancePauseNanos() / 1e6, group.consumed(),
                group.redelivered(), group.duplicates(), group.deadLettered(), group.skipped(), group.retryBacklog(),
                e2e.count() == 0 ? 0 : e2e.p50Ms(), e2e.count() == 0 ? 0 : e2e.p99Ms(),
                autoscaler == null ? -1 : autoscaler.desired(), autoscaler == null ? "" : autoscaler.lastDecision(),
                totalLagSeries.tail(points), partitionLag, endToEndMsP99Series.tail(points), consumersSeries.tail(points),
                desiredSeries.tail(points), consumedPerSecond.tail(points), duplicatesSeries.tail(points),
                deadLetteredSeries.tail(points));
    }

    /** The slowest position over the topic's groups, per partition: where the view's poison records start. */
    static long[] slowestPositions(EventsTopic topic) {
        long[] slowest = new long[topic.topic.partitions()];
        Arrays.fill(slowest, Long.MAX_VALUE);
        for (EventsGroup g : topic.groups) {
            for (int p = 0; p < slowest.length; p++) {
                slowest[p] = Math.min(slowest[p], g.group.position(p));
            }
        }
        if (topic.groups.isEmpty()) {
            Arrays.fill(slowest, 0);
        }
        return slowest;
    }
}
