package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Topology;
import dev.scalelab.world.network.EventsDrawing;
import dev.scalelab.world.network.Pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A drawing of another shape than the pipeline's, graded on the network engine. The challenge fixes
 * what the candidate does not design: the traffic (the clients node sends the start's workload) and
 * the third parties (each of the start's dependencies is an external API of the same latency, errors
 * and capacity); everything between them is the answer, and its cost is scored. The hidden
 * incidents act on the parts they name: an instance {@code i-N} is instance N of the service the
 * clients reach first (add-instance, remove-instance and full-gc without an instance act on that
 * whole service), a level of the cache they reach first, a shard or replica of the database they
 * reach first (add-shard acts on that database), a dependency the external API of its name.
 *
 * <p>A challenge whose start has event streams fixes them as its knobs say, as
 * {@link EventsDrawing} draws them: a clients node that only publishes straight to a topic is a
 * producer, whose traffic is the start's; the topics and groups are compared field by field with the
 * start's (a group is a service a topic box leads to, named as the group). Its incidents act on
 * those parts: crash-consumer on the service of the group's name that consumes a topic, publish-burst
 * and poison on the topic box of the topic's name.
 */
final class DrawnGrading {
    private DrawnGrading() {
    }

    /** The fields of the challenge the drawing changes: one line each, as {@link Violations} words them. */
    static List<String> violations(Challenge challenge, Scenario drawing) {
        List<String> found = new ArrayList<>();
        Scenario start = challenge.startScenario();
        Topology t = drawing.topology();
        // With event streams, a clients node that only publishes is the producer the events section fixes, not the workload.
        boolean streams = start.events() != null;
        List<Topology.Node> clients = t.nodes().stream().filter(n -> n.nodeKind() == NodeKind.CLIENTS)
                .filter(n -> !streams || !EventsDrawing.publishesOnly(t, n)).toList();
        if (clients.size() != 1) {
            found.add("workload is fixed by the challenge: the drawing has " + clients.size() + " clients nodes; it needs one, "
                    + "sending the start's traffic");
        } else if (!clients.get(0).workload().equals(start.workload())) {
            found.add("workload is fixed by the challenge: " + clients.get(0).id() + " sends other traffic than the start's "
                    + "(" + ScenarioFiles.tree(start).get("workload") + ")");
        }
        Topology drawnStart = Pipeline.spell(start);
        for (Topology.Node api : drawnStart.nodes()) {
            if (api.nodeKind() != NodeKind.EXTERNAL) {
                continue;
            }
            String name = api.label().isEmpty() ? api.id() : api.label();
            Topology.Node mine = external(t, name);
            if (mine == null) {
                found.add("dependencies: " + Quote.of(name) + " is the challenge's third party; the drawing has no external API of "
                        + "that name");
            } else if (!mine.external().equals(api.external())) {
                found.add("dependencies: " + Quote.of(name) + " is the challenge's third party; the drawing changes its latency, "
                        + "errors or capacity (" + mine.id() + ")");
            }
        }
        if (streams) {
            EventsDrawing.Read read = EventsDrawing.read(t, start.events());
            found.addAll(read.problems());
            found.addAll(Violations.ofEvents(challenge, read.events()));
        }
        if (!drawing.timeline().isEmpty()) {
            found.add("timeline: the challenge schedules the faults; a drawing of another shape adds none");
        }
        return List.copyOf(found);
    }

    /**
     * {@code drawing} as it is graded on {@code seed}: the challenge's duration, that seed, and the
     * hidden incidents put on the parts they name.
     *
     * @throws ScenarioException when an incident names a part the drawing does not have, or one a
     *                           drawn system cannot take a fault on yet
     */
    static Scenario graded(Challenge challenge, Scenario drawing, long seed) {
        ObjectNode tree = ScenarioFiles.tree(drawing);
        tree.put("seed", seed);
        tree.set("durationSeconds", challenge.start().get("durationSeconds"));
        ArrayNode timeline = tree.putArray("timeline");
        Topology t = drawing.topology();
        String front = first(t, NodeKind.SERVICE);
        String database = first(t, NodeKind.DATABASE);
        String cache = first(t, NodeKind.CACHE);
        for (JsonNode incident : challenge.incidents()) {
            ObjectNode e = incident.deepCopy();
            String command = e.path("command").asText();
            String target = e.path("target").asText(null);
            String at = Figures.clock(e.path("atSeconds").asDouble());
            switch (command) {
                case "kill-instance", "slow-instance", "error-instance", "weight-instance", "add-instance", "remove-instance",
                     "full-gc" -> {
                    if (front == null) {
                        throw new ScenarioException("topology", "the challenge's " + command + " at " + at + " needs a service "
                                + "the clients reach");
                    }
                    // An instance i-N is instance N of that service; without one, the action is on the whole service.
                    e.put("target", target == null ? front : front + "-" + target.substring(target.lastIndexOf('-') + 1));
                }
                case "set" -> {
                    // The traffic, by the pipeline's path: the network applies it to the drawing's one clients node.
                }
                case "expire-key", "leak-connections" -> {
                    // every cache box, every service with connection pools, of the drawing: it names none
                }
                case "flush-cache", "fail-cache-level" -> {
                    if (cache == null) {
                        throw new ScenarioException("topology", "the challenge's " + command + " at " + at + " needs a cache "
                                + "the clients' requests reach");
                    }
                    e.put("target", target == null ? cache : cache + "/" + target);
                }
                case "kill-primary", "add-shard", "remove-shard", "lag-spike" -> {
                    if (database == null) {
                        throw new ScenarioException("topology", "the challenge's " + command + " at " + at + " needs a database "
                                + "the clients' requests reach");
                    }
                    // A shard "3" or "s3" is shard 3 of that database, a replica "s0-r1" its replica; add-shard names the database.
                    String part = target == null ? null : command.equals("lag-spike") ? target
                            : target.startsWith("s") ? target.substring(1) : target;
                    e.put("target", part == null ? database : database + "/" + part);
                }
                case "latency", "error-rate", "outage" -> {
                    Topology.Node api = external(t, target);
                    if (api == null) {
                        throw new ScenarioException("topology", "the challenge's " + command + " at " + at + " acts on "
                                + Quote.of(target) + ", and the drawing has no external API of that name");
                    }
                    e.put("target", api.id());
                }
                case "crash-consumer" -> e.put("target", consumer(t, target, at));
                case "publish-burst", "poison" -> {
                    Topology.Node box = target == null ? null : EventsDrawing.named(t, target, NodeKind.TOPIC);
                    box = box != null || target == null ? box : EventsDrawing.named(t, target, NodeKind.QUEUE);
                    if (box == null) {
                        throw new ScenarioException("topology", "the challenge's " + command + " at " + at + " acts on the topic "
                                + Quote.of(target) + ", and the drawing has no topic or queue box of that name");
                    }
                    e.put("target", box.id());
                }
                default -> throw new ScenarioException("topology", "the challenge's " + command + " at " + at + " cannot act on "
                        + "a drawing of another shape yet (a drawn system's timeline takes sets of its traffic and add-instance, "
                        + "remove-instance, kill-instance, slow-instance, error-instance, weight-instance, full-gc, flush-cache, expire-key, "
                        + "fail-cache-level, add-shard, remove-shard, kill-primary, lag-spike, leak-connections, latency, "
                        + "error-rate, outage, crash-consumer, publish-burst and poison); "
                        + "keep the pipeline's shape to be graded with it");
            }
            timeline.add(e);
        }
        return ScenarioFiles.parse(tree.toString());
    }

    /** The node of {@code kind} the clients reach first, along calls and hand-offs; null when they reach none. */
    static String first(Topology t, NodeKind kind) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        t.nodes().stream().filter(n -> n.nodeKind() == NodeKind.CLIENTS).forEach(n -> todo.add(n.id()));
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!seen.add(id)) {
                continue;
            }
            Topology.Node n = t.node(id);
            if (n.nodeKind() == kind) {
                return id;
            }
            for (Topology.Edge e : t.out(id)) {
                if (e.edgeMode() != EdgeMode.ASYNC) {
                    todo.add(e.to());
                }
            }
        }
        return null;
    }

    /**
     * The drawn part a crash-consumer of the pipeline's group {@code target} acts on: the service of
     * that name (its label, or its id without one) a topic box leads to, for its lowest-numbered ready
     * instance, or its instance N for the pipeline's consumer {@code <group>-N}.
     */
    private static String consumer(Topology t, String target, String at) {
        String group = target;
        String instance = null;
        if (consuming(t, group) == null && target != null && target.lastIndexOf('-') > 0
                && target.substring(target.lastIndexOf('-') + 1).matches("\\d+")) {
            group = target.substring(0, target.lastIndexOf('-'));
            instance = target.substring(target.lastIndexOf('-') + 1);
        }
        Topology.Node s = consuming(t, group);
        if (s == null) {
            throw new ScenarioException("topology", "the challenge's crash-consumer at " + at + " acts on the group "
                    + Quote.of(group) + ", and the drawing has no service of that name consuming a topic");
        }
        return instance == null ? s.id() : s.id() + "-" + instance;
    }

    /** The service named {@code name} that a topic box leads to; null for none. */
    private static Topology.Node consuming(Topology t, String name) {
        if (name == null) {
            return null;
        }
        for (Topology.Edge e : t.edges()) {
            Topology.Node to = t.node(e.to());
            if (t.node(e.from()).nodeKind() == NodeKind.TOPIC && to.nodeKind() == NodeKind.SERVICE
                    && (to.label().isEmpty() ? to.id() : to.label()).equals(name)) {
                return to;
            }
        }
        return null;
    }

    private static Topology.Node external(Topology t, String name) {
        for (Topology.Node n : t.nodes()) {
            if (n.nodeKind() == NodeKind.EXTERNAL && (n.id().equals(name) || n.label().equals(name))) {
                return n;
            }
        }
        return null;
    }
}
