package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;
import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.Topology;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change of one drawn node's field while the design runs, by path {@code nodes.<id>.<field>}, the
 * field named as in the node's own section ({@code nodes.api.service.instances},
 * {@code nodes.redis.cache.levels[0].capacity}, {@code nodes.stripe.external.errorRate}).
 *
 * <p>A node's sections are the scenario's own, so a field the pipeline changes live is changed on
 * the node with the meaning of the pipeline's apply step ({@link Parameter#applyStep}): more
 * instances are created and boot, fewer drain; workers and queues change on the running instances;
 * the next request draws the new service time; a new size rolls the instances; an HPA edit keeps
 * its recommendations, a new policy or period starts a new sync timer; a vertical scaler starts
 * again with a fresh window; a cache level's capacity, policy or TTL rebuilds the cache cold, its
 * write policy and coalescing change in place; a balancer's strategy settings start its strategies
 * afresh; a gateway's limits keep their tokens, capped at the new burst, and its shedder takes a new
 * threshold or target; a database's per-query settings apply at once, keeping the shards add-shard
 * and remove-shard made; the arrival rate restarts the arrivals, the read ratio holds from the next
 * request. An external API's
 * fields have the meaning of the pipeline's dependency fields: its servers are rebuilt (in-flight
 * calls finish on the old ones), its quota keeps the tokens it holds. A CDN's fields rebuild its
 * edge cold, as a cache level's do. A topic's change as the pipeline's events section changes its
 * topic and group: its partitions only grow (the groups rebalance onto the new ones), its retention
 * and bound hold from the next publish and trim, its group settings go to each group, its KEDA
 * settings to each service's scaler; a queue's delivery holds from the next receive. An edge's field, by path {@code edges[<i>].<field>}: its weight
 * and probability hold from the next request; a sync edge's timeout, retries, breaker and bulkhead
 * rebuild its sidecar as the pipeline's mesh rebuilds a dependency's client ({@link Link#change}).
 *
 * <p>What cannot change is refused, naming the path and why: a field the pipeline fixes at the start
 * (the key count, the number of shards: those are add-shard and remove-shard), the drawing's own
 * structure (a node's id, kind and zone; an edge's ends, mode and traffic), and a field the pipeline
 * changes live but a drawn node does not yet (it says so rather than ignore the change).
 */
public final class NodeChange {
    /** How a node applies a change; a pipeline step's name maps to one of these in {@link #MIRRORED}. */
    enum How {
        REPLICAS, RECONFIGURE_POOL, SERVICE_TIME, RESIZE, EDIT_AUTOSCALER, RESTART_AUTOSCALER, RESTART_VERTICAL, RATE,
        READ_RATIO, CACHE_REBUILD, CACHE_RECONFIGURE, EXTERNAL, BALANCER, GLOBAL_LIMIT, CLIENT_LIMITS, SHEDDING, DATABASE,
        /** An edge's weight or probability: the next request picks or calls by it. */
        EDGE,
        /** A topic's partitions: more of them (Kafka never removes one); keys published from now on may move. */
        TOPIC_PARTITIONS,
        /** A topic's retention or bound: the log keeps its records, and trims or refuses by the new figures. */
        TOPIC_LOG,
        /** A topic's group settings: each group takes them as the pipeline's group takes its own. */
        TOPIC_GROUPS,
        /** A topic's KEDA settings: each consuming service's scaler edits its spec. */
        TOPIC_AUTOSCALER,
        /** A queue's delivery (visibility, receives, capacity): from the next receive. */
        QUEUE,
        /** A service's heaps and collector ({@code service.runtime}): in place, or made when the section is new. */
        HEAPS,
        /** A service's object pools: in place (dropping what no longer fits), or made when the section is new. */
        OBJECT_POOLS,
        /** A service's HikariCP pools: in place, or opened when the section is new. */
        CONNECTION_POOLS
    }

    /** The pipeline's steps a drawn node mirrors, with the sections (of the node) where it does. */
    private static final Map<String, How> MIRRORED = Map.ofEntries(
            Map.entry("SCALING.REPLICAS", How.REPLICAS),
            Map.entry("SCALING.RECONFIGURE_POOL", How.RECONFIGURE_POOL),
            Map.entry("SCALING.SERVICE_TIME", How.SERVICE_TIME),
            Map.entry("SCALING.RESIZE", How.RESIZE),
            Map.entry("SCALING.EDIT_AUTOSCALER", How.EDIT_AUTOSCALER),
            Map.entry("SCALING.RESTART_AUTOSCALER", How.RESTART_AUTOSCALER),
            Map.entry("SCALING.RESTART_VERTICAL", How.RESTART_VERTICAL),
            Map.entry("CACHE.REBUILD", How.CACHE_REBUILD),
            Map.entry("CACHE.RECONFIGURE", How.CACHE_RECONFIGURE),
            Map.entry("BALANCER.RECONFIGURE", How.BALANCER),
            Map.entry("GATEWAY.GLOBAL_LIMIT", How.GLOBAL_LIMIT),
            Map.entry("GATEWAY.CLIENT_LIMITS", How.CLIENT_LIMITS),
            Map.entry("GATEWAY.SHEDDING", How.SHEDDING),
            Map.entry("DATA.CONFIGURE", How.DATABASE),
            Map.entry("RUNTIME.RECONFIGURE_HEAPS", How.HEAPS),
            Map.entry("RUNTIME.RECONFIGURE_POOLS", How.OBJECT_POOLS),
            Map.entry("CONNECTIONS.RECONFIGURE_POOLS", How.CONNECTION_POOLS));

    /**
     * A checked change.
     *
     * @param path      as given: {@code nodes.api.service.instances}, {@code edges[2].weight}
     * @param id        the node's id; for an edge, the id of the node it leaves
     * @param index     the node's (or the edge's) place in the topology
     * @param field     the field in the node: {@code service.instances}
     * @param value     the value as the file keeps it (a whole number as an Integer)
     * @param how       how the node applies it
     */
    record Change(String path, String id, int index, String field, Object value, How how) {
        /** The same field in the scenario file: {@code topology.nodes[2].service.instances}. */
        String scenarioPath() {
            return (how == How.EDGE ? "topology.edges[" : "topology.nodes[") + index + "]." + field;
        }
    }

    private NodeChange() {
    }

    /** Whether {@code path} names a drawn node's or edge's field (what {@link Network#apply} takes), not a pipeline path. */
    public static boolean isNodePath(String path) {
        return path != null && (path.startsWith("nodes.") || path.startsWith("edges["));
    }

    /**
     * Checks a change of {@code path} to {@code value} on the design {@code s} holds now; throws a
     * ScenarioException naming {@code path} and why it cannot change (no such node or field, not live,
     * a value out of range or in conflict with another field).
     */
    static Change check(Scenario s, String path, Object value) {
        Topology t = s.topology();
        if (path.startsWith("edges[")) {
            return checkEdge(s, path, value);
        }
        String rest = path.substring("nodes.".length());
        int dot = rest.indexOf('.');
        if (dot <= 0) {
            throw new ScenarioException(path, "a node's field is nodes.<id>.<field>, such as nodes.api.service.instances");
        }
        String id = rest.substring(0, dot);
        String field = rest.substring(dot + 1);
        int index = -1;
        for (int i = 0; i < t.nodes().size(); i++) {
            if (t.nodes().get(i).id().equals(id)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new ScenarioException(path, Quote.of(id) + " is no node of this design (its nodes: " + String.join(", ",
                    t.nodes().stream().map(Topology.Node::id).toList()) + ")");
        }
        Topology.Node node = t.nodes().get(index);
        NodeKind kind = node.nodeKind();
        String section = field.split("[.\\[]", 2)[0];
        List<String> sections = sections(kind);
        if (!sections.contains(section)) {
            throw new ScenarioException(path, id + " is a " + kind.id() + ": its fields are under "
                    + String.join(", ", sections) + (isNodeField(section)
                    ? "; its " + section + " is the drawing's own and changes by editing the design, not while it runs" : ""));
        }
        FieldSpec spec;
        try {
            spec = ScenarioFields.spec("topology.nodes[" + index + "]." + field);
        } catch (ScenarioException notAField) {
            throw new ScenarioException(path, "not a field of a " + kind.id() + "'s " + section);
        }
        How how = how(kind, section, field, path);
        Object checked = spec.validate(path, value);
        Object canonical = checked instanceof Long whole && whole == whole.intValue() ? (Object) whole.intValue() : checked;
        if (how == How.TOPIC_PARTITIONS && ((Number) canonical).intValue() < node.topic().partitions()) {
            throw new ScenarioException(path, "a topic's partitions only grow (Kafka deletes none): " + node.topic().partitions()
                    + " now, so " + canonical + " cannot be; edit the design and run it again for fewer");
        }
        if (how == How.TOPIC_AUTOSCALER && (node.topic().autoscaler() == null) != (ScenarioFields.read(
                ScenarioFields.with(s, "topology.nodes[" + index + "]." + field, canonical), "topology.nodes[" + index
                + "].topic.autoscaler") == null)) {
            throw new ScenarioException(path, "a topic's autoscaler is added or removed by editing the design, not while it runs");
        }
        Change c = new Change(path, id, index, field, canonical, how);
        try {
            ScenarioFields.with(s, c.scenarioPath(), canonical);
        } catch (ScenarioException conflict) {
            throw new ScenarioException(path, conflict.problem());
        }
        return c;
    }

    /** The first names of an edge's fields that change live: its shares, and (on a sync edge) its sidecar's settings. */
    private static final List<String> EDGE_FIELDS = List.of("weight", "probability", "timeoutMs", "maxConcurrentCalls", "retry",
            "breaker");

    /** {@link #check} of an edge's field: {@code edges[i].weight}, {@code edges[i].retry.maxAttempts}. */
    private static Change checkEdge(Scenario s, String path, Object value) {
        Topology t = s.topology();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("edges\\[(\\d{1,4})]\\.(.+)").matcher(path);
        if (!m.matches()) {
            throw new ScenarioException(path, "an edge's field is edges[<i>].<field>, such as edges[0].weight");
        }
        int index = Integer.parseInt(m.group(1));
        String field = m.group(2);
        if (index >= t.edges().size()) {
            throw new ScenarioException(path, "this design has " + t.edges().size() + " edges");
        }
        Topology.Edge e = t.edges().get(index);
        String first = field.split("\\.", 2)[0];
        if (!EDGE_FIELDS.contains(first)) {
            throw new ScenarioException(path, e.from() + " -> " + e.to() + ": " + (List.of("from", "to", "mode", "traffic")
                    .contains(first) ? "it is the drawing's own: edit the design and run it again" : "not a field of an edge"));
        }
        if (!first.equals("weight") && !first.equals("probability") && e.edgeMode() != dev.scalelab.design.EdgeMode.SYNC) {
            throw new ScenarioException(path, e.from() + " -> " + e.to() + ": only a sync edge calls through a sidecar, and this "
                    + "one is " + e.mode());
        }
        FieldSpec spec;
        try {
            spec = ScenarioFields.spec("topology.edges[" + index + "]." + field);
        } catch (ScenarioException notAField) {
            throw new ScenarioException(path, e.from() + " -> " + e.to() + ": not a field of an edge's " + first);
        }
        Object checked = spec.validate(path, value);
        Object canonical = checked instanceof Long whole && whole == whole.intValue() ? (Object) whole.intValue() : checked;
        Change c = new Change(path, e.from(), index, field, canonical, How.EDGE);
        try {
            ScenarioFields.with(s, c.scenarioPath(), canonical);
        } catch (ScenarioException conflict) {
            throw new ScenarioException(path, conflict.problem());
        }
        return c;
    }

    /**
     * Applies {@code c} (checked on {@code current}, which {@code next} is with it) on node {@code n},
     * or on {@code edge} for an edge's field; returns what changed. An engine that refuses the change
     * leaves the node's section as it was.
     */
    static String applyOn(NetNode n, Link edge, Change c, Scenario current, Scenario next) {
        Object before = ScenarioFields.read(current, c.scenarioPath());
        // A field of a section the node did not have (a heap added live) had no value: the section is new.
        String said = c.field() + " " + (before == null ? "(new section)" : show(before)) + " -> " + show(c.value());
        if (edge != null) {
            edge.change(next.topology().edges().get(c.index()));
            return "edge to " + edge.to.id + " " + said;
        }
        Topology.Node was = n.spec;
        n.spec = next.topology().nodes().get(c.index());
        try {
            n.change(c);
        } catch (RuntimeException engineRefused) {
            n.spec = was;
            throw engineRefused;
        }
        return said;
    }

    private static String show(Object v) {
        return v instanceof Number x ? Parameter.format(x.doubleValue()) : String.valueOf(v);
    }

    /** How a node of {@code kind} applies a change of {@code field}; refuses one it cannot apply while it runs. */
    private static How how(NodeKind kind, String section, String field, String path) {
        if (section.equals("external")) {
            return How.EXTERNAL;
        }
        if (section.equals("cdn")) {
            return How.CACHE_REBUILD;
        }
        if (section.equals("queue")) {
            return How.QUEUE;
        }
        if (section.equals("topic")) {
            // As the pipeline's events section changes its topic and group (EventsSystem's steps).
            if (field.equals("topic.partitions")) {
                return How.TOPIC_PARTITIONS;
            }
            if (field.equals("topic.retentionSeconds") || field.equals("topic.maxRecords")) {
                return How.TOPIC_LOG;
            }
            if (field.startsWith("topic.autoscaler")) {
                return How.TOPIC_AUTOSCALER;
            }
            return How.TOPIC_GROUPS;
        }
        // Every other section is the scenario's own: the pipeline's field of the same path says whether it is live.
        Parameter p = Parameter.byPath(field);
        if (p == null) {
            throw new ScenarioException(path, "cannot change while the run goes on: the pipeline fixes " + field + " when "
                    + "the run starts too" + (field.equals("database.sharding.shards") ? " (add-shard and remove-shard change the "
                    + "shards on the timeline)" : "") + "; edit the design and run it again");
        }
        if (field.equals("workload.arrival.ratePerSecond")) {
            return How.RATE;
        }
        if (field.equals("workload.readRatio")) {
            return How.READ_RATIO;
        }
        How how = MIRRORED.get(p.applyStep());
        if (how == null) {
            throw new ScenarioException(path, "the pipeline changes " + field + " live, but a drawn " + kind.id()
                    + " does not yet; edit the design and run it again");
        }
        return how;
    }

    /**
     * {@code design} with one node's field changed as {@link Network#apply} would change it, checked on
     * any thread before the change is sent to the run's.
     *
     * @throws ScenarioException naming the path and why it cannot change live
     */
    public static Scenario withChange(Scenario design, String path, Object value) {
        Change c = check(design, path, value);
        return ScenarioFields.with(design, c.scenarioPath(), c.value());
    }

    /**
     * The changes of node fields that turn {@code ran} into {@code edited}, each one {@link Network#apply}
     * takes: how an edit of a running design goes on live. Given as (path, value) in the
     * order of the nodes and their fields, each checked on the design the ones before it leave. A
     * node moved on the canvas changes nothing. Throws a ScenarioException naming the first difference
     * that cannot change while the design runs: a node or edge added, removed or changed (the
     * drawing's structure), a setting of the scenario itself, or a field that is not live.
     */
    public static List<Map.Entry<String, Object>> between(Scenario ran, Scenario edited) {
        Topology a = ran.topology();
        Topology b = edited.topology();
        if (!ran.withTopology(null).withTimeline(List.of()).equals(edited.withTopology(null).withTimeline(List.of()))
                || !ran.timeline().equals(edited.timeline())) {
            throw new ScenarioException("", "the scenario's own settings changed (its name, seed, duration or timeline)");
        }
        if (a.nodes().size() != b.nodes().size()) {
            throw new ScenarioException("topology.nodes", "a node was added or removed: the drawing's structure changed");
        }
        for (int i = 0; i < a.nodes().size(); i++) {
            Topology.Node x = a.nodes().get(i);
            Topology.Node y = b.nodes().get(i);
            if (!x.id().equals(y.id()) || !x.kind().equals(y.kind())) {
                throw new ScenarioException("topology.nodes[" + i + "]", x.id() + " became " + y.id() + " (" + y.kind()
                        + "): the drawing's structure changed");
            }
            for (String own : List.of("label", "zone")) {
                if (!Objects.equals(own.equals("label") ? x.label() : x.zone(), own.equals("label") ? y.label() : y.zone())) {
                    throw new ScenarioException("nodes." + x.id() + "." + own, "the drawing's own: it changes by editing the "
                            + "design and running it again");
                }
            }
            if (x.zoneAware() != y.zoneAware()) {
                throw new ScenarioException("nodes." + x.id() + ".zoneAware", "a balancer's routing is built when the run starts; "
                        + "edit the design and run it again");
            }
        }
        for (int i = 0; i < Math.max(a.edges().size(), b.edges().size()); i++) {
            Topology.Edge x = i < a.edges().size() ? a.edges().get(i) : null;
            Topology.Edge y = i < b.edges().size() ? b.edges().get(i) : null;
            if (x == null || y == null || !x.from().equals(y.from()) || !x.to().equals(y.to()) || !x.mode().equals(y.mode())
                    || !x.traffic().equals(y.traffic())) {
                throw new ScenarioException("topology.edges[" + i + "]", "an edge was added, removed or redrawn: the drawing's "
                        + "structure changed");
            }
        }
        if (a.crossZoneMs() != b.crossZoneMs() || a.crossZoneDollarsPerMillion() != b.crossZoneDollarsPerMillion()
                || !a.outages().equals(b.outages())) {
            throw new ScenarioException("topology", "the zones' latency, cost or outages changed; edit the design and run it again");
        }
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        Scenario at = ran;
        for (int i = 0; i < a.edges().size(); i++) {
            for (String field : fields("topology.edges[0].", EDGE_FIELDS, ran, edited, "topology.edges[" + i + "].")) {
                Object before = ScenarioFields.read(ran, "topology.edges[" + i + "]." + field);
                Object after = ScenarioFields.read(edited, "topology.edges[" + i + "]." + field);
                if (!Objects.equals(before, after)) {
                    if (after == null) {
                        throw new ScenarioException("edges[" + i + "]." + field, "a breaker removed: edit the design and run it again");
                    }
                    Change c = check(at, "edges[" + i + "]." + field, after);
                    at = ScenarioFields.with(at, c.scenarioPath(), c.value());
                    out.add(new AbstractMap.SimpleImmutableEntry<>(c.path(), c.value()));
                }
            }
        }
        for (int i = 0; i < a.nodes().size(); i++) {
            Topology.Node x = a.nodes().get(i);
            for (String field : fields("topology.nodes[0].", sections(x.nodeKind()), ran, edited, "topology.nodes[" + i + "].")) {
                String file = "topology.nodes[" + i + "]." + field;
                Object before = ScenarioFields.read(ran, file);
                Object after = ScenarioFields.read(edited, file);
                if (!Objects.equals(before, after)) {
                    String path = "nodes." + x.id() + "." + field;
                    if (after == null) {
                        throw new ScenarioException(path, "a section or list item was removed: edit the design and run it again");
                    }
                    Change c = check(at, path, after);
                    at = ScenarioFields.with(at, c.scenarioPath(), c.value());
                    out.add(new AbstractMap.SimpleImmutableEntry<>(path, c.value()));
                }
            }
        }
        return out;
    }

    /**
     * The field paths under {@code prefix} (a node's or an edge's, at item 0) whose first name is one of
     * {@code firsts}, each list's items as many as either scenario has at {@code at} (the item's own prefix).
     */
    private static List<String> fields(String prefix, List<String> firsts, Scenario ran, Scenario edited, String at) {
        List<String> out = new ArrayList<>();
        for (String p : ScenarioFields.paths()) {
            if (!p.startsWith(prefix) || !firsts.contains(p.substring(prefix.length()).split("[.\\[]", 2)[0])) {
                continue;
            }
            String field = p.substring(prefix.length());
            int list = field.indexOf("[0]");
            if (list < 0) {
                out.add(field);
                continue;
            }
            for (int k = 0; ; k++) {
                String item = field.substring(0, list) + "[" + k + "]" + field.substring(list + 3);
                String file = at + item;
                if (ScenarioFields.read(ran, file) == null && ScenarioFields.read(edited, file) == null) {
                    break;
                }
                out.add(item);
            }
        }
        return out;
    }

    /** The sections a node of {@code kind} holds, by their names in the file. */
    static List<String> sections(NodeKind kind) {
        return switch (kind) {
            case CLIENTS -> List.of("workload");
            case GATEWAY -> List.of("gateway");
            case CDN -> List.of("cdn");
            case BALANCER -> List.of("balancer");
            case SERVICE -> List.of("service", "autoscaler", "verticalScaler");
            case CACHE -> List.of("cache");
            case DATABASE -> List.of("database");
            case QUEUE -> List.of("queue");
            case TOPIC -> List.of("topic");
            case EXTERNAL -> List.of("external");
        };
    }

    private static boolean isNodeField(String name) {
        return List.of("id", "kind", "label", "zone", "position", "zoneAware").contains(name);
    }
}
