package dev.scalelab.world;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.sim.RateShape;

import java.util.List;

/**
 * One simulated system, immutable: what the scenario file holds. Every field has a default, so
 * {@code {"schema":1}} is {@link #DEFAULT}.
 */
public record Scenario(String name, String description, long seed, double durationSeconds, Workload workload,
                       Service service, Balancer balancer, List<TimelineEntry> timeline) {

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

    public record Service(int instances, int workersPerInstance, int queueCapacity, DistributionSpec serviceTime) {
    }

    public record Balancer(Strategy strategy) {
    }

    /** A command at a virtual time: for now {@code set} of a {@link Parameter} to a value. */
    public record TimelineEntry(double atSeconds, String command, String path, Object value) {
    }

    public static final Scenario DEFAULT = new Scenario("default", "", 42, 600,
            new Workload(new Arrival(ArrivalProcess.POISSON, 400, RateShape.CONSTANT, 50,
                    DistributionSpec.exponential(1000)),
                    new Keys(KeyDistribution.ZIPF, 0.9, 10_000, 0.8, 0.2), 0.9),
            new Service(4, 4, 100, DistributionSpec.lognormal(20, 80)),
            new Balancer(Strategy.ROUND_ROBIN),
            List.of());

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationSeconds, workload, service, balancer, timeline);
    }

    public Scenario withDurationSeconds(double seconds) {
        return new Scenario(name, description, seed, seconds, workload, service, balancer, timeline);
    }

    public Scenario withTimeline(List<TimelineEntry> entries) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, balancer, entries);
    }

    public Scenario withWorkload(Workload w) {
        return new Scenario(name, description, seed, durationSeconds, w, service, balancer, timeline);
    }

    public Scenario withService(Service s) {
        return new Scenario(name, description, seed, durationSeconds, workload, s, balancer, timeline);
    }

    public Scenario withBalancer(Balancer b) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, b, timeline);
    }
}
