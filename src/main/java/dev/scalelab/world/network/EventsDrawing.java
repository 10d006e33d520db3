package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.world.EventStreams;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A scenario's event streams drawn as boxes the network engine runs, both ways. Each steady
 * producer is a clients node publishing straight to its topic (Poisson at its rate and shape, keyed
 * uniformly over its keys, as the pipeline's steady producer is); each topic a topic box of its
 * partitions and retention; each consumer group a service box named after the group, consuming the
 * topic over an edge: a consumer is an instance of one worker (a member processes one record at a
 * time), its processing time the service time, its provision and boot the instance's. The group
 * settings (assignor, poll size, commit, session timeout, rebalance, retry, lag autoscaler) are the
 * topic box's, which holds one set for all its groups. The rest of the scenario is the pipeline's
 * drawing ({@link Pipeline#spell}). {@link Pipeline#spell} itself leaves the events section where it
 * is, so a preset drawn still runs on the pipeline; this drawing runs on {@link Network}.
 */
public final class EventsDrawing {
    private static final Pattern BOX_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private EventsDrawing() {
    }

    /**
     * Why {@code s}'s events section cannot be drawn as boxes (the first reason, naming its field);
     * null when it can, or when it has none.
     */
    public static String whyNot(Scenario s) {
        EventStreams.Events e = s.events();
        if (e == null) {
            return null;
        }
        if (!e.queues().isEmpty()) {
            return "events.queues: its work queues are not drawn as boxes yet";
        }
        Set<String> ids = new HashSet<>();
        Pipeline.spell(s).nodes().forEach(n -> ids.add(n.id()));
        for (int i = 0; i < e.topics().size(); i++) {
            EventStreams.Topic t = e.topics().get(i);
            String why = freeId(t.name(), ids);
            if (why != null) {
                return "events.topics[" + i + "].name: " + why;
            }
            if (e.groups().stream().noneMatch(g -> g.topic().equals(t.name()))) {
                return "events.topics[" + i + "]: no group reads " + t.name() + ", and a drawn topic needs a consumer";
            }
        }
        for (int i = 0; i < e.producers().size(); i++) {
            EventStreams.Producer p = e.producers().get(i);
            String at = "events.producers[" + i + "]";
            if (p.source() != EventStreams.Source.STEADY) {
                return at + ".source: a producer of " + p.source().id() + " is not drawn as a box yet; a steady one is";
            }
            if (!p.keyed()) {
                return at + ".keyed: a drawn clients node sends keyed records only";
            }
            EventStreams.Topic t = topic(e, p.topic());
            if (t != null && t.maxRecords() > 0 && p.whenFull() == EventStreams.WhenFull.BLOCK) {
                return at + ".whenFull: a drawn topic refuses a publish when full (as drop); it does not block";
            }
            String why = freeId(producerId(e, i), ids);
            if (why != null) {
                return at + ": its clients node's name " + why;
            }
        }
        for (int i = 0; i < e.groups().size(); i++) {
            EventStreams.Group g = e.groups().get(i);
            String at = "events.groups[" + i + "]";
            String why = freeId(g.name(), ids);
            if (why != null) {
                return at + ".name: " + why;
            }
            if (g.consumers() < 1) {
                return at + ".consumers: a drawn service has at least one instance";
            }
            if (g.errorRate() > 0) {
                return at + ".errorRate: a drawn service's processing fails only under a fault";
            }
            for (EventStreams.Group other : e.groups()) {
                if (other.topic().equals(g.topic()) && !Objects.equals(box(t(e, g), other), box(t(e, g), g))) {
                    return at + ": " + g.name() + " and " + other.name() + " read " + g.topic() + " with other settings "
                            + "(assignor, poll size, commit, session timeout, rebalance, retry or autoscaler), and a topic box "
                            + "holds one set for all its groups";
                }
            }
        }
        for (int i = 0; i < s.timeline().size(); i++) {
            Scenario.TimelineEntry t = s.timeline().get(i);
            if (t.command().equals("set") && t.path() != null && t.path().startsWith("events.")) {
                return "timeline[" + i + "]: it sets " + t.path() + ", which a drawing names by its box";
            }
        }
        return null;
    }

    /** The pipeline's boxes ({@link Pipeline#spell}), then each producer, topic and group as a box. */
    public static Topology spell(Scenario s) {
        Topology pipeline = Pipeline.spell(s);
        EventStreams.Events e = s.events();
        if (e == null) {
            return pipeline;
        }
        List<Topology.Node> nodes = new ArrayList<>(pipeline.nodes());
        List<Topology.Edge> edges = new ArrayList<>(pipeline.edges());
        for (int i = 0; i < e.producers().size(); i++) {
            EventStreams.Producer p = e.producers().get(i);
            nodes.add(new Topology.Node(producerId(e, i), NodeKind.CLIENTS.id(), "", "", List.of(), traffic(p), d().gateway(), d().cdn(),
                    d().balancer(), false, d().service(), d().autoscaler(), d().verticalScaler(), d().cache(), d().database(), d().queue(),
                    d().topic(), d().external()));
            edges.add(Topology.Edge.of(producerId(e, i), p.topic(), EdgeMode.ASYNC));
        }
        for (EventStreams.Topic t : e.topics()) {
            EventStreams.Group first = e.groups().stream().filter(g -> g.topic().equals(t.name())).findFirst().orElseThrow();
            nodes.add(new Topology.Node(t.name(), NodeKind.TOPIC.id(), "", "", List.of(), d().workload(), d().gateway(), d().cdn(),
                    d().balancer(), false, d().service(), d().autoscaler(), d().verticalScaler(), d().cache(), d().database(), d().queue(),
                    box(t, first), d().external()));
        }
        for (EventStreams.Group g : e.groups()) {
            nodes.add(new Topology.Node(g.name(), NodeKind.SERVICE.id(), "", "", List.of(), d().workload(), d().gateway(), d().cdn(),
                    d().balancer(), false, consumers(g), Scenario.Autoscaler.DEFAULT, Scenario.VerticalScaler.DEFAULT, d().cache(),
                    d().database(), d().queue(), d().topic(), d().external()));
            edges.add(Topology.Edge.of(g.topic(), g.name(), EdgeMode.ASYNC));
        }
        return new Topology(nodes, edges);
    }

    /**
     * {@code s} drawn ({@link Pipeline#drawn}) with its event streams as boxes ({@link #spell}) in
     * place of its events section, which the network does not run.
     *
     * @throws IllegalArgumentException when {@link #whyNot} gives a reason
     */
    public static Scenario drawn(Scenario s) {
        String why = whyNot(s);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        Scenario d = Scenario.DEFAULT;
        return new Scenario(s.name(), s.description(), s.watch(), s.markers(), s.seed(), s.durationSeconds(), d.workload(),
                d.service(), d.autoscaler(), d.verticalScaler(), null, d.balancer(), null, null, List.of(), null, spell(s),
                s.timeline());
    }

    /** The traffic of a steady producer's clients node: Poisson at its rate and shape, writes keyed uniformly over its keys. */
    public static Scenario.Workload traffic(EventStreams.Producer p) {
        Scenario.Workload w = Scenario.DEFAULT.workload();
        Scenario.Keys k = w.keys();
        return new Scenario.Workload(new Scenario.Arrival(Scenario.ArrivalProcess.POISSON, p.ratePerSecond(), p.shape(),
                w.arrival().users(), w.arrival().thinkTime()), new Scenario.Keys(Scenario.KeyDistribution.UNIFORM, k.alpha(),
                p.keyCount(), k.hotTrafficFraction(), k.hotKeyFraction(), 0), 0, List.of());
    }

    /** The topic box of {@code t} read by groups with {@code g}'s settings. */
    public static Topology.TopicBox box(EventStreams.Topic t, EventStreams.Group g) {
        return new Topology.TopicBox(t.partitions(), t.retentionSeconds(), t.maxRecords(), g.assignor(), g.maxPollRecords(),
                g.commit(), g.autoCommitIntervalMs(), g.idempotent(), g.sessionTimeoutMs(), g.rebalanceMs(), g.retry(), g.autoscaler());
    }

    /** The service of group {@code g}'s consumers: one instance each, of one worker, processing for the service time. */
    public static Scenario.Service consumers(EventStreams.Group g) {
        Scenario.Service d = d().service();
        return new Scenario.Service(g.consumers(), 1, d.queueCapacity(), g.processingTime(), d.size(), g.provisionSeconds(),
                g.bootSeconds(), 0, List.of(), List.of());
    }

    /**
     * What a drawing holds of the event streams, in the terms of {@code like} (a start's events
     * section), to compare with it field by field: each of {@code like}'s topics that a topic box is
     * named after (its label, or its id without one); each service one of those boxes leads to, as a
     * group of the service's name ({@link #consumers} and {@link #box} read backwards); each clients
     * node that only publishes straight to boxes, as a steady producer. What a box does not hold (a
     * producer's batch and blocking, a group's error rate) is {@code like}'s. In {@code like}'s order.
     * A part of {@code like} the drawing lacks is a problem, and stands as {@code like} has it so that
     * nothing else is told twice; a group or producer {@code like} does not have is a problem too, and
     * is left out.
     *
     * @param events   the drawing's streams as a section
     * @param problems what the drawing lacks, or holds in a form no section says, one line each
     */
    public record Read(EventStreams.Events events, List<String> problems) {
    }

    public static Read read(Topology t, EventStreams.Events like) {
        List<String> problems = new ArrayList<>();
        List<EventStreams.Topic> topics = new ArrayList<>();
        List<EventStreams.Group> drawnGroups = new ArrayList<>();
        for (EventStreams.Topic want : like.topics()) {
            Topology.Node n = named(t, want.name(), NodeKind.TOPIC);
            if (n == null) {
                problems.add("events.topics: the drawing has no topic box named " + quoted(want.name()));
                topics.add(want);
                continue;
            }
            Topology.TopicBox b = n.topic();
            topics.add(new EventStreams.Topic(want.name(), b.partitions(), b.retentionSeconds(), b.maxRecords()));
            for (Topology.Edge e : t.out(n.id())) {
                Topology.Node s = t.node(e.to());
                String name = name(s);
                EventStreams.Group g = like.groups().stream().filter(x -> x.name().equals(name) && x.topic().equals(want.name()))
                        .findFirst().orElse(EventStreams.Group.DEFAULT);
                Scenario.Service svc = s.service();
                drawnGroups.add(new EventStreams.Group(name, want.name(), svc.instances(), svc.provisionSeconds(), svc.bootSeconds(),
                        b.assignor(), svc.serviceTime(), b.maxPollRecords(), b.commit(), b.autoCommitIntervalMs(), b.idempotent(),
                        b.sessionTimeoutMs(), b.rebalanceMs(), g.errorRate(), b.retry(), b.autoscaler()));
            }
        }
        List<EventStreams.Group> groups = new ArrayList<>();
        for (EventStreams.Group want : like.groups()) {
            EventStreams.Group g = drawnGroups.stream().filter(x -> x.name().equals(want.name()) && x.topic().equals(want.topic()))
                    .findFirst().orElse(null);
            if (g == null) {
                if (named(t, want.topic(), NodeKind.TOPIC) != null) {
                    problems.add("events.groups: the drawing has no service named " + quoted(want.name()) + " consuming "
                            + want.topic() + " (the group " + want.name() + ")");
                }
                groups.add(want);
            } else {
                groups.add(g);
                drawnGroups.remove(g);
            }
        }
        for (EventStreams.Group extra : drawnGroups) {
            problems.add("events.groups: " + extra.name() + " consumes " + extra.topic() + " as a group the start does not have "
                    + "(its groups: " + String.join(", ", like.groups().stream().map(EventStreams.Group::name).toList()) + ")");
        }
        List<EventStreams.Producer> drawnProducers = new ArrayList<>();
        List<String> producerNodes = new ArrayList<>();
        for (Topology.Node n : t.nodes()) {
            if (!publishesOnly(t, n)) {
                continue;
            }
            for (Topology.Edge e : t.out(n.id())) {
                String topic = name(t.node(e.to()));
                Scenario.Workload w = n.workload();
                EventStreams.Producer p = new EventStreams.Producer(topic, EventStreams.Source.STEADY, 1, w.arrival().ratePerSecond(),
                        w.arrival().shape(), true, w.keys().count(), 0, EventStreams.WhenFull.BLOCK, 0);
                if (!traffic(p).equals(w)) {
                    problems.add("events.producers: " + n.id() + " publishes straight to " + topic + " traffic that no steady "
                            + "producer sends (Poisson arrivals of writes, keyed uniformly)");
                }
                drawnProducers.add(p);
                producerNodes.add(n.id());
            }
        }
        List<EventStreams.Producer> producers = new ArrayList<>();
        for (EventStreams.Producer want : like.producers()) {
            EventStreams.Producer p = drawnProducers.stream().filter(x -> x.topic().equals(want.topic())).findFirst().orElse(null);
            if (p == null) {
                problems.add("events.producers: the drawing has no clients node publishing straight to " + want.topic()
                        + " (the producer of " + want.topic() + ")");
                producers.add(want);
            } else {
                producerNodes.remove(drawnProducers.indexOf(p));
                drawnProducers.remove(p);
                producers.add(new EventStreams.Producer(p.topic(), p.source(), want.fraction(), p.ratePerSecond(), p.shape(), p.keyed(),
                        p.keyCount(), want.batchRecords(), want.whenFull(), want.maxBlockMs()));
            }
        }
        for (int i = 0; i < drawnProducers.size(); i++) {
            problems.add("events.producers: " + producerNodes.get(i) + " publishes straight to " + drawnProducers.get(i).topic()
                    + " as a producer the start does not have");
        }
        return new Read(new EventStreams.Events(topics, producers, groups, List.of()), List.copyOf(problems));
    }

    /**
     * Whether {@code n} is a clients node that only publishes, straight to queues and topics: a
     * producer, whose records are not requests ({@link RequestFigures}).
     */
    public static boolean publishesOnly(Topology t, Topology.Node n) {
        List<Topology.Edge> out = t.out(n.id());
        return n.nodeKind() == NodeKind.CLIENTS && !out.isEmpty() && out.stream().allMatch(e -> e.edgeMode() == EdgeMode.ASYNC);
    }

    /** The node of {@code kind} that {@code name} names (its label, or its id without one); null for none. */
    public static Topology.Node named(Topology t, String name, NodeKind kind) {
        for (Topology.Node n : t.nodes()) {
            if (n.nodeKind() == kind && name(n).equals(name)) {
                return n;
            }
        }
        return null;
    }

    private static String name(Topology.Node n) {
        return n.label().isEmpty() ? n.id() : n.label();
    }

    /** The clients node of producer {@code i}: its topic's name, "-producer", and its number among that topic's from the second on. */
    static String producerId(EventStreams.Events e, int i) {
        String topic = e.producers().get(i).topic();
        int before = 0;
        for (int k = 0; k < i; k++) {
            if (e.producers().get(k).topic().equals(topic)) {
                before++;
            }
        }
        return topic + "-producer" + (before == 0 ? "" : "-" + (before + 1));
    }

    private static String freeId(String id, Set<String> taken) {
        if (!BOX_ID.matcher(id).matches()) {
            return quoted(id) + " is no box name (a letter, then letters, digits, '_' and '-')";
        }
        if (!taken.add(id)) {
            return quoted(id) + " names another box of the drawing too";
        }
        return null;
    }

    private static String quoted(String s) {
        return dev.scalelab.world.Quote.of(s);
    }

    private static EventStreams.Topic topic(EventStreams.Events e, String name) {
        return e.topics().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private static EventStreams.Topic t(EventStreams.Events e, EventStreams.Group g) {
        EventStreams.Topic t = topic(e, g.topic());
        return t != null ? t : EventStreams.Topic.DEFAULT;
    }

    private static Topology.Node d() {
        return Topology.Node.DEFAULT;
    }
}
