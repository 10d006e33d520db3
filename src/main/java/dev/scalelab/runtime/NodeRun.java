package dev.scalelab.runtime;

import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Snapshot;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One drawn box of a {@link DesignRun}, as a pattern panel's run: its frames are the box's view
 * ({@link DesignRun#watch}: a service's pool, a cache's or a CDN's levels, a database's shards, an external
 * API's calling sidecars, a topic's or queue's consumers, a balancer's picks), and the panel's changes and
 * actions go to the drawn node, as the canvas's own do, so the run's recorded timeline holds them. A
 * panel's section becomes the node's field of the same name ({@code autoscaler.minReplicas} is
 * {@code nodes.api.autoscaler.minReplicas}, {@code cache.levels[0].capacity} is
 * {@code nodes.redis.cache.levels[0].capacity}); a pool action names the service or its instance, a
 * cache action the box or its level ({@code redis/L1}, a CDN's {@code cdn/edge}), a database action the database, its shard or its replica; a
 * CDN's, an API's, topic's and queue's mappings are at {@link #setCdnField}, {@link #setDependencyField}, {@link #setTopicField} and
 * {@link #setQueueField}; a balancer's {@code balancer.strategy} is {@code nodes.lb.balancer.strategy}, and its instance actions
 * name an instance of the pool it shows ({@link #scope}). What the drawn node cannot take is refused, and the refusal, naming it,
 * waits in {@link #takeRefusal} for the window to say. Each NodeRun watches its own box: several may run on one DesignRun at once.
 */
public final class NodeRun implements PanelSource {
    /** The sections of a pipeline parameter a drawn service has, under the same names. */
    private static final List<String> SERVICE_SECTIONS = List.of("service.", "autoscaler.", "verticalScaler.");
    /** The pool actions a drawn service takes (see NetworkTimeline). */
    private static final Set<Action> SERVICE_ACTIONS = Set.of(Action.ADD_INSTANCE, Action.REMOVE_INSTANCE, Action.KILL_INSTANCE,
            Action.SLOW_INSTANCE);
    /** The cache actions a drawn cache box takes. */
    private static final Set<Action> CACHE_ACTIONS = Set.of(Action.FLUSH_CACHE, Action.FAIL_CACHE_LEVEL, Action.EXPIRE_KEY);
    /** The database actions a drawn database takes. */
    private static final Set<Action> DATABASE_ACTIONS = Set.of(Action.ADD_SHARD, Action.REMOVE_SHARD, Action.KILL_PRIMARY,
            Action.LAG_SPIKE);
    /** The faults a drawn external API takes from the Resilience panel (see NetworkTimeline). */
    private static final Set<Action> EXTERNAL_ACTIONS = Set.of(Action.ERROR_RATE, Action.LATENCY, Action.OUTAGE);
    /** A dependency's fields that are its sidecar's, the same on a drawn sync edge: the rest are the API's or the pipeline's. */
    private static final List<String> SIDECAR_FIELDS = List.of("breaker.", "retry.", "timeoutMs", "maxConcurrentCalls");
    /** The actions on an instance a drawn balancer's panel takes: they name an instance of the pool it shows. */
    private static final Set<Action> BALANCER_ACTIONS = Set.of(Action.KILL_INSTANCE, Action.SLOW_INSTANCE, Action.ERROR_INSTANCE,
            Action.WEIGHT_INSTANCE);
    /** The actions a drawn queue takes from the Events panel: a crash-consumer is a topic group's (see NetworkTimeline). */
    private static final Set<Action> QUEUE_ACTIONS = Set.of(Action.PUBLISH_BURST, Action.POISON);
    /** The actions a drawn topic takes from the Events panel (see NetworkTimeline). */
    private static final Set<Action> TOPIC_ACTIONS = Set.of(Action.PUBLISH_BURST, Action.POISON, Action.CRASH_CONSUMER);
    /** A group's fields that are its service's on a drawing: its consumers are the service's instances, its processing the service's work. */
    private static final java.util.Map<String, String> GROUP_SERVICE_FIELDS = java.util.Map.of("consumers", "service.instances",
            "processingTime", "service.serviceTime", "provisionSeconds", "service.provisionSeconds", "bootSeconds", "service.bootSeconds");
    /** How long the first view may take: the run's thread takes the watch at its next slice, paused or not. */
    private static final long FIRST_VIEW_SECONDS = 5;

    private final DesignRun run;
    private final String nodeId;
    private final dev.scalelab.design.NodeKind kind;
    /** What the box is called in messages: "the drawn service api", "the drawn cache redis". */
    private final String named;
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final AtomicReference<Frame> frame = new AtomicReference<>();
    private volatile boolean stopped;

    /**
     * Watches box {@code nodeId} of {@code run} and waits for its first view. Other boxes of the run
     * may be watched at the same time, each by its own NodeRun; {@link #stop} ends this one's watch only.
     *
     * @throws ScenarioException naming the node when it is no box of the drawing a panel shows, or its view did not come
     */
    public NodeRun(DesignRun run, String nodeId) {
        this.run = run;
        this.nodeId = nodeId;
        dev.scalelab.world.Topology.Node node = run.design().topology().node(nodeId);
        this.kind = node == null ? null : node.nodeKind();
        this.named = "the drawn " + (kind == null ? "box" : kind.id()) + " " + nodeId;
        try {
            Snapshot first = run.watch(nodeId).get(FIRST_VIEW_SECONDS, TimeUnit.SECONDS);
            frame.set(new Frame(first, new RunStatus(0, run.paused(), run.finished(), run.speed(), 0, false, run.failure()), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("nodes." + nodeId, "interrupted while waiting for its first view");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ScenarioException refused) {
                throw refused; // the box has nothing its panel can show now, and says why
            }
            throw new ScenarioException("nodes." + nodeId, "its run gave no view of it (" + e.getCause() + ")");
        } catch (TimeoutException e) {
            run.unwatch(nodeId); // taken after the watch, whenever the run takes that
            throw new ScenarioException("nodes." + nodeId, "its run gave no view of it (" + e + ")");
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public DesignRun designRun() {
        return run;
    }

    /** Whether the run still watches this node for this panel: until {@link #stop}, or the run's end. */
    public boolean watching() {
        return !stopped && run.watched(nodeId) != null;
    }

    /** Stops this panel's watch of the node (once); the run's watches of other boxes go on. */
    public void stop() {
        if (!stopped) {
            stopped = true;
            run.unwatch(nodeId);
        }
    }

    /** The node's newest view, with the run's state; the same frame until the run publishes another. */
    @Override
    public Frame latest() {
        Snapshot s = stopped ? null : run.watched(nodeId);
        Frame f = frame.get();
        if (f.snapshot() == s || s == null) {
            return f; // unchanged, or no longer watched: its last view stands
        }
        Frame next = new Frame(s, new RunStatus(f.status().frame() + 1, run.paused(), run.finished(), run.speed(), 0, false, run.failure()), null);
        frame.set(next);
        return next;
    }

    /**
     * A panel's parameter: the node's field of the same path, changed live as the canvas changes it.
     * A field the drawn box does not have, or cannot change live, is refused, naming it.
     */
    @Override
    public void set(Parameter parameter, Object value) {
        String path = parameter.path();
        if (kind == dev.scalelab.design.NodeKind.EXTERNAL) {
            refuse(path + ": not a field of " + named + " (the Resilience panel sets the sidecars of the edges that call it)");
            return;
        }
        if (kind == dev.scalelab.design.NodeKind.TOPIC) {
            setTopicField(path, value);
            return;
        }
        if (kind == dev.scalelab.design.NodeKind.QUEUE) {
            setQueueField(path, value);
            return;
        }
        if (kind == dev.scalelab.design.NodeKind.BALANCER) {
            if (!path.startsWith("balancer.")) {
                refuse(path + ": not a field of " + named + " (its fields are under balancer; the instances it picks from are "
                        + shownService() + "'s, set on " + shownService() + ")");
                return;
            }
            applyOrRefuse("nodes." + nodeId + "." + path, value, "");
            return;
        }
        if (kind == dev.scalelab.design.NodeKind.CDN) {
            setCdnField(path, value);
            return;
        }
        boolean own = switch (kind) {
            case CACHE -> path.startsWith("cache.");
            case DATABASE -> path.startsWith("database.");
            default -> SERVICE_SECTIONS.stream().anyMatch(path::startsWith);
        };
        if (!own) {
            refuse(path + ": not a field of " + named + " (its fields are under " + switch (kind) {
                case CACHE -> "cache; the keys are its clients' traffic, set on the clients box)";
                case DATABASE -> "database; the keys are its clients' traffic, set on the clients box)";
                default -> "service, autoscaler and verticalScaler)";
            });
            return;
        }
        if (path.equals("service.warmupSeconds")) {
            refuse(path + ": a drawn service has no warm-up (its instances serve at full speed once ready), so " + nodeId
                    + " keeps it as it is");
            return;
        }
        applyOrRefuse("nodes." + nodeId + "." + path, value, "");
    }

    /** The fields of a CDN's edge as the Caching panel names its first level's, to the box's own ({@code nodes.edge.cdn.ttlSeconds}). */
    private static final java.util.Map<String, String> CDN_FIELDS = java.util.Map.of("capacity", "cdn.capacity", "policy", "cdn.policy",
            "ttlSeconds", "cdn.ttlSeconds", "latencyMs", "cdn.hitMs");

    /**
     * A Caching panel field of a drawn CDN: its one level is its edge, whose capacity, policy, TTL and
     * lookup time are the box's ({@code cache.levels[0].ttlSeconds} is {@code nodes.edge.cdn.ttlSeconds}).
     * What a CDN has not is refused, naming why: other levels, the level's name, scope and TTL jitter,
     * a write policy (it caches reads; writes pass it to the origin), the coalescing switch (its
     * concurrent misses always share one fetch), the rest of the cache section and the clients' keys.
     */
    private void setCdnField(String path, Object value) {
        String why;
        if (path.startsWith("cache.levels[0].")) {
            String field = path.substring("cache.levels[0].".length());
            if (CDN_FIELDS.containsKey(field)) {
                String to = "nodes." + nodeId + "." + CDN_FIELDS.get(field);
                applyOrRefuse(to, value, path + " (" + to + "): ");
                return;
            }
            why = "the edge of " + named + " has no " + field + " (its fields are its capacity, policy, TTL and lookup time)";
        } else if (path.startsWith("cache.levels[")) {
            why = named + " has one level, its edge (cache.levels[0])";
        } else if (path.equals("cache.writePolicy")) {
            why = named + " caches what is read: a write goes past it to its origin, so it has no write policy";
        } else if (path.equals("cache.coalesce")) {
            why = "concurrent misses of one object at " + named + " always share one fetch from its origin: it has no switch for it";
        } else if (path.startsWith("cache.")) {
            why = "not a field of " + named + " (its fields are its edge's capacity, policy, TTL and lookup time)";
        } else {
            why = "not a field of " + named + " (its fields are its edge's, cache.levels[0]; the keys are its clients' traffic, set "
                    + "on the clients box)";
        }
        refuse(path + ": " + why);
    }

    /**
     * Sends the change of {@code nodePath} to the run; a refusal, at once ({@code prefix} and the
     * check's message) or from the run's thread, waits for the window to say.
     */
    private void applyOrRefuse(String nodePath, Object value, String prefix) {
        try {
            run.apply(nodePath, value).whenComplete((applied, failed) -> {
                if (failed != null) {
                    refuse(nodePath + ": " + message(failed));
                }
            });
        } catch (ScenarioException e) {
            refuse(prefix + e.getMessage());
        }
    }

    /**
     * A field of a drawn external API's dependency as the Resilience panel names it,
     * {@code dependencies[i].<field>}: dependency i is the sync edge its name gives ({@code api->pay}),
     * whose field of the same name a sidecar setting (breaker, retry, timeout, bulkhead) becomes
     * ({@code edges[3].breaker.failureRateThreshold}), changed live as the inspector changes it. The
     * API's own fields and the edge's share are refused, naming them: the inspector sets those.
     */
    @Override
    public void setDependencyField(String path, Object value) {
        if (kind != dev.scalelab.design.NodeKind.EXTERNAL) {
            refuse(path + ": " + named + " has no dependencies (a drawn external API opens in the Resilience panel)");
            return;
        }
        int close = path.indexOf("].");
        Snapshot shown = frame.get().snapshot();
        int index = -1;
        try {
            index = path.startsWith("dependencies[") && close > 0 ? Integer.parseInt(path.substring("dependencies[".length(), close)) : -1;
        } catch (NumberFormatException e) {
            // refused below
        }
        if (index < 0 || index >= shown.current().dependencies().size()) {
            refuse(path + ": no dependency of " + named + " has this index (its dependencies are the edges calling it "
                    + "through a sidecar: " + shown.current().dependencies().size() + ")");
            return;
        }
        String field = path.substring(close + 2);
        String name = shown.current().dependencies().get(index).name();
        if (SIDECAR_FIELDS.stream().noneMatch(f -> f.endsWith(".") ? field.startsWith(f) : field.equals(f))) {
            refuse(path + ": " + field + " is " + named + "'s own or the edge's share, not the sidecar's: set it in the inspector "
                    + "(this panel sets the breaker, retries, timeout and bulkhead of the edge " + name + ")");
            return;
        }
        int edge = edgeIndex(name);
        if (edge < 0) {
            refuse(path + ": the edge " + name + " is no sync edge of the drawing");
            return;
        }
        String edgePath = "edges[" + edge + "]." + field;
        try {
            run.apply(edgePath, value).whenComplete((applied, failed) -> {
                if (failed != null) {
                    refuse(edgePath + ": " + message(failed));
                }
            });
        } catch (ScenarioException e) {
            refuse(e.getMessage());
        }
    }

    /**
     * An Events panel field of a drawn topic: the topic's ({@code events.topics[0].partitions}) and its
     * groups' settings ({@code events.groups[0].commit}) are the box's ({@code nodes.orders.topic.commit}),
     * shared by its groups, so a group setting is taken only where the box has one group; a group's
     * consumers, processing time, provisioning and boot are its service's ({@code nodes.billing.service.instances},
     * {@code ...service.serviceTime.meanMs}). Producers, queues and a group's error rate have no such
     * field on a drawing and are refused, naming them.
     */
    private void setTopicField(String path, Object value) {
        dev.scalelab.world.EventStreams.Events events = frame.get().snapshot().current().events();
        String to = null;
        String why = null;
        if (path.startsWith("events.topics[0].")) {
            to = "nodes." + nodeId + ".topic." + path.substring("events.topics[0].".length());
        } else if (path.startsWith("events.groups[")) {
            int close = path.indexOf("].");
            int index = close < 0 ? -1 : parseIndex(path.substring("events.groups[".length(), close));
            if (index < 0 || index >= events.groups().size()) {
                why = "no group of " + named + " has this index (its groups are the services it feeds: " + events.groups().size() + ")";
            } else {
                String field = path.substring(close + 2);
                String service = events.groups().get(index).name();
                String head = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
                if (GROUP_SERVICE_FIELDS.containsKey(head)) {
                    to = "nodes." + service + "." + GROUP_SERVICE_FIELDS.get(head) + field.substring(head.length());
                } else if (head.equals("errorRate")) {
                    why = "a record fails on a drawing when " + service + " answers it with an error: give " + service
                            + "'s instances errors on the canvas (a right-click on " + service + ")";
                } else if (events.groups().size() > 1) {
                    why = "the group settings are " + nodeId + "'s, shared by its " + events.groups().size() + " groups: set "
                            + "nodes." + nodeId + ".topic." + field + " in the inspector to change them all";
                } else {
                    to = "nodes." + nodeId + ".topic." + field;
                }
            }
        } else {
            why = "not a field of " + named + " (its producers are the edges into it, set on their services; it has no work queue)";
        }
        if (to == null) {
            refuse(path + ": " + why);
            return;
        }
        applyOrRefuse(to, value, path + " (" + to + "): ");
    }

    /** A queue's field as the Events panel names it, to the box's ({@code ...queue.visibilityTimeoutSeconds}) or its service's. */
    private static final java.util.Map<String, String> QUEUE_FIELDS = java.util.Map.of("visibilityTimeoutSeconds",
            "queue.visibilityTimeoutSeconds", "maxReceiveCount", "queue.maxReceives", "maxMessages", "queue.capacity");

    /**
     * An Events panel field of a drawn queue: its visibility timeout, receives and capacity are the
     * box's; its processing time, provisioning and boot its one service's. Its consumers are that
     * service's workers (instances times workers), which no one field sets, and its error rate is the
     * service's answers: refused, naming them, as is anything else.
     */
    private void setQueueField(String path, Object value) {
        dev.scalelab.world.EventStreams.Events events = frame.get().snapshot().current().events();
        String service = run.design().topology().out(nodeId).get(0).to();
        String field = path.startsWith("events.queues[0].") ? path.substring("events.queues[0].".length()) : null;
        String head = field == null ? null : field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        String to = null;
        String why;
        if (field == null) {
            why = "not a field of " + named + " (its producers are the edges into it, set on their services; it has no topic)";
        } else if (QUEUE_FIELDS.containsKey(field)) {
            to = "nodes." + nodeId + "." + QUEUE_FIELDS.get(field);
            why = null;
        } else if (!head.equals("consumers") && GROUP_SERVICE_FIELDS.containsKey(head)) {
            to = "nodes." + service + "." + GROUP_SERVICE_FIELDS.get(head) + field.substring(head.length());
            why = null;
        } else if (head.equals("consumers")) {
            why = "the consumers of " + nodeId + " are " + service + "'s workers (" + events.queues().get(0).consumers()
                    + " now: its instances times their workers): set " + service + "'s instances or workers in the inspector";
        } else if (head.equals("errorRate")) {
            why = "a message fails on a drawing when " + service + " answers it with an error: give " + service
                    + "'s instances errors on the canvas (a right-click on " + service + ")";
        } else {
            why = "not a field of " + named;
        }
        if (to == null) {
            refuse(path + ": " + why);
            return;
        }
        applyOrRefuse(to, value, path + " (" + to + "): ");
    }

    /**
     * What a drawn balancer's window shows of the services behind it, in words, when there are several
     * (its first edge's pool, as {@code BalancerWatch} picks it); "" for one, and for other boxes.
     */
    public String scope() {
        if (kind != dev.scalelab.design.NodeKind.BALANCER) {
            return "";
        }
        List<String> behind = servicesBehind();
        if (behind.size() < 2) {
            return "";
        }
        return nodeId + " spreads its requests over " + String.join(", ", behind) + " by its edges' weights, with a strategy of its "
                + "own for each: this panel shows its picks within " + behind.get(0) + ", its first edge";
    }

    /** The boxes a drawn balancer's edges lead to, in the order of its edges (the first is the pool its panel shows). */
    public List<String> servicesBehind() {
        return run.design().topology().out(nodeId).stream().map(dev.scalelab.world.Topology.Edge::to).distinct().toList();
    }

    /** The service whose pool a drawn balancer's panel shows: the one its first edge leads to. */
    private String shownService() {
        return servicesBehind().get(0);
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The index in the drawing of the sync edge {@code name} ("api->pay") into this node; -1 when none. */
    private int edgeIndex(String name) {
        int arrow = name.indexOf("->");
        if (arrow < 0 || !name.substring(arrow + 2).equals(nodeId)) {
            return -1;
        }
        String from = name.substring(0, arrow);
        List<dev.scalelab.world.Topology.Edge> edges = run.design().topology().edges();
        for (int i = 0; i < edges.size(); i++) {
            dev.scalelab.world.Topology.Edge e = edges.get(i);
            if (e.from().equals(from) && e.to().equals(nodeId) && e.edgeMode() == dev.scalelab.design.EdgeMode.SYNC) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A pool action: add-instance and remove-instance name the service (remove-instance its chosen
     * instance when one is given), kill- and slow-instance the instance. A cache action: flush-cache
     * names the box or its level ({@code redis/L1}), fail-cache-level the level; expire-key names no
     * box (a drawing expires the key in every cache box), so it is taken only where this is the
     * drawing's one cache box. A database action names the database, its shard ({@code orders/2}) or
     * its replica ({@code orders/s0-r1}). An external API's fault (error-rate, latency, outage) names
     * the API, whichever calling edge the panel chose: the fault is the API's, met by every edge. A
     * topic's publish-burst and poison name the topic, its crash-consumer the group, which is the
     * service it feeds. Others are refused, naming them.
     */
    @Override
    public void act(Action action, String target, Double value, double durationSeconds) {
        Set<Action> takes = switch (kind) {
            case CACHE, CDN -> CACHE_ACTIONS;
            case DATABASE -> DATABASE_ACTIONS;
            case EXTERNAL -> EXTERNAL_ACTIONS;
            case TOPIC -> TOPIC_ACTIONS;
            case QUEUE -> QUEUE_ACTIONS;
            case BALANCER -> BALANCER_ACTIONS;
            default -> SERVICE_ACTIONS;
        };
        if (kind == dev.scalelab.design.NodeKind.QUEUE && action == Action.CRASH_CONSUMER) {
            refuse(action.id() + ": a consumer of " + named + " is a worker of the service it feeds, and a drawing crashes "
                    + "consumers of topics only: kill one of that service's instances instead (a right-click on it on the canvas)");
            return;
        }
        if (!takes.contains(action)) {
            refuse(action.id() + ": not an action " + named + " takes from this panel");
            return;
        }
        String to;
        if (kind == dev.scalelab.design.NodeKind.BALANCER) {
            if (target == null) {
                refuse(action.id() + ": names an instance of " + shownService() + " (select one in the live view)");
                return;
            }
            to = target; // the instance, of the service behind: the action is its, whichever balancer shows it
        } else if (kind == dev.scalelab.design.NodeKind.QUEUE) {
            to = nodeId;
        } else if (kind == dev.scalelab.design.NodeKind.TOPIC) {
            // A burst or a poison names the topic; a crash the group, which is its service (its lowest-numbered ready member).
            to = action == Action.CRASH_CONSUMER && target != null ? target : nodeId;
        } else if (kind == dev.scalelab.design.NodeKind.EXTERNAL) {
            // The panel names the dependency (the edge); the fault is the API's, so every edge calling it meets it.
            to = nodeId;
        } else if (kind == dev.scalelab.design.NodeKind.SERVICE) {
            to = target != null ? target : nodeId;
        } else if (action == Action.EXPIRE_KEY) {
            long boxes = run.design().topology().nodes().stream().filter(n -> n.nodeKind() == dev.scalelab.design.NodeKind.CACHE
                    || n.nodeKind() == dev.scalelab.design.NodeKind.CDN).count();
            if (boxes > 1) {
                refuse(action.id() + ": a drawing expires a key in every cache box at once, and this one has " + boxes
                        + " (a right-click on a cache box on the canvas expires it in all)");
                return;
            }
            to = null;
        } else {
            to = target != null ? nodeId + "/" + target : nodeId;
        }
        try {
            run.command(Scenario.TimelineEntry.action(0, action, to, value, durationSeconds));
        } catch (ScenarioException e) {
            refuse(action.id() + (to == null ? "" : " " + to) + ": " + e.getMessage());
        }
    }

    private void refuse(String why) {
        refusal.set(why);
    }

    /** The newest refusal since the last call, naming what was refused and why; null when none. */
    public String takeRefusal() {
        return refusal.getAndSet(null);
    }

    private static String message(Throwable t) {
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
