package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.engine.resilience.AttemptRecord;
import dev.scalelab.engine.resilience.AttemptTrace;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.Topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A drawn system, running: one node per box of the scenario's {@link Topology}, each run by the
 * engine of its kind, and one {@link Link} per edge, on one event kernel. A request walks the graph
 * from its clients: a sync edge holds the caller's worker until the answer comes back, a forward
 * edge hands the request on and frees it, an async edge publishes to a queue or topic and goes on.
 * Same scenario and seed, same run. Confined to the thread that calls it.
 */
public final class Network {
    final Simulation sim = new Simulation();
    final RandomStreams streams;
    final Topology topology;
    private final Scenario scenario;
    /** The design as it runs now: {@link #scenario} with the node changes applied so far ({@link #apply}). */
    private Scenario current;
    /** The timeline's changes of node fields still to come, in time order: each is applied between events, as a live one is. */
    final ArrayDeque<Scenario.TimelineEntry> nodeSets = new ArrayDeque<>();
    private final Map<String, NetNode> nodes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final LatencyRecorder endToEnd = new LatencyRecorder();
    /** The same without the publishes straight from clients: the requests alone, as the pipeline's report counts them. */
    final RequestFigures requests = new RequestFigures();
    /** Per simulated second, the last hour: answered and failed requests, and the p99 of those answered (ms; NaN for none). */
    private final RingSeries completedSeries = new RingSeries(SERIES_SECONDS);
    private final RingSeries failedSeries = new RingSeries(SERIES_SECONDS);
    private final RingSeries p99Series = new RingSeries(SERIES_SECONDS);
    private long completedAtTick;
    private long failedAtTick;
    private final Insights insights;
    private final List<String> decisions = new ArrayList<>();
    private final int keyCount;
    private long nextFlowId;
    /**
     * The next service instance's number across the whole network: a cache box keeps a level of
     * instance scope once per calling instance, and instances of two services must not share one.
     */
    int nextInstanceNumber;
    private long completed;
    /** Requests that failed; those a gateway answered itself (429, 503) are apart, as the pipeline counts them. */
    private long failed;
    private long limited;
    private long shed;
    /** The clients by name and what happened to each one's requests. */
    final ClientFigures clients;
    long crossZoneRequests;
    /** Cost so far, in dollars: instances by the second, cross-zone requests as they cross. */
    private double instanceDollars;
    /** {@code simulate --timeseries}: null unless a sink hears one row per simulated second. */
    private NetworkSeries series;
    /** {@code simulate --trace}: the trace every sidecar writes to, so rows are in start order across edges; null when off. */
    private AttemptTrace trace;

    /** Seconds of per-second history kept for the charts. */
    public static final int SERIES_SECONDS = 3600;
    /** What {@link #watch} takes, for the message that refuses the rest (the run's callers check before asking). */
    public static final String WATCHED = Watch.WATCHED;
    /** The decision lines kept for the report: the most recent this many. */
    private static final int DECISIONS_KEPT = 200;
    /** The newest decisions a snapshot carries for the canvas's log. */
    private static final int DECISIONS_SHOWN = 40;
    private long decisionCount;
    /** The boxes views watch ({@link #watch}). */
    private final Watches watches = new Watches();

    public Network(Scenario scenario) {
        this.scenario = scenario;
        this.current = scenario;
        this.topology = scenario.topology();
        if (topology == null) {
            throw new ScenarioException("topology", "missing: a drawn system needs nodes and edges");
        }
        check(scenario);
        this.streams = new RandomStreams(scenario.seed());
        int keys = 1;
        for (Topology.Node n : topology.nodes()) {
            if (n.nodeKind() == NodeKind.CLIENTS) {
                keys = Math.max(keys, n.workload().keys().count());
            }
        }
        this.keyCount = keys;
        this.clients = new ClientFigures(topology);
        // Nodes in the order the file lists them, so their random streams and first events do not depend on edges.
        for (Topology.Node n : topology.nodes()) {
            nodes.put(n.id(), create(n));
        }
        for (Topology.Edge e : topology.edges()) {
            NetNode from = nodes.get(e.from());
            Link l = new Link(this, e, from, nodes.get(e.to()));
            from.out.add(l);
            links.add(l);
        }
        for (NetNode n : nodes.values()) {
            n.connect();
        }
        for (Topology.Outage o : topology.outages()) {
            sim.schedule(Simulation.secondsToNanos(o.atSeconds()), () -> zone(o.zone(), true));
            sim.schedule(Simulation.secondsToNanos(o.atSeconds() + o.durationSeconds()), () -> zone(o.zone(), false));
        }
        NetworkTimeline.schedule(this, scenario.timeline(), topology);
        insights = new Insights(this);
        sim.schedule(Simulation.NANOS_PER_SECOND, this::tick);
    }

    /**
     * Refuses a scenario whose drawing cannot run on the network, with the first reason: the
     * scenario's parts a drawn system does not run (rather than ignore them), then the topology
     * ({@link NetworkChecks#topology}), then the timeline.
     *
     * @throws ScenarioException naming the field and why
     */
    public static void check(Scenario s) {
        NetworkChecks.scenario(s);
    }

    private NetNode create(Topology.Node n) {
        return switch (n.nodeKind()) {
            case CLIENTS -> new ClientsNode(this, n);
            case GATEWAY, BALANCER -> new RouterNode(this, n);
            case CDN, CACHE -> new CacheNode(this, n);
            case SERVICE -> new ServiceNode(this, n);
            case DATABASE -> new DatabaseNode(this, n);
            case QUEUE -> new MessagingNode(this, n);
            case TOPIC -> new TopicNode(this, n);
            case EXTERNAL -> new ExternalNode(this, n);
        };
    }

    // ------------------------------------------------------------------ running

    /** Runs until {@code seconds} of virtual time (or the scenario's end, whichever is first). */
    public void runUntil(double seconds) {
        long until = Simulation.secondsToNanos(Math.min(seconds, scenario.durationSeconds()));
        // A node change on the timeline waits for every event at or before its moment, as a live change does.
        while (!nodeSets.isEmpty() && Simulation.secondsToNanos(nodeSets.peek().atSeconds()) <= until) {
            Scenario.TimelineEntry e = nodeSets.poll();
            sim.runUntil(Simulation.secondsToNanos(e.atSeconds()));
            apply(e.path(), e.value());
        }
        sim.runUntil(until);
    }

    /**
     * Changes one drawn node's field now, by path {@code nodes.<id>.<field>} ({@link NodeChange}): the
     * node applies it as the pipeline applies the same field, and the decision log says so. A change
     * made between {@link #runUntil} calls at a moment T runs exactly as the same change on the
     * timeline at T. Returns what changed ({@code service.instances 2 -> 4}, {@code edge to db weight 1 -> 3}).
     *
     * @throws ScenarioException naming the path and why it cannot change; the run is then as it was
     */
    public String apply(String path, Object value) {
        NodeChange.Change c = NodeChange.check(current, path, value);
        Scenario next = ScenarioFields.with(current, c.scenarioPath(), c.value());
        String said = NodeChange.applyOn(nodes.get(c.id()), c.how() == NodeChange.How.EDGE ? links.get(c.index()) : null, c, current,
                next);
        current = next;
        decide(nodes.get(c.id()), "set " + said);
        return said;
    }

    /** The design as it runs now: the scenario with the node changes made so far in its nodes' sections. */
    public Scenario currentScenario() {
        return current;
    }

    /** Runs the whole scenario. */
    public void run() {
        runUntil(scenario.durationSeconds());
    }

    public double nowSeconds() {
        return sim.nowSeconds();
    }

    public boolean finished() {
        return sim.nowSeconds() >= scenario.durationSeconds();
    }

    public double durationSeconds() {
        return scenario.durationSeconds();
    }

    private void tick() {
        watches.beforeTick();
        for (NetNode n : nodes.values()) {
            n.tick();
            double dollars = n.costPerHour() / 3600;
            instanceDollars += dollars;
            n.dollars += dollars;
        }
        watches.second();
        for (Link l : links) {
            l.tick();
        }
        long answered = completed - completedAtTick;
        completedSeries.append(answered);
        failedSeries.append(failed - failedAtTick);
        completedAtTick = completed;
        failedAtTick = failed;
        double p99 = endToEnd.takeIntervalPercentileMs(99);
        p99Series.append(answered == 0 ? Double.NaN : p99);
        requests.tick(answered);
        insights.tick();
        if (series != null) {
            series.second();
        }
        sim.scheduleIn(Simulation.NANOS_PER_SECOND, this::tick);
    }

    private void zone(String zone, boolean isDown) {
        for (NetNode n : nodes.values()) {
            if (n.zone.equals(zone)) {
                n.setDown(isDown);
            }
        }
        decide(null, "zone " + zone + (isDown ? " is out: its nodes refuse requests and lose what they held"
                : " is back: its nodes take requests again"));
    }

    // ------------------------------------------------------------------ what the nodes share

    Flow newFlow(int key, boolean read) {
        return new Flow(nextFlowId++, key, read, sim.nowNanos());
    }

    void clientDone(Flow f, boolean ok) {
        long latencyNanos = sim.nowNanos() - f.startNanos;
        if (ok) {
            completed++;
            endToEnd.recordNanos(latencyNanos);
            if (series != null) {
                series.answered(latencyNanos);
            }
        } else if (f.refusal == ClientFigures.LIMITED) {
            limited++;
        } else if (f.refusal == ClientFigures.SHED) {
            shed++;
        } else {
            failed++;
        }
        clients.done(f, ok, latencyNanos);
        requests.done(f, ok, latencyNanos);
    }

    int keyCount() {
        return keyCount;
    }

    /** The affinity hash of a key, as the pipeline's balancer takes it (a fixed mix, so it is reproducible). */
    long hash(int key) {
        long z = key * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** One of {@code links} by weight; null when there are none. One link costs no random draw. */
    Link pickByWeight(List<Link> candidates, SplittableRandom random, NetNode at) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        double total = 0;
        for (Link l : candidates) {
            total += l.weight;
        }
        double u = random.nextDouble() * total;
        for (Link l : candidates) {
            u -= l.weight;
            if (u < 0) {
                return l;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** A decision a node made, with the inputs it names, as the decision log keeps it. */
    void decide(NetNode node, String explanation) {
        watches.decided(node, explanation);
        decisionCount++;
        if (decisions.size() == DECISIONS_KEPT) {
            decisions.remove(0);
        }
        decisions.add(String.format(java.util.Locale.ROOT, "%.3f s %s: %s", sim.nowSeconds(), node == null ? "network" : node.id,
                explanation));
    }

    // ------------------------------------------------------------------ what it shows

    public NetworkSnapshot snapshot() {
        List<NetworkSnapshot.NodeState> ns = new ArrayList<>(nodes.size());
        double costPerHour = 0;
        for (NetNode n : nodes.values()) {
            ns.add(new NetworkSnapshot.NodeState(n.id, n.kind, n.utilisation(), n.queued(), n.inService(), n.instances(),
                    n.arrivalsPerSecond, n.errorsPerSecond, n.p99Ms, n.hitRatio(), n.down, n.serviceFigures(), n.health()));
            costPerHour += n.costPerHour();
        }
        List<NetworkSnapshot.EdgeState> es = new ArrayList<>(links.size());
        double crossPerSecond = 0;
        for (Link l : links) {
            es.add(new NetworkSnapshot.EdgeState(l.from.id, l.to.id, l.ratePerSecond, l.breakerState()));
            if (l.crossesZone) {
                crossPerSecond += l.ratePerSecond;
            }
        }
        costPerHour += crossPerSecond * 3600 / 1e6 * topology.crossZoneDollarsPerMillion();
        LatencySummary total = endToEnd.total();
        java.util.Map<String, List<String>> targets = new java.util.HashMap<>();
        for (NetNode n : nodes.values()) {
            List<String> t = n.targets();
            if (!t.isEmpty()) {
                targets.put(n.id, t);
            }
        }
        return new NetworkSnapshot(sim.nowSeconds(), scenario.durationSeconds(), ns, es,
                new NetworkSnapshot.Totals(completed, failed, total.count() == 0 ? Double.NaN : total.p50Ms(),
                        total.count() == 0 ? Double.NaN : total.p99Ms(), costPerHour, limited, shed), insights.current(),
                decisionCount, decisions.subList(Math.max(0, decisions.size() - DECISIONS_SHOWN), decisions.size()), targets);
    }

    /**
     * Starts watching box {@code id} as a pattern panel of the pipeline sees its part, from now on
     * ({@link #watchedView}): a service as the Scaling panel sees the pool (its instances, scalers
     * and per-second series), a cache box or a CDN as the Caching panel sees the cache (its levels, their
     * slots and hit ratios, the loads), a database as the Database panel sees it (its shards,
     * replicas, router and per-second load); an external API, a topic, a queue or a balancer as Watch.of says.
     * Several boxes may be watched at once, each with its own watch; a box already watched keeps its
     * watch (and its series). Watching does not change the run.
     *
     * @throws ScenarioException naming the node when it is none of those, or has nothing its panel can show
     */
    public void watch(String id) {
        NetNode n = nodes.get(id);
        if (n == null) {
            throw new ScenarioException("nodes." + id, "no node of this design");
        }
        if (watches.of(id) == null) {
            watches.add(Watch.of(this, n));
        }
    }

    /** Stops watching box {@code id} (nothing when it is not watched); the others' watches go on. */
    public void unwatch(String id) {
        watches.remove(id);
    }

    /** The ids of the boxes watched, in the order first asked. */
    public List<String> watchedIds() {
        return watches.ids();
    }

    /** Watched box {@code id} as the pipeline's snapshot shows its part (see {@link #watch}); null while it is not watched. */
    public dev.scalelab.world.Snapshot watchedView(String id) {
        Watch w = watches.of(id);
        return w == null ? null : w.view();
    }

    // ------------------------------------------------------------------ commands while it runs

    /**
     * Checks a command for a run of {@code design} as {@link #command} does before it runs it, without
     * a run: any thread may call it.
     *
     * @throws ScenarioException naming the command's field and why
     */
    public static void checkCommand(Scenario design, Scenario.TimelineEntry e) {
        NetworkTimeline.checkCommand(e, design);
    }

    /**
     * Runs a command given while the design runs (an action such as kill-instance, or a set its
     * timeline takes), checked as a timeline entry is, at the first whole millisecond after now at
     * which no event is due: there a replay of the recorded timeline ({@code at}, the returned time,
     * in the scenario's timeline) runs it with the world in exactly the same state, so the run and its
     * replay are the same run. {@code e}'s own time is ignored.
     *
     * @return the virtual time it ran at, in seconds
     * @throws ScenarioException naming the field and why, before anything ran (or, when the run ends
     *                           before a free millisecond, after running to its end)
     */
    public double command(Scenario.TimelineEntry e) {
        NetworkTimeline.checkCommand(e, scenario);
        if (finished()) {
            throw new ScenarioException("command", "the run has ended at " + Parameter.format(durationSeconds()) + " s");
        }
        double seconds = advanceToCommandTime();
        NetworkTimeline.apply(this, new Scenario.TimelineEntry(seconds, e.command(), e.path(), e.target(), e.value(),
                e.durationSeconds()), topology);
        return seconds;
    }

    /** Runs to the free whole millisecond a command given now runs at, and returns it: {@link NetworkCommands#advance}. */
    public double advanceToCommandTime() {
        return NetworkCommands.advance(this);
    }

    /** Answered requests per simulated second, the last hour at most, oldest first. */
    public double[] completedPerSecond() {
        return completedSeries.toArray();
    }

    /** Failed requests per simulated second, aligned with {@link #completedPerSecond}. */
    public double[] failedPerSecond() {
        return failedSeries.toArray();
    }

    /** The p99 of each second's answered requests, ms (NaN for a second without any), aligned with {@link #completedPerSecond}. */
    public double[] p99MsPerSecond() {
        return p99Series.toArray();
    }

    /** The bottlenecks and risks standing now, the most pressing first. */
    public List<Insight> insights() {
        return insights.current();
    }

    /** The scenario it runs. */
    public Scenario scenario() {
        return scenario;
    }

    /** Nodes in the topology's order: what the insights and the planner read. */
    List<NetNode> nodeList() {
        return new ArrayList<>(nodes.values());
    }

    List<Link> linkList() {
        return links;
    }

    /** What the clients saw, answered requests' response time since t = 0. */
    public LatencySummary endToEnd() {
        return endToEnd.total();
    }

    public long completed() {
        return completed;
    }

    /** Requests that failed since t = 0: not those a gateway answered 429 or 503 ({@link #limited}, {@link #shed}). */
    public long failed() {
        return failed;
    }

    /** Requests a gateway answered 429 since t = 0, over its global or a per-client limit: not errors, as in the pipeline. */
    public long limited() {
        return limited;
    }

    /** Requests a gateway shed (503) since t = 0 to spare the services behind it. */
    public long shed() {
        return shed;
    }

    /**
     * Each client's figures so far, in the order the clients nodes list their classes ({@code default}
     * for a node without classes). The report gives the same under {@code gateway.perClient.<name>},
     * the path and names of the pipeline's report, so {@code practice.Metric} (client-p99-ms,
     * client-success-ratio, client-limited-ratio) reads a drawn system's report as it reads the pipeline's.
     */
    public List<ClientResult> clients() {
        return clients.results();
    }

    /** Client {@code name}'s figures so far; null when no clients node sends as {@code name}. */
    public ClientResult client(String name) {
        int i = clients.index(name);
        return i < 0 ? null : clients.result(i);
    }

    /** The decisions made so far, oldest first (the most recent {@value #DECISIONS_KEPT}). */
    public List<String> decisions() {
        return List.copyOf(decisions);
    }

    /** Busy workers of service {@code id}, averaged over the run so far. */
    public double meanBusyWorkers(String id) {
        return ((ServiceNode) nodes.get(id)).meanBusyWorkers();
    }

    /** Response time of node {@code id} as its callers see it, since t = 0. */
    public LatencySummary nodeLatency(String id) {
        return nodes.get(id).latency.total();
    }

    /** Requests that reached node {@code id} since t = 0. */
    /** Node {@code id} itself, for the tests of this package. */
    NetNode node(String id) {
        return nodes.get(id);
    }

    public long arrivals(String id) {
        return nodes.get(id).arrivals;
    }

    /** Requests node {@code id} failed or refused since t = 0. */
    public long errors(String id) {
        return nodes.get(id).errors;
    }

    /** The report: the whole run as the clients saw it, then each node's figures under {@code nodes.<id>}. */
    public ObjectNode report() {
        return NetworkReport.of(this);
    }

    /** Dollars spent so far: instances by the second, cross-zone requests as they crossed. */
    double costDollars() {
        return instanceDollars + crossZoneRequests / 1e6 * topology.crossZoneDollarsPerMillion();
    }

    // ------------------------------------------------------------------ what the command line records

    /** The event kernel, for its event count and {@code simulate --profile}'s profiler. */
    public Simulation simulation() {
        return sim;
    }

    /** The time-series header of {@link #setSeriesSink}: the run's columns, then each node's and each edge's. */
    public String seriesCsvHeader() {
        return NetworkSeries.header(this);
    }

    /**
     * {@code rows} hears one CSV row (see {@link #seriesCsvHeader}) at the end of every simulated
     * second; set it before the run starts. Only reads: the run is the same with it or without.
     */
    public void setSeriesSink(Consumer<String> rows) {
        series = rows == null ? null : new NetworkSeries(this, rows);
    }

    /** Whether any edge calls through a sidecar (a sync edge with a timeout, retries, a breaker or a concurrency limit). */
    public boolean hasSidecars() {
        for (Link l : links) {
            if (l.mesh != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code simulate --trace}: {@code sink} hears one record per attempt of every sidecar's calls, in
     * start order across the edges, named by edge ({@code from->to}); set it before the run starts.
     */
    public void setAttemptTrace(Consumer<AttemptRecord> sink) {
        trace = sink == null ? null : new AttemptTrace(sink::accept);
        for (Link l : links) {
            l.setTrace(trace);
        }
    }

    /** At the end of a run: writes the trace rows still held for order; attempts in flight have none. */
    public void flushAttemptTrace() {
        if (trace != null) {
            trace.flush();
        }
    }

    /** The report as the CLI prints it. */
    public String reportJson() {
        return json(report());
    }

    /** A report as {@link #reportJson} writes it: indented JSON. */
    public static String json(ObjectNode report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
