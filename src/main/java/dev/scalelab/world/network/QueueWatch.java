package dev.scalelab.world.network;

import dev.scalelab.engine.events.WorkQueue;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.world.EventStreams;
import dev.scalelab.world.EventsView;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.RunHistory.EventsMeasure;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A drawn queue watched as the pipeline's Events panel sees a work queue: the box's {@link WorkQueue},
 * whose consumers are the workers of the one service it feeds ({@code worker-0/2}, each drawn in its
 * instance's colour and lifecycle). Per second, its visible and in-flight messages, ready and desired
 * consumers, duplicates, dead letters and the end-to-end p99 of the second, under the pipeline's history
 * keys ({@code queue <id>}). The p99 of a second takes the queue's end-to-end interval, which nothing else
 * of a drawn run reads, so the run stays the same. A queue several services read is not watched: the
 * panel shows one pool of consumers per queue, with one processing time.
 */
final class QueueWatch extends Watch {
    private final MessagingNode box;
    private final ServiceNode service;
    private long duplicatesAtSecond;
    private long deadAtSecond;
    private List<Object> shownParts = List.of();
    private Scenario shownScenario;

    /** @throws ScenarioException naming the node when it feeds no service, or more than one */
    QueueWatch(Network net, MessagingNode box) {
        super(net, box);
        this.box = box;
        List<String> read = box.out.stream().map(l -> l.to.id).distinct().toList();
        if (read.size() != 1) {
            throw new ScenarioException("nodes." + box.id, read.isEmpty() ? "no service reads " + box.id + ": it has no consumers to show"
                    : box.id + " is read by " + read.size() + " services (" + String.join(", ", read) + "): the Events panel shows a "
                    + "work queue's one pool of consumers, with one processing time");
        }
        this.service = (ServiceNode) box.out.get(0).to;
        duplicatesAtSecond = box.queue.duplicates();
        deadAtSecond = box.queue.deadLettered();
        box.queue.endToEnd().takeInterval(); // the first second's p99 is of the messages of that second, not since t = 0
    }

    private String key(EventsMeasure m) {
        return RunHistory.Keys.events("queue " + box.id, m);
    }

    @Override
    void take(boolean partial) {
        WorkQueue q = box.queue;
        put(key(EventsMeasure.LAG), q.visible());
        put(key(EventsMeasure.LAG_DETAIL), q.inFlight());
        double p99 = q.endToEnd().takeIntervalPercentileMs(99);
        put(key(EventsMeasure.END_TO_END_P99_MS), partial ? Double.NaN : p99);
        put(key(EventsMeasure.CONSUMERS), q.consumers().size());
        put(key(EventsMeasure.DESIRED), (double) service.scaler.spec() * service.spec.service().workersPerInstance());
        put(key(EventsMeasure.DUPLICATES), partial ? Double.NaN : q.duplicates() - duplicatesAtSecond);
        put(key(EventsMeasure.DEAD_LETTERED), partial ? Double.NaN : q.deadLettered() - deadAtSecond);
        duplicatesAtSecond = q.duplicates();
        deadAtSecond = q.deadLettered();
    }

    @Override
    Source source(String explanation) {
        return explanation.startsWith("set ") ? Source.USER : Source.EVENTS;
    }

    @Override
    Snapshot view() {
        WorkQueue q = box.queue;
        List<EventsView.ConsumerView> consumers = new ArrayList<>();
        for (ServiceNode.Instance in : service.instances) {
            boolean member = in.lifecycle == Lifecycle.READY || in.lifecycle == Lifecycle.DRAINING;
            for (int w = 0; w < in.workers; w++) {
                String id = MessagingNode.consumerOf(in, w);
                consumers.add(new EventsView.ConsumerView(id, in.lifecycle, in.number, new int[0], member && q.busy(id) ? 0 : -1, 0));
            }
        }
        Topology.Messaging delivery = box.delivery();
        LatencySummary e2e = q.endToEnd().total();
        EventsView.QueueView queue = new EventsView.QueueView(box.id, List.copyOf(consumers), q.visible(), q.inFlight(),
                delivery.capacity(), q.sent(), q.deleted(), q.redelivered(), q.duplicates(), q.deadLettered(),
                delivery.visibilityTimeoutSeconds(), e2e.count() == 0 ? 0 : e2e.p50Ms(), e2e.count() == 0 ? 0 : e2e.p99Ms(), -1, "",
                recent(key(EventsMeasure.LAG)), recent(key(EventsMeasure.LAG_DETAIL)), recent(key(EventsMeasure.CONSUMERS)),
                recent(key(EventsMeasure.DESIRED)), recent(key(EventsMeasure.DUPLICATES)), recent(key(EventsMeasure.DEAD_LETTERED)),
                recent(key(EventsMeasure.END_TO_END_P99_MS)));
        double[] times = times();
        double[] none = new double[times.length];
        Arrays.fill(none, Double.NaN);
        EventsView events = new EventsView(List.of(), List.of(), List.of(queue), 0, box.refused, none, none);
        Snapshot.Series series = new Snapshot.Series(times, none, none, none, none, none, none, none, none, none, none, none);
        LatencySummary latency = box.latency.total();
        return new Snapshot(net.sim.nowSeconds(), net.sim.eventsFired(), scenario(delivery), List.of(), box.arrivals, latency.count(),
                box.ownErrors, box.errors, null, latency, series, new Snapshot.Dispatches(0, new int[0], new byte[0]), logCount(),
                log(), null, null, null, null, List.of(), null, events, null, history());
    }

    /**
     * The box as the pipeline's work queue, in a scenario of its own: its consumers the service's
     * workers (its instances times their workers), one message a receive, its processing the service's
     * service time, its visibility timeout, receives and capacity the box's; the other sections the defaults, unread.
     */
    private Scenario scenario(Topology.Messaging delivery) {
        Scenario.Service s = service.spec.service();
        List<Object> parts = List.of(delivery, s, service.scaler.spec());
        if (parts.equals(shownParts) && shownScenario != null) {
            return shownScenario;
        }
        EventStreams.Queue queue = new EventStreams.Queue(box.id, service.scaler.spec() * s.workersPerInstance(), s.provisionSeconds(),
                s.bootSeconds(), s.serviceTime(), 1, delivery.visibilityTimeoutSeconds(), delivery.maxReceives(), 0,
                delivery.capacity(), false, null);
        Scenario d = Scenario.DEFAULT;
        Scenario run = net.scenario();
        shownScenario = new Scenario(node.id, "", "", List.of(), run.seed(), run.durationSeconds(), d.workload(), d.service(),
                d.autoscaler(), d.verticalScaler(), null, d.balancer(), null, null, List.of(),
                new EventStreams.Events(List.of(), List.of(), List.of(), List.of(queue)), null, List.of());
        shownParts = parts;
        return shownScenario;
    }
}
