package dev.scalelab.world;

import dev.scalelab.design.Design;
import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.design.Traffic;
import dev.scalelab.engine.events.AssignorKind;
import dev.scalelab.engine.events.CommitMode;

import java.util.ArrayList;
import java.util.List;

/**
 * A drawn system, as the scenario file holds it: nodes that each carry the section of their kind
 * (a service node its pool and autoscaler, a cache node its levels, a database node its shards), and
 * the edges between them. A scenario without a topology is today's pipeline, built from its own
 * sections; see {@link dev.scalelab.world.network.Network} for how a topology runs.
 *
 * @param nodes        the boxes, in the order they were added
 * @param edges        the connections, in the order they were drawn
 * @param crossZoneMs  what a call adds, each way, when it crosses from one availability zone to another
 * @param crossZoneDollarsPerMillion what a million requests crossing zones cost (data transfer)
 */
public record Topology(
        @Field(description = "The boxes of the drawn system; each is run by the engine of its kind.", minItems = 1,
                maxItems = 64) List<Node> nodes,
        @Field(description = "The connections between the nodes, in the order they were drawn.", omitEmpty = true,
                maxItems = 256) List<Edge> edges,
        @Field(description = "Latency a call adds each way when it crosses from one availability zone to another.",
                unit = "ms", min = 0, max = 1000) double crossZoneMs,
        @Field(description = "What a million requests crossing from one zone to another cost in data transfer.",
                unit = "$", min = 0, max = 1_000_000) double crossZoneDollarsPerMillion,
        @Field(description = "Availability-zone outages: while one lasts, every node in its zone is down.", omitEmpty = true,
                maxItems = 64) List<Outage> outages) {

    public static final Topology DEFAULT = new Topology(List.of(), List.of(), 1.0, 0.2, List.of());

    public Topology {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        outages = outages == null ? List.of() : List.copyOf(outages);
    }

    public Topology(List<Node> nodes, List<Edge> edges) {
        this(nodes, edges, DEFAULT.crossZoneMs, DEFAULT.crossZoneDollarsPerMillion, List.of());
    }

    /** A zone going down at {@code atSeconds} for {@code durationSeconds}: its nodes refuse and lose what they hold. */
    public record Outage(
            @Field(description = "The zone that goes down.", example = "a") String zone,
            @Field(description = "When it goes down.", unit = "s", min = 0, max = Scenario.MAX_DURATION_SECONDS) double atSeconds,
            @Field(description = "How long it stays down.", unit = "s", min = 0.001, max = Scenario.MAX_DURATION_SECONDS)
            double durationSeconds) {
        public static final Outage DEFAULT = new Outage(null, 0, 60);
    }

    /**
     * One box. Only the section of its kind belongs to it (a file writes no other), and that section
     * takes the same fields, ranges and defaults as the scenario section of the same name.
     */
    public record Node(
            @Field(description = "The node's name: unique in the design, used by edges, the report and the timeline.",
                    pattern = "[A-Za-z][A-Za-z0-9_-]{0,39}",
                    patternHint = "must start with a letter and hold letters, digits, '_' and '-' (at most 40)",
                    example = "orders", unique = true) String id,
            @Field(description = "What the node is, and so which engine runs it.", choices = {"clients", "gateway", "cdn",
                    "balancer", "service", "cache", "database", "queue", "topic", "external"}, example = "service") String kind,
            @Field(description = "What the diagram shows; the id when empty.", omitEmpty = true) String label,
            @Field(description = "The availability zone it runs in; empty when the design has no zones.", omitEmpty = true)
            String zone,
            @Field(description = "Where the diagram draws the node, in canvas units (the layout's when both are 0).",
                    min = -100_000, max = 100_000, omitEmpty = true) List<Double> position,
            @Field(description = "The traffic these clients send.", when = "kind=clients") Scenario.Workload workload,
            @Field(description = "The gateway's limits, shedding and latency.", when = "kind=gateway") ApiGateway.Gateway gateway,
            @Field(description = "The edge cache.", when = "kind=cdn") Cdn cdn,
            @Field(description = "How the balancer picks an instance.", when = "kind=balancer") Scenario.Balancer balancer,
            @Field(description = "Whether the balancer keeps requests in its own zone while a service there is up "
                    + "(Envoy's zone-aware routing).", when = "kind=balancer") boolean zoneAware,
            @Field(description = "The service's pool.", when = "kind=service") Scenario.Service service,
            @Field(description = "The service's horizontal autoscaler.", when = "kind=service") Scenario.Autoscaler autoscaler,
            @Field(description = "The service's vertical scaler, which changes its instances' size.", when = "kind=service")
            Scenario.VerticalScaler verticalScaler,
            @Field(description = "The cache's levels and policies.", when = "kind=cache") Scenario.Cache cache,
            @Field(description = "The database's shards, replicas and query times.", when = "kind=database") Scenario.Database database,
            @Field(description = "The queue's delivery.", when = "kind=queue") Messaging queue,
            @Field(description = "The topic's partitions and retention, and how each consuming service reads it as a "
                    + "consumer group.", when = "kind=topic") TopicBox topic,
            @Field(description = "The third party's latency, errors and rate limit.", when = "kind=external") External external) {

        /** Every section at its scenario default: a file names only the kind's, the others stay unused. */
        public static final Node DEFAULT = new Node(null, null, "", "", List.of(), Scenario.DEFAULT.workload(),
                ApiGateway.Gateway.DEFAULT, Cdn.DEFAULT, Scenario.Balancer.DEFAULT, false, Scenario.DEFAULT.service(),
                Scenario.Autoscaler.DEFAULT, Scenario.VerticalScaler.DEFAULT, Scenario.Cache.DEFAULT, Scenario.Database.DEFAULT, Messaging.DEFAULT,
                TopicBox.DEFAULT, External.DEFAULT);

        public Node {
            // A file written before services had a vertical scaler has none: the default, "none".
            verticalScaler = verticalScaler == null ? Scenario.VerticalScaler.DEFAULT : verticalScaler;
            label = label == null ? "" : label;
            zone = zone == null ? "" : zone;
            position = position == null ? List.of() : List.copyOf(position);
        }

        /** A node of {@code kind} with every section at its default. */
        public static Node of(String id, NodeKind kind) {
            return DEFAULT.with(id, kind.id(), "", "");
        }

        public NodeKind nodeKind() {
            return NodeKind.byId(kind);
        }

        public Node with(String newId, String newKind, String newLabel, String newZone) {
            return new Node(newId, newKind, newLabel, newZone, position, workload, gateway, cdn, balancer, zoneAware, service,
                    autoscaler, verticalScaler, cache, database, queue, topic, external);
        }

        public Node withPosition(double x, double y) {
            return new Node(id, kind, label, zone, List.of(x, y), workload, gateway, cdn, balancer, zoneAware, service,
                    autoscaler, verticalScaler, cache, database, queue, topic, external);
        }

    }

    /**
     * A connection. At a node with several edges of the same mode, a request follows one of its
     * {@code forward} (or, from clients, a gateway, a CDN or a balancer, its {@code sync}) edges by
     * weight; a service makes each of its {@code sync} calls and {@code async} publishes with the
     * edge's probability, in the order they were drawn.
     */
    public record Edge(
            @Field(description = "The node the requests come from.", example = "web") String from,
            @Field(description = "The node they go to.", example = "orders") String to,
            @Field(description = "Its share of the requests, against the other edges it is picked among.", min = 0.001,
                    max = 1_000_000) double weight,
            @Field(description = "The fraction of requests that make this call or publish (a service's sync and async "
                    + "edges).", min = 0, max = 1) double probability,
            @Field(description = "Which requests it carries.", choices = {"all", "reads", "writes"}) String traffic,
            @Field(description = "sync: the caller's worker waits for the answer; forward: the request is handed on and "
                    + "the worker is free; async: a message is published and the caller goes on.",
                    choices = {"sync", "forward", "async"}) String mode,
            @Field(description = "The per-attempt timeout of a call: an attempt without an answer by then fails. 0: none.",
                    unit = "ms", min = 0, max = 3_600_000, when = "mode=sync") double timeoutMs,
            @Field(description = "Retries of a failed call.", when = "mode=sync") Scenario.Retry retry,
            @Field(description = "The circuit breaker in front of the callee; absent for none.", when = "mode=sync")
            Scenario.Breaker breaker,
            @Field(description = "The bulkhead: calls beyond this many in flight on the edge are rejected at once. 0: no limit.",
                    unit = "calls", min = 0, max = 1_000_000, when = "mode=sync") int maxConcurrentCalls) {

        public static final Edge DEFAULT = new Edge(null, null, 1, 1, "all", "sync", 0, Scenario.Retry.DEFAULT, null, 0);

        public static Edge of(String from, String to, EdgeMode mode) {
            return new Edge(from, to, 1, 1, "all", mode.id(), 0, Scenario.Retry.DEFAULT, null, 0);
        }

        public EdgeMode edgeMode() {
            return EdgeMode.byId(mode);
        }

        public Traffic trafficClass() {
            return Traffic.byId(traffic);
        }

        public Edge withWeight(double w) {
            return new Edge(from, to, w, probability, traffic, mode, timeoutMs, retry, breaker, maxConcurrentCalls);
        }

        public Edge withProbability(double p) {
            return new Edge(from, to, weight, p, traffic, mode, timeoutMs, retry, breaker, maxConcurrentCalls);
        }

        public Edge withTraffic(Traffic t) {
            return new Edge(from, to, weight, probability, t.id(), mode, timeoutMs, retry, breaker, maxConcurrentCalls);
        }
    }

    /**
     * An edge cache in front of an origin: a read whose key it holds (fresh for {@code ttlSeconds})
     * is answered at the edge; a miss goes to the origin and fills it.
     */
    public record Cdn(
            @Field(description = "Objects the edge holds.", unit = "keys", min = 1, max = 10_000_000) int capacity,
            @Field(description = "How long an object stays fresh at the edge (Cache-Control max-age).", unit = "s", min = 0.001,
                    max = 31_536_000) double ttlSeconds,
            @Field(description = "Time the edge takes to answer a hit.", unit = "ms", min = 0, max = 10_000) double hitMs,
            @Field(description = "Which object goes when the edge is full.", choices = {"lru", "w-tinylfu", "lfu", "fifo", "random"})
            String policy) {
        public static final Cdn DEFAULT = new Cdn(5_000, 300, 5, "lru");
    }

    /**
     * A third party's API: it answers each call after its latency, fails some, and refuses calls over
     * its rate limit. With {@code instances}, its capacity is known: instances x workers serve at once,
     * a bounded queue waits, and a call that finds it full is shed (an M/G/c queue, as the pipeline's
     * dependencies); without, it serves every call at once.
     */
    public record External(
            @Field(description = "Time the API takes to answer one call.") DistributionSpec latency,
            @Field(description = "Fraction of calls the API fails.", min = 0, max = 1) double errorRate,
            @Field(description = "Calls per second the API accepts (its quota); calls over it are refused with 429. 0: no "
                    + "limit.", unit = "calls/s", min = 0, max = 10_000_000) double rateLimitPerSecond,
            @Field(description = "Instances serving it, when its capacity is known; 0: as many calls at once as it is sent.",
                    unit = "instances", min = 0, max = 500) int instances,
            @Field(description = "Calls one of its instances serves at the same time.", unit = "workers", min = 1, max = 1024)
            int workersPerInstance,
            @Field(description = "Calls one of its instances holds waiting for a worker; more are shed.", unit = "calls",
                    min = 0, max = 1_000_000) int queueCapacity) {
        public static final External DEFAULT = new External(DistributionSpec.lognormal(80, 300), 0, 0, 0, 8, 100);
    }

    /**
     * How a queue hands out its messages, as the pipeline's SQS work queue: each worker of a ready
     * consuming instance receives one at a time; a received message is invisible for the visibility
     * timeout, and one not deleted by then (failed, or still in processing) comes back; a receive
     * beyond {@code maxReceives} moves it to the dead letters.
     */
    public record Messaging(
            @Field(description = "Messages it holds at most; a publish to a full one is refused. 0: no limit.",
                    unit = "messages", min = 0, max = 100_000_000) int capacity,
            @Field(description = "How long a received message stays invisible (SQS's visibility timeout): one its consumer "
                    + "failed, or has not finished by then, is delivered again.", unit = "s", min = 0, max = 43_200)
            double visibilityTimeoutSeconds,
            @Field(description = "Deliveries of one message before it goes to the dead letters (SQS's maxReceiveCount).",
                    unit = "deliveries", min = 1, max = 1000) int maxReceives) {
        public static final Messaging DEFAULT = new Messaging(0, 30, 5);
    }

    /**
     * A topic box: the pipeline's topic (partitions, keyed records placed by Kafka's partitioner,
     * retention, a bound on the slowest group's backlog) read by one consumer group per consuming
     * edge. The edge's service is the group; each of its ready instances is a member, processing its
     * partitions' records one at a time on one of its workers. The group settings are the pipeline's
     * ({@link EventStreams.Group}), less what the service itself decides (consumers, boot, processing
     * time, errors).
     */
    public record TopicBox(
            @Field(description = "Partitions: the unit of order and of parallelism; a group runs at most this many busy "
                    + "consumers.", unit = "partitions", min = 1, max = 256) int partitions,
            @Field(description = "How long records are kept, consumed or not (retention.ms; 7 days by default). A group "
                    + "lagging further behind loses the records deleted under it.", unit = "s", min = 1, max = 1e8)
            double retentionSeconds,
            @Field(description = "The most records the topic holds unconsumed by its slowest group: a publish beyond it is "
                    + "refused (the producer's publish fails). 0: no bound.", unit = "records", min = 0, max = 100_000_000)
            int maxRecords,
            @Field(description = "How partitions are shared among a service's instances: range (in runs), round-robin "
                    + "(dealt in turn) or cooperative-sticky (keeps what it can; only moved partitions stop).")
            AssignorKind assignor,
            @Field(description = "Records one poll returns at most (max.poll.records; 500 by default).", unit = "records",
                    min = 1, max = 100_000) int maxPollRecords,
            @Field(description = "auto: commit what the previous poll returned every autoCommitIntervalMs; "
                    + "after-processing: commit each batch once it is processed.") CommitMode commit,
            @Field(description = "auto: how often offsets are committed (auto.commit.interval.ms; 5000 by default).",
                    unit = "ms", min = 1, max = 3_600_000, when = "commit=auto") double autoCommitIntervalMs,
            @Field(description = "Whether processing skips records it has already processed (deduplication by record id): "
                    + "redeliveries then have no second effect.") boolean idempotent,
            @Field(description = "An instance that stops heartbeating is removed from its group after this long "
                    + "(session.timeout.ms; 45000 by default); its partitions restart from the last commit.", unit = "ms",
                    min = 1, max = 3_600_000) double sessionTimeoutMs,
            @Field(description = "How long a rebalance stops the partitions it moves (all of them for range and "
                    + "round-robin).", unit = "ms", min = 0, max = 600_000) double rebalanceMs,
            @Field(description = "What happens to a record whose processing fails (the service's answer is an error).")
            EventStreams.Retry retry,
            @Field(description = "KEDA's Kafka scaler on each consuming service: its instances follow its group's lag "
                    + "(desired = ceil(lag / lagThreshold), capped at the partitions unless idle consumers are allowed), "
                    + "in place of the service's own autoscaler; absent for none.") EventStreams.LagAutoscaler autoscaler) {
        public static final TopicBox DEFAULT = new TopicBox(EventStreams.Topic.DEFAULT.partitions(),
                EventStreams.Topic.DEFAULT.retentionSeconds(), EventStreams.Topic.DEFAULT.maxRecords(),
                EventStreams.Group.DEFAULT.assignor(), EventStreams.Group.DEFAULT.maxPollRecords(),
                EventStreams.Group.DEFAULT.commit(), EventStreams.Group.DEFAULT.autoCommitIntervalMs(),
                EventStreams.Group.DEFAULT.idempotent(), EventStreams.Group.DEFAULT.sessionTimeoutMs(),
                EventStreams.Group.DEFAULT.rebalanceMs(), EventStreams.Retry.DEFAULT, null);
    }

    /** The node {@code id}, or null. */
    public Node node(String id) {
        for (Node n : nodes) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }

    /** The edges that leave {@code id}, in the order they were drawn. */
    public List<Edge> out(String id) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.from().equals(id)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Each external API as the timeline names a dependency: by its label, or its id when it has none. */
    public List<Scenario.Dependency> externalsAsDependencies() {
        List<Scenario.Dependency> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n.nodeKind() == NodeKind.EXTERNAL) {
                Scenario.Dependency d = Scenario.Dependency.DEFAULT;
                out.add(new Scenario.Dependency(n.label().isEmpty() ? n.id() : n.label(), d.callProbability(), d.instances(),
                        d.workersPerInstance(), d.queueCapacity(), d.serviceTime(), d.errorRate(), d.timeoutMs(),
                        d.maxConcurrentCalls(), d.breaker(), d.retry()));
            }
        }
        return out;
    }

    /** The graph alone, for the checks, the layout and Mermaid. */
    public Design design() {
        List<Design.Node> ns = new ArrayList<>();
        for (Node n : nodes) {
            ns.add(new Design.Node(n.id(), n.nodeKind(), n.label(), n.zone()));
        }
        List<Design.Edge> es = new ArrayList<>();
        for (Edge e : edges) {
            es.add(new Design.Edge(e.from(), e.to(), e.weight(), e.trafficClass(), e.edgeMode()));
        }
        return new Design(ns, es);
    }

    /**
     * This topology redrawn as {@code design}: nodes and edges it keeps keep their sections and call
     * settings; new ones take the defaults of their kind.
     */
    public Topology withDesign(Design design) {
        List<Node> ns = new ArrayList<>();
        for (Design.Node d : design.nodes()) {
            Node old = node(d.id());
            Node base = old != null && old.nodeKind() == d.kind() ? old : Node.of(d.id(), d.kind());
            ns.add(base.with(d.id(), d.kind().id(), d.label().equals(d.id()) ? "" : d.label(), d.zone()));
        }
        List<Edge> es = new ArrayList<>();
        for (Design.Edge d : design.edges()) {
            Edge old = null;
            for (Edge e : edges) {
                if (e.from().equals(d.from()) && e.to().equals(d.to()) && e.mode().equals(d.mode().id())) {
                    old = e;
                }
            }
            Edge base = old != null ? old : Edge.of(d.from(), d.to(), d.mode());
            es.add(base.withWeight(d.weight()).withTraffic(d.traffic()));
        }
        return new Topology(ns, es, crossZoneMs, crossZoneDollarsPerMillion, outages);
    }
}
