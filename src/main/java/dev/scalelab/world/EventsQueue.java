package dev.scalelab.world;

import dev.scalelab.engine.events.WorkQueue;
import dev.scalelab.engine.events.WorkQueueConfig;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * A work queue in the world: the engine's {@link WorkQueue}, its consumers with their lifecycle,
 * its autoscaler (KEDA's SQS scaler: visible and in-flight messages, no partition cap), and its
 * measures. Confined to the simulation thread.
 */
final class EventsQueue implements EventsConsumers.Membership, EventsAutoscaler.Target {
    final String name;
    final WorkQueue queue;
    final EventsConsumers consumers;
    private final World world;
    private final Simulation sim;
    /** Its position in the scenario's list of queues. */
    final int index;
    /** Null without an autoscaler. */
    EventsAutoscaler autoscaler;

    final RingSeries visibleSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries inFlightSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries consumersSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries desiredSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries duplicatesSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries deadLetteredSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries endToEndMsP99Series = new RingSeries(World.SERIES_CAPACITY);
    private long lastDuplicates;
    private long lastDeadLettered;
    private LatencySummary sampledEndToEnd = LatencySummary.EMPTY;

    EventsQueue(World world, Simulation sim, int index, EventStreams.Queue q, RandomStreams streams) {
        this.world = world;
        this.sim = sim;
        this.index = index;
        this.name = q.name();
        this.queue = new WorkQueue(sim, q.name(), config(q), streams.stream("events.queue." + q.name()),
                line -> world.log(Source.EVENTS, EventsSystem.prefixed(q.name(), line)));
        consumers = new EventsConsumers(world, sim, q.name(), q.consumers(), q.provisionSeconds(), q.bootSeconds(), this);
        if (q.autoscaler() != null && q.autoscaler().policy() == EventStreams.ScalerKind.KEDA_LAG) {
            autoscaler = new EventsAutoscaler(world, sim, this, q.autoscaler());
        }
    }

    static WorkQueueConfig config(EventStreams.Queue q) {
        return new WorkQueueConfig(q.processingTime().toDistribution(), q.receiveBatch(),
                Simulation.secondsToNanos(q.visibilityTimeoutSeconds()), q.maxReceiveCount(), q.errorRate(), q.maxMessages(),
                q.idempotent());
    }

    void start() {
        consumers.start();
        if (autoscaler != null) {
            autoscaler.start();
        }
    }

    void reconfigure(EventStreams.Queue q) {
        queue.reconfigure(config(q));
        consumers.configure(q.provisionSeconds(), q.bootSeconds());
    }

    // ------------------------------------------------------------------ membership

    @Override
    public void join(String id) {
        queue.addConsumer(id);
    }

    @Override
    public void leave(String id) {
        queue.removeConsumer(id);
    }

    @Override
    public void crash(String id) {
        queue.crashConsumer(id);
    }

    @Override
    public boolean gone(String id) {
        return !queue.consumers().contains(id) && !queue.busy(id);
    }

    // ------------------------------------------------------------------ the autoscaler's target

    @Override
    public String name() {
        return name;
    }

    @Override
    public long lag() {
        return queue.visible() + queue.inFlight();
    }

    @Override
    public int partitions() {
        return -1;
    }

    @Override
    public int partitionsWithLag() {
        return -1;
    }

    @Override
    public int spec() {
        return consumers.spec();
    }

    @Override
    public void scaleTo(int n) {
        consumers.setSpec(n);
        world.replaceScenario(ScenarioFields.with(world.currentScenario(), "events.queues[" + index + "].consumers", n));
    }

    // ------------------------------------------------------------------ measures

    void sample() {
        consumers.tidy();
        visibleSeries.append(queue.visible());
        inFlightSeries.append(queue.inFlight());
        consumersSeries.append(consumers.readyCount());
        desiredSeries.append(autoscaler == null ? consumers.spec() : autoscaler.desired());
        endToEndMsP99Series.append(queue.endToEnd().takeIntervalPercentileMs(99));
        sampledEndToEnd = queue.endToEnd().total();
        long duplicates = queue.duplicates();
        long deadLettered = queue.deadLettered();
        duplicatesSeries.append(duplicates - lastDuplicates);
        deadLetteredSeries.append(deadLettered - lastDeadLettered);
        lastDuplicates = duplicates;
        lastDeadLettered = deadLettered;
    }

    LatencySummary endToEnd() {
        return sampledEndToEnd;
    }

    EventsView.QueueView view(int points) {
        List<EventsView.ConsumerView> views = new ArrayList<>(consumers.consumers.size());
        for (EventsConsumers.Consumer c : consumers.consumers) {
            boolean member = c.lifecycle == Lifecycle.READY || c.lifecycle == Lifecycle.DRAINING;
            views.add(new EventsView.ConsumerView(c.id, c.lifecycle, c.number, new int[0],
                    member && queue.busy(c.id) ? 0 : -1, 0));
        }
        EventStreams.Queue q = world.currentScenario().events().queues().get(index);
        LatencySummary e2e = sampledEndToEnd;
        return new EventsView.QueueView(name, List.copyOf(views), queue.visible(), queue.inFlight(), q.maxMessages(),
                queue.sent(), queue.deleted(), queue.redelivered(), queue.duplicates(), queue.deadLettered(),
                q.visibilityTimeoutSeconds(), e2e.count() == 0 ? 0 : e2e.p50Ms(), e2e.count() == 0 ? 0 : e2e.p99Ms(),
                autoscaler == null ? -1 : autoscaler.desired(), autoscaler == null ? "" : autoscaler.lastDecision(),
                visibleSeries.tail(points), inFlightSeries.tail(points), consumersSeries.tail(points),
                desiredSeries.tail(points), duplicatesSeries.tail(points), deadLetteredSeries.tail(points),
                endToEndMsP99Series.tail(points));
    }
}
