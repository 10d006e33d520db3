package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.engine.resilience.BreakerTransition;
import dev.scalelab.engine.resilience.DownstreamService;
import dev.scalelab.engine.resilience.Fault;
import dev.scalelab.engine.resilience.MeshClient;
import dev.scalelab.engine.resilience.ScheduledFault;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import dev.scalelab.world.Topology;
import dev.scalelab.world.World;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A drawn external API watched as the pipeline's Resilience panel sees its dependencies: one
 * {@link Snapshot.DependencyView} per sync edge that calls it through a sidecar, named as the edge
 * ({@code api->pay}), since each such edge has a {@link MeshClient} of its own (breaker, retries,
 * timeout, bulkhead) as each pipeline dependency has; an edge without a sidecar has no client to show
 * and is left out. The API's servers, queue, error rate and faults are the box's, so every edge's card
 * shows the same ones. Its figures per second are the sidecars' own per-second counts, read as
 * {@link RunHistory} reads the pipeline's clients.
 */
final class ExternalWatch extends Watch {
    /** As the pipeline's snapshot keeps them: a breaker's newest transitions. */
    private static final int TRANSITIONS_SHOWN = 20;

    private final ExternalNode api;
    /** Per edge, its sidecar's attempts sent and failed at the last second: the failed share of one without a breaker. */
    private final Map<String, long[]> attemptsAtSecond = new HashMap<>();
    private List<Link> shownCallers;
    /** The edges' and the API's sections the shown scenario was made of: a live change replaces them. */
    private List<Object> shownSpecs = List.of();
    private Topology.External shownSection;
    private Scenario shownScenario;

    /**
     * @throws ScenarioException naming the node when no edge calls it through a sidecar: there is no client to show
     */
    ExternalWatch(Network net, ExternalNode api) {
        super(net, api);
        this.api = api;
        if (callers().isEmpty()) {
            throw new ScenarioException("nodes." + api.id, "no edge calls " + api.id + " through a sidecar (a timeout, retries, a "
                    + "circuit breaker or a bulkhead on a sync edge), so there is no client for the Resilience panel to show: "
                    + "give an edge to " + api.id + " one in the inspector");
        }
        for (Link l : callers()) {
            attemptsAtSecond.put(l.name(), new long[] {l.mesh.attemptsSent(), l.mesh.failedAttempts()});
        }
    }

    /** The sync edges that call the API through a sidecar now, in the order of the drawing's nodes. */
    List<Link> callers() {
        List<Link> links = new ArrayList<>();
        for (NetNode n : net.nodeList()) {
            for (Link l : n.out) {
                if (l.to == api && l.mode == EdgeMode.SYNC && l.mesh != null) {
                    links.add(l);
                }
            }
        }
        return links;
    }

    @Override
    void take(boolean partial) {
        putOwnSecond(api, partial);
        for (Link l : callers()) {
            MeshClient c = l.mesh;
            String name = l.name();
            // The sidecar counts whole seconds since t = 0 (and on across a rebuild): its second is whole even when the watch's is not.
            double attempts = c.lastOfferedLoadPerSecond();
            double requests = c.lastRequestsPerSecond();
            put(RunHistory.Keys.dependencyAttempts(name), attempts);
            put(RunHistory.Keys.dependencyRequests(name), requests);
            put(RunHistory.Keys.dependencyAmplification(name), requests > 0 ? attempts / requests : Double.NaN);
            put(RunHistory.Keys.breakerState(name), c.breaker().state().ordinal());
            long[] now = {c.attemptsSent(), c.failedAttempts()};
            long[] before = attemptsAtSecond.put(name, now);
            Scenario.Breaker breaker = l.spec.breaker();
            double failure;
            if (breaker != null) {
                failure = c.breaker().view().failureRatePercent();
            } else {
                boolean rebuilt = before == null || now[0] < before[0]; // a rebuilt sidecar counts from 0
                long sent = now[0] - (rebuilt ? 0 : before[0]);
                long failed = now[1] - (rebuilt ? 0 : before[1]);
                failure = sent > 0 && !partial ? Math.min(100, 100.0 * failed / sent) : Double.NaN;
            }
            put(RunHistory.Keys.failureRatePercent(name), failure);
            if (breaker != null && breaker.mode().equals("resilience4j")) {
                put(RunHistory.Keys.failureThresholdPercent(name), breaker.failureRateThreshold());
            }
        }
    }

    @Override
    boolean hears(NetNode from, String explanation) {
        // The sidecars' breakers and rebuilds are logged by the calling node, naming the API.
        return from == node || explanation.startsWith("breaker to " + node.id + ":")
                || explanation.startsWith("sidecar to " + node.id + " ");
    }

    @Override
    Source source(String explanation) {
        if (explanation.startsWith("breaker to ")) {
            return Source.BREAKER;
        }
        if (explanation.startsWith("sidecar to ")) {
            return Source.MESH;
        }
        return explanation.startsWith("set ") ? Source.USER : Source.TIMELINE;
    }

    @Override
    Snapshot view() {
        List<Link> callers = callers();
        DownstreamService servers = api.servers();
        List<String> faults = activeFaults(servers);
        double errorRate = servers != null ? servers.currentErrorRate() : unlimitedErrorRate();
        int busy = servers != null ? servers.busyWorkers() : api.inFlight;
        int serverCount = servers != null ? servers.servers() : 0;
        int queue = servers != null ? servers.queueLength() : 0;
        List<Snapshot.DependencyView> views = new ArrayList<>(callers.size());
        for (Link l : callers) {
            MeshClient c = l.mesh;
            List<BreakerTransition> recent = c.breaker().recentTransitions();
            recent = recent.subList(Math.max(0, recent.size() - TRANSITIONS_SHOWN), recent.size());
            views.add(new Snapshot.DependencyView(l.name(), l.probability, c.stats(), c.breaker().view(), List.copyOf(recent), busy,
                    serverCount, queue, errorRate, faults, tail(c.offeredLoadPerSecond()), tail(c.requestsPerSecond())));
        }
        Snapshot.Series series = ownSeries();
        dev.scalelab.engine.metrics.LatencySummary latency = api.latency.total();
        return new Snapshot(net.sim.nowSeconds(), net.sim.eventsFired(), scenario(callers), List.of(), api.arrivals, latency.count(),
                api.ownErrors, api.errors, null, latency, series, new Snapshot.Dispatches(0, new int[0], new byte[0]), logCount(),
                log(), null, null, null, null, List.copyOf(views), null, null, null, history());
    }

    /** The faults on the API now, worded as the pipeline's dependency view words them. */
    private List<String> activeFaults(DownstreamService servers) {
        long now = net.sim.nowNanos();
        List<String> out = new ArrayList<>();
        for (ScheduledFault f : servers != null ? servers.activeFaults() : api.faults()) {
            if (f.activeAt(now)) {
                out.add(f.fault().describe() + " until " + Parameter.format(Math.round(f.untilNanos() / 1e8) / 10.0) + " s");
            }
        }
        return List.copyOf(out);
    }

    /** The error rate a call sent now meets at an API without servers: its own plus the faults', at most 1, as it draws it. */
    private double unlimitedErrorRate() {
        long now = net.sim.nowNanos();
        double rate = api.section().errorRate();
        for (ScheduledFault f : api.faults()) {
            if (f.activeAt(now) && f.fault() instanceof Fault.ExtraErrorRate e) {
                rate += e.probability();
            }
        }
        return Math.min(1, rate);
    }

    private static double[] tail(double[] series) {
        return Arrays.copyOfRange(series, Math.max(0, series.length - World.SNAPSHOT_SERIES_POINTS), series.length);
    }

    /**
     * The calling edges as the pipeline's dependencies, in a scenario of their own: each named as its
     * edge, with the API's capacity, latency and error rate and the edge's sidecar as it runs now, and
     * the design's timeline faults on the API (the panel's schedule); the other sections are the defaults, unread.
     */
    private Scenario scenario(List<Link> callers) {
        if (shownScenario != null && callers.equals(shownCallers) && specsShown(callers)) {
            return shownScenario;
        }
        Topology.External section = api.section();
        List<Scenario.Dependency> dependencies = new ArrayList<>(callers.size());
        for (Link l : callers) {
            Topology.Edge e = l.spec;
            dependencies.add(new Scenario.Dependency(l.name(), l.probability, section.instances(), section.workersPerInstance(),
                    section.queueCapacity(), section.latency(), section.errorRate(), e.timeoutMs(), e.maxConcurrentCalls(),
                    e.breaker(), e.retry()));
        }
        Scenario d = Scenario.DEFAULT;
        Scenario run = net.scenario();
        List<Scenario.TimelineEntry> faults = run.timeline().stream()
                .filter(t -> api.id.equals(t.target()) && isFault(t.command())).toList();
        shownScenario = new Scenario(node.id, "", "", List.of(), run.seed(), run.durationSeconds(), d.workload(), d.service(),
                d.autoscaler(), d.verticalScaler(), null, d.balancer(), null, null, dependencies, null, null, faults);
        shownCallers = callers;
        shownSpecs = callers.stream().map(l -> (Object) l.spec).toList();
        shownSection = section;
        return shownScenario;
    }

    private boolean specsShown(List<Link> callers) {
        if (api.section() != shownSection || callers.size() != shownSpecs.size()) {
            return false;
        }
        for (int i = 0; i < callers.size(); i++) {
            if (callers.get(i).spec != shownSpecs.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFault(String command) {
        return command.equals("latency") || command.equals("error-rate") || command.equals("outage");
    }
}
