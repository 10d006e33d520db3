package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.events.ConsumerGroup;
import dev.scalelab.engine.events.EventRecord;
import dev.scalelab.engine.events.GroupConfig;
import dev.scalelab.engine.events.Partitioner;
import dev.scalelab.engine.events.RecordProcessor;
import dev.scalelab.engine.events.Topic;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.DistributionSpec;
import dev.scalelab.world.EventStreams;
import dev.scalelab.world.EventsAutoscaler;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A topic box, run by the pipeline's engines: a {@link Topic} of partitions, a keyed record placed
 * by Kafka's partitioner of its request's key, and one {@link ConsumerGroup} per consuming edge,
 * named after the edge's service. Each ready instance of that service is a member (it joins when
 * ready, leaves cleanly when it drains, and crashes with the instance, so the group notices only a
 * session timeout later). A member processes its partitions' records one at a time, as a Kafka
 * poll loop does, each on one of its instance's workers, which makes the service's own calls; a
 * record whose processing the service answers with an error is retried and dead-lettered as the
 * group's retry says. The node's response time is publish → processed; what it holds is the lag
 * of its groups.
 */
final class TopicNode extends Broker {
    private Topology.TopicBox box;
    final Topic topic;
    /** KEDA on each consuming service, when the box has an autoscaler. */
    private final List<EventsAutoscaler> autoscalers = new ArrayList<>();
    /** One group per edge that leaves the topic, in the order they were drawn. */
    final List<ConsumerGroup> groups = new ArrayList<>();
    /** The instances that are members, by member id (the instance's name). */
    private final Map<String, ServiceNode.Instance> members = new HashMap<>();
    /** Dead letters and skipped records counted into {@link #errors} so far. */
    private long givenUpCounted;
    /** The largest backlog of its slowest group seen at a second's end, as the pipeline's topic keeps it. */
    private long lagMax;

    TopicNode(Network net, Topology.Node spec) {
        super(net, spec);
        this.box = spec.topic();
        this.topic = new Topic(sim, id, box.partitions(), Simulation.secondsToNanos(box.retentionSeconds()), box.maxRecords());
    }

    @Override
    void change(NodeChange.Change c) {
        Topology.TopicBox next = spec.topic();
        switch (c.how()) {
            case TOPIC_PARTITIONS -> {
                int before = topic.partitions();
                if (next.partitions() > before) {
                    topic.addPartitions(next.partitions()); // its groups rebalance to take them
                    net.decide(this, before + " -> " + next.partitions() + " partitions; keys published from now on may land "
                            + "on another partition (murmur2 mod " + next.partitions() + "), so their order breaks across the change");
                }
            }
            case TOPIC_LOG -> topic.reconfigure(Simulation.secondsToNanos(next.retentionSeconds()), next.maxRecords());
            case TOPIC_GROUPS -> {
                for (ConsumerGroup g : groups) {
                    g.reconfigure(config(next));
                }
            }
            case TOPIC_AUTOSCALER -> {
                for (EventsAutoscaler keda : autoscalers) {
                    keda.reconfigure(next.autoscaler());
                }
            }
            default -> super.change(c);
        }
        box = next;
    }

    /** The group settings of the box, the record's processing left to the service (its time is never drawn). */
    static GroupConfig config(Topology.TopicBox b) {
        EventStreams.Retry r = b.retry();
        return new GroupConfig(b.assignor(), DistributionSpec.constant(0).toDistribution(), b.maxPollRecords(), b.commit(),
                Simulation.millisToNanos(b.autoCommitIntervalMs()), b.idempotent(), Simulation.millisToNanos(b.sessionTimeoutMs()),
                Simulation.millisToNanos(b.rebalanceMs()), 0, r.mode(), r.maxAttempts(), Simulation.millisToNanos(r.backoffMs()),
                r.multiplier(), Simulation.millisToNanos(r.maxBackoffMs()), r.deadLetter());
    }

    @Override
    void connect() {
        for (int i = 0; i < out.size(); i++) {
            Link l = out.get(i);
            ServiceNode s = (ServiceNode) l.to;
            ConsumerGroup g = new ConsumerGroup(sim, s.id, topic, config(box), net.streams.stream("node." + id + ".group." + s.id),
                    line -> net.decide(this, line.startsWith(s.id + ":") ? line : s.id + ": " + line));
            g.processBy(processor(l));
            groups.add(g);
            s.feeds.add(this);
            for (ServiceNode.Instance in : s.instances) {
                if (in.acceptsTraffic()) {
                    join(g, in);
                }
            }
            if (box.autoscaler() != null) {
                EventsAutoscaler keda = new EventsAutoscaler(sim, lagTarget(s, g), box.autoscaler(),
                        (now, current, proposed, settled, message, inputs) -> net.decide(this, message));
                autoscalers.add(keda);
                keda.start();
            }
        }
    }

    /** KEDA's view of a consuming service: its group's lag over the topic's partitions, its desired instance count. */
    private EventsAutoscaler.Target lagTarget(ServiceNode s, ConsumerGroup g) {
        return new EventsAutoscaler.Target() {
            @Override
            public String name() {
                return s.id;
            }

            @Override
            public long lag() {
                return g.totalLag();
            }

            @Override
            public int partitions() {
                return topic.partitions();
            }

            @Override
            public int partitionsWithLag() {
                return g.partitionsWithLag();
            }

            @Override
            public int spec() {
                return s.scaler.spec();
            }

            @Override
            public void scaleTo(int instances) {
                s.scaler.setSpec(instances, null);
            }
        };
    }

    /** Refuses a topic box's autoscaler on a service another autoscaler already decides, by its path. */
    static void check(Topology t) {
        java.util.Set<String> scaled = new java.util.HashSet<>();
        for (int i = 0; i < t.nodes().size(); i++) {
            Topology.Node n = t.nodes().get(i);
            if (n.nodeKind() != dev.scalelab.design.NodeKind.TOPIC || n.topic().autoscaler() == null) {
                continue;
            }
            String at = "topology.nodes[" + i + "].topic.autoscaler";
            for (Topology.Edge e : t.out(n.id())) {
                Topology.Node s = t.node(e.to());
                if (s.autoscaler().policy() != Scenario.AutoscalerPolicy.NONE) {
                    throw new ScenarioException(at, s.id() + " has its own autoscaler (" + s.autoscaler().policy().id() + "): "
                            + "one autoscaler decides a service's instances; set its autoscaler.policy to none, or remove this one");
                }
                if (!scaled.add(s.id())) {
                    throw new ScenarioException(at, s.id() + " already scales on the lag of another topic: one autoscaler "
                            + "decides a service's instances");
                }
            }
        }
    }

    /** A member's record goes to its own instance over the edge, and the edge's answer is the processing's outcome. */
    private RecordProcessor processor(Link l) {
        return (memberId, partition, record, done) -> {
            if (down) {
                heldWhileDown.add(() -> handOut(l, memberId, record, done));
                return;
            }
            handOut(l, memberId, record, done);
        };
    }

    private void handOut(Link l, String memberId, EventRecord record, RecordProcessor.Done done) {
        Flow f = new Flow(record.id() >> 1, (int) record.key(), (record.id() & 1) == 1, record.publishNanos());
        f.pinned = members.get(memberId);
        f.receives = record.attempt() + 1;
        f.poisoned = record.poison();
        l.send(f, ok -> {
            if (ok && !record.poison()) {
                latency.recordNanos(sim.nowNanos() - record.publishNanos());
            }
            done.done(ok);
        });
    }

    private void join(ConsumerGroup g, ServiceNode.Instance in) {
        members.put(in.name, in);
        if (g.members().contains(in.name)) {
            g.leave(in.name); // back from a zone outage before its session timed out: its crashed self goes first
        }
        g.join(in.name);
    }

    private List<ConsumerGroup> groupsOf(ServiceNode consumer) {
        List<ConsumerGroup> of = new ArrayList<>(1);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).to == consumer) {
                of.add(groups.get(i));
            }
        }
        return of;
    }

    @Override
    void instanceReady(ServiceNode consumer, ServiceNode.Instance in) {
        for (ConsumerGroup g : groupsOf(consumer)) {
            join(g, in);
        }
    }

    @Override
    void instanceLeaving(ServiceNode consumer, ServiceNode.Instance in) {
        for (ConsumerGroup g : groupsOf(consumer)) {
            g.leave(in.name);
        }
        members.remove(in.name); // a leaving member hands out nothing more: its record in hand is already at its instance
    }

    @Override
    void instanceCrashed(ServiceNode consumer, ServiceNode.Instance in) {
        for (ConsumerGroup g : groupsOf(consumer)) {
            g.crash(in.name);
        }
        members.remove(in.name);
    }

    @Override
    boolean publish(Link from, Flow f) {
        arrive(from);
        if (down || topic.full()) {
            return refuse();
        }
        published++;
        boolean poisoned = poisons(f.key);
        if (poisoned) {
            poisonSpent();
        }
        // The record id carries whether its request read, so its consumer's edges of reads or writes still tell.
        long recordId = f.id << 1 | (f.read ? 1 : 0);
        topic.append(Partitioner.partitionOf(f.key, topic.partitions()),
                new EventRecord(recordId, f.key, sim.nowNanos(), 0, poisoned));
        return true;
    }

    @Override
    void tick() {
        long givenUp = 0;
        for (ConsumerGroup g : groups) {
            givenUp += g.deadLettered() + g.skipped();
        }
        // A record given up after its last attempt is the box's error, as a queue's dead letter is.
        errors += givenUp - givenUpCounted;
        ownErrors += givenUp - givenUpCounted;
        givenUpCounted = givenUp;
        lagMax = Math.max(lagMax, topic.backlog());
        super.tick();
    }

    /** What the groups have not committed: Σ over groups of (log end − committed), the lag KEDA reads. */
    @Override
    int queued() {
        long lag = 0;
        for (ConsumerGroup g : groups) {
            lag += g.totalLag();
        }
        return (int) Math.min(Integer.MAX_VALUE, lag);
    }

    /** What its groups have not processed yet: Σ over groups and partitions of (log end − position). */
    long unprocessed() {
        long n = 0;
        for (ConsumerGroup g : groups) {
            for (int p = 0; p < topic.partitions(); p++) {
                n += topic.partition(p).logEndOffset() - g.position(p);
            }
        }
        return n;
    }

    /** Records in hand at a member. */
    @Override
    int inService() {
        int n = 0;
        for (ConsumerGroup g : groups) {
            for (String m : g.members()) {
                if (g.processing(m) >= 0) {
                    n++;
                }
            }
        }
        return n;
    }

    long consumed() {
        long n = 0;
        for (ConsumerGroup g : groups) {
            n += g.consumed();
        }
        return n;
    }

    long deadLetters() {
        long n = 0;
        for (ConsumerGroup g : groups) {
            n += g.deadLettered();
        }
        return n;
    }

    /** Its section as it runs now, for a watch to read. */
    Topology.TopicBox box() {
        return box;
    }

    /** KEDA on the service of group {@code k} (the k-th edge out), or null when the box has no autoscaler; for a watch to read. */
    EventsAutoscaler autoscaler(int k) {
        return k < autoscalers.size() ? autoscalers.get(k) : null;
    }

    /** The group of {@code service}, or null when it does not consume this topic. */
    ConsumerGroup group(String service) {
        for (ConsumerGroup g : groups) {
            if (g.name().equals(service)) {
                return g;
            }
        }
        return null;
    }

    /**
     * Publish → processed, ms, as the pipeline's events report gives a topic's: a record is processed
     * end to end when its slowest group has processed it, so the largest of its groups' figures
     * ({@code figure} picks the p50 or the p99 of each); 0 before any record was processed.
     */
    double endToEndMs(ToDoubleFunction<LatencySummary> figure) {
        double most = 0;
        for (ConsumerGroup g : groups) {
            LatencySummary e2e = g.endToEnd().total();
            if (e2e.count() > 0) {
                most = Math.max(most, figure.applyAsDouble(e2e));
            }
        }
        return most;
    }

    /** Its largest backlog at a second's end so far, or now: the pipeline's {@code lagMax}. */
    long lagMax() {
        return Math.max(lagMax, topic.backlog());
    }

    @Override
    void report(ObjectNode out) {
        out.put("published", published);
        out.put("consumed", consumed());
        out.put("lagMax", lagMax());
        out.putObject("endToEndMs").put("p50", endToEndMs(LatencySummary::p50Ms))
                .put("p99", endToEndMs(LatencySummary::p99Ms));
        out.put("deadLetters", deadLetters());
        out.put("refused", refused);
        out.put("backlog", queued());
        out.put("partitions", topic.partitions());
        ObjectNode gs = out.putObject("groups");
        for (ConsumerGroup g : groups) {
            ObjectNode o = gs.putObject(g.name());
            o.put("members", g.members().size());
            o.put("lag", g.totalLag());
            o.put("consumed", g.consumed());
            o.put("rebalances", g.rebalances());
            o.put("redelivered", g.redelivered());
            o.put("duplicates", g.duplicates());
            o.put("failedAttempts", g.failedAttempts());
            o.put("deadLetters", g.deadLettered());
            o.put("skipped", g.skipped());
            o.put("lostToRetention", g.lostToRetention());
            int k = groups.indexOf(g);
            if (k < autoscalers.size() && !autoscalers.get(k).lastDecision().isEmpty()) {
                o.put("lastLagDecision", autoscalers.get(k).lastDecision());
            }
            o.put("endToEndMsP99", g.endToEnd().total().count() == 0 ? 0 : g.endToEnd().total().p99Ms());
        }
    }
}
