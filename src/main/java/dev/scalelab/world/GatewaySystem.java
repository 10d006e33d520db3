package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.gateway.LoadShedder;
import dev.scalelab.engine.gateway.RateLimiter;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.sim.Simulation;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The API gateway in front of the balancer, and the per-client accounting of the workload's client
 * classes. Each arriving request, in order: the global limit, its client's own limit (one limiter
 * per client; the anonymous client has one too), then the load shedder by its client's priority.
 * Over a limit it is answered 429 at once ({@code limited}); shed, 503 at once ({@code shed});
 * neither counts as rejected or failed, and neither has a latency. Admitted, it spends the
 * gateway's {@code latencyMs} before the balancer picks its instance; its {@link Phase}s start after
 * that hop, which the profiler reports apart as {@code gateway}.
 *
 * <p>Built when the scenario has a gateway or client classes; with client classes alone it limits
 * nothing and only counts what happened to each client, for the report. Confined to the simulation
 * thread.
 */
final class GatewaySystem implements Subsystem {
    /** A scenario field this part changes live, and the step that applies it: see {@link Live}. */
    @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
    @interface Applies { Step value(); String[] fields() default {}; }

    enum Step implements ApplyStep {
        /** The global limiter takes the new rate and burst; a token bucket keeps its tokens, capped at the new burst. */
        GLOBAL_LIMIT,
        /** Every client's limiter takes the new rate and burst, each keeping its tokens, capped at the new burst. */
        CLIENT_LIMITS,
        /** A new mode makes a new shedder; a new threshold or target applies to the next request. */
        SHEDDING
    }

    /** What the gateway did with a request. */
    static final int ADMITTED = 0;
    static final int LIMITED = 1;
    static final int SHED = 2;
    /** The anonymous client of a workload without client classes. */
    static final String DEFAULT_CLIENT = "default";

    private final World world;
    private final Simulation sim;
    private final ServicePool pool;
    /** False when the scenario has client classes but no gateway: then nothing is limited or shed. */
    private final boolean hasGateway;

    private final String[] names;
    private final int[] priorities;
    private final long[] offered;
    private final long[] completed;
    private final long[] limited;
    private final long[] shed;
    private final long[] rejected;
    private final long[] failed;
    private final LatencyRecorder[] latency;
    /** This second's admitted, limited and shed requests per client, and the last whole second's. */
    private final long[] intervalAdmitted;
    private final long[] intervalLimited;
    private final long[] intervalShed;
    private final long[] lastAdmitted;
    private final long[] lastLimited;
    private final long[] lastShed;
    private long limitedTotal;
    private long shedTotal;
    private long limitedAtLastColumn;
    private long shedAtLastColumn;

    private RateLimiter global;
    private final RateLimiter[] perClient;
    private LoadShedder shedder;
    /** Requests waiting in the instances' queues, all instances together: the queue-length shedder's signal. */
    private long queued;

    /**
     * The shedder's state now ({@link LoadShedder#LOW}: shedding nothing), and the log's view of it: a
     * signal hovering at a threshold flips the state request by request, so the log follows episodes
     * instead. An episode's level drops (more is shed) at once, with a line; it rises again only
     * after a whole simulated second in which nothing more severe happened, with a line.
     */
    private int state = LoadShedder.LOW;
    private int episodeState = LoadShedder.LOW;
    /** The most severe state of the current simulated second. */
    private int severestThisSecond = LoadShedder.LOW;

    GatewaySystem(World world, Simulation sim, Scenario scenario, ServicePool pool) {
        this.world = world;
        this.sim = sim;
        this.pool = pool;
        List<ApiGateway.Client> clients = scenario.workload().clients();
        int n = Math.max(1, clients.size());
        names = new String[n];
        priorities = new int[n];
        for (int i = 0; i < n; i++) {
            ApiGateway.Client c = clients.isEmpty() ? ApiGateway.Client.DEFAULT : clients.get(i);
            names[i] = clients.isEmpty() ? DEFAULT_CLIENT : c.name();
            priorities[i] = priority(c.priority());
        }
        offered = new long[n];
        completed = new long[n];
        limited = new long[n];
        shed = new long[n];
        rejected = new long[n];
        failed = new long[n];
        intervalAdmitted = new long[n];
        intervalLimited = new long[n];
        intervalShed = new long[n];
        lastAdmitted = new long[n];
        lastLimited = new long[n];
        lastShed = new long[n];
        latency = new LatencyRecorder[n];
        for (int i = 0; i < n; i++) {
            latency[i] = new LatencyRecorder();
        }
        perClient = new RateLimiter[n];
        ApiGateway.Gateway g = scenario.gateway();
        hasGateway = g != null;
        if (hasGateway) {
            global = limiter(g.global(), null);
            for (int i = 0; i < n; i++) {
                perClient[i] = limiter(g.perClient(), null);
            }
            shedder = shedder(g.shedding());
        }
    }

    private static int priority(ApiGateway.Priority p) {
        return SectionConfigs.priority(p);
    }

    /** The limiter of {@code limit}, {@code existing} reconfigured when it can be ({@link SectionConfigs#limiter(ApiGateway.Limit, RateLimiter, long)}). */
    private RateLimiter limiter(ApiGateway.Limit limit, RateLimiter existing) {
        return SectionConfigs.limiter(limit, existing, sim.nowNanos());
    }

    private static LoadShedder shedder(ApiGateway.Shedding s) {
        return SectionConfigs.shedder(s);
    }

    boolean hasGateway() {
        return hasGateway;
    }

    /** The time an admitted request spends in the gateway, in nanoseconds. */
    long latencyNanos() {
        return Simulation.millisToNanos(world.currentScenario().gateway().latencyMs());
    }

    // ------------------------------------------------------------------ per request

    /** Decides on a request of {@code client} arriving now: {@link #ADMITTED}, {@link #LIMITED} or {@link #SHED}. */
    int admit(int client) {
        offered[client]++;
        if (!hasGateway) {
            intervalAdmitted[client]++;
            return ADMITTED;
        }
        long now = sim.nowNanos();
        if (global != null && !global.tryAcquire(now) || perClient[client] != null && !perClient[client].tryAcquire(now)) {
            limited[client]++;
            intervalLimited[client]++;
            limitedTotal++;
            return LIMITED;
        }
        if (shedder != null) {
            if (shedder.byQueue()) {
                shedder.observeQueue(now, (double) queued / Math.max(1, pool.readyCount()));
            }
            int down = shedder.admittedDownTo(now);
            if (down != state) {
                stateChanged(down);
            }
            if (priorities[client] > down) {
                shed[client]++;
                intervalShed[client]++;
                shedTotal++;
                return SHED;
            }
        }
        intervalAdmitted[client]++;
        return ADMITTED;
    }

    private void stateChanged(int down) {
        state = down;
        severestThisSecond = Math.min(severestThisSecond, down);
        if (down < episodeState) {
            episodeState = down;
            world.log(Source.GATEWAY, shedder.reason());
        }
    }

    /** At the end of a simulated second: an episode whose second was calmer than its level eases to what the second saw. */
    private void easeEpisode() {
        if (severestThisSecond > episodeState) {
            episodeState = severestThisSecond;
            String inputs = shedder == null ? "shedding is off" : shedder.inputs();
            world.log(Source.GATEWAY, episodeState == LoadShedder.LOW
                    ? "shedding stopped: nothing shed for a second (" + inputs + ")"
                    : "shedding low only: no normal request shed for a second (" + inputs + ")");
        }
        severestThisSecond = state;
    }

    /** A request joined an instance's queue, or left it for a worker. */
    void queuedChanged(int delta) {
        queued += delta;
    }

    /** Request {@code r} got a worker after waiting in its queue since it reached the balancer: the delay shedder's signal. */
    void started(Request r) {
        if (shedder != null) {
            shedder.observeDelay(sim.nowNanos(), sim.nowNanos() - r.phaseSinceNanos);
        }
    }

    void completed(int client, long latencyNanos) {
        completed[client]++;
        latency[client].recordNanos(latencyNanos);
    }

    void rejected(int client) {
        rejected[client]++;
    }

    void failed(int client) {
        failed[client]++;
    }

    // ------------------------------------------------------------------ live parameters

    @Override
    public void apply(Parameter p, Source by) {
        ApiGateway.Gateway g = world.currentScenario().gateway();
        switch ((Step) p.step()) {
            case GLOBAL_LIMIT -> global = limiter(g.global(), global);
            case CLIENT_LIMITS -> {
                for (int i = 0; i < perClient.length; i++) {
                    perClient[i] = limiter(g.perClient(), perClient[i]);
                }
            }
            case SHEDDING -> {
                LoadShedder next = SectionConfigs.shedder(g.shedding(), shedder);
                if (next != shedder) {
                    shedder = next;
                    state = LoadShedder.LOW; // a new shedder starts calm; the episode eases at the second's end
                }
            }
        }
    }

    // ------------------------------------------------------------------ samples, report, view

    @Override
    public void sample() {
        for (int i = 0; i < names.length; i++) {
            lastAdmitted[i] = intervalAdmitted[i];
            lastLimited[i] = intervalLimited[i];
            lastShed[i] = intervalShed[i];
            intervalAdmitted[i] = 0;
            intervalLimited[i] = 0;
            intervalShed[i] = 0;
        }
        easeEpisode();
    }

    @Override
    public void declareColumns(SampleColumns columns, Scenario initial) {
        if (hasGateway) {
            columns.add("gateway_limited_per_s");
            columns.add("gateway_shed_per_s");
        }
    }

    @Override
    public void columnValues(List<String> cells) {
        if (hasGateway) {
            cells.add(Long.toString(limitedTotal - limitedAtLastColumn));
            cells.add(Long.toString(shedTotal - shedAtLastColumn));
            limitedAtLastColumn = limitedTotal;
            shedAtLastColumn = shedTotal;
        }
    }

    @Override
    public void report(ObjectNode root) {
        ObjectNode requests = (ObjectNode) root.get("requests");
        requests.put("limited", limitedTotal);
        requests.put("shed", shedTotal);
        ObjectNode section = root.putObject("gateway");
        section.put("limited", limitedTotal);
        section.put("shed", shedTotal);
        ObjectNode clients = section.putObject("perClient");
        for (int i = 0; i < names.length; i++) {
            ObjectNode c = clients.putObject(names[i]);
            c.put("offered", offered[i]);
            c.put("completed", completed[i]);
            c.put("limited", limited[i]);
            c.put("shed", shed[i]);
            c.put("rejected", rejected[i]);
            c.put("failed", failed[i]);
            c.put("timedOut", 0);
            long p99Micros = latency[i].totalPercentileMicros(99);
            if (p99Micros < 0) {
                c.putNull("p99Ms");
            } else {
                c.put("p99Ms", p99Micros / 1000.0);
            }
        }
    }

    /** The Overview's card: each client's last whole second, and the shedder's state; null without a gateway. */
    GatewayView view() {
        if (!hasGateway) {
            return null;
        }
        List<GatewayView.ClientView> clients = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            clients.add(new GatewayView.ClientView(names[i], priorityOf(priorities[i]).id(), lastAdmitted[i],
                    lastLimited[i], lastShed[i], offered[i], limited[i], shed[i]));
        }
        ApiGateway.Gateway g = world.currentScenario().gateway();
        String mode = g.shedding() == null ? ApiGateway.SheddingMode.NONE.id() : g.shedding().mode().id();
        return new GatewayView(List.copyOf(clients), limitedTotal, shedTotal, mode,
                shedder == null ? "" : shedder.reason(), shedder == null ? LoadShedder.LOW : state);
    }

    private static ApiGateway.Priority priorityOf(int p) {
        return p == LoadShedder.HIGH ? ApiGateway.Priority.HIGH : p == LoadShedder.NORMAL ? ApiGateway.Priority.NORMAL
                : ApiGateway.Priority.LOW;
    }
}
