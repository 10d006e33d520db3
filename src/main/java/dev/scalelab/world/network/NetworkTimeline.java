package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.balancing.LoadBalancingStrategy;
import dev.scalelab.engine.resilience.Fault;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Topology;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A drawn system's timeline: faults put on its nodes at their moments, with the pipeline's meaning.
 * An instance of a service is named as the canvas names it ({@code api-0}: the service's id and its
 * number); a cache's level as its node's id and the level's name ({@code redis/L2}; a CDN's is
 * {@code edge}, and flush-cache takes the whole box by its id); a database's shard as its node's id
 * and the shard ({@code orders/0}); a database's replica as its node's id and the replica's name
 * ({@code orders/s0-r1}); an external API by its node's id. expire-key expires the key in every cache
 * and CDN. add-shard takes its database's id, remove-shard a shard or (the database's id) its last;
 * add-instance its service's id, remove-instance its service's id or an instance to drain first;
 * full-gc an instance or a whole service (every service with a runtime when it names none). A target
 * a drawing with one such box does not need may be left out. A set changes the traffic of its one
 * clients node (its rate, its read ratio, by the pipeline's paths), or any live field of one node by
 * its path under the node ({@code nodes.api.service.instances}; see {@link NodeChange}): such a set
 * is checked at load against the design as the sets before it leave it (its node, field, liveness
 * and value), and applied between events at its moment, as a change made while the design runs is
 * ({@link Network#apply}). Each acts on the engine the node shares with the pipeline, by that
 * engine's own method. What a drawn system does not run yet (a field it cannot change live) is
 * refused by the entry's path, never ignored. leak-connections
 * takes a service with connection pools by its id, or every such service; weight-instance an instance
 * of a service behind a balancer that balances by weight. publish-burst and poison take a queue or
 * topic box by its id: a burst is published at once as a producer without an edge would publish it,
 * keyed uniformly over the design's keys (what does not fit a full box is refused, the box's way); a
 * poisoned message (the next with the key, or the next at all) fails each consumer's processing every
 * time, so a queue redelivers it up to its maxReceives and then dead-letters it, and each group of a
 * topic retries it as its retry says. crash-consumer takes an instance of a service that consumes a
 * drawn topic ({@code billing-2}), or the service ({@code billing}) for its lowest-numbered ready
 * instance, as the pipeline's takes a group: a consumer is its instance, so the instance crashes as under
 * kill-instance and a replacement starts; each of its groups notices a session timeout later, gives
 * its partitions to the others, and what it processed since its last commit is processed again.
 */
final class NetworkTimeline {
    /** The actions a drawn system runs. */
    static final Set<Action> RUN = EnumSet.of(Action.ADD_INSTANCE, Action.REMOVE_INSTANCE, Action.KILL_INSTANCE,
            Action.SLOW_INSTANCE, Action.ERROR_INSTANCE, Action.WEIGHT_INSTANCE, Action.FLUSH_CACHE, Action.EXPIRE_KEY,
            Action.FAIL_CACHE_LEVEL, Action.ADD_SHARD, Action.REMOVE_SHARD, Action.KILL_PRIMARY, Action.LAG_SPIKE,
            Action.LATENCY, Action.ERROR_RATE, Action.OUTAGE, Action.FULL_GC, Action.LEAK_CONNECTIONS,
            Action.PUBLISH_BURST, Action.POISON, Action.CRASH_CONSUMER);

    private NetworkTimeline() {
    }

    /** Refuses the first entry a drawn system cannot run, naming its path and why. */
    static void check(Scenario design) {
        List<Scenario.TimelineEntry> timeline = design.timeline();
        Topology t = design.topology();
        checkNodeSets(design);
        for (int i = 0; i < timeline.size(); i++) {
            Scenario.TimelineEntry e = timeline.get(i);
            String at = "timeline[" + i + "]";
            if (e.command().equals("set") && NodeChange.isNodePath(e.path())) {
                continue;
            }
            if (e.command().equals("set")) {
                if (!SETS.contains(e.path()) || clients(t) == null) {
                    throw new ScenarioException(at, "set " + e.path() + ": a drawn system sets its traffic (" + String.join(", ", SETS)
                            + ", with one clients node) and its nodes' fields (nodes.<id>.<field>, such as "
                            + "nodes.api.service.instances); its timeline also takes the faults " + names());
                }
                continue;
            }
            Action a = Action.byId(e.command());
            if (!RUN.contains(a)) {
                throw new ScenarioException(at + ".command", a.id() + " is not run on a drawn system yet; its timeline takes "
                        + names());
            }
            if (a == Action.ADD_SHARD || a == Action.REMOVE_SHARD || a == Action.LAG_SPIKE) {
                checkDatabase(at, a, e.target(), t);
            } else if (a == Action.LEAK_CONNECTIONS) {
                checkLeak(at, e.target(), t);
            } else if (a == Action.ADD_INSTANCE || a == Action.REMOVE_INSTANCE || a == Action.FULL_GC) {
                checkService(at, a, e.target(), t);
            } else if (a == Action.KILL_INSTANCE || a == Action.SLOW_INSTANCE || a == Action.ERROR_INSTANCE
                    || a == Action.WEIGHT_INSTANCE) {
                if (service(e.target(), t) == null) {
                    throw new ScenarioException(at + ".target", Quote.of(e.target()) + " is no instance of a drawn service: "
                            + "an instance is its service's id and its number (" + example(t) + ")");
                }
                String svc = service(e.target(), t);
                if (a == Action.WEIGHT_INSTANCE && t.nodes().stream().noneMatch(n -> weighted(n, svc, t))) {
                    throw new ScenarioException(at + ".target", Quote.of(e.target()) + ": weight-instance needs a balancer with "
                            + "weights in front of " + svc + " (" + String.join(", ", WEIGHTED.stream().map(s -> s.id()).toList())
                            + "), and " + svc + " has none: its instances are picked without weights");
                }
            } else if (a == Action.PUBLISH_BURST || a == Action.POISON) {
                Topology.Node n = e.target() == null ? null : t.node(e.target());
                if (n == null || n.nodeKind() != NodeKind.QUEUE && n.nodeKind() != NodeKind.TOPIC) {
                    throw new ScenarioException(at + ".target", Quote.of(e.target()) + " is no drawn queue or topic: " + a.id()
                            + " takes its id (" + t.nodes().stream().filter(m -> m.nodeKind() == NodeKind.QUEUE
                            || m.nodeKind() == NodeKind.TOPIC).findFirst().map(Topology.Node::id)
                            .orElse("this design has none") + ")");
                }
            } else if (a == Action.CRASH_CONSUMER) {
                if (e.target() == null || consumedTopics(serviceOf(e.target(), t), t).isEmpty()) {
                    throw new ScenarioException(at + ".target", Quote.of(e.target()) + " is no consumer of a drawn topic: "
                            + "crash-consumer takes an instance of a service a topic's edge leads to, or the service for its "
                            + "lowest-numbered ready one (" + t.nodes().stream()
                            .filter(n -> n.nodeKind() == NodeKind.TOPIC).flatMap(n -> t.out(n.id()).stream()).findFirst()
                            .map(x -> x.to() + "-0, " + x.to()).orElse("this design has no topic with a consumer") + ")");
                }
            } else if (a == Action.EXPIRE_KEY) {
                continue; // every cache box: it names none
            } else if (a == Action.FLUSH_CACHE || a == Action.FAIL_CACHE_LEVEL) {
                String[] part = cachePart(e.target(), t);
                boolean whole = a == Action.FLUSH_CACHE && part != null && part[1] == null;
                if (part == null || !whole && part[1] == null) {
                    throw new ScenarioException(at + ".target", Quote.of(e.target()) + " is no level of a drawn cache: a level is "
                            + "its cache's id and the level's name (" + t.nodes().stream()
                            .filter(n -> n.nodeKind() == NodeKind.CACHE || n.nodeKind() == NodeKind.CDN).findFirst()
                            .map(n -> n.id() + "/" + (n.nodeKind() == NodeKind.CDN ? "edge" : n.cache().levels().get(0).name()))
                            .orElse("this design has no cache") + ")");
                }
            } else if (a == Action.KILL_PRIMARY) {
                if (database(e.target(), t) == null) {
                    throw new ScenarioException(at + ".target", Quote.of(e.target()) + " is no shard of a drawn database: a shard is "
                            + "its database's id and its number (" + t.nodes().stream().filter(n -> n.nodeKind() == NodeKind.DATABASE)
                            .findFirst().map(n -> n.id() + "/0").orElse("this design has no database") + ")");
                }
            } else {
                Topology.Node n = t.node(e.target());
                if (n == null || n.nodeKind() != NodeKind.EXTERNAL) {
                    throw new ScenarioException(at + ".target", Quote.of(e.target()) + " is no external API of this design");
                }
            }
        }
    }

    /**
     * Refuses the first set of a box's or edge's field that cannot run, naming {@code timeline[i]}
     * and the path: each is checked on the design as the sets before it leave it (its node or edge,
     * its field, whether it is live, its value).
     */
    static void checkNodeSets(Scenario design) {
        Scenario changed = design;
        for (int i = 0; i < design.timeline().size(); i++) {
            Scenario.TimelineEntry e = design.timeline().get(i);
            if (e.command().equals("set") && NodeChange.isNodePath(e.path())) {
                try {
                    NodeChange.Change c = NodeChange.check(changed, e.path(), e.value());
                    changed = dev.scalelab.world.ScenarioFields.with(changed, c.scenarioPath(), c.value());
                } catch (ScenarioException refused) {
                    throw new ScenarioException("timeline[" + i + "]", "set " + refused.getMessage());
                }
            }
        }
    }

    /**
     * The sets a drawn system runs: its traffic, in the pipeline's paths, on its one clients node (a
     * drawing of the pipeline's shape keeps its timeline as the pipeline has it).
     */
    static final List<String> SETS = List.of("workload.arrival.ratePerSecond", "workload.readRatio");

    /** The id of the design's one clients node; null when it has none or several. */
    private static String clients(Topology t) {
        List<Topology.Node> all = t.nodes().stream().filter(n -> n.nodeKind() == NodeKind.CLIENTS).toList();
        return all.size() == 1 ? all.get(0).id() : null;
    }

    /** Schedules every entry on {@code net}'s kernel. */
    static void schedule(Network net, List<Scenario.TimelineEntry> timeline, Topology t) {
        for (Scenario.TimelineEntry e : timeline) {
            if (e.command().equals("set") && NodeChange.isNodePath(e.path())) {
                net.nodeSets.add(e);
                continue;
            }
            Action a = e.command().equals("set") ? null : Action.byId(e.command());
            net.sim.schedule(Simulation.secondsToNanos(e.atSeconds()), () -> apply(net, a, e, t));
        }
    }

    /**
     * A command given while the run goes, checked as a timeline entry is (and its value, target and
     * duration as the scenario file's are); the message names the command's own field.
     */
    static void checkCommand(Scenario.TimelineEntry e, Scenario design) {
        if (!e.command().equals("set")) {
            Action a = Action.byId(e.command());
            if (a == null) {
                throw new ScenarioException("command", Quote.of(e.command()) + " is no action; a drawn system takes " + names());
            }
            if (a.needsTarget() && (e.target() == null || e.target().isBlank())) {
                throw new ScenarioException("target", a.id() + " needs a target: " + a.target().example());
            }
            if (a.needsValue() && e.value() == null) {
                throw new ScenarioException("value", a.id() + " needs a value");
            }
            if (e.value() != null) {
                a.checkValue("value", e.value());
            }
            if (a.needsDuration() && !(e.durationSeconds() > 0)) {
                throw new ScenarioException("durationSeconds", a.id() + " needs a duration above 0 s");
            }
        }
        try {
            check(design.withTimeline(List.of(e)));
        } catch (ScenarioException x) {
            String field = x.field().replaceFirst("^timeline\\[0\\]\\.?", "");
            throw new ScenarioException(field.isEmpty() ? "command" : field, x.problem());
        }
    }

    /** Runs {@code e} now (checked before: {@link #checkCommand} or {@link #check}). */
    static void apply(Network net, Scenario.TimelineEntry e, Topology t) {
        apply(net, e.command().equals("set") ? null : Action.byId(e.command()), e, t);
    }

    private static void apply(Network net, Action a, Scenario.TimelineEntry e, Topology t) {
        if (a == null) {
            ClientsNode clients = (ClientsNode) net.node(clients(t));
            if (e.path().equals("workload.arrival.ratePerSecond")) {
                clients.setRate(number(e));
            } else {
                clients.setReadRatio(number(e));
            }
            net.decide(clients, "set " + e.path() + " to " + Parameter.format(number(e)) + " (timeline)");
            return;
        }
        switch (a) {
            case KILL_INSTANCE -> ServiceFaults.kill((ServiceNode) net.node(service(e.target(), t)), e.target());
            case SLOW_INSTANCE -> ServiceFaults.slow((ServiceNode) net.node(service(e.target(), t)), e.target(), number(e));
            case WEIGHT_INSTANCE -> ServiceFaults.weight((ServiceNode) net.node(service(e.target(), t)), e.target(), number(e));
            case ERROR_INSTANCE -> ServiceFaults.error((ServiceNode) net.node(service(e.target(), t)), e.target(), number(e));
            case ADD_INSTANCE -> ServiceFaults.add((ServiceNode) net.node(serviceOf(e.target(), t)));
            case REMOVE_INSTANCE -> ServiceFaults.remove((ServiceNode) net.node(serviceOf(e.target(), t)),
                    service(e.target(), t) == null ? null : e.target());
            case FULL_GC -> {
                if (e.target() == null) {
                    for (Topology.Node n : t.nodes()) {
                        if (n.nodeKind() == NodeKind.SERVICE && n.service().runtime() != null) {
                            ServiceFaults.fullGc((ServiceNode) net.node(n.id()), null);
                        }
                    }
                } else {
                    ServiceFaults.fullGc((ServiceNode) net.node(serviceOf(e.target(), t)),
                            service(e.target(), t) == null ? null : e.target());
                }
            }
            case LEAK_CONNECTIONS -> {
                for (Topology.Node n : t.nodes()) {
                    if (e.target() == null ? pooled(n, t) : n.id().equals(e.target())) {
                        ServiceNode s = (ServiceNode) net.node(n.id());
                        net.decide(s, "leak-connections " + Parameter.format(number(e)) + " for "
                                + Parameter.format(e.durationSeconds()) + " s");
                        s.resources.connections.leak(number(e), e.durationSeconds());
                    }
                }
            }
            case ADD_SHARD -> ((DatabaseNode) net.node(databaseOf(e.target(), t))).addShard();
            case REMOVE_SHARD -> ((DatabaseNode) net.node(databaseOf(e.target(), t))).removeShard(e.target() == null
                    || e.target().indexOf('/') < 0 ? -1 : Integer.parseInt(e.target().substring(e.target().lastIndexOf('/') + 1)));
            case LAG_SPIKE -> ((DatabaseNode) net.node(databaseOf(e.target(), t)))
                    .lagSpike(e.target().substring(e.target().lastIndexOf('/') + 1), number(e), e.durationSeconds());
            case FLUSH_CACHE -> {
                String[] part = cachePart(e.target(), t);
                ((CacheNode) net.node(part[0])).flush(part[1]);
            }
            case FAIL_CACHE_LEVEL -> {
                String[] part = cachePart(e.target(), t);
                ((CacheNode) net.node(part[0])).fail(part[1]);
            }
            case EXPIRE_KEY -> {
                int key = e.value() == null ? 0 : ((Number) e.value()).intValue();
                for (Topology.Node n : t.nodes()) {
                    if (n.nodeKind() == NodeKind.CACHE || n.nodeKind() == NodeKind.CDN) {
                        ((CacheNode) net.node(n.id())).expire(key);
                    }
                }
            }
            case KILL_PRIMARY -> ((DatabaseNode) net.node(database(e.target(), t)))
                    .killPrimary(Integer.parseInt(e.target().substring(e.target().lastIndexOf('/') + 1)));
            case LATENCY, ERROR_RATE, OUTAGE -> {
                ExternalNode api = (ExternalNode) net.node(e.target());
                // The pipeline's defaults when the entry gives no value: 1 s added, every call failing.
                Fault fault = switch (a) {
                    case ERROR_RATE -> new Fault.ExtraErrorRate(e.value() == null ? 1 : number(e));
                    case LATENCY -> new Fault.AddedLatency(e.value() == null ? 1000 : number(e));
                    default -> new Fault.Outage(Fault.OutageMode.REFUSE);
                };
                api.fault(fault, e.durationSeconds());
                net.decide(api, a.id() + (e.value() == null ? "" : " " + number(e)) + " for " + e.durationSeconds() + " s");
            }
            case CRASH_CONSUMER -> ServiceFaults.crashConsumer((ServiceNode) net.node(serviceOf(e.target(), t)),
                    service(e.target(), t) == null ? null : e.target(), consumedTopics(serviceOf(e.target(), t), t));
            case PUBLISH_BURST -> {
                NetNode box = net.node(e.target());
                long count = Math.round(number(e));
                long sent = ((Broker) box).burst(count, net.keyCount());
                net.decide(box, String.format(java.util.Locale.ROOT, "publish-burst %s: %,d records", e.target(), sent)
                        + (sent < count ? String.format(java.util.Locale.ROOT, ", %,d dropped: it is full", count - sent) : ""));
            }
            case POISON -> {
                NetNode box = net.node(e.target());
                Long key = e.value() == null ? null : Math.round(number(e));
                ((Broker) box).poison(key == null ? Broker.ANY_KEY : key.intValue());
                net.decide(box, "poison " + e.target() + ": the next record" + (key == null ? "" : " with key " + key)
                        + " published always fails");
            }
            default -> throw new IllegalStateException("checked at load: " + a.id());
        }
    }

    /** The drawn topics {@code service} consumes (an edge leads from each to it); empty for none or a null service. */
    private static List<String> consumedTopics(String service, Topology t) {
        return service == null ? List.of() : t.edges().stream().filter(x -> x.to().equals(service)
                && t.node(x.from()).nodeKind() == NodeKind.TOPIC).map(Topology.Edge::from).toList();
    }

    /** The id of the service whose instance {@code name} is ("api" for "api-0"); null when none. */
    private static String service(String name, Topology t) {
        int dash = name == null ? -1 : name.lastIndexOf('-');
        if (dash <= 0 || !name.substring(dash + 1).matches("\\d+")) {
            return null;
        }
        Topology.Node n = t.node(name.substring(0, dash));
        return n != null && n.nodeKind() == NodeKind.SERVICE ? n.id() : null;
    }

    /**
     * A cache target split into the cache's id and the level's name ("redis/L2" → redis, L2; "redis"
     * → redis, null); null when it names no cache box or no level of it.
     */
    private static String[] cachePart(String target, Topology t) {
        if (target == null) {
            return null;
        }
        int slash = target.lastIndexOf('/');
        String id = slash < 0 ? target : target.substring(0, slash);
        Topology.Node n = t.node(id);
        if (n == null || n.nodeKind() != NodeKind.CACHE && n.nodeKind() != NodeKind.CDN) {
            return null;
        }
        if (slash < 0) {
            return new String[] {id, null};
        }
        String level = target.substring(slash + 1);
        boolean known = n.nodeKind() == NodeKind.CDN ? level.equals("edge")
                : n.cache().levels().stream().anyMatch(l -> l.name().equals(level));
        return known ? new String[] {id, level} : null;
    }

    /** The id of the database whose shard {@code name} is ("orders" for "orders/0"); null when none. */
    private static String database(String name, Topology t) {
        int slash = name == null ? -1 : name.lastIndexOf('/');
        if (slash <= 0 || !name.substring(slash + 1).matches("\\d{1,6}")) {
            return null;
        }
        Topology.Node n = t.node(name.substring(0, slash));
        return n != null && n.nodeKind() == NodeKind.DATABASE ? n.id() : null;
    }

    /** add-shard, remove-shard and lag-spike: their target names a drawn database (or is left out when there is one). */
    private static void checkDatabase(String at, Action a, String target, Topology t) {
        String db = first(t, NodeKind.DATABASE);
        String example = db == null ? "this design has no database" : db;
        if (target == null) {
            if (databaseOf(null, t) == null) {
                throw new ScenarioException(at + ".target", "missing; " + a.id() + " names the drawn database it acts on ("
                        + (db == null ? example : String.join(", ", ids(t, NodeKind.DATABASE))) + ")");
            }
            return;
        }
        if (a == Action.ADD_SHARD) {
            Topology.Node n = t.node(target);
            if (n == null || n.nodeKind() != NodeKind.DATABASE) {
                throw new ScenarioException(at + ".target", Quote.of(target) + " is no drawn database: add-shard takes its id ("
                        + example + ")");
            }
        } else if (a == Action.REMOVE_SHARD) {
            Topology.Node n = t.node(target);
            if ((n == null || n.nodeKind() != NodeKind.DATABASE) && database(target, t) == null) {
                throw new ScenarioException(at + ".target", Quote.of(target) + " is no shard of a drawn database: remove-shard takes "
                        + "its database's id and its number, or the database's id for its last (" + (db == null ? example
                        : db + "/0, " + db) + ")");
            }
        } else {
            Matcher m = REPLICA.matcher(target);
            Topology.Node n = m.matches() ? t.node(m.group(1)) : null;
            if (n == null || n.nodeKind() != NodeKind.DATABASE || Integer.parseInt(m.group(3)) < 1
                    || Integer.parseInt(m.group(3)) > n.database().replicasPerShard()) {
                throw new ScenarioException(at + ".target", Quote.of(target) + " is no replica of a drawn database: a replica is its "
                        + "database's id and the replica's name (" + (db == null ? example : t.node(db).database().replicasPerShard() == 0
                        ? db + " has none: its database.replicasPerShard is 0" : db + "/s0-r1") + ")");
            }
        }
    }

    /** add-instance, remove-instance and full-gc: their target names a drawn service or one of its instances. */
    private static void checkService(String at, Action a, String target, Topology t) {
        String svc = first(t, NodeKind.SERVICE);
        String example = svc == null ? "this design has no service" : a == Action.ADD_INSTANCE ? svc : svc + "-0, " + svc;
        if (target == null) {
            if (a == Action.FULL_GC) {
                if (t.nodes().stream().noneMatch(n -> n.nodeKind() == NodeKind.SERVICE && n.service().runtime() != null)) {
                    throw new ScenarioException(at + ".command", "full-gc needs a heap: no drawn service of this design has a "
                            + "service.runtime");
                }
            } else if (serviceOf(null, t) == null) {
                throw new ScenarioException(at + ".target", "missing; " + a.id() + " names the drawn service it acts on ("
                        + (svc == null ? example : String.join(", ", ids(t, NodeKind.SERVICE))) + ")");
            }
            return;
        }
        Topology.Node n = t.node(target);
        boolean whole = n != null && n.nodeKind() == NodeKind.SERVICE;
        if (!whole && (a == Action.ADD_INSTANCE || service(target, t) == null)) {
            throw new ScenarioException(at + ".target", Quote.of(target) + (a == Action.ADD_INSTANCE
                    ? " is no drawn service: add-instance takes its id (" : " is no drawn service or instance of one: " + a.id()
                    + " takes an instance, its service's id and its number, or the service's id (") + example + ")");
        }
        String id = serviceOf(target, t);
        if (a == Action.FULL_GC && t.node(id).service().runtime() == null) {
            throw new ScenarioException(at + ".target", Quote.of(target) + ": full-gc needs a heap, and " + id + " has no "
                    + "service.runtime");
        }
    }

    /** The strategies that balance by weight, as the pipeline's weight-instance names them. */
    private static final Set<LoadBalancingStrategy.Strategy> WEIGHTED = EnumSet.of(
            LoadBalancingStrategy.Strategy.SMOOTH_WEIGHTED_ROUND_ROBIN, LoadBalancingStrategy.Strategy.WEIGHTED_RANDOM,
            LoadBalancingStrategy.Strategy.LEAST_REQUEST);

    /** Whether {@code n} is a balancer with weights whose edge leads to service {@code svc}. */
    private static boolean weighted(Topology.Node n, String svc, Topology t) {
        return n.nodeKind() == NodeKind.BALANCER && WEIGHTED.contains(n.balancer().strategy())
                && t.out(n.id()).stream().anyMatch(e -> e.to().equals(svc));
    }

    /** leak-connections: on a service with connection pools by its id, or (no target) on every such service. */
    private static void checkLeak(String at, String target, Topology t) {
        if (target == null) {
            if (t.nodes().stream().noneMatch(n -> pooled(n, t))) {
                throw new ScenarioException(at + ".command", "leak-connections needs a connection pool: no drawn service of this "
                        + "design has a service.connectionPool and a sync edge to a database");
            }
            return;
        }
        Topology.Node n = t.node(target);
        if (n == null || n.nodeKind() != NodeKind.SERVICE) {
            String svc = first(t, NodeKind.SERVICE);
            throw new ScenarioException(at + ".target", Quote.of(target) + " is no drawn service: leak-connections takes its id ("
                    + (svc == null ? "this design has no service" : svc) + ")");
        }
        if (!pooled(n, t)) {
            throw new ScenarioException(at + ".target", Quote.of(target) + ": leak-connections needs a connection pool, and "
                    + target + (n.service().connectionPool() == null ? " has no service.connectionPool" : " calls no database"));
        }
    }

    /** Whether {@code n} is a service whose instances have connection pools: the section, and a database on a sync edge. */
    private static boolean pooled(Topology.Node n, Topology t) {
        return n.nodeKind() == NodeKind.SERVICE && n.service().connectionPool() != null && t.out(n.id()).stream()
                .anyMatch(e -> e.edgeMode() == EdgeMode.SYNC && t.node(e.to()).nodeKind() == NodeKind.DATABASE);
    }

    private static final Pattern REPLICA = Pattern.compile("(.+)/s(\\d{1,6})-r(\\d{1,6})");

    /** The service a target names: the service's id, an instance of it, or (null) the design's one service; null when none. */
    private static String serviceOf(String target, Topology t) {
        if (target == null) {
            List<String> all = ids(t, NodeKind.SERVICE);
            return all.size() == 1 ? all.get(0) : null;
        }
        Topology.Node n = t.node(target);
        return n != null && n.nodeKind() == NodeKind.SERVICE ? n.id() : service(target, t);
    }

    /** The database a target names: its id, its id and a shard or replica after a slash, or (null) the design's one database. */
    private static String databaseOf(String target, Topology t) {
        if (target == null) {
            List<String> all = ids(t, NodeKind.DATABASE);
            return all.size() == 1 ? all.get(0) : null;
        }
        int slash = target.lastIndexOf('/');
        Topology.Node n = t.node(slash < 0 ? target : target.substring(0, slash));
        return n != null && n.nodeKind() == NodeKind.DATABASE ? n.id() : null;
    }

    private static List<String> ids(Topology t, NodeKind kind) {
        return t.nodes().stream().filter(n -> n.nodeKind() == kind).map(Topology.Node::id).toList();
    }

    private static String first(Topology t, NodeKind kind) {
        List<String> all = ids(t, kind);
        return all.isEmpty() ? null : all.get(0);
    }

    private static String example(Topology t) {
        return t.nodes().stream().filter(n -> n.nodeKind() == NodeKind.SERVICE).findFirst().map(n -> n.id() + "-0")
                .orElse("this design has no service");
    }

    private static String names() {
        return String.join(", ", RUN.stream().map(Action::id).toList());
    }

    private static double number(Scenario.TimelineEntry e) {
        return ((Number) e.value()).doubleValue();
    }
}
