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
 * Sizes a design to its goals: the leanest instance counts and read replicas that meet a p99, an
 * error rate and a budget with at least 10 % headroom, never taking away the redundancy a design has
 * (a second instance, a replica per shard), which is there for failures rather than load. It measures the design once, estimates each
 * node's count with queueing formulas (Little's law for the time a request holds a worker, then the
 * count that keeps ρ at or below 0.9), then confirms the plan by simulation on seeds it did not
 * measure with, adding capacity where the confirmation runs show the most load until every seed
 * meets the goals, or saying why they cannot be met.
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
        Map<String, Integer> counts = estimate(s, measured);
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
                        + " within the goal: the time is spent where instances and replicas cannot buy it back ("
                        + slowest(runs.get(0), counts) + "); change the design, not the counts", planned);
            }
            // Grow the busiest by what brings its measured ρ to the headroom, one at least.
            int now = counts.get(busiest);
            double rho = rho(runs.get(0), busiest);
            int copies = isDatabase(s, busiest) ? now + 1 : now;
            int grow = Math.max(1, (int) Math.ceil(copies * rho / MAX_RHO) - copies);
            counts.put(busiest, now + grow);
            planned = apply(s, counts);
        }
        return new Plan(false, changes(s, counts), checks, maxCost(checks), "no plan met the goals within " + MAX_ROUNDS
                + " rounds of adding capacity: " + missed(checks, goals), planned);
    }

    /** Each service's instances and each database's copies per shard that keep ρ at 0.9 for the measured load. */
    static Map<String, Integer> estimate(Scenario s, Network measured) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NetNode n : measured.nodeList()) {
            if (n instanceof ServiceNode svc) {
                int workers = n.spec.service().workersPerInstance();
                // Little's law per answered request gives the time each holds a worker, even when the pool was
                // saturated while measured; the demand is then every arrival times that hold.
                long answered = n.latency.total().count();
                double seconds = measured.nowSeconds();
                double holdSeconds = answered == 0 ? 0 : svc.meanBusyWorkers() * seconds / answered;
                double demand = n.arrivals / seconds * holdSeconds;
                int needed = Math.max(1, (int) Math.ceil(demand / (workers * MAX_RHO)));
                // Never below two where the design had two: the second instance is there for a crash, not for load.
                needed = Math.max(needed, Math.min(2, n.spec.service().instances()));
                if (svc.spec.autoscaler().policy() != Scenario.AutoscalerPolicy.NONE) {
                    needed = Math.max(needed, svc.spec.autoscaler().minReplicas());
                }
                counts.put(n.id, needed);
            } else if (n instanceof DatabaseNode db) {
                Scenario.Database d = n.spec.database();
                double rho = db.meanUtilisation();
                int copies = 1 + d.replicasPerShard();
                int neededCopies = Math.max(1, (int) Math.ceil(copies * rho / MAX_RHO));
                // A replica is also the failover of its primary: keep one where the design has one.
                neededCopies = Math.max(neededCopies, Math.min(2, copies));
                counts.put(n.id, neededCopies - 1);
            }
        }
        return counts;
    }

    private static Scenario apply(Scenario s, Map<String, Integer> counts) {
        Scenario out = s;
        List<Topology.Node> nodes = s.topology().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Topology.Node n = nodes.get(i);
            Integer count = counts.get(n.id());
            if (count == null) {
                continue;
            }
            String at = "topology.nodes[" + i + "].";
            if (n.nodeKind() == NodeKind.SERVICE) {
                out = ScenarioFields.with(out, at + "service.instances", (long) count);
                if (n.autoscaler().policy() != Scenario.AutoscalerPolicy.NONE) {
                    out = ScenarioFields.with(out, at + "autoscaler.minReplicas", (long) Math.min(count, n.autoscaler().maxReplicas()));
                    out = ScenarioFields.with(out, at + "autoscaler.maxReplicas", (long) Math.max(count, n.autoscaler().maxReplicas()));
                }
            } else if (n.nodeKind() == NodeKind.DATABASE) {
                out = ScenarioFields.with(out, at + "database.replicasPerShard", (long) count);
            }
        }
        return out;
    }

    private static List<Change> changes(Scenario s, Map<String, Integer> counts) {
        List<Change> out = new ArrayList<>();
        List<Topology.Node> nodes = s.topology().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Topology.Node n = nodes.get(i);
            Integer to = counts.get(n.id());
            if (to == null) {
                continue;
            }
            if (n.nodeKind() == NodeKind.SERVICE && to != n.service().instances()) {
                out.add(new Change(n.id(), "instances", "topology.nodes[" + i + "].service.instances", n.service().instances(), to));
            } else if (n.nodeKind() == NodeKind.DATABASE && to != n.database().replicasPerShard()) {
                out.add(new Change(n.id(), "read replicas per shard", "topology.nodes[" + i + "].database.replicasPerShard",
                        n.database().replicasPerShard(), to));
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

    private static boolean isDatabase(Scenario s, String id) {
        return s.topology().node(id).nodeKind() == NodeKind.DATABASE;
    }

    private static double rho(Network run, String id) {
        for (NetNode n : run.nodeList()) {
            if (n.id.equals(id)) {
                return n instanceof ServiceNode s ? s.meanUtilisation() : n instanceof DatabaseNode d ? d.meanUtilisation() : 0;
            }
        }
        return 0;
    }

    /** The node the plan can grow whose load is highest in a confirmation run; null when none it can grow is busy. */
    private static String busiest(Network run, Map<String, Integer> counts) {
        String best = null;
        double bestRho = 0.5;
        for (NetNode n : run.nodeList()) {
            if (!counts.containsKey(n.id)) {
                continue;
            }
            double rho = n instanceof ServiceNode s ? s.meanUtilisation()
                    : n instanceof DatabaseNode d ? d.meanUtilisation() : 0;
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
    private static String slowest(Network run, Map<String, Integer> counts) {
        NetNode worst = null;
        double worstMs = -1;
        for (NetNode n : run.nodeList()) {
            if (n.kind == NodeKind.CLIENTS || n.kind == NodeKind.BALANCER || n.kind == NodeKind.GATEWAY || counts.containsKey(n.id)) {
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
