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
final class EventsQueue extends EventsReader {
    final WorkQueue queue;

    final RingSeries visibleSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries inFlightSeries = new RingSeries(World.SERIES_CAPACITY);

    EventsQueue(World world, Simulation sim, int index, EventStreams.Queue q, RandomStreams streams) {
        super(world, sim, index, q.name());
        this.queue = new WorkQueue(sim, q.name(), config(q), streams.stream("events.queue." + q.name()),
                line -> world.log(Source.EVENTS, EventsSystem.prefixed(q.name(), line)));
        staff(q.consumers(), q.provisionSeconds(), q.bootSeconds(), q.autoscaler());
    }

    @Override
    String listName() {
        return "queues";
    }

    static WorkQueueConfig config(EventStreams.Queue q) {
        return new WorkQueueConfig(q.processingTime().toDistribution(), q.receiveBatch(),
                Simulation.secondsToNanos(q.visibilityTimeoutSeconds()), q.maxReceiveCount(), q.errorRate(), q.maxMessages(),
                q.idempotent());
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


    // ------------------------------------------------------------------ measures

    void sample() {
        sampleReaders(queue.endToEnd(), queue.duplicates(), queue.deadLettered());
        visibleSeries.append(queue.visible());
        inFlightSeries.append(queue.inFlight());
    }

    EventsView.QueueView view(int points) {
        List<EventsView.ConsumerView> views = new ArrayList<>(consumers.consumers.size());
        for (EventsConsumers.Consumer c : consumers.consumers) {
            boolean member = c.lifecycle == Lifecycle.READY || c.lifecycle == Lifecycle.DRAINING;
            views.add(new EventsView.ConsumerView(c.id, c.lifecycle, c.number, new int[0],
                    member && queue.busy(c.id) ? 0 : -1, 0));
        }
        EventStreams.Queue q = world.currentScenario().events().queues().get(index);
        LatencySummary e2e = endToEnd();
        return new EventsView.QueueView(name, List.copyOf(views), queue.visible(), queue.inFlight(), q.maxMessages(),
                queue.sent(), queue.deleted(), queue.redelivered(), queue.duplicates(), queue.deadLettered(),
                q.visibilityTimeoutSeconds(), e2e.count() == 0 ? 0 : e2e.p50Ms(), e2e.count() == 0 ? 0 : e2e.p99Ms(),
                desiredConsumers(), lastDecision(), visibleSeries.tail(points), inFlightSeries.tail(points), consumersSeries.tail(points),
                desiredSeries.tail(points), duplicatesSeries.tail(points), deadLetteredSeries.tail(points),
                endToEndMsP99Series.tail(points));
    }
}
