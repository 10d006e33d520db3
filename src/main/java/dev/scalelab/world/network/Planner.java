package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sizes a design to its goals: the leanest instance counts, consumers and partitions, read replicas,
 * shards and connection pool sizes that meet a p99, an error rate and a budget with at least 10 %
 * headroom, never taking away the redundancy a design has (a second instance, a replica per shard),
 * which is there for failures rather than load, nor a shard (fewer would move data) or a partition
 * (Kafka deletes none). It measures the design once, estimates each count with queueing formulas
 * (Little's law for the time a request holds a worker or a connection, or a record its consumer,
 * then the count that keeps ρ at or below 0.9; the primaries' load, which replicas cannot take, for
 * the shards), then confirms the plan by simulation on seeds it did not measure
 * with, adding capacity where the confirmation runs show the most load until every seed meets the
 * goals, or saying why they cannot be met.
 */
public final class Planner {
    /** ρ no node may exceed: the 10 % headroom. */
    public static final double MAX_RHO = 0.9;
    /** Seeds each plan is confirmed on: never the one it was measured with. */
    public static final int CONFIRM_SEEDS = 3;
    private static final int MAX_ROUNDS = 12;
    private static final double MEASURE_SECONDS = 120;

    /**
     * What the design must do.
     *
     * @param p99Ms          the 99th percentile of response time the clients see, at most
     * @param maxErrorRate   failed requests over all requests, at most (availability 99.9 % is 0.001)
     * @param budgetPerHour  what it may cost per hour; 0 for no budget
     */
    public record Goals(double p99Ms, double maxErrorRate, double budgetPerHour) {
    }

    /** One count the plan changes: {@code path} is the scenario field ({@code topology.nodes[2].service.instances}). */
    public record Change(String node, String what, String path, int from, int to) {
        public String sentence() {
            return node + ": " + what + " " + from + " → " + to;
        }
    }

    /** What one confirmation seed gave. */
    public record Check(long seed, double p99Ms, double errorRate, double costPerHour, boolean meets) {
    }

    /**
     * The outcome.
     *
     * @param met        whether every confirmation seed met every goal
     * @param changes    the counts to change, in the topology's order (empty when the design already fits)
     * @param checks     the confirmation runs of the final plan
     * @param why        when not met, why, in a sentence; else empty
     * @param planned    the scenario with the plan applied
     */
    public record Plan(boolean met, List<Change> changes, List<Check> checks, double costPerHour, String why, Scenario planned) {
    }

    private Planner() {
    }

    /** Plans {@code s} for {@code goals}; {@code progress} hears a line per step; {@code cancelled} stops it between runs. */
    public static Plan plan(Scenario s, Goals goals, Consumer<String> progress, BooleanSupplier cancelled) {
        double seconds = Math.min(MEASURE_SECONDS, s.durationSeconds());
        Network measured = new Network(s.withDurationSeconds(seconds));
        progress.accept("measuring the design for " + (int) seconds + " s");
        measured.run();
        Sizes counts = estimate(s, measured);
        Scenario planned = apply(s, counts);
        List<Check> checks = List.of();
        double lastP99 = Double.NaN;
        int stalls = 0;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            if (cancelled.getAsBoolean()) {
                return new Plan(false, changes(s, counts), List.of(), Double.NaN, "cancelled", planned);
            }
            progress.accept("confirming on " + CONFIRM_SEEDS + " seeds, round " + round);
            List<Network> runs = new ArrayList<>();
            checks = new ArrayList<>();
            for (int k = 0; k < CONFIRM_SEEDS; k++) {
                long seed = s.seed() + 1000 + k;
                Network n = new Network(planned.withSeed(seed).withDurationSeconds(seconds));
                n.run();
                runs.add(n);
                checks.add(check(seed, n, goals));
            }
            double cost = maxCost(checks);
            boolean allMeet = checks.stream().allMatch(Check::meets);
            if (allMeet) {
                return new Plan(true, changes(s, counts), checks, cost, "", planned);
            }
            if (goals.budgetPerHour() > 0 && cost > goals.budgetPerHour()) {
                return new Plan(false, changes(s, counts), checks, cost, String.format(Locale.ROOT,
                        "the leanest plan found costs $%.2f/h, over the budget of $%.2f/h, and still misses %s", cost,
                        goals.budgetPerHour(), missed(checks, goals)), planned);
            }
            double p99 = checks.stream().mapToDouble(Check::p99Ms).max().orElse(Double.NaN);
            stalls = !Double.isNaN(lastP99) && p99 > lastP99 * 0.97 ? stalls + 1 : 0;
            lastP99 = p99;
            String busiest = busiest(runs.get(0), counts);
            if (busiest == null || stalls >= 3) {
                return new Plan(false, changes(s, counts), checks, cost, "more capacity does not bring " + missed(checks, goals)
                        + " within the goal: the time is spent where instances, replicas, shards and pools cannot buy it back ("
                        + slowest(runs.get(0), counts) + "); change the design, not the counts", planned);
            }
            grow(runs.get(0), busiest, counts);
            planned = apply(s, counts);
        }
        return new Plan(false, changes(s, counts), checks, maxCost(checks), "no plan met the goals within " + MAX_ROUNDS
                + " rounds of adding capacity: " + missed(checks, goals), planned);
    }

    /**
     * The counts a plan sets, by node id: a service's instances (a consuming service's are its
     * consumers) and its pools' size, a database's read replicas per shard and its shards, a topic's
     * partitions.
     */
    static final class Sizes {
        final Map<String, Integer> instances = new LinkedHashMap<>();
        final Map<String, Integer> poolSizes = new LinkedHashMap<>();
        final Map<String, Integer> replicas = new LinkedHashMap<>();
        final Map<String, Integer> shards = new LinkedHashMap<>();
        final Map<String, Integer> partitions = new LinkedHashMap<>();

        boolean sizes(String id) {
            return instances.containsKey(id) || replicas.containsKey(id);
        }
    }

    /**
     * Each service's instances and pools, each database's shards and copies per shard, that keep ρ at
     * 0.9 for the measured load.
     */
    static Sizes estimate(Scenario s, Network measured) {
        Sizes sizes = new Sizes();
        double seconds = measured.nowSeconds();
        for (NetNode n : measured.nodeList()) {
            if (n instanceof ServiceNode svc) {
                TopicNode feed = topicOf(svc);
                if (feed != null && feed.spec.topic().autoscaler() != null) {
                    continue; // KEDA decides its consumers from the lag
                }
                int workers = n.spec.service().workersPerInstance();
                double ratePerSecond = n.arrivals / seconds;
                if (feed != null) {
                    // A member processes its partitions' records one at a time (Kafka's poll loop): one worker each,
                    // whatever its instance has; and a lagging group was handed fewer records than it has to take.
                    workers = 1;
                    ratePerSecond = Math.max(ratePerSecond, feed.published / seconds);
                }
                // Little's law per answered request gives the time each holds a worker, even when the pool was
                // saturated while measured; the demand is then every arrival times that hold.
                long answered = n.latency.total().count();
                double holdSeconds = answered == 0 ? 0 : svc.meanBusyWorkers() * seconds / answered;
                double borrowsPerRequest = 0;
                if (svc.resources != null && svc.resources.connections.hasPools() && answered > 0) {
                    // A worker waiting for a connection is the pool's shortage, not the pool of workers': the pool is sized below.
                    borrowsPerRequest = svc.resources.connections.acquiredTotal() / (double) answered;
                    holdSeconds = Math.max(0, holdSeconds - borrowsPerRequest * svc.resources.connections.meanWaitSeconds());
                }
                double demand = ratePerSecond * holdSeconds;
                int needed = Math.max(1, (int) Math.ceil(demand / (workers * MAX_RHO)));
                // Never below two where the design had two: the second instance is there for a crash, not for load.
                needed = Math.max(needed, Math.min(2, n.spec.service().instances()));
                if (svc.spec.autoscaler().policy() != Scenario.AutoscalerPolicy.NONE) {
                    needed = Math.max(needed, svc.spec.autoscaler().minReplicas());
                }
                sizes.instances.put(n.id, needed);
                if (svc.resources != null && svc.resources.connections.hasPools()) {
                    // The same for its connections: each request's borrows (as many as the answered ones made),
                    // every arrival's, spread over the planned instances, each held as long as measured.
                    double hold = svc.resources.connections.holdSecondsPerBorrow(seconds);
                    if (answered > 0 && !Double.isNaN(hold)) {
                        double perPool = n.arrivals / seconds * borrowsPerRequest * hold / needed;
                        sizes.poolSizes.put(n.id, Math.max(1, (int) Math.ceil(perPool / MAX_RHO)));
                    }
                }
            } else if (n instanceof TopicNode t) {
                sizes.partitions.put(n.id, t.topic.partitions());
            } else if (n instanceof DatabaseNode db) {
                Scenario.Database d = n.spec.database();
                // Replicas cannot take the primaries' load (the writes; every read too under the primary policy): shards can.
                int shards = d.shards();
                int neededShards = Math.max(shards, (int) Math.ceil(shards * db.meanPrimaryUtilisation() / MAX_RHO));
                sizes.shards.put(n.id, neededShards);
                int copies = 1 + d.replicasPerShard();
                if (d.readPolicy().equals("primary")) {
                    sizes.replicas.put(n.id, d.replicasPerShard()); // they serve no read: more would buy nothing
                    continue;
                }
                // Each shard's copies then share the reads of fewer keys.
                double rho = db.meanUtilisation() * shards / neededShards;
                int neededCopies = Math.max(1, (int) Math.ceil(copies * rho / MAX_RHO));
                // A replica is also the failover of its primary: keep one where the design has one.
                neededCopies = Math.max(neededCopies, Math.min(2, copies));
                sizes.replicas.put(n.id, neededCopies - 1);
            }
        }
        fitPartitions(measured, sizes);
        return sizes;
    }

    /** A group uses at most one consumer per partition: each topic gets at least as many as its largest group. */
    private static void fitPartitions(Network run, Sizes sizes) {
        for (NetNode n : run.nodeList()) {
            if (n instanceof ServiceNode svc && sizes.instances.containsKey(n.id)) {
                TopicNode feed = topicOf(svc);
                if (feed != null) {
                    sizes.partitions.merge(feed.id, sizes.instances.get(n.id), Math::max);
                }
            }
        }
    }

    /** The topic a service consumes from as a group, or null. */
    private static TopicNode topicOf(ServiceNode svc) {
        for (Broker b : svc.feeds) {
            if (b instanceof TopicNode t) {
                return t;
            }
        }
        return null;
    }

    /**
     * Grows node {@code id}, the busiest of a confirmation run, by what brings its measured ρ to the
     * headroom, one at least: a service's instances (and its pools, if they were the busier); a
     * database's shards when its primaries are the busier part, else its replicas.
     */
    private static void grow(Network run, String id, Sizes sizes) {
        NetNode n = node(run, id);
        if (n instanceof DatabaseNode db) {
            double primaries = db.meanPrimaryUtilisation();
            double replicas = db.meanReplicaUtilisation();
            boolean byShards = n.spec.database().readPolicy().equals("primary") || Double.isNaN(replicas) && sizes.replicas.get(id) == 0
                    || primaries >= replicas;
            if (byShards) {
                int now = sizes.shards.get(id);
                sizes.shards.put(id, now + Math.max(1, (int) Math.ceil(now * primaries / MAX_RHO) - now));
            } else {
                int copies = sizes.replicas.get(id) + 1;
                sizes.replicas.put(id, copies - 1 + Math.max(1, (int) Math.ceil(copies * replicas / MAX_RHO) - copies));
            }
            return;
        }
        ServiceNode svc = (ServiceNode) n;
        double pools = poolRho(svc);
        if (pools > serviceRho(svc) && sizes.poolSizes.containsKey(id)) {
            int now = sizes.poolSizes.get(id);
            sizes.poolSizes.put(id, now + Math.max(1, (int) Math.ceil(now * pools / MAX_RHO) - now));
            return;
        }
        int now = sizes.instances.get(id);
        sizes.instances.put(id, now + Math.max(1, (int) Math.ceil(now * serviceRho(svc) / MAX_RHO) - now));
        fitPartitions(run, sizes);
    }

    /**
     * A service's busy workers over its workers, averaged over the run; a consuming service's over
     * its busy-able members (one record at a time each, at most one per partition).
     */
    private static double serviceRho(ServiceNode svc) {
        TopicNode feed = topicOf(svc);
        if (feed == null) {
            return svc.meanUtilisation();
        }
        int members = Math.min(Math.max(1, svc.instances()), feed.topic.partitions());
        return svc.meanBusyWorkers() / members;
    }

    /** A service's connections in use over its pools' size, averaged over the run; 0 without pools. */
    private static double poolRho(ServiceNode svc) {
        if (svc.resources == null || !svc.resources.connections.hasPools()) {
            return 0;
        }
        return svc.resources.connections.meanActivePerPool() / svc.resources.connections.settings().maximumPoolSize();
    }

    private static NetNode node(Network run, String id) {
        for (NetNode n : run.nodeList()) {
            if (n.id.equals(id)) {
                return n;
            }
        }
        throw new IllegalArgumentException("no node " + id);
    }

    private static Scenario apply(Scenario s, Sizes sizes) {
        Scenario out = s;
        List<Topology.Node> nodes = s.topology().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Topology.Node n = nodes.get(i);
            String at = "topology.nodes[" + i + "].";
            Integer count = sizes.instances.get(n.id());
            if (count != null) {
                out = ScenarioFields.with(out, at + "service.instances", (long) count);
                if (n.autoscaler().policy() != Scenario.AutoscalerPolicy.NONE) {
                    out = ScenarioFields.with(out, at + "autoscaler.minReplicas", (long) Math.min(count, n.autoscaler().maxReplicas()));
                    out = ScenarioFields.with(out, at + "autoscaler.maxReplicas", (long) Math.max(count, n.autoscaler().maxReplicas()));
                }
            }
            Integer pool = sizes.poolSizes.get(n.id());
            if (pool != null) {
                out = ScenarioFields.with(out, at + "service.connectionPool.maximumPoolSize", (long) pool);
                // HikariCP keeps minimumIdle at most the maximum.
                if (n.service().connectionPool().minimumIdle() > pool) {
                    out = ScenarioFields.with(out, at + "service.connectionPool.minimumIdle", (long) pool);
                }
            }
            Integer replicas = sizes.replicas.get(n.id());
            if (replicas != null) {
                out = ScenarioFields.with(out, at + "database.replicasPerShard", (long) replicas);
            }
            Integer shards = sizes.shards.get(n.id());
            if (shards != null) {
                out = ScenarioFields.with(out, at + "database.sharding.shards", (long) shards);
            }
            Integer partitions = sizes.partitions.get(n.id());
            if (partitions != null) {
                out = ScenarioFields.with(out, at + "topic.partitions", (long) partitions);
            }
        }
        return out;
    }

    private static List<Change> changes(Scenario s, Sizes sizes) {
        List<Change> out = new ArrayList<>();
        List<Topology.Node> nodes = s.topology().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Topology.Node n = nodes.get(i);
            String at = "topology.nodes[" + i + "].";
            Integer instances = sizes.instances.get(n.id());
            if (instances != null && instances != n.service().instances()) {
                boolean consumes = s.topology().edges().stream().anyMatch(e -> e.to().equals(n.id())
                        && s.topology().node(e.from()).nodeKind() == NodeKind.TOPIC);
                out.add(new Change(n.id(), consumes ? "consumers" : "instances", at + "service.instances", n.service().instances(),
                        instances));
            }
            Integer partitions = sizes.partitions.get(n.id());
            if (partitions != null && partitions != n.topic().partitions()) {
                out.add(new Change(n.id(), "partitions", at + "topic.partitions", n.topic().partitions(), partitions));
            }
            Integer pool = sizes.poolSizes.get(n.id());
            if (pool != null && pool != n.service().connectionPool().maximumPoolSize()) {
                out.add(new Change(n.id(), "connections per pool", at + "service.connectionPool.maximumPoolSize",
                        n.service().connectionPool().maximumPoolSize(), pool));
            }
            Integer shards = sizes.shards.get(n.id());
            if (shards != null && shards != n.database().shards()) {
                out.add(new Change(n.id(), "shards", at + "database.sharding.shards", n.database().shards(), shards));
            }
            Integer replicas = sizes.replicas.get(n.id());
            if (replicas != null && replicas != n.database().replicasPerShard()) {
                out.add(new Change(n.id(), "read replicas per shard", at + "database.replicasPerShard", n.database().replicasPerShard(),
                        replicas));
            }
        }
        return out;
    }

    private static Check check(long seed, Network n, Goals goals) {
        double p99 = n.endToEnd().count() == 0 ? Double.POSITIVE_INFINITY : n.endToEnd().p99Ms();
        // As the grader counts errors: a shed request is one, a 429 is not (but was sent).
        long all = n.completed() + n.failed() + n.limited() + n.shed();
        double errors = all == 0 ? 1 : (n.failed() + n.shed()) / (double) all;
        double cost = n.snapshot().totals().costPerHour();
        boolean meets = p99 <= goals.p99Ms() && errors <= goals.maxErrorRate()
                && (goals.budgetPerHour() <= 0 || cost <= goals.budgetPerHour());
        return new Check(seed, p99, errors, cost, meets);
    }

    private static double maxCost(List<Check> checks) {
        return checks.stream().mapToDouble(Check::costPerHour).max().orElse(Double.NaN);
    }

    private static String missed(List<Check> checks, Goals goals) {
        double p99 = checks.stream().mapToDouble(Check::p99Ms).max().orElse(Double.NaN);
        double err = checks.stream().mapToDouble(Check::errorRate).max().orElse(Double.NaN);
        List<String> what = new ArrayList<>();
        if (p99 > goals.p99Ms()) {
            what.add(String.format(Locale.ROOT, "p99 %.0f ms (goal %.0f ms)", p99, goals.p99Ms()));
        }
        if (err > goals.maxErrorRate()) {
            what.add(String.format(Locale.ROOT, "error rate %.2f %% (goal %.2f %%)", err * 100, goals.maxErrorRate() * 100));
        }
        return what.isEmpty() ? "the budget" : String.join(" and ", what);
    }

    /** How loaded a node the plan sizes is in a run: a service's workers or pools, a database's busier part. */
    private static double rho(NetNode n) {
        if (n instanceof ServiceNode s) {
            return Math.max(serviceRho(s), poolRho(s));
        }
        if (n instanceof DatabaseNode d) {
            double replicas = d.meanReplicaUtilisation();
            return Math.max(d.meanPrimaryUtilisation(), Double.isNaN(replicas) ? 0 : replicas);
        }
        return 0;
    }

    /** The node the plan can grow whose load is highest in a confirmation run; null when none it can grow is busy. */
    private static String busiest(Network run, Sizes sizes) {
        String best = null;
        double bestRho = 0.5;
        for (NetNode n : run.nodeList()) {
            if (!sizes.sizes(n.id)) {
                continue;
            }
            double rho = rho(n);
            if (rho > bestRho) {
                bestRho = rho;
                best = n.id;
            }
        }
        return best;
    }

    /**
     * Where the time goes that capacity cannot buy back: the slowest node the plan does not size
     * (an external API, a cache, a queue), by its p99.
     */
    private static String slowest(Network run, Sizes counts) {
        NetNode worst = null;
        double worstMs = -1;
        for (NetNode n : run.nodeList()) {
            if (n.kind == NodeKind.CLIENTS || n.kind == NodeKind.BALANCER || n.kind == NodeKind.GATEWAY || counts.sizes(n.id)) {
                continue;
            }
            double p99 = n.latency.total().p99Ms();
            if (p99 > worstMs) {
                worstMs = p99;
                worst = n;
            }
        }
        return worst == null ? "the services' own work" : String.format(Locale.ROOT, "%s answers at p99 %.0f ms", worst.id, worstMs);
    }
}
