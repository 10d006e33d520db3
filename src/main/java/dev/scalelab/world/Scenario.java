package dev.scalelab.world;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.ScalingRules;
import dev.scalelab.engine.scaling.TargetTrackingPolicy;
import dev.scalelab.sim.RateShape;

import java.util.List;

/**
 * One simulated system, immutable: what the scenario file holds. Every field has a default, so
 * {@code {"schema":1}} is {@link #DEFAULT}.
 */
public record Scenario(String name, String description, long seed, double durationSeconds, Workload workload,
                       Service service, Autoscaler autoscaler, VerticalScaler verticalScaler, Balancer balancer,
                       List<TimelineEntry> timeline) {

    public static final int SCHEMA = 1;

    public Scenario {
        timeline = List.copyOf(timeline);
    }

    public enum ArrivalProcess {
        POISSON("poisson"), CLOSED("closed");

        private final String id;

        ArrivalProcess(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public enum KeyDistribution {
        ZIPF("zipf"), UNIFORM("uniform"), HOTSPOT("hotspot");

        private final String id;

        KeyDistribution(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Open (Poisson at a shaped rate) or closed (users who wait for their answer, then think). */
    public record Arrival(ArrivalProcess process, double ratePerSecond, RateShape shape, int users,
                          DistributionSpec thinkTime) {
    }

    public record Keys(KeyDistribution distribution, double alpha, int count, double hotTrafficFraction,
                       double hotKeyFraction) {
    }

    public record Workload(Arrival arrival, Keys keys, double readRatio) {
    }

    /**
     * The service pool. {@code workersPerInstance} is for instances of {@code size}; other sizes get
     * workers in proportion to their vCPUs. New instances spend {@code provisionSeconds} pending and
     * {@code bootSeconds} booting before they are ready, then {@code warmupSeconds} at reduced speed
     * (rising linearly from half speed), as a JIT-compiled service does. The initial instances start ready.
     */
    public record Service(int instances, int workersPerInstance, int queueCapacity, DistributionSpec serviceTime,
                          InstanceSize size, double provisionSeconds, double bootSeconds, double warmupSeconds,
                          List<Double> weights, List<Double> speeds) {
        public Service {
            weights = List.copyOf(weights);
            speeds = List.copyOf(speeds);
        }

        public Service withInstances(int n) {
            return new Service(n, workersPerInstance, queueCapacity, serviceTime, size, provisionSeconds, bootSeconds, warmupSeconds, weights, speeds);
        }

        public Service withServiceTime(DistributionSpec d) {
            return new Service(instances, workersPerInstance, queueCapacity, d, size, provisionSeconds, bootSeconds, warmupSeconds, weights, speeds);
        }

        public Service withSize(InstanceSize s) {
            return new Service(instances, workersPerInstance, queueCapacity, serviceTime, s, provisionSeconds, bootSeconds, warmupSeconds, weights, speeds);
        }

        /** The balancing weight of the initial instance {@code i} (nginx weight=); 1 when not given. */
        public double weight(int i) {
            return i < weights.size() ? weights.get(i) : 1;
        }

        /** The speed of the initial instance {@code i} (1 = normal; heterogeneous hardware); 1 when not given. */
        public double speed(int i) {
            return i < speeds.size() ? speeds.get(i) : 1;
        }
    }

    public enum AutoscalerPolicy {
        NONE("none"), HPA("hpa"), THRESHOLD("threshold"), TARGET_TRACKING("target-tracking");

        private final String id;

        AutoscalerPolicy(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static AutoscalerPolicy byId(String id) {
            for (AutoscalerPolicy p : values()) {
                if (p.id.equals(id)) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * The horizontal autoscaler. {@code targetUtilization} is a CPU percentage as in an HPA's
     * {@code averageUtilization}. The behavior is kept as one Pods and one Percent policy per
     * direction sharing a period (0 turns a policy off), which covers Kubernetes' defaults;
     * {@code behavior: false} is an HPA without {@code spec.behavior} (legacy rate limit).
     * Target tracking follows {@code metric} toward {@code targetValue}.
     */
    public record Autoscaler(AutoscalerPolicy policy, int minReplicas, int maxReplicas, double targetUtilization,
                             double tolerance, double syncPeriodSeconds, double scaleUpStabilizationSeconds,
                             double scaleDownStabilizationSeconds, int scaleUpPods, int scaleUpPercent,
                             double scaleUpPeriodSeconds, ScalingRules.SelectPolicy scaleUpSelectPolicy,
                             int scaleDownPods, int scaleDownPercent, double scaleDownPeriodSeconds,
                             ScalingRules.SelectPolicy scaleDownSelectPolicy, boolean behavior,
                             TargetTrackingPolicy.Metric metric, double targetValue) {
        public static final Autoscaler DEFAULT = new Autoscaler(AutoscalerPolicy.NONE, 1, 20, 60, 0.1, 15, 0, 300,
                4, 100, 15, ScalingRules.SelectPolicy.MAX, 0, 100, 15, ScalingRules.SelectPolicy.MAX, true,
                TargetTrackingPolicy.Metric.P95_LATENCY, 100);

        public ScalingRules scaleUpRules() {
            return rules(scaleUpStabilizationSeconds, scaleUpPods, scaleUpPercent, scaleUpPeriodSeconds, scaleUpSelectPolicy);
        }

        public ScalingRules scaleDownRules() {
            return rules(scaleDownStabilizationSeconds, scaleDownPods, scaleDownPercent, scaleDownPeriodSeconds, scaleDownSelectPolicy);
        }

        private static ScalingRules rules(double window, int pods, int percent, double period, ScalingRules.SelectPolicy select) {
            List<ScalingRules.Policy> policies = new java.util.ArrayList<>();
            if (pods > 0) {
                policies.add(new ScalingRules.Policy(ScalingRules.PolicyType.PODS, pods, (int) Math.round(period)));
            }
            if (percent > 0) {
                policies.add(new ScalingRules.Policy(ScalingRules.PolicyType.PERCENT, percent, (int) Math.round(period)));
            }
            return new ScalingRules((int) Math.round(window), policies, select);
        }
    }

    public enum VerticalPolicyKind {
        NONE("none"), THRESHOLD("threshold"), VPA("vpa");

        private final String id;

        VerticalPolicyKind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static VerticalPolicyKind byId(String id) {
            for (VerticalPolicyKind p : values()) {
                if (p.id.equals(id)) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * The vertical scaler, deciding every {@code intervalSeconds}: the threshold rule (next size up
     * above {@code upThreshold} of capacity, down below {@code downThreshold}) or a VPA-style
     * recommender (target percentile of usage x (1 + margin)).
     */
    public record VerticalScaler(VerticalPolicyKind policy, double intervalSeconds, double upThreshold,
                                 double downThreshold, double targetPercentile, double marginFraction) {
        public static final VerticalScaler DEFAULT = new VerticalScaler(VerticalPolicyKind.NONE, 60, 0.8, 0.3, 0.9, 0.15);
    }

    /**
     * The load balancer: a strategy and its parameters (Envoy's names and defaults), and health
     * handling: passive outlier ejection after {@code outlierConsecutiveErrors} errors in a row (0:
     * off), active health checks every {@code healthCheckIntervalSeconds} (0: off), and the panic
     * threshold below which it balances over every ready instance, healthy or not.
     */
    public record Balancer(Strategy strategy, int choices, double activeRequestBias, int ringVirtualNodes,
                           double slowStartSeconds, int outlierConsecutiveErrors, double outlierBaseEjectionSeconds,
                           double outlierMaxEjectionPercent, double healthCheckIntervalSeconds,
                           int healthCheckUnhealthyThreshold, int healthCheckHealthyThreshold,
                           double panicThresholdPercent) {
        public static final Balancer DEFAULT = new Balancer(Strategy.ROUND_ROBIN, 2, 1.0, 0, 0, 0, 30, 10, 0, 3, 2, 50);

        public Balancer withStrategy(Strategy s) {
            return new Balancer(s, choices, activeRequestBias, ringVirtualNodes, slowStartSeconds, outlierConsecutiveErrors,
                    outlierBaseEjectionSeconds, outlierMaxEjectionPercent, healthCheckIntervalSeconds,
                    healthCheckUnhealthyThreshold, healthCheckHealthyThreshold, panicThresholdPercent);
        }
    }

    /**
     * A command at a virtual time: {@code set} of a {@link Parameter} ({@code path}) to {@code value},
     * or an {@link Action} on a {@code target} instance (null when the action needs none).
     */
    public record TimelineEntry(double atSeconds, String command, String path, String target, Object value) {
        public static TimelineEntry set(double atSeconds, String path, Object value) {
            return new TimelineEntry(atSeconds, "set", path, null, value);
        }
    }

    public static final Scenario DEFAULT = new Scenario("default", "", 42, 600,
            new Workload(new Arrival(ArrivalProcess.POISSON, 400, RateShape.CONSTANT, 50,
                    DistributionSpec.exponential(1000)),
                    new Keys(KeyDistribution.ZIPF, 0.9, 10_000, 0.8, 0.2), 0.9),
            new Service(4, 4, 100, DistributionSpec.lognormal(20, 80), InstanceSize.MEDIUM, 5, 30, 0, List.of(), List.of()),
            Autoscaler.DEFAULT, VerticalScaler.DEFAULT,
            Balancer.DEFAULT,
            List.of());

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationSeconds, workload, service, autoscaler, verticalScaler, balancer, timeline);
    }

    public Scenario withDurationSeconds(double seconds) {
        return new Scenario(name, description, seed, seconds, workload, service, autoscaler, verticalScaler, balancer, timeline);
    }

    public Scenario withTimeline(List<TimelineEntry> entries) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, autoscaler, verticalScaler, balancer, entries);
    }

    public Scenario withWorkload(Workload w) {
        return new Scenario(name, description, seed, durationSeconds, w, service, autoscaler, verticalScaler, balancer, timeline);
    }

    public Scenario withService(Service s) {
        return new Scenario(name, description, seed, durationSeconds, workload, s, autoscaler, verticalScaler, balancer, timeline);
    }

    public Scenario withAutoscaler(Autoscaler a) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, a, verticalScaler, balancer, timeline);
    }

    public Scenario withVerticalScaler(VerticalScaler v) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, autoscaler, v, balancer, timeline);
    }

    public Scenario withBalancer(Balancer b) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, autoscaler, verticalScaler, b, timeline);
    }
}
