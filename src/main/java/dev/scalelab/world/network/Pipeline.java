package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.design.Traffic;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Today's fixed pipeline as a topology, both ways. Clients → (gateway →) balancer → service → (cache
 * →) database (or a cache alone, over its plain store), the service calling each dependency (an external API of known capacity) through its
 * edge's timeout, retries and breaker. A topology of exactly that shape runs on the pipeline's engine
 * ({@link #lower}), so it gives the same report, bit for bit, as the scenario that spells it with
 * sections; every other shape runs on {@link Network}. The vertical scaler belongs to the service node;
 * the events stay where they are in the scenario and apply to the pipeline ({@link EventsDrawing}
 * draws them as boxes instead, which the network runs).
 */
public final class Pipeline {
    private Pipeline() {
    }

    /** The pipeline of {@code s}'s sections, drawn. */
    public static Topology spell(Scenario s) {
        List<Topology.Node> nodes = new ArrayList<>();
        List<Topology.Edge> edges = new ArrayList<>();
        Topology.Node d = Topology.Node.DEFAULT;
        nodes.add(node(d, "clients", NodeKind.CLIENTS, "", s.workload(), null, null, null, null, null, null, null, null));
        String entry = "balancer";
        if (s.gateway() != null) {
            nodes.add(node(d, "gateway", NodeKind.GATEWAY, "", null, s.gateway(), null, null, null, null, null, null, null));
            edges.add(Topology.Edge.of("clients", "gateway", EdgeMode.SYNC));
            entry = "gateway";
        }
        nodes.add(node(d, "balancer", NodeKind.BALANCER, "", null, null, s.balancer(), null, null, null, null, null, null));
        edges.add(Topology.Edge.of(entry.equals("gateway") ? "gateway" : "clients", "balancer", EdgeMode.SYNC));
        nodes.add(node(d, "service", NodeKind.SERVICE, "", null, null, null, s.service(), s.autoscaler(), s.verticalScaler(), null,
                null, null));
        edges.add(Topology.Edge.of("balancer", "service", EdgeMode.SYNC));
        if (s.cache() != null) {
            nodes.add(node(d, "cache", NodeKind.CACHE, "", null, null, null, null, null, null, s.cache(), null, null));
            edges.add(Topology.Edge.of("service", "cache", EdgeMode.SYNC));
        }
        if (s.database() != null) {
            nodes.add(node(d, "database", NodeKind.DATABASE, "", null, null, null, null, null, null, null, s.database(), null));
            edges.add(Topology.Edge.of(s.cache() != null ? "cache" : "service", "database", EdgeMode.SYNC));
        }
        for (Scenario.Dependency dep : s.dependencies()) {
            String id = Character.isLetter(dep.name().charAt(0)) ? dep.name() : "dep-" + dep.name();
            Topology.External api = new Topology.External(dep.serviceTime(), dep.errorRate(), 0, dep.instances(),
                    dep.workersPerInstance(), dep.queueCapacity());
            nodes.add(node(d, id, NodeKind.EXTERNAL, id.equals(dep.name()) ? "" : dep.name(), null, null, null, null, null, null,
                    null, null, api));
            edges.add(new Topology.Edge("service", id, 1, dep.callProbability(), Traffic.ALL.id(), EdgeMode.SYNC.id(),
                    dep.timeoutMs(), dep.retry(), dep.breaker(), dep.maxConcurrentCalls()));
        }
        return new Topology(nodes, edges);
    }

    private static Topology.Node node(Topology.Node d, String id, NodeKind kind, String label, Scenario.Workload workload,
                                      dev.scalelab.world.ApiGateway.Gateway gateway, Scenario.Balancer balancer,
                                      Scenario.Service service, Scenario.Autoscaler autoscaler,
                                      Scenario.VerticalScaler verticalScaler, Scenario.Cache cache, Scenario.Database database,
                                      Topology.External external) {
        return new Topology.Node(id, kind.id(), label, "", List.of(), workload != null ? workload : d.workload(),
                gateway != null ? gateway : d.gateway(), d.cdn(), balancer != null ? balancer : d.balancer(), false,
                service != null ? service : d.service(), autoscaler != null ? autoscaler : d.autoscaler(),
                verticalScaler != null ? verticalScaler : d.verticalScaler(), cache != null ? cache : d.cache(), database != null ? database : d.database(), d.queue(), d.topic(),
                external != null ? external : d.external());
    }

    /**
     * The scenario the pipeline runs for {@code s}: {@code s} itself when it has no topology; its
     * sections taken from the nodes when the topology is the pipeline's shape; null when it is not
     * (then {@link Network} runs it).
     */
    public static Scenario lower(Scenario s) {
        return lowering(s).scenario();
    }

    /**
     * What the pipeline would run for {@code s} ({@link #lower}), or, when the topology is not the
     * pipeline's shape, the first reason why not, in words a person who drew it can act on.
     *
     * @param scenario the sections taken from the nodes; null when {@code whyNot} says why not
     * @param whyNot   null when {@code scenario} is set
     */
    public record Lowering(Scenario scenario, String whyNot) {
        static Lowering no(String why) {
            return new Lowering(null, why);
        }
    }

    /** The pipeline's shape, as the reasons name it. */
    public static final String SHAPE = "clients → (gateway →) balancer → service → (cache →) database, the service calling "
            + "external APIs of known capacity";

    public static Lowering lowering(Scenario s) {
        Topology t = s.topology();
        if (t == null) {
            return new Lowering(s, null);
        }
        if (!t.outages().isEmpty()) {
            return Lowering.no("it has zone outages");
        }
        // The pipeline runs these on its events section; without one, the network runs them on its queue and topic boxes.
        if (s.events() == null && s.timeline().stream().anyMatch(e -> e.command().equals("publish-burst") || e.command().equals("poison")
                || e.command().equals("crash-consumer"))) {
            return Lowering.no("its timeline publishes to, poisons or crashes a consumer of a queue or topic, which the pipeline "
                    + "has none of");
        }
        NetworkTimeline.checkNodeSets(s); // a bad one is refused as the network would refuse it, whichever engine runs it
        for (Scenario.TimelineEntry e : s.timeline()) {
            if (e.command().equals("set") && NodeChange.isNodePath(e.path()) && pipelinePath(e.path(), t) == null) {
                return Lowering.no("its timeline sets " + e.path() + ", which the pipeline's sections do not name alike");
            }
        }
        Topology.Node clients = null;
        Topology.Node gateway = null;
        Topology.Node balancer = null;
        Topology.Node service = null;
        Topology.Node cache = null;
        Topology.Node database = null;
        for (Topology.Node n : t.nodes()) {
            if (!n.zone().isEmpty()) {
                return Lowering.no(n.id() + " is in a zone (" + n.zone() + ")");
            }
            switch (n.nodeKind()) {
                case CLIENTS -> clients = once(clients, n);
                case GATEWAY -> gateway = once(gateway, n);
                case BALANCER -> balancer = once(balancer, n);
                case SERVICE -> service = once(service, n);
                case CACHE -> cache = once(cache, n);
                case DATABASE -> database = once(database, n);
                case EXTERNAL -> {
                }
                default -> {
                    return Lowering.no(n.id() + " is a " + n.nodeKind().id() + ", which the pipeline has none of");
                }
            }
        }
        String[] kinds = {"clients", "gateway", "balancer", "service", "cache", "database"};
        Topology.Node[] ones = {clients, gateway, balancer, service, cache, database};
        for (int i = 0; i < ones.length; i++) {
            if (ones[i] == Topology.Node.DEFAULT) {
                return Lowering.no("it has more than one " + kinds[i] + " node; the pipeline has one");
            }
        }
        if (clients == null || balancer == null || service == null) {
            return Lowering.no("it has no " + (clients == null ? "clients" : balancer == null ? "balancer" : "service") + " node");
        }
        if (balancer.zoneAware()) {
            return Lowering.no(balancer.id() + " is zone-aware");
        }
        // The pipeline's own edges, each a plain sync call, in any order; the rest are the service's calls to its
        // external APIs, in the order drawn (the order the pipeline makes them in).
        List<Topology.Edge> expected = new ArrayList<>();
        String entry = gateway != null ? gateway.id() : balancer.id();
        expected.add(Topology.Edge.of(clients.id(), entry, EdgeMode.SYNC));
        if (gateway != null) {
            expected.add(Topology.Edge.of(gateway.id(), balancer.id(), EdgeMode.SYNC));
        }
        expected.add(Topology.Edge.of(balancer.id(), service.id(), EdgeMode.SYNC));
        if (cache != null) {
            // A cache without a database loads from the plain store its section describes.
            expected.add(Topology.Edge.of(service.id(), cache.id(), EdgeMode.SYNC));
        }
        if (database != null) {
            expected.add(Topology.Edge.of(cache != null ? cache.id() : service.id(), database.id(), EdgeMode.SYNC));
        }
        List<Topology.Edge> calls = new ArrayList<>(t.edges());
        for (Topology.Edge want : expected) {
            Topology.Edge drawn = calls.stream().filter(e -> e.from().equals(want.from()) && e.to().equals(want.to()))
                    .findFirst().orElse(null);
            if (drawn == null) {
                return Lowering.no("it has no edge " + want.from() + " → " + want.to());
            }
            if (!drawn.equals(want)) {
                return Lowering.no("its edge " + want.from() + " → " + want.to() + " is not a plain sync edge (weight 1, "
                        + "probability 1, all traffic, no timeout, retry or breaker)");
            }
            calls.remove(drawn);
        }
        List<Scenario.Dependency> dependencies = new ArrayList<>();
        for (Topology.Edge e : calls) {
            Topology.Node api = t.node(e.to());
            if (!e.from().equals(service.id()) || api.nodeKind() != NodeKind.EXTERNAL) {
                return Lowering.no("its edge " + e.from() + " → " + e.to() + " is not part of it");
            }
            if (e.edgeMode() != EdgeMode.SYNC || e.trafficClass() != Traffic.ALL || e.weight() != 1) {
                return Lowering.no("its call " + e.from() + " → " + e.to() + " is not a sync call of all traffic at weight 1");
            }
            Topology.External x = api.external();
            if (x.instances() == 0) {
                return Lowering.no(api.id() + " has no known capacity (instances 0)");
            }
            if (x.rateLimitPerSecond() > 0) {
                return Lowering.no(api.id() + " has a rate limit");
            }
            String name = api.label().isEmpty() ? api.id() : api.label();
            dependencies.add(new Scenario.Dependency(name, e.probability(), x.instances(), x.workersPerInstance(), x.queueCapacity(),
                    x.latency(), x.errorRate(), e.timeoutMs(), e.maxConcurrentCalls(), e.breaker(), e.retry()));
        }
        if (calls.size() != t.nodes().stream().filter(n -> n.nodeKind() == NodeKind.EXTERNAL).count()) {
            return Lowering.no("an external API is not called by " + service.id() + " alone, exactly once");
        }
        // A file written before the service node had a vertical scaler keeps it at the top level (and the node's at
        // "none"): that one still applies.
        Scenario.VerticalScaler vertical = service.verticalScaler().policy() == Scenario.VerticalPolicyKind.NONE
                ? s.verticalScaler() : service.verticalScaler();
        return new Lowering(new Scenario(s.name(), s.description(), s.watch(), s.markers(), s.seed(), s.durationSeconds(),
                clients.workload(), service.service(), service.autoscaler(), vertical,
                gateway == null ? null : gateway.gateway(), balancer.balancer(), cache == null ? null : cache.cache(),
                database == null ? null : database.database(), dependencies, s.events(), null,
                pipelineTargets(s.timeline(), t, service, cache, database)), null);
    }

    /**
     * The timeline in the pipeline's names. A drawing's timeline may name its parts as the canvas
     * does (see {@link NetworkTimeline}): instance {@code api-0} is the pipeline's {@code i-0}, level
     * {@code redis/L2} its {@code L2}, shard {@code orders/0} its {@code 0} and replica
     * {@code orders/s0-r1} its {@code s0-r1}, an external API its dependency (by label, if it has one);
     * a box named whole (a service, a cache, a database) is the pipeline's untargeted entry, which acts
     * on all of it, and add-shard, add-instance and leak-connections take no target there at all. A
     * name already in the pipeline's terms (a preset drawn keeps its timeline as it was) stays as it is.
     */
    private static List<Scenario.TimelineEntry> pipelineTargets(List<Scenario.TimelineEntry> timeline, Topology t,
                                                                Topology.Node service, Topology.Node cache, Topology.Node database) {
        List<Scenario.TimelineEntry> out = new ArrayList<>(timeline.size());
        for (Scenario.TimelineEntry e : timeline) {
            String target = e.target();
            if (target != null && !e.command().equals("set")) {
                target = pipelineTarget(dev.scalelab.world.Action.byId(e.command()), target, t, service, cache, database);
            }
            if (e.command().equals("set") && NodeChange.isNodePath(e.path())) {
                out.add(Scenario.TimelineEntry.set(e.atSeconds(), pipelinePath(e.path(), t), e.value()));
                continue;
            }
            out.add(java.util.Objects.equals(target, e.target()) ? e
                    : new Scenario.TimelineEntry(e.atSeconds(), e.command(), e.path(), target, e.value(), e.durationSeconds()));
        }
        return out;
    }

    /**
     * The pipeline's path for a set of a drawn box's field: the box's one section of the pipeline
     * names it alike ({@code nodes.api.service.instances} is {@code service.instances}); null for a
     * box or edge the pipeline names otherwise (an external API is a dependency, an edge its call).
     */
    private static String pipelinePath(String path, Topology t) {
        if (!path.startsWith("nodes.") || path.indexOf('.', "nodes.".length()) < 0) {
            return null;
        }
        int dot = path.indexOf('.', "nodes.".length());
        Topology.Node n = t.node(path.substring("nodes.".length(), dot));
        String field = path.substring(dot + 1);
        boolean sectioned = n != null && switch (n.nodeKind()) {
            case CLIENTS, GATEWAY, BALANCER, SERVICE, CACHE, DATABASE -> true;
            default -> false;
        };
        return sectioned && dev.scalelab.world.Parameter.byPath(field) != null ? field : null;
    }

    private static String pipelineTarget(dev.scalelab.world.Action a, String target, Topology t, Topology.Node service,
                                         Topology.Node cache, Topology.Node database) {
        if (a.target() == dev.scalelab.world.Action.Target.NONE) {
            return null;
        }
        String box = switch (a.target()) {
            case INSTANCE, INSTANCE_OPTIONAL -> service.id();
            case LEVEL, LEVEL_OPTIONAL -> cache == null ? null : cache.id();
            case SHARD, SHARD_OPTIONAL, NODE -> database == null ? null : database.id();
            default -> null;
        };
        if (box != null) {
            if (target.equals(box)) {
                return null; // the whole box: the pipeline's entry without a target
            }
            String separator = a.target() == dev.scalelab.world.Action.Target.INSTANCE
                    || a.target() == dev.scalelab.world.Action.Target.INSTANCE_OPTIONAL ? "-" : "/";
            String prefix = box + separator;
            if (target.startsWith(prefix)) {
                String part = target.substring(prefix.length());
                return separator.equals("-") ? "i-" + part : part;
            }
            return target;
        }
        if (a.target() == dev.scalelab.world.Action.Target.DEPENDENCY) {
            Topology.Node api = t.node(target);
            if (api != null && api.nodeKind() == NodeKind.EXTERNAL && !api.label().isEmpty()) {
                return api.label();
            }
        }
        return target;
    }

    /**
     * {@code s} drawn: its pipeline as the topology ({@link #spell}) and the sections the nodes now
     * hold back at their defaults, so a file written from it names each setting once (the vertical
     * scaler is the service node's). What no node kind holds (the events, the timeline) stays in its section.
     */
    public static Scenario drawn(Scenario s) {
        Scenario d = Scenario.DEFAULT;
        return new Scenario(s.name(), s.description(), s.watch(), s.markers(), s.seed(), s.durationSeconds(), d.workload(),
                d.service(), d.autoscaler(), d.verticalScaler(), null, d.balancer(), null, null, List.of(), s.events(), spell(s),
                s.timeline());
    }

    /** {@code n}, or {@link Topology.Node#DEFAULT} to say the pipeline has one of this kind and the topology two. */
    private static Topology.Node once(Topology.Node seen, Topology.Node n) {
        return seen == null ? n : Topology.Node.DEFAULT;
    }
}
