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
final class EventsGroup extends EventsReader {
    final EventsTopic topic;
    final ConsumerGroup group;

    final RingSeries totalLagSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries consumedPerSecond = new RingSeries(World.SERIES_CAPACITY);
    /** Per partition, the lag at each second: only a snapshot's worth, as there may be 256 of them. */
    final List<RingSeries> partitionLagSeries = new ArrayList<>();
    private long samples;
    private long lastConsumed;
    /** The per-partition lag series as the last view copied them, at sample {@code partitionLagTailsAt}. */
    private double[][] partitionLagTails;
    private long partitionLagTailsAt;
    private int partitionLagTailsPoints;

    EventsGroup(World world, Simulation sim, int index, EventStreams.Group g, EventsTopic topic, RandomStreams streams) {
        super(world, sim, index, g.name());
        this.topic = topic;
        this.group = new ConsumerGroup(sim, g.name(), topic.topic, config(g), streams.stream("events.group." + g.name()),
                line -> world.log(Source.EVENTS, EventsSystem.prefixed(g.name(), line)));
        topic.groups.add(this);
        staff(g.consumers(), g.provisionSeconds(), g.bootSeconds(), g.autoscaler());
    }

    @Override
    String listName() {
        return "groups";
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

    /** The group's settings changed (not its consumers or autoscaler). */
    void reconfigure(EventStreams.Group g) {
        group.reconfigure(config(g));
        consumers.configure(g.provisionSeconds(), g.bootSeconds());
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


    // ------------------------------------------------------------------ measures

    void sample() {
        sampleReaders(group.endToEnd(), group.duplicates(), group.deadLettered());
        totalLagSeries.append(group.totalLag());
        long consumed = group.consumed();
        consumedPerSecond.append(consumed - lastConsumed);
        lastConsumed = consumed;
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
        double[][] partitionLag = partitionLagTails(partitions, points);
        EventStreams.Group g = world.currentScenario().events().groups().get(index);
        LatencySummary e2e = endToEnd();
        return new EventsView.GroupView(name, topic.name, g.assignor().id(), g.commit().id(), g.retry().mode().id(),
                g.idempotent(), List.copyOf(views), committed, positions, lag, stopped, attempts, group.totalLag(),
                group.rebalancing(), group.rebalances(), group.rebalancePauseNanos() / 1e6, group.consumed(),
                group.redelivered(), group.duplicates(), group.deadLettered(), group.skipped(), group.retryBacklog(),
                e2e.count() == 0 ? 0 : e2e.p50Ms(), e2e.count() == 0 ? 0 : e2e.p99Ms(),
                desiredConsumers(), lastDecision(), totalLagSeries.tail(points), partitionLag, endToEndMsP99Series.tail(points), consumersSeries.tail(points),
                desiredSeries.tail(points), consumedPerSecond.tail(points), duplicatesSeries.tail(points),
                deadLetteredSeries.tail(points));
    }

    /**
     * Each partition's lag series, copied once per simulated second rather than in every frame's
     * view: with 256 partitions that is 256 series of 300 points. The arrays are shared by the
     * snapshots of one second and never written after they are made.
     */
    private double[][] partitionLagTails(int partitions, int points) {
        if (partitionLagTails == null || partitionLagTailsAt != samples || partitionLagTails.length != partitions
                || partitionLagTailsPoints != points) {
            double[][] tails = new double[partitions][];
            for (int p = 0; p < partitions; p++) {
                tails[p] = p < partitionLagSeries.size() ? partitionLagSeries.get(p).tail(points) : new double[0];
            }
            partitionLagTails = tails;
            partitionLagTailsAt = samples;
            partitionLagTailsPoints = points;
        }
        return partitionLagTails;
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
