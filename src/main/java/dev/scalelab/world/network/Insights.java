package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.caching.CheApproximation;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.SectionConfigs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a running design once per simulated second and says, in plain words, what limits it and
 * what puts it at risk, each finding with the figure that shows it, when it started, and a fix whose
 * effect the queueing formulas predict. A finding must hold for {@link #HOLD_SECONDS} before it is
 * listed, so a one-second spike does not flicker in and out.
 */
final class Insights {
    /** How long a condition must hold before it is an insight. */
    static final int HOLD_SECONDS = 5;
    /** ρ above which a node is a bottleneck; a fix aims for {@link #TARGET_RHO}. */
    static final double HOT_RHO = 0.85;
    static final double TARGET_RHO = 0.7;
    /** How much of each second a smoothed figure takes from the newest: about a 10-second average. */
    private static final double SMOOTHING = 0.1;
    private static final int WINDOW_SECONDS = 10;

    private final Network net;
    private final Map<String, double[]> smoothRho = new HashMap<>();
    private final Map<String, int[]> queueHistory = new HashMap<>();
    private final Map<Link, long[]> attemptsAt = new HashMap<>();
    private final Map<String, long[]> lastArrivals = new HashMap<>();
    /** Per instance: its served and own-error counts at the last tick, then both per second, smoothed. */
    private final Map<ServiceNode.Instance, double[]> instanceErrors = new java.util.IdentityHashMap<>();
    /** When each condition (kind:node) started holding; gone when it stops. */
    private final Map<String, Double> since = new HashMap<>();
    private List<Insight> current = List.of();
    private int ticks;
    /** Che's prediction of an LRU of each cache's size under the design's keys, computed once. */
    private final Map<String, Double> chePrediction = new HashMap<>();

    Insights(Network net) {
        this.net = net;
    }

    List<Insight> current() {
        return current;
    }

    void tick() {
        ticks++;
        double now = net.sim.nowSeconds();
        List<Insight> found = new ArrayList<>();
        for (NetNode n : net.nodeList()) {
            double rho = smooth(n);
            int[] history = history(n);
            hotNode(n, rho, found, now);
            growing(n, history, found, now);
            single(n, found, now);
            idle(n, found, now);
            cache(n, found, now);
            refusing(n, found, now);
            if (n instanceof ServiceNode service) {
                resources(service, found, now);
                failingInstance(service, found, now);
            }
        }
        for (Link l : net.linkList()) {
            retries(l, found, now);
        }
        zones(found, now);
        // Keep only what has held long enough, stamped with when it began.
        List<Insight> stable = new ArrayList<>();
        Map<String, Double> kept = new HashMap<>();
        for (Insight i : found) {
            String key = i.kind() + ":" + i.node();
            double start = since.getOrDefault(key, now);
            kept.put(key, start);
            if (now - start >= HOLD_SECONDS || i.kind() == Insight.Kind.SINGLE_INSTANCE || i.kind() == Insight.Kind.SINGLE_ZONE) {
                stable.add(new Insight(i.node(), i.kind(), start, i.finding(), i.fix(), i.severity()));
            }
        }
        since.clear();
        since.putAll(kept);
        stable.sort(Comparator.comparingDouble(Insight::severity).reversed().thenComparing(Insight::node));
        current = List.copyOf(stable);
    }

    private double smooth(NetNode n) {
        double rho = n.utilisation();
        double[] s = smoothRho.computeIfAbsent(n.id, k -> new double[] {Double.NaN});
        if (Double.isNaN(rho)) {
            return Double.NaN;
        }
        s[0] = Double.isNaN(s[0]) ? rho : s[0] + SMOOTHING * (rho - s[0]);
        return s[0];
    }

    private int[] history(NetNode n) {
        int[] h = queueHistory.computeIfAbsent(n.id, k -> new int[WINDOW_SECONDS + 1]);
        System.arraycopy(h, 1, h, 0, WINDOW_SECONDS);
        // A topic's lag falls at each commit; what its groups have not processed yet grows smoothly when they fall behind.
        h[WINDOW_SECONDS] = n instanceof TopicNode t ? (int) Math.min(Integer.MAX_VALUE, t.unprocessed()) : n.queued();
        return h;
    }

    private void hotNode(NetNode n, double rho, List<Insight> out, double now) {
        if (Double.isNaN(rho) || rho < HOT_RHO || n.down) {
            return;
        }
        String finding = n.id + " at ρ " + f2(rho);
        String fix;
        if (n instanceof ServiceNode s) {
            int ready = Math.max(1, s.instances());
            // Saturated, ρ stops at 1: size by the demand (arrivals x hold time) instead, which goes on past it.
            double demandRho = Double.isNaN(s.load.demandWorkers) || s.readyWorkerCount() == 0 ? rho
                    : Math.max(rho, s.load.demandWorkers / s.readyWorkerCount());
            int needed = (int) Math.ceil(ready * demandRho / TARGET_RHO);
            int add = Math.max(1, needed - ready);
            if (demandRho > 1.05) {
                finding += " (its arrivals need " + f2(demandRho) + " × its workers)";
            }
            fix = "add " + add + (add == 1 ? " instance" : " instances") + " → ρ " + f2(demandRho * ready / (ready + add));
            Scenario.Autoscaler a = s.spec.autoscaler();
            if (a.policy() != Scenario.AutoscalerPolicy.NONE && ready >= a.maxReplicas()) {
                fix = "its autoscaler is at maxReplicas " + a.maxReplicas() + ": raise it to " + (ready + add) + " → ρ "
                        + f2(demandRho * ready / (ready + add));
            }
        } else if (n instanceof DatabaseNode d) {
            Scenario.Database db = d.spec.database();
            int copies = 1 + db.replicasPerShard();
            int needed = (int) Math.ceil(copies * rho / TARGET_RHO);
            int add = Math.max(1, needed - copies);
            fix = "add " + add + " read " + (add == 1 ? "replica" : "replicas") + " per shard → ρ " + f2(rho * copies / (copies + add))
                    + " for reads";
            double reads = n.arrivalsPerSecond;
            double che = cheFor(n.id, Math.max(1, net.keyCount() / 10));
            if (!hasCacheInFront(n) && reads > 0 && !Double.isNaN(che)) {
                fix += ", or a cache of " + String.format(Locale.ROOT, "%,d", Math.max(1, net.keyCount() / 10))
                        + " keys in front would cut its reads to " + rate(reads * (1 - che));
            }
        } else if (n instanceof ExternalNode) {
            fix = "its capacity is not yours to change: cache its answers, or call it for fewer requests";
        } else if (n instanceof RouterNode) {
            fix = "its limit refuses the excess: raise the limit, or shed lower-priority traffic before it";
        } else {
            return;
        }
        out.add(new Insight(n.id, Insight.Kind.HOT_NODE, now, finding, fix, Math.min(1, rho)));
    }

    private void growing(NetNode n, int[] h, List<Insight> out, double now) {
        if (ticks <= WINDOW_SECONDS || n.down) {
            return;
        }
        int growth = h[WINDOW_SECONDS] - h[0];
        boolean rising = true;
        for (int i = 1; i <= WINDOW_SECONDS; i++) {
            rising &= h[i] >= h[i - 1] - 1;
        }
        if (!rising || growth < WINDOW_SECONDS) {
            return;
        }
        double perSecond = growth / (double) WINDOW_SECONDS;
        if (n instanceof TopicNode t) {
            out.add(new Insight(n.id, Insight.Kind.GROWING_LAG, now, n.id + "'s lag grows by " + rate(perSecond) + " to "
                    + count((int) Math.min(Integer.MAX_VALUE, t.unprocessed())) + " unprocessed records", topicFix(t), 0.9));
        } else if (n instanceof MessagingNode m) {
            out.add(new Insight(n.id, Insight.Kind.GROWING_LAG, now, n.id + "'s backlog grows by " + rate(perSecond) + " to "
                    + count(n.queued()) + " messages", "its consumers take fewer than are published: add consumer instances, "
                    + "or make each message cheaper", 0.9));
        } else if (n instanceof ServiceNode s) {
            int ready = Math.max(1, s.instances());
            // Saturated, it serves what its instances can: arrivals less the growth. Size for arrivals at the target ρ.
            double served = n.arrivalsPerSecond - perSecond;
            int needed = served <= 0 ? 2 * ready : (int) Math.ceil(n.arrivalsPerSecond * ready / (served * TARGET_RHO));
            out.add(new Insight(n.id, Insight.Kind.GROWING_QUEUE, now, n.id + "'s queue grows by " + rate(perSecond) + " to "
                    + count(n.queued()) + " requests", "arrivals (" + rate(n.arrivalsPerSecond) + ") exceed what its " + ready
                    + (ready == 1 ? " instance serves" : " instances serve") + ": add " + Math.max(1, needed - ready)
                    + " or cut its service time", 0.95));
        } else if (n instanceof DatabaseNode) {
            out.add(new Insight(n.id, Insight.Kind.GROWING_QUEUE, now, n.id + "'s query queue grows by " + rate(perSecond),
                    "its connections are all busy: add replicas or shards, or cache its reads", 0.95));
        }
    }

    /**
     * A topic's lag grows faster than its consumers take it: more instances help only up to one per
     * partition (a group gives each partition to one member, the rest sit idle), then it needs more
     * partitions or cheaper records.
     */
    private static String topicFix(TopicNode t) {
        int partitions = t.topic.partitions();
        for (dev.scalelab.engine.events.ConsumerGroup g : t.groups) {
            if (g.members().size() >= partitions && g.totalLag() > 0) {
                return g.name() + " already has a member per partition (" + partitions + "): add partitions, then instances, "
                        + "or make each record cheaper";
            }
        }
        return "its consumers take fewer than are published: add consumer instances (at most one per partition, "
                + partitions + ", is busy), or make each record cheaper";
    }

    /**
     * One instance answers many of its requests with its own error while the others do not (gray
     * failure, a bad deploy): the balancers in front that run no outlier ejection keep sending it
     * their share. The fix names them and what ejection would stop: the errors it answers through them.
     */
    private void failingInstance(ServiceNode s, List<Insight> out, double now) {
        ServiceNode.Instance worst = null;
        double worstShare = 0;
        double worstErrors = 0;
        double othersErrors = 0;
        double othersServed = 0;
        for (ServiceNode.Instance in : s.instances) {
            double[] e = instanceErrors.computeIfAbsent(in, k -> new double[] {in.served, in.ownErrors, Double.NaN, Double.NaN});
            double served = in.served - e[0];
            double errors = in.ownErrors - e[1];
            e[0] = in.served;
            e[1] = in.ownErrors;
            e[2] = Double.isNaN(e[2]) ? served : e[2] + SMOOTHING * (served - e[2]);
            e[3] = Double.isNaN(e[3]) ? errors : e[3] + SMOOTHING * (errors - e[3]);
            double share = e[2] < 1 ? 0 : e[3] / e[2];
            if (share > worstShare) {
                if (worst != null) {
                    othersErrors += worstErrors;
                    othersServed += instanceErrors.get(worst)[2];
                }
                worst = in;
                worstShare = share;
                worstErrors = e[3];
            } else {
                othersErrors += e[3];
                othersServed += e[2];
            }
        }
        instanceErrors.keySet().removeIf(in -> in.lifecycle == Lifecycle.TERMINATED);
        double othersShare = othersServed < 1 ? 0 : othersErrors / othersServed;
        if (worst == null || worstShare < 0.2 || worstShare < 4 * othersShare || worstErrors < 1 || s.down) {
            return;
        }
        List<String> blind = new ArrayList<>();
        for (Link l : net.linkList()) {
            if (l.to == s && l.from instanceof RouterNode r && r.kind == NodeKind.BALANCER) {
                BalancerHealth h = r.healthOf(s);
                if (h == null || !h.ejects()) {
                    blind.add(r.id);
                }
            }
        }
        String finding = String.format(Locale.ROOT, "%s answers %.0f %% of its requests with an error (%s), the other instances %.0f %%",
                worst.id(), 100 * worstShare, rate(worstErrors), 100 * othersShare);
        String fix;
        if (!blind.isEmpty()) {
            fix = String.join(" and ", blind) + (blind.size() == 1 ? " runs" : " run") + " no outlier ejection: with "
                    + "outlierConsecutiveErrors 5 " + (blind.size() == 1 ? "it" : "each") + " would take " + worst.id()
                    + " out after 5 errors in a row, for 30 s and longer each time, and its errors would stop reaching the clients";
        } else if (net.linkList().stream().noneMatch(l -> l.to == s && l.from instanceof RouterNode r && r.kind == NodeKind.BALANCER)) {
            fix = "no balancer in front judges its instances: a load balancer with outlier ejection would take " + worst.id()
                    + " out; or replace it (kill-instance: the pool starts a new one)";
        } else {
            return; // every balancer in front ejects it; what still fails is what its max ejection percent lets through
        }
        out.add(new Insight(s.id, Insight.Kind.FAILING_INSTANCE, now, finding, fix, Math.min(1, 0.5 + worstShare / 2)));
    }

    private void single(NetNode n, List<Insight> out, double now) {
        if (n instanceof ServiceNode s && s.spec.service().instances() == 1
                && s.spec.autoscaler().policy() == Scenario.AutoscalerPolicy.NONE && s.instances.size() == 1
                && s.instances.get(0).lifecycle == Lifecycle.READY) {
            out.add(new Insight(n.id, Insight.Kind.SINGLE_INSTANCE, now, n.id + " runs one instance",
                    "a crash or a deploy takes it down: run at least 2 (ρ halves)", 0.4));
        }
    }

    /** A service that has ready instances but has taken no request for a while, while the design has traffic. */
    private void idle(NetNode n, List<Insight> out, double now) {
        if (!(n instanceof ServiceNode s) || now < 30 || n.down || s.instances() == 0 || n.arrivalsPerSecond > 0
                || !s.feeds.isEmpty() || n.arrivals > 0 && n.latency.total().count() > 0 && recentlyBusy(n)) {
            return;
        }
        String why = "";
        for (Link l : net.linkList()) {
            if (l.to == n && l.from instanceof RouterNode r && r.spec.zoneAware() && !r.zone.equals(n.zone)) {
                why = ": " + r.id + " is zone-aware and keeps its traffic in zone " + r.zone + " while a service there is up, so "
                        + n.id + " is the standby for a zone outage; keep it if that is the point, or make " + r.id
                        + " spread its requests";
            }
        }
        out.add(new Insight(n.id, Insight.Kind.IDLE, now, n.id + " has " + s.instances() + (s.instances() == 1 ? " instance" : " instances")
                + " and takes no requests", why.isEmpty() ? "nothing sends it requests: connect it, or remove it" : why.substring(2),
                0.2));
    }

    /** Whether {@code n} had arrivals in the last {@code WINDOW_SECONDS}. */
    private boolean recentlyBusy(NetNode n) {
        long[] seen = lastArrivals.computeIfAbsent(n.id, k -> new long[] {n.arrivals, ticks});
        if (n.arrivals != seen[0]) {
            seen[0] = n.arrivals;
            seen[1] = ticks;
        }
        return ticks - seen[1] < WINDOW_SECONDS;
    }

    private void zones(List<Insight> out, double now) {
        java.util.TreeSet<String> zones = new java.util.TreeSet<>();
        int zoned = 0;
        for (NetNode n : net.nodeList()) {
            if (n.kind != NodeKind.CLIENTS && n.kind != NodeKind.EXTERNAL && n.kind != NodeKind.CDN) {
                zoned++;
                zones.add(n.zone);
            }
        }
        if (zoned > 0 && zones.size() == 1) {
            String z = zones.first();
            out.add(new Insight("", Insight.Kind.SINGLE_ZONE, now, z.isEmpty() ? "every node runs in one place (no zones)"
                    : "every node runs in zone " + z, "a zone outage takes the whole system down: run each service and database "
                    + "in two zones, behind zone-aware balancers", 0.3));
        }
    }

    private void cache(NetNode n, List<Insight> out, double now) {
        if (!(n instanceof CacheNode c) || n.kind != NodeKind.CACHE || n.arrivals < 1000 || filtered(n)) {
            return;
        }
        // An inclusive hierarchy holds at most its largest level's keys; an exclusive one the sum of its levels.
        int capacity = 0;
        for (Scenario.CacheLevel l : n.spec.cache().levels()) {
            capacity = n.spec.cache().exclusive() ? capacity + l.capacity() : Math.max(capacity, l.capacity());
        }
        if (capacity >= 0.9 * net.keyCount()) {
            return; // room for nearly every key: its misses come from TTLs and writes, which Che's formula leaves out
        }
        double che = cheFor(n.id, capacity);
        double hit = c.hitRatio();
        if (!Double.isNaN(che) && !Double.isNaN(hit) && hit < che - 0.05) {
            out.add(new Insight(n.id, Insight.Kind.CACHE_BELOW_PREDICTION, now, n.id + " hits " + f2(hit) + " where Che's "
                    + "approximation predicts " + f2(che) + " for " + count(capacity) + " keys of LRU",
                    "entries leave before they are used again: a longer TTL, fewer writes invalidating, or a policy that keeps "
                    + "frequent keys (w-tinylfu)", 0.5));
        }
    }

    /** A node that fails requests itself (not one passing back the failures of a node further on). */
    private void refusing(NetNode n, List<Insight> out, double now) {
        if (n.arrivalsPerSecond <= 0 || n.ownErrorsPerSecond / n.arrivalsPerSecond < 0.05 || n.down) {
            return;
        }
        String why = n instanceof RouterNode r && r.limited > 0 ? "its rate limit refuses the excess"
                : n instanceof RouterNode r && r.shed > 0 ? "it sheds load: the services behind it are overloaded"
                : n instanceof ExternalNode x && x.refused > 0 ? "its quota refuses the excess"
                : n instanceof ServiceNode ? "its queues are full: it refuses what its workers cannot take"
                : n instanceof MessagingNode || n instanceof TopicNode ? "it is full or its consumers dead-letter messages"
                : n instanceof ExternalNode ? "its own error rate" : "it fails them";
        // A gateway's 429s and 503s are answers it chose, not failures: it refuses them.
        String verb = n instanceof RouterNode r && r.limited + r.shed > 0 ? " refuses " : " fails ";
        out.add(new Insight(n.id, Insight.Kind.REFUSING, now, n.id + verb + pct(n.ownErrorsPerSecond / n.arrivalsPerSecond)
                + " of its requests (" + rate(n.ownErrorsPerSecond) + ")", why, 0.8));
    }

    /** A share of a service's time lost to pauses, above which they are a finding. */
    static final double GC_SHARE = 0.05;
    /** A connection wait (p99 over the last second) above which the pool is a finding. */
    static final double POOL_WAIT_MS = 50;

    /**
     * A service that loses its time to collector pauses, or whose requests wait for a database
     * connection: each with the figure, and the fix the runtime's own arithmetic gives (collections
     * come once per young generation filled, so doubling it halves them; a pool needs queries/s ×
     * query time connections, by Little's law).
     */
    private void resources(ServiceNode n, List<Insight> out, double now) {
        NetworkSnapshot.ServiceFigures f = n.serviceFigures();
        Scenario.Service pool = n.spec.service();
        if (f.gcPauseShare() >= GC_SHARE && pool.runtime() != null) {
            int young = pool.runtime().youngMb();
            out.add(new Insight(n.id, Insight.Kind.GC_PAUSES, now, n.id + " is paused " + pct(f.gcPauseShare()) + " of its time by "
                    + pool.runtime().collector().id() + " (" + f.gcCollections() + " collections in the last second)",
                    young == 0 ? "collections come each time the young generation fills: set youngMb above the collector's own "
                    + "choice to space them, or cut the allocation per request (an object pool)"
                    : "collections come each time the young generation (" + young + " MB) fills: " + (young * 2 < pool.runtime().heapMb()
                    ? "youngMb " + young * 2 + " halves them; " : "") + "an object pool or less allocation per request cuts them",
                    0.75));
        }
        if (pool.connectionPool() != null && f.connectionWaitMsP99() >= POOL_WAIT_MS) {
            out.add(new Insight(n.id, Insight.Kind.POOL_STARVED, now, n.id + "'s requests wait up to " + Math.round(f.connectionWaitMsP99())
                    + " ms (p99) for a database connection, " + f.connectionPending() + " waiting now",
                    "its pools of " + pool.connectionPool().maximumPoolSize() + " are too small for its queries: size each by "
                    + "Little's law (queries/s × query time, plus headroom), within the database's max_connections", 0.8));
        }
    }

    private void retries(Link l, List<Insight> out, double now) {
        if (l.mesh == null || l.spec.retry().maxAttempts() <= 1) {
            return;
        }
        long[] before = attemptsAt.computeIfAbsent(l, k -> new long[] {0, 0});
        long calls = l.requests() - before[0];
        long attempts = l.attemptsSent() - before[1];
        before[0] = l.requests();
        before[1] = l.attemptsSent();
        if (calls < 10) {
            return;
        }
        double amplification = attempts / (double) calls;
        if (amplification >= 1.2) {
            out.add(new Insight(l.to.id, Insight.Kind.RETRY_AMPLIFICATION, now, l.from.id + " → " + l.to.id + ": "
                    + f2(amplification) + " attempts per call", "retries add " + pct(amplification - 1) + " load to " + l.to.id
                    + " while it fails: cap them with a retry budget (Envoy 20 %) or open a breaker first", 0.85));
        }
    }

    /**
     * Whether a CDN or another cache stands between the clients and {@code n}: then it sees the keys they
     * missed, not the clients' popularity, and Che's prediction from the clients' keys does not apply.
     */
    private boolean filtered(NetNode n) {
        java.util.ArrayDeque<NetNode> todo = new java.util.ArrayDeque<>();
        java.util.Set<NetNode> seen = new java.util.HashSet<>();
        todo.add(n);
        while (!todo.isEmpty()) {
            NetNode at = todo.poll();
            for (Link l : net.linkList()) {
                if (l.to == at && seen.add(l.from)) {
                    if (l.from.kind == NodeKind.CDN || l.from.kind == NodeKind.CACHE) {
                        return true;
                    }
                    todo.add(l.from);
                }
            }
        }
        return false;
    }

    private boolean hasCacheInFront(NetNode db) {
        for (Link l : net.linkList()) {
            if (l.to == db && l.from.kind == NodeKind.CACHE) {
                return true;
            }
        }
        return false;
    }

    /** Che's hit ratio of an LRU of {@code capacity} keys under the keys of the design's first clients. */
    private double cheFor(String id, int capacity) {
        return chePrediction.computeIfAbsent(id + "@" + capacity, k -> {
            for (NetNode n : net.nodeList()) {
                if (n.kind == NodeKind.CLIENTS) {
                    double[] p = CheApproximation.probabilities(SectionConfigs.keys(n.spec.workload().keys()));
                    return capacity >= p.length ? 1.0 : CheApproximation.lruHitRatio(p, capacity);
                }
            }
            return Double.NaN;
        });
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", v * 100);
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String rate(double perSecond) {
        return perSecond >= 1000 ? String.format(Locale.ROOT, "%.1f k/s", perSecond / 1000)
                : String.format(Locale.ROOT, "%.0f/s", perSecond);
    }
}
