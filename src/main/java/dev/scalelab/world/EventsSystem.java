package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The asynchronous path of the world: topics, producers, consumer groups with their consumers and
 * lag autoscalers, and work queues. Built only when the scenario has {@code events}; without, the
 * world runs exactly as before. Confined to the simulation thread.
 */
final class EventsSystem implements Subsystem {
    /** A scenario field this part changes live, and the step that applies it: see {@link Live}. */
    @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
    @interface Applies { Step value(); String[] fields() default {}; }


    /** How a live change of an {@code events} field is applied. */
    enum Step implements ApplyStep {
        /** More partitions: future keys move, the groups rebalance. */
        PARTITIONS,
        /** A topic's retention or bound. */
        TOPIC,
        /** A producer's fraction or rate. */
        PRODUCERS,
        /** The number of consumers of a group or queue without an autoscaler. */
        CONSUMERS,
        /** A group's consumer settings. */
        GROUP,
        /** A group's lag autoscaler. */
        AUTOSCALER,
        /** A work queue's settings. */
        QUEUE
    }

    private final World world;
    private final Simulation sim;
    private final Map<String, EventsTopic> topics = new LinkedHashMap<>();
    private final Map<String, EventsQueue> queues = new LinkedHashMap<>();
    private final List<EventsGroup> groups = new ArrayList<>();
    private final EventsProducers producers;
    /** The workload's key count when the world was built: a burst's keys spread over it. */
    private final int keyCount;

    private final RingSeries blockedPerSecond = new RingSeries(World.SERIES_CAPACITY);
    private final RingSeries droppedPerSecond = new RingSeries(World.SERIES_CAPACITY);
    private long lastBlocked;
    private long lastDropped;

    EventsSystem(World world, Simulation sim, Scenario scenario, RandomStreams streams) {
        this.world = world;
        this.sim = sim;
        EventStreams.Events events = scenario.events();
        keyCount = scenario.workload().keys().count();
        for (EventStreams.Topic t : events.topics()) {
            topics.put(t.name(), new EventsTopic(sim, t));
        }
        for (int i = 0; i < events.queues().size(); i++) {
            EventStreams.Queue q = events.queues().get(i);
            queues.put(q.name(), new EventsQueue(world, sim, i, q, streams));
        }
        for (int i = 0; i < events.groups().size(); i++) {
            EventStreams.Group g = events.groups().get(i);
            groups.add(new EventsGroup(world, sim, i, g, topics.get(g.topic()), streams));
        }
        producers = new EventsProducers(world, sim, events, topics, queues, streams);
    }

    /** The initial consumers join at t = 0; the autoscalers and steady producers start. */
    void start() {
        for (EventsGroup g : groups) {
            g.start();
        }
        for (EventsQueue q : queues.values()) {
            q.start();
        }
        producers.start();
    }

    /** An engine's log line, prefixed by the name of its group or queue unless it names it first already. */
    static String prefixed(String name, String line) {
        return line.startsWith(name + ":") || line.startsWith("queue " + name + ":") ? line : name + ": " + line;
    }

    // ------------------------------------------------------------------ the request path

    /** See {@link EventsProducers#publish}. */
    boolean publish(Request r) {
        return producers.publish(r);
    }

    // ------------------------------------------------------------------ live parameters

    @Override
    public void apply(Parameter p, Source by) {
        EventStreams.Events events = world.currentScenario().events();
        switch ((Step) p.step()) {
            case PARTITIONS -> addPartitions();
            case TOPIC -> {
                EventStreams.Topic t = events.topics().get(0);
                topics.get(t.name()).topic.reconfigure(Simulation.secondsToNanos(t.retentionSeconds()), t.maxRecords());
            }
            case PRODUCERS -> producers.reconfigure(0);
            case CONSUMERS -> {
                if (p.path().startsWith("events.queues")) {
                    queues.get(events.queues().get(0).name()).consumers.setSpec(events.queues().get(0).consumers());
                } else {
                    groups.get(0).consumers.setSpec(events.groups().get(0).consumers());
                }
            }
            case GROUP -> groups.get(0).reconfigure(events.groups().get(0));
            case AUTOSCALER -> groups.get(0).reconfigureAutoscaler(events.groups().get(0).autoscaler());
            case QUEUE -> queues.get(events.queues().get(0).name()).reconfigure(events.queues().get(0));
        }
    }

    /**
     * Why a change of {@code p} to {@code value} is refused before it is made, or null: Kafka only
     * adds partitions, so a smaller count is refused (and never recorded, so a saved run stays valid).
     */
    String refusal(Parameter p, Object value) {
        if (p.step() != Step.PARTITIONS || world.currentScenario().events().topics().isEmpty()) {
            return null; // a set of a missing topic is refused as any missing item is
        }
        EventsTopic topic = topics.get(world.currentScenario().events().topics().get(0).name());
        int next = ((Number) value).intValue();
        int now = topic.topic.partitions();
        return next >= now ? null
                : p.path() + " " + next + " is below the " + now + " partitions " + topic.name
                        + " has; Kafka only adds partitions";
    }

    /**
     * More partitions: the groups rebalance to take them, and keys published from now on may land
     * on another partition than before.
     */
    private void addPartitions() {
        EventStreams.Topic t = world.currentScenario().events().topics().get(0);
        EventsTopic topic = topics.get(t.name());
        int before = topic.topic.partitions();
        if (t.partitions() == before) {
            return;
        }
        topic.topic.addPartitions(t.partitions());
        world.log(Source.EVENTS, t.name() + ": " + before + " → " + t.partitions() + " partitions; keys published from now "
                + "on may land on another partition (murmur2 mod " + t.partitions() + "), so their order breaks across the "
                + "change");
    }

    // ------------------------------------------------------------------ actions

    /** publish-burst, crash-consumer or poison; false, with a log line, when its target does not exist. */
    boolean act(Action action, Scenario.TimelineEntry e, Source by) {
        String target = e.target();
        switch (action) {
            case PUBLISH_BURST -> {
                long count = Math.round(((Number) e.value()).doubleValue());
                EventsTopic topic = topics.get(target);
                EventsQueue queue = queues.get(target);
                if (topic == null && queue == null) {
                    world.log(by, "publish-burst " + target + ": no such topic or queue");
                    return false;
                }
                long sent = producers.burst(topic, queue, count, keyCount);
                world.log(by, String.format(Locale.ROOT, "publish-burst %s: %,d records", target, sent)
                        + (sent < count ? String.format(Locale.ROOT, ", %,d dropped: it is full", count - sent) : ""));
                return true;
            }
            case CRASH_CONSUMER -> {
                world.log(by, "crash-consumer " + target);
                EventsConsumers owner = consumersOf(target);
                if (owner == null) {
                    world.log(by, "crash-consumer " + target + ": no such group, queue or consumer");
                    return false;
                }
                return owner.crash(target, by);
            }
            case POISON -> {
                EventsTopic topic = topics.get(target);
                if (topic == null) {
                    world.log(by, "poison " + target + ": no such topic");
                    return false;
                }
                Long key = e.value() == null ? null : Math.round(((Number) e.value()).doubleValue());
                topic.poison(key);
                world.log(by, "poison " + target + ": the next record" + (key == null ? "" : " with key " + key)
                        + " published always fails");
                return true;
            }
            default -> throw new AssertionError(action);
        }
    }

    /** The consumers of the group or queue named {@code target}, or of the one a consumer id belongs to. */
    private EventsConsumers consumersOf(String target) {
        for (EventsGroup g : groups) {
            if (g.name.equals(target) || g.consumers.find(target) != null) {
                return g.consumers;
            }
        }
        for (EventsQueue q : queues.values()) {
            if (q.name.equals(target) || q.consumers.find(target) != null) {
                return q.consumers;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ measures

    @Override
    public void sample() {
        for (EventsTopic t : topics.values()) {
            t.sample();
        }
        for (EventsGroup g : groups) {
            g.sample();
        }
        for (EventsQueue q : queues.values()) {
            q.sample();
        }
        blockedPerSecond.append(producers.blocked - lastBlocked);
        droppedPerSecond.append(producers.dropped - lastDropped);
        lastBlocked = producers.blocked;
        lastDropped = producers.dropped;
    }

    @Override
    public void declareColumns(SampleColumns columns, Scenario initial) {
        for (EventsGroup g : groups) {
            String n = SampleColumns.name(g.name);
            columns.add(n + "_lag_count");
            columns.add(n + "_consumers_count");
            columns.add(n + "_e2e_ms_p99");
        }
        for (EventsQueue q : queues.values()) {
            String n = SampleColumns.name(q.name);
            columns.add(n + "_messages_count");
            columns.add(n + "_consumers_count");
            columns.add(n + "_e2e_ms_p99");
        }
        for (EventsTopic t : topics.values()) {
            columns.add(SampleColumns.name(t.name) + "_published_per_s");
        }
    }

    @Override
    public void columnValues(List<String> cells) {
        for (EventsGroup g : groups) {
            cells.add(SampleColumns.count(g.totalLagSeries.last()));
            cells.add(SampleColumns.count(g.consumersSeries.last()));
            cells.add(milliseconds(g.endToEndMsP99Series.last()));
        }
        for (EventsQueue q : queues.values()) {
            cells.add(SampleColumns.count(q.visibleSeries.last() + q.inFlightSeries.last()));
            cells.add(SampleColumns.count(q.consumersSeries.last()));
            cells.add(milliseconds(q.endToEndMsP99Series.last()));
        }
        for (EventsTopic t : topics.values()) {
            cells.add(SampleColumns.count(t.publishedPerSecond.last()));
        }
    }

    private static String milliseconds(double ms) {
        return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.3f", ms);
    }

    @Override
    public void report(ObjectNode root) {
        ObjectNode events = root.putObject("events");
        ArrayNode topicsOut = events.putArray("topics");
        for (EventsTopic t : topics.values()) {
            ObjectNode o = topicsOut.addObject();
            o.put("name", t.name);
            o.put("published", t.topic.published());
            o.put("consumed", t.consumed());
            o.put("lagMax", Math.max(t.lagMax, t.topic.backlog()));
            // A record is processed end to end when its slowest group has processed it.
            double p50 = 0;
            double p99 = 0;
            for (EventsGroup g : t.groups) {
                LatencySummary e2e = g.group.endToEnd().total();
                if (e2e.count() > 0) {
                    p50 = Math.max(p50, e2e.p50Ms());
                    p99 = Math.max(p99, e2e.p99Ms());
                }
            }
            o.putObject("endToEndMs").put("p50", p50).put("p99", p99);
        }
        ArrayNode groupsOut = events.putArray("groups");
        for (EventsGroup g : groups) {
            ObjectNode o = groupsOut.addObject();
            o.put("name", g.name);
            o.put("rebalances", g.group.rebalances());
            o.put("rebalancePauseMsTotal", g.group.rebalancePauseNanos() / 1e6);
            o.put("duplicates", g.group.duplicates());
            o.put("redelivered", g.group.redelivered());
            o.put("deadLettered", g.group.deadLettered());
            o.put("skipped", g.group.skipped());
            ArrayNode timeline = o.putObject("consumers").putArray("timeline");
            for (double[] point : g.consumers.timeline()) {
                timeline.addArray().add(point[0]).add((int) point[1]);
            }
            ObjectNode assignments = o.putObject("assignments");
            for (Map.Entry<String, List<Integer>> a : g.group.assignment().entrySet()) {
                ArrayNode partitions = assignments.putArray(a.getKey());
                for (int p : a.getValue()) {
                    partitions.add(p);
                }
            }
        }
        ArrayNode queuesOut = events.putArray("queues");
        for (EventsQueue q : queues.values()) {
            ObjectNode o = queuesOut.addObject();
            o.put("name", q.name);
            o.put("sent", q.queue.sent());
            o.put("deleted", q.queue.deleted());
            o.put("redelivered", q.queue.redelivered());
            o.put("duplicates", q.queue.duplicates());
            o.put("deadLettered", q.queue.deadLettered());
            LatencySummary e2e = q.queue.endToEnd().total();
            o.putObject("endToEndMs").put("p50", e2e.count() == 0 ? 0 : e2e.p50Ms())
                    .put("p99", e2e.count() == 0 ? 0 : e2e.p99Ms());
        }
        events.put("blockedPublishes", producers.blocked);
        events.put("droppedPublishes", producers.dropped);
    }

    /** Each group's and queue's charted series into the run's history (the Events panel's whole run). */
    void recordHistory(RunHistory h) {
        for (EventsGroup g : groups) {
            String source = "group " + g.name;
            long worst = -1;
            for (int p = 0; p < g.topic.topic.partitions(); p++) {
                worst = Math.max(worst, g.group.lag(p));
            }
            h.put(RunHistory.Keys.events(source, RunHistory.EventsMeasure.LAG), count(g.totalLagSeries.last()));
            h.put(RunHistory.Keys.events(source, RunHistory.EventsMeasure.LAG_DETAIL), count(worst));
            g.recordHistory(h, source);
        }
        for (EventsQueue q : queues.values()) {
            String source = "queue " + q.name;
            h.put(RunHistory.Keys.events(source, RunHistory.EventsMeasure.LAG), count(q.visibleSeries.last()));
            h.put(RunHistory.Keys.events(source, RunHistory.EventsMeasure.LAG_DETAIL), count(q.inFlightSeries.last()));
            q.recordHistory(h, source);
        }
    }

    /** A count or a time: a negative one is "none yet" (a desired count before the first decision). */
    static double count(double v) {
        return v >= 0 ? v : Double.NaN;
    }

    // ------------------------------------------------------------------ the view

    EventsView view(int points) {
        List<EventsView.TopicView> topicViews = new ArrayList<>(topics.size());
        for (EventsTopic t : topics.values()) {
            EventStreams.Topic config = topicConfig(t.name);
            topicViews.add(new EventsView.TopicView(t.name, t.partitionViews(EventsGroup.slowestPositions(t)),
                    t.topic.published(), t.topic.backlog(), config.maxRecords(), t.topic.full(),
                    t.publishedPerSecond.tail(points)));
        }
        List<EventsView.GroupView> groupViews = new ArrayList<>(groups.size());
        for (EventsGroup g : groups) {
            groupViews.add(g.view(points));
        }
        List<EventsView.QueueView> queueViews = new ArrayList<>(queues.size());
        for (EventsQueue q : queues.values()) {
            queueViews.add(q.view(points));
        }
        return new EventsView(List.copyOf(topicViews), List.copyOf(groupViews), List.copyOf(queueViews), producers.blocked,
                producers.dropped, blockedPerSecond.tail(points), droppedPerSecond.tail(points));
    }

    private EventStreams.Topic topicConfig(String name) {
        for (EventStreams.Topic t : world.currentScenario().events().topics()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalStateException("no topic " + name);
    }
}
