package dev.scalelab.world.network;

import dev.scalelab.engine.events.ConsumerGroup;
import dev.scalelab.engine.events.PartitionLog;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.world.EventStreams;
import dev.scalelab.world.EventsAutoscaler;
import dev.scalelab.world.EventsView;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.RunHistory.EventsMeasure;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A drawn topic watched as the pipeline's Events panel sees its topics and groups: the box's
 * {@link dev.scalelab.engine.events.Topic} as the topic, and one group per consuming edge (the
 * engine's {@link ConsumerGroup}, named after its service), whose consumers are that service's
 * instances (a member while ready or draining). Per second, each group's lag (total and per
 * partition), records consumed, consumers ready and desired, duplicates, dead letters and the
 * end-to-end p99 of the second, under the pipeline's history keys ({@code group <service>}). The
 * p99 of a second takes the group's end-to-end interval, which nothing else of a drawn run reads (its
 * report reads the whole-run total), so the run stays the same. Poison records are looked for from
 * the slowest group's position on, at most {@link #POISON_SCAN} records: where they stop a partition.
 */
final class TopicWatch extends Watch {
    /** How far past the slowest group's position the view looks for poison records. */
    static final int POISON_SCAN = 4096;

    private final TopicNode topic;
    private long publishedAtSecond;
    private long[] consumedAtSecond;
    private long[] duplicatesAtSecond;
    private long[] deadAtSecond;
    /** The box's section and its consumers' services and instance counts the shown scenario was made of. */
    private List<Object> shownParts = List.of();
    private Scenario shownScenario;

    TopicWatch(Network net, TopicNode topic) {
        super(net, topic);
        this.topic = topic;
        int n = topic.groups.size();
        consumedAtSecond = new long[n];
        duplicatesAtSecond = new long[n];
        deadAtSecond = new long[n];
        publishedAtSecond = topic.topic.published();
        for (int k = 0; k < n; k++) {
            ConsumerGroup g = topic.groups.get(k);
            consumedAtSecond[k] = g.consumed();
            duplicatesAtSecond[k] = g.duplicates();
            deadAtSecond[k] = g.deadLettered();
            g.endToEnd().takeInterval(); // the first second's p99 is of the records processed in it, not since t = 0
        }
    }

    /** The history and series key of group {@code g}'s measure {@code m}, as the pipeline names it. */
    static String key(ConsumerGroup g, EventsMeasure m) {
        return RunHistory.Keys.events("group " + g.name(), m);
    }

    @Override
    void take(boolean partial) {
        long published = topic.topic.published();
        put("topic/publishedPerSecond", partial ? Double.NaN : published - publishedAtSecond);
        publishedAtSecond = published;
        for (int k = 0; k < topic.groups.size(); k++) {
            ConsumerGroup g = topic.groups.get(k);
            long worst = -1;
            for (int p = 0; p < topic.topic.partitions(); p++) {
                long lag = g.lag(p);
                worst = Math.max(worst, lag);
                put(key(g, EventsMeasure.LAG) + "/" + p, lag);
            }
            put(key(g, EventsMeasure.LAG), g.totalLag());
            put(key(g, EventsMeasure.LAG_DETAIL), worst < 0 ? Double.NaN : worst);
            double p99 = g.endToEnd().takeIntervalPercentileMs(99);
            put(key(g, EventsMeasure.END_TO_END_P99_MS), partial ? Double.NaN : p99);
            put(key(g, EventsMeasure.CONSUMERS), ready(consumer(k)));
            EventsAutoscaler keda = topic.autoscaler(k);
            put(key(g, EventsMeasure.DESIRED), keda != null ? keda.desired() : consumer(k).scaler.spec());
            put(key(g, EventsMeasure.DUPLICATES), partial ? Double.NaN : g.duplicates() - duplicatesAtSecond[k]);
            put(key(g, EventsMeasure.DEAD_LETTERED), partial ? Double.NaN : g.deadLettered() - deadAtSecond[k]);
            put(key(g, EventsMeasure.LAG) + "/consumed", partial ? Double.NaN : g.consumed() - consumedAtSecond[k]);
            consumedAtSecond[k] = g.consumed();
            duplicatesAtSecond[k] = g.duplicates();
            deadAtSecond[k] = g.deadLettered();
        }
    }

    /** The service of group {@code k}: the k-th edge out of the topic. */
    private ServiceNode consumer(int k) {
        return (ServiceNode) topic.out.get(k).to;
    }

    private static int ready(ServiceNode s) {
        int n = 0;
        for (ServiceNode.Instance in : s.instances) {
            if (in.lifecycle == Lifecycle.READY) {
                n++;
            }
        }
        return n;
    }

    @Override
    Source source(String explanation) {
        return explanation.startsWith("set ") ? Source.USER : Source.EVENTS;
    }

    @Override
    Snapshot view() {
        long[] slowest = new long[topic.topic.partitions()];
        Arrays.fill(slowest, topic.groups.isEmpty() ? 0 : Long.MAX_VALUE);
        for (ConsumerGroup g : topic.groups) {
            for (int p = 0; p < slowest.length; p++) {
                slowest[p] = Math.min(slowest[p], g.position(p));
            }
        }
        EventsView.TopicView topicView = new EventsView.TopicView(topic.id, partitions(slowest), topic.topic.published(),
                topic.topic.backlog(), topic.box().maxRecords(), topic.topic.full(), recent("topic/publishedPerSecond"));
        List<EventsView.GroupView> groups = new ArrayList<>(topic.groups.size());
        for (int k = 0; k < topic.groups.size(); k++) {
            groups.add(group(k));
        }
        double[] times = times();
        double[] none = new double[times.length];
        Arrays.fill(none, Double.NaN);
        EventsView events = new EventsView(List.of(topicView), List.copyOf(groups), List.of(), 0, topic.refused, none, none);
        Snapshot.Series series = new Snapshot.Series(times, none, none, none, none, none, none, none, none, none, none, none);
        LatencySummary latency = topic.latency.total();
        return new Snapshot(net.sim.nowSeconds(), net.sim.eventsFired(), scenario(), List.of(), topic.arrivals, latency.count(),
                topic.ownErrors, topic.errors, null, latency, series, new Snapshot.Dispatches(0, new int[0], new byte[0]), logCount(),
                log(), null, null, null, null, List.of(), null, events, null, history());
    }

    private List<EventsView.PartitionView> partitions(long[] slowest) {
        int n = topic.topic.partitions();
        List<EventsView.PartitionView> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            PartitionLog log = topic.topic.partition(p);
            long end = log.logEndOffset();
            long from = Math.max(log.logStartOffset(), end - EventsView.TAIL_RECORDS);
            long[] keys = new long[(int) (end - from)];
            for (long o = from; o < end; o++) {
                keys[(int) (o - from)] = log.keyAt(o);
            }
            long scanFrom = Math.max(slowest[p], log.logStartOffset());
            long scanTo = Math.min(end, scanFrom + POISON_SCAN);
            long[] poison = new long[0];
            for (long o = scanFrom; o < scanTo; o++) {
                if (log.poisonAt(o)) {
                    poison = Arrays.copyOf(poison, poison.length + 1);
                    poison[poison.length - 1] = o;
                }
            }
            out.add(new EventsView.PartitionView(p, log.logStartOffset(), end, keys, poison));
        }
        return List.copyOf(out);
    }

    private EventsView.GroupView group(int k) {
        ConsumerGroup g = topic.groups.get(k);
        ServiceNode s = consumer(k);
        int partitions = topic.topic.partitions();
        long[] committed = new long[partitions];
        long[] positions = new long[partitions];
        long[] lag = new long[partitions];
        boolean[] stopped = new boolean[partitions];
        int[] attempts = new int[partitions];
        double[][] partitionLag = new double[partitions][];
        for (int p = 0; p < partitions; p++) {
            committed[p] = g.committedOffset(p);
            positions[p] = g.position(p);
            lag[p] = g.lag(p);
            stopped[p] = g.stopped(p);
            attempts[p] = g.retryAttempts(p);
            partitionLag[p] = recent(key(g, EventsMeasure.LAG) + "/" + p);
        }
        Map<String, List<Integer>> assignment = g.assignment();
        List<EventsView.ConsumerView> consumers = new ArrayList<>(s.instances.size());
        for (ServiceNode.Instance in : s.instances) {
            boolean member = in.lifecycle == Lifecycle.READY || in.lifecycle == Lifecycle.DRAINING;
            List<Integer> owned = member ? assignment.getOrDefault(in.name, List.of()) : List.of();
            int[] parts = owned.stream().mapToInt(Integer::intValue).toArray();
            consumers.add(new EventsView.ConsumerView(in.name, in.lifecycle, in.number, parts, member ? g.processing(in.name) : -1,
                    g.processed(in.name)));
        }
        Topology.TopicBox box = topic.box();
        EventsAutoscaler keda = topic.autoscaler(k);
        LatencySummary e2e = g.endToEnd().total();
        return new EventsView.GroupView(g.name(), topic.id, box.assignor().id(), box.commit().id(), box.retry().mode().id(),
                box.idempotent(), List.copyOf(consumers), committed, positions, lag, stopped, attempts, g.totalLag(), g.rebalancing(),
                g.rebalances(), g.rebalancePauseNanos() / 1e6, g.consumed(), g.redelivered(), g.duplicates(), g.deadLettered(),
                g.skipped(), g.retryBacklog(), e2e.count() == 0 ? 0 : e2e.p50Ms(), e2e.count() == 0 ? 0 : e2e.p99Ms(),
                keda == null ? -1 : keda.desired(), keda == null ? "" : keda.lastDecision(), recent(key(g, EventsMeasure.LAG)),
                partitionLag, recent(key(g, EventsMeasure.END_TO_END_P99_MS)), recent(key(g, EventsMeasure.CONSUMERS)),
                recent(key(g, EventsMeasure.DESIRED)), recent(key(g, EventsMeasure.LAG) + "/consumed"),
                recent(key(g, EventsMeasure.DUPLICATES)), recent(key(g, EventsMeasure.DEAD_LETTERED)));
    }

    /**
     * The box in a scenario of its own, as the pipeline's events section: the topic, and per consuming
     * edge a group named after its service, its consumers that service's instances (its spec), its
     * processing that service's service time, its settings the box's; no producers (they are the edges
     * into the box); the other sections the defaults, unread.
     */
    private Scenario scenario() {
        Topology.TopicBox box = topic.box();
        List<Object> shown = new ArrayList<>();
        shown.add(box);
        for (int k = 0; k < topic.groups.size(); k++) {
            shown.add(consumer(k).spec.service());
            shown.add(consumer(k).scaler.spec());
        }
        if (shown.equals(shownParts) && shownScenario != null) {
            return shownScenario;
        }
        EventStreams.Topic t = new EventStreams.Topic(topic.id, box.partitions(), box.retentionSeconds(), box.maxRecords());
        List<EventStreams.Group> groups = new ArrayList<>();
        for (int k = 0; k < topic.groups.size(); k++) {
            ServiceNode s = consumer(k);
            Scenario.Service service = s.spec.service();
            groups.add(new EventStreams.Group(topic.groups.get(k).name(), topic.id, s.scaler.spec(), service.provisionSeconds(),
                    service.bootSeconds(), box.assignor(), service.serviceTime(), box.maxPollRecords(), box.commit(),
                    box.autoCommitIntervalMs(), box.idempotent(), box.sessionTimeoutMs(), box.rebalanceMs(), 0, box.retry(),
                    box.autoscaler()));
        }
        Scenario d = Scenario.DEFAULT;
        Scenario run = net.scenario();
        shownScenario = new Scenario(node.id, "", "", List.of(), run.seed(), run.durationSeconds(), d.workload(), d.service(),
                d.autoscaler(), d.verticalScaler(), null, d.balancer(), null, null, List.of(),
                new EventStreams.Events(List.of(t), List.of(), List.copyOf(groups), List.of()), null, List.of());
        shownParts = shown;
        return shownScenario;
    }
}
