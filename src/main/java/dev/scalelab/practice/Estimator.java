package dev.scalelab.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.caching.CheApproximation;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The back-of-the-envelope capacity estimator: the numbers an interviewer expects a candidate to
 * work out on a whiteboard, each with its arithmetic written out, from textbook formulas (M/M/c
 * with Erlang C, Che's approximation for LRU under Zipf, Little's law). {@link #checkScenario}
 * turns a pool estimate into a scenario, so the estimate can be run in the simulator and the two
 * put side by side.
 */
public final class Estimator {
    private Estimator() {
    }

    /** One line of shown arithmetic: "servers c = 6 instances × 8 workers = 48". */
    public record Step(String text) {
    }

    /**
     * A pool sized for a Poisson rate λ and exponential service times of mean 1/μ, behind a
     * balancer that spreads requests at random: each of the n instances is then exactly an M/M/w
     * queue at λ/n (a Poisson stream split at random stays Poisson), with w workers. Utilisation
     * ρ = λ / (n w μ), the probability of waiting (Erlang C), the mean wait C / (w μ − λ/n) and the
     * p99 of the response time (wait + service) from M/M/w's exact response-time distribution. A
     * balancer that looks at load (least-request) does better: closer to one M/M/(n w) queue.
     */
    public record PoolEstimate(double ratePerSecond, double serviceTimeMs, int workersPerInstance, double targetUtilization,
                               InstanceSize size, int instances, int servers, double utilization, double probabilityOfWaiting,
                               double meanWaitMs, double meanResponseMs, double p99ResponseMs, double costPerHour,
                               List<Step> arithmetic) {
        public PoolEstimate {
            arithmetic = List.copyOf(arithmetic);
        }
    }

    /** The fewest instances that keep utilisation at or under {@code targetUtilization} (at least 1). */
    public static PoolEstimate pool(double ratePerSecond, double serviceTimeMs, int workersPerInstance,
                                    double targetUtilization, InstanceSize size) {
        check(ratePerSecond > 0, "rate", "must be above 0 req/s");
        check(serviceTimeMs > 0, "service time", "must be above 0 ms");
        check(workersPerInstance >= 1, "workers", "must be at least 1");
        check(targetUtilization > 0 && targetUtilization < 1, "target utilisation", "must be between 0 and 100 % (not 100)");
        double busy = ratePerSecond * serviceTimeMs / 1000;
        int instances = Math.max(1, (int) Math.ceil(busy / (workersPerInstance * targetUtilization) - 1e-9));
        int servers = instances * workersPerInstance;
        double utilization = busy / servers;
        double perInstanceRate = ratePerSecond / instances;
        double perInstanceErlangs = busy / instances;
        double c = erlangC(workersPerInstance, perInstanceErlangs);
        double mu = 1000 / serviceTimeMs;
        double meanWaitMs = 1000 * c / (workersPerInstance * mu - perInstanceRate);
        double p99 = responseQuantileMs(workersPerInstance, perInstanceRate, serviceTimeMs, 0.99);
        double cost = instances * size.costPerHour();
        List<Step> steps = new ArrayList<>();
        steps.add(step("busy workers = λ × S = %s req/s × %s ms = %s", num(ratePerSecond), num(serviceTimeMs), num(busy)));
        steps.add(step("instances = ⌈%s / (%d workers × %s target)⌉ = %d", num(busy), workersPerInstance,
                percent(targetUtilization), instances));
        steps.add(step("utilisation ρ = %s / (%d × %d) = %s", num(busy), instances, workersPerInstance, percent(utilization)));
        steps.add(step("each instance: M/M/%d at λ/n = %s req/s, offered load a = %s", workersPerInstance,
                num(perInstanceRate), num(perInstanceErlangs)));
        steps.add(step("P(wait) = Erlang C(%d, %s) = %s", workersPerInstance, num(perInstanceErlangs), percent(c)));
        steps.add(step("mean wait = C / (w μ − λ/n) = %s / (%d × %s − %s) s = %s ms", num(c), workersPerInstance, num(mu),
                num(perInstanceRate), num(meanWaitMs)));
        steps.add(step("mean response = %s + %s = %s ms; p99 response = %s ms", num(meanWaitMs), num(serviceTimeMs),
                num(meanWaitMs + serviceTimeMs), num(p99)));
        steps.add(step("cost = %d × %s ($%s/h) = $%s/h", instances, size.id(), num(size.costPerHour()), num(cost)));
        return new PoolEstimate(ratePerSecond, serviceTimeMs, workersPerInstance, targetUtilization, size, instances, servers,
                utilization, c, meanWaitMs, meanWaitMs + serviceTimeMs, p99, cost, steps);
    }

    /**
     * Erlang C: the probability an arrival waits in an M/M/c queue with {@code servers} servers and
     * offered load {@code erlangs} = λ/μ (less than {@code servers}); 1 at or above it. From Erlang
     * B's recurrence, which stays exact where the textbook sum of a^k/k! overflows.
     */
    public static double erlangC(int servers, double erlangs) {
        if (erlangs >= servers) {
            return 1;
        }
        if (erlangs <= 0) {
            return 0;
        }
        double b = 1;
        for (int k = 1; k <= servers; k++) {
            b = erlangs * b / (k + erlangs * b);
        }
        return servers * b / (servers - erlangs * (1 - b));
    }

    /**
     * The {@code q} quantile (0 < q < 1) of M/M/c's response time T = W + S, in ms; infinite when
     * unstable. W is 0 with probability 1 − C and else Exp(α), α = cμ − λ; S is Exp(μ); so
     * P(T > t) = (1 − C) e^(−μt) + C (α e^(−μt) − μ e^(−αt)) / (α − μ), or C (1 + μt) e^(−μt)
     * when α = μ. Solved for P(T > t) = 1 − q by bisection.
     */
    public static double responseQuantileMs(int servers, double ratePerSecond, double serviceTimeMs, double q) {
        double mu = 1000 / serviceTimeMs;
        double alpha = servers * mu - ratePerSecond;
        if (alpha <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double c = erlangC(servers, ratePerSecond / mu);
        double tail = 1 - q;
        double lo = 0;
        double hi = 1;
        while (survival(hi, mu, alpha, c) > tail) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (survival(mid, mu, alpha, c) > tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 1000 * (lo + hi) / 2;
    }

    private static double survival(double t, double mu, double alpha, double c) {
        double service = Math.exp(-mu * t);
        double both = Math.abs(alpha - mu) < 1e-12 * mu ? (1 + mu * t) * service
                : (alpha * service - mu * Math.exp(-alpha * t)) / (alpha - mu);
        return (1 - c) * service + c * both;
    }

    /** A cache sized for a hit ratio under Zipf(alpha) popularity over {@code keys} keys, by Che's approximation for LRU. */
    public record CacheEstimate(int keys, double alpha, double targetHitRatio, int capacity, double hitRatio,
                                double characteristicTime, List<Step> arithmetic) {
        public CacheEstimate {
            arithmetic = List.copyOf(arithmetic);
        }
    }

    /**
     * The smallest LRU capacity whose Che hit ratio reaches {@code targetHitRatio} (capped at
     * {@code keys}). Key k is requested with probability (k+1)^−α / H, as the workload's Zipf keys are;
     * beyond the 20,000 most popular keys the smooth tail is summed in groups ({@link ZipfPopularity}).
     */
    public static CacheEstimate cache(int keys, double alpha, double targetHitRatio) {
        check(keys >= 1 && keys <= 10_000_000, "keys", "must be from 1 to 10,000,000");
        check(alpha >= 0 && alpha <= 10, "Zipf alpha", "must be from 0 to 10");
        check(targetHitRatio > 0 && targetHitRatio < 1, "target hit ratio", "must be between 0 and 100 % (not 100)");
        ZipfPopularity zipf = new ZipfPopularity(keys, alpha);
        // Hit ratio and occupancy both grow with the characteristic time: the smallest capacity that
        // reaches the target is the occupancy at the time the target's hit ratio is reached, rounded up.
        int capacity = (int) Math.min(keys, Math.ceil(zipf.capacity(zipf.timeForHitRatio(targetHitRatio)) - 1e-9));
        double hit;
        double tc;
        if (zipf.exact()) {
            // Every key has its own term: settle the last unit by Che's own solver, so the capacity is the smallest it accepts.
            double[] p = zipf.keyProbabilities();
            while (capacity > 0 && CheApproximation.lruHitRatio(p, capacity - 1) >= targetHitRatio) {
                capacity--;
            }
            while (capacity < keys && CheApproximation.lruHitRatio(p, capacity) < targetHitRatio) {
                capacity++;
            }
            hit = capacity >= keys ? 1 : CheApproximation.lruHitRatio(p, capacity);
            tc = CheApproximation.lruCharacteristicTime(p, capacity);
        } else {
            tc = capacity >= keys ? Double.POSITIVE_INFINITY : zipf.timeForCapacity(capacity);
            hit = capacity >= keys ? 1 : zipf.hitRatio(tc);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(step("p(k) = (k+1)^−%s / Σ over %s keys", num(alpha), String.format(Locale.ROOT, "%,d", keys)));
        steps.add(step("Che: T_C solves Σ (1 − e^(−p(k) T_C)) = C; hit ratio = Σ p(k) (1 − e^(−p(k) T_C))"));
        steps.add(step("smallest C with hit ratio ≥ %s: C = %s keys (%s of the key space), T_C = %s requests, hit ratio %s",
                percent(targetHitRatio), String.format(Locale.ROOT, "%,d", capacity), percent((double) capacity / keys),
                Double.isInfinite(tc) ? "∞" : num(tc), percent(hit)));
        return new CacheEstimate(keys, alpha, targetHitRatio, capacity, hit, tc, steps);
    }

    /** A count sized by rate: ceil(rate / (capacity per unit × target utilisation)). */
    public record CountEstimate(String what, double ratePerSecond, double perUnitPerSecond, double targetUtilization,
                                int count, double utilization, List<Step> arithmetic) {
        public CountEstimate {
            arithmetic = List.copyOf(arithmetic);
        }
    }

    /** Shards for a write rate: every write goes to its shard's primary. */
    public static CountEstimate shards(double writesPerSecond, double writesPerShardPerSecond, double targetUtilization) {
        check(writesPerSecond >= 0, "writes", "must be 0 or more per second");
        return count("shards", "writes", writesPerSecond, writesPerShardPerSecond, targetUtilization, List.of());
    }

    /**
     * Read replicas per shard for a read rate spread over {@code shards} shards, the replicas
     * serving the reads (the primary keeps the writes).
     */
    public static CountEstimate replicas(double readsPerSecond, int shards, double readsPerReplicaPerSecond,
                                         double targetUtilization) {
        check(readsPerSecond >= 0, "reads", "must be 0 or more per second");
        check(shards >= 1, "shards", "must be at least 1");
        double perShard = readsPerSecond / shards;
        return count("replicas per shard", "reads", perShard, readsPerReplicaPerSecond, targetUtilization,
                List.of(step("reads per shard = %s / %d = %s per second", num(readsPerSecond), shards, num(perShard))));
    }

    private static CountEstimate count(String what, String work, double rate, double perUnit, double target, List<Step> first) {
        check(perUnit > 0, work + " per unit", "must be above 0 per second");
        check(target > 0 && target <= 1, "target utilisation", "must be above 0 and at most 100 %");
        int n = Math.max(1, (int) Math.ceil(rate / (perUnit * target) - 1e-9));
        double utilization = rate / (n * perUnit);
        List<Step> steps = new ArrayList<>(first);
        steps.add(step("%s = ⌈%s / (%s × %s)⌉ = %d", what, num(rate), num(perUnit), percent(target), n));
        steps.add(step("each at %s of its %s %s per second", percent(utilization), num(perUnit), work));
        return new CountEstimate(what, rate, perUnit, target, n, utilization, steps);
    }

    /**
     * A connection pool by Little's law: connections in use L = λ × W (queries per second per
     * instance × the time a query holds its connection), with {@code headroom} (1.5 = 50 % more)
     * for bursts, beside HikariCP's rule of thumb for the database side, cores × 2 + spindles
     * (one, for an SSD).
     */
    public record ConnectionEstimate(double queriesPerSecond, double holdMs, double headroom, double inUse, int poolSize,
                                     int databaseCores, int hikariRule, List<Step> arithmetic) {
        public ConnectionEstimate {
            arithmetic = List.copyOf(arithmetic);
        }
    }

    public static ConnectionEstimate connections(double queriesPerSecondPerInstance, double holdMs, double headroom,
                                                 int databaseCores) {
        check(queriesPerSecondPerInstance >= 0, "queries", "must be 0 or more per second");
        check(holdMs > 0, "hold time", "must be above 0 ms");
        check(headroom >= 1, "headroom", "must be at least 1 (no headroom)");
        check(databaseCores >= 1, "database cores", "must be at least 1");
        double inUse = queriesPerSecondPerInstance * holdMs / 1000;
        int size = Math.max(1, (int) Math.ceil(inUse * headroom - 1e-9));
        int rule = databaseCores * 2 + 1;
        List<Step> steps = List.of(
                step("Little: L = λ × W = %s queries/s × %s ms = %s connections busy on average", num(queriesPerSecondPerInstance),
                        num(holdMs), num(inUse)),
                step("pool = ⌈%s × %s headroom⌉ = %d per instance", num(inUse), num(headroom), size),
                step("HikariCP's rule for the database: cores × 2 + 1 spindle = %d × 2 + 1 = %d connections in all, "
                        + "shared by every instance", databaseCores, rule));
        return new ConnectionEstimate(queriesPerSecondPerInstance, holdMs, headroom, inUse, size, databaseCores, rule, steps);
    }

    /**
     * "Check it": a scenario that runs {@code estimate} as the queue it models: Poisson arrivals at
     * its rate, exponential service times of its mean, its instances and workers ready from the
     * start, random balancing (so each instance is the M/M/w queue of the estimate), no autoscaler,
     * a queue long enough to reject nothing, {@code durationSeconds} long.
     */
    public static Scenario checkScenario(PoolEstimate estimate, double durationSeconds) {
        ObjectNode root = ChallengeLibrary.JSON.createObjectNode();
        root.put("schema", Scenario.SCHEMA);
        root.put("name", "estimate check");
        root.put("description", "The estimator's pool as the M/M/" + estimate.workersPerInstance() + " queues it models.");
        root.put("durationSeconds", durationSeconds);
        ObjectNode arrival = root.putObject("workload").putObject("arrival");
        arrival.put("process", "poisson").put("ratePerSecond", estimate.ratePerSecond());
        ObjectNode service = root.putObject("service");
        service.put("instances", estimate.instances()).put("workersPerInstance", estimate.workersPerInstance())
                .put("queueCapacity", 1_000_000).put("size", estimate.size().id()).put("warmupSeconds", 0);
        service.putObject("serviceTime").put("distribution", "exponential").put("meanMs", estimate.serviceTimeMs());
        root.putObject("balancer").put("strategy", "random");
        return ScenarioFiles.parse(root.toString());
    }

    private static void check(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + problem);
        }
    }

    private static Step step(String format, Object... args) {
        return new Step(String.format(Locale.ROOT, format, args));
    }

    /** A number as the arithmetic shows it: 3 significant digits, whole numbers plain. */
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) x);
        }
        return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String percent(double ratio) {
        return num(100 * ratio) + " %";
    }
}
