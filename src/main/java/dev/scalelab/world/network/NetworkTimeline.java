package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.resilience.Fault;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Action;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Topology;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A drawn system's timeline: faults put on its nodes at their moments, with the pipeline's meaning.
 * An instance of a service is named as the canvas names it ({@code api-0}: the service's id and its
 * number); a cache's level as its node's id and the level's name ({@code redis/L2}; a CDN's is
 * {@code edge}, and flush-cache takes the whole box by its id); a database's shard as its node's id
 * and the shard ({@code orders/0}); an external API by its node's id. expire-key expires the key in
 * every cache and CDN. A set changes the traffic of its one clients node (its rate, its read ratio,
 * by the pipeline's paths). What a drawn system does not run yet (another set, a shard added) is
 * refused by the entry's path, never ignored.
 */
final class NetworkTimeline {
    /** The actions a drawn system runs. */
    static final Set<Action> RUN = EnumSet.of(Action.KILL_INSTANCE, Action.SLOW_INSTANCE, Action.FLUSH_CACHE, Action.EXPIRE_KEY,
            Action.FAIL_CACHE_LEVEL, Action.KILL_PRIMARY, Action.LATENCY, Action.ERROR_RATE, Action.OUTAGE);

    private NetworkTimeline() {
    }

    /** Refuses the first entry a drawn system cannot run, naming its path and why. */
    static void check(List<Scenario.TimelineEntry> timeline, Topology t) {
        for (int i = 0; i < timeline.size(); i++) {
            Scenario.TimelineEntry e = timeline.get(i);
            String at = "timeline[" + i + "]";
            if (e.command().equals("set")) {
                if (!SETS.contains(e.path()) || clients(t) == null) {
                    throw new ScenarioException(at, "set " + e.path() + ": a drawn system sets only its traffic yet ("
                            + String.join(", ", SETS) + ", with one clients node); its timeline also takes the faults " + names());
                }
                continue;
            }
            Action a = Action.byId(e.command());
            if (!RUN.contains(a)) {
                throw new ScenarioException(at + ".command", a.id() + " is not run on a drawn system yet; its timeline takes "
                        + names());
            }
            if (a == Action.KILL_INSTANCE || a == Action.SLOW_INSTANCE) {
                if (service(e.target(), t) == null) {
                    throw new ScenarioException(at + ".target", Quote.of(e.target()) + " is no instance of a drawn service: "
                            + "an instance is its service's id and its number (" + example(t) + ")");
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
            Action a = e.command().equals("set") ? null : Action.byId(e.command());
            net.sim.schedule(Simulation.secondsToNanos(e.atSeconds()), () -> apply(net, a, e, t));
        }
    }

    private static void apply(Network net, Action a, Scenario.TimelineEntry e, Topology t) {
        if (a == null) {
            ClientsNode clients = (ClientsNode) net.node(clients(t));
            if (e.path().equals("workload.arrival.ratePerSecond")) {
                clients.setRate(number(e));
            } else {
                clients.setReadRatio(number(e));
            }
            net.decide(clients, "set " + e.path() + " to " + dev.scalelab.world.Parameter.format(number(e)) + " (timeline)");
            return;
        }
        switch (a) {
            case KILL_INSTANCE -> ServiceFaults.kill((ServiceNode) net.node(service(e.target(), t)), e.target());
            case SLOW_INSTANCE -> ServiceFaults.slow((ServiceNode) net.node(service(e.target(), t)), e.target(), number(e));
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
            default -> throw new IllegalStateException("checked at load: " + a.id());
        }
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
