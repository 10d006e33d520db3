package dev.scalelab.world;

import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.sim.Simulation;

/**
 * What reads from the asynchronous path, a consumer group or a work queue: its consumers with
 * their lifecycle, its autoscaler, and the measures both kinds keep. Confined to the simulation
 * thread.
 */
abstract class EventsReader implements EventsConsumers.Membership, EventsAutoscaler.Target {
    final String name;
    /** Its position in the scenario's list of groups or of queues. */
    final int index;
    final World world;
    final Simulation sim;
    EventsConsumers consumers;
    /** Null without an autoscaler. */
    EventsAutoscaler autoscaler;

    final RingSeries consumersSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries desiredSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries endToEndMsP99Series = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries duplicatesSeries = new RingSeries(World.SERIES_CAPACITY);
    final RingSeries deadLetteredSeries = new RingSeries(World.SERIES_CAPACITY);
    private long lastDuplicates;
    private long lastDeadLettered;
    /** The end-to-end latency summarised at the last sample: the view reads it every frame. */
    private LatencySummary sampledEndToEnd = LatencySummary.EMPTY;

    /** The series every reader has, into the run's history under {@code source}. */
    void recordHistory(RunHistory h, String source) {
        h.put(RunHistory.Keys.events(source, RunHistory.EventsMeasure.END_TO_END_P99_MS), EventsSystem.count(endToEndMsP99Series.last()));
        h.put(RunHistory.Keys.events(source, RunHistory.EventsMeasure.CONSUMERS), EventsSystem.count(consumersSeries.last()));
        h.put(RunHistory.Keys.events(source, RunHistory.EventsMeasure.DESIRED), EventsSystem.count(desiredSeries.last()));
        h.put(RunHistory.Keys.events(source, RunHistory.EventsMeasure.DUPLICATES), EventsSystem.count(duplicatesSeries.last()));
        h.put(RunHistory.Keys.events(source, RunHistory.EventsMeasure.DEAD_LETTERED), EventsSystem.count(deadLetteredSeries.last()));
    }

    EventsReader(World world, Simulation sim, int index, String name) {
        this.world = world;
        this.sim = sim;
        this.index = index;
        this.name = name;
    }

    /** Its consumers and autoscaler, made once the engine object they join exists. */
    final void staff(int initialConsumers, double provisionSeconds, double bootSeconds, EventStreams.LagAutoscaler a) {
        consumers = new EventsConsumers(world, sim, name, initialConsumers, provisionSeconds, bootSeconds, this);
        if (a != null && a.policy() == EventStreams.ScalerKind.KEDA_LAG) {
            autoscaler = new EventsAutoscaler(world, sim, this, a);
        }
    }

    /** The list of the scenario's {@code events} that holds it: "groups" or "queues". */
    abstract String listName();

    final void start() {
        consumers.start();
        if (autoscaler != null) {
            autoscaler.start();
        }
    }

    /** The autoscaler's settings changed: created, edited or turned off. */
    final void reconfigureAutoscaler(EventStreams.LagAutoscaler a) {
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

    // ------------------------------------------------------------------ the autoscaler's target

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int spec() {
        return consumers.spec();
    }

    @Override
    public final void scaleTo(int n) {
        consumers.setSpec(n);
        // The scenario follows the autoscaler, as the service's instances follow the HPA.
        world.replaceScenario(ScenarioFields.with(world.currentScenario(),
                "events." + listName() + "[" + index + "].consumers", n));
    }

    // ------------------------------------------------------------------ measures

    /** The second's sample of what groups and queues both measure. */
    final void sampleReaders(LatencyRecorder endToEnd, long duplicates, long deadLettered) {
        consumers.tidy();
        consumersSeries.append(consumers.readyCount());
        desiredSeries.append(autoscaler == null ? consumers.spec() : autoscaler.desired());
        endToEndMsP99Series.append(endToEnd.takeIntervalPercentileMs(99));
        sampledEndToEnd = endToEnd.total();
        duplicatesSeries.append(duplicates - lastDuplicates);
        deadLetteredSeries.append(deadLettered - lastDeadLettered);
        lastDuplicates = duplicates;
        lastDeadLettered = deadLettered;
    }

    final LatencySummary endToEnd() {
        return sampledEndToEnd;
    }

    final int desiredConsumers() {
        return autoscaler == null ? -1 : autoscaler.desired();
    }

    final String lastDecision() {
        return autoscaler == null ? "" : autoscaler.lastDecision();
    }
}
