package dev.scalelab.world;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The parameters that can change while a simulation runs: by the user, or by a {@code set}
 * command on the scenario's timeline. One place holds each one's path, type, range and meaning,
 * so the scenario file, the timeline and the UI's text fields all validate alike.
 */
public enum Parameter {
    ARRIVAL_RATE("workload.arrival.ratePerSecond", Type.NUMBER, 0, 10_000_000, "req/s",
            "Mean arrival rate of the open (Poisson) workload, before the rate shape is applied."),
    USERS("workload.arrival.users", Type.INTEGER, 1, 1_000_000, "users",
            "Closed workload: how many users each wait for their response, think, and send again."),
    READ_RATIO("workload.readRatio", Type.NUMBER, 0, 1, "",
            "Fraction of requests that are reads; the rest are writes."),
    INSTANCES("service.instances", Type.INTEGER, 1, 500, "instances",
            "Service instances behind the load balancer. Removed instances drain: they finish their queue first."),
    WORKERS("service.workersPerInstance", Type.INTEGER, 1, 1024, "workers",
            "Requests one instance serves at the same time (threads, cores). Others wait in its queue."),
    QUEUE_CAPACITY("service.queueCapacity", Type.INTEGER, 0, 10_000_000, "requests",
            "Requests one instance holds waiting for a worker. A request that finds the queue full is rejected."),
    SERVICE_TIME_MEAN("service.serviceTime.meanMs", Type.NUMBER, 0.001, 3_600_000, "ms",
            "Mean time a worker spends on one request. The spread scales with it."),
    SERVICE_TIME_DISTRIBUTION("service.serviceTime.distribution", Type.CHOICE, 0, 0, "",
            "Shape of the service time: constant, exponential (memoryless), uniform, lognormal or pareto (heavy tail).",
            Arrays.stream(DistributionSpec.Kind.values()).map(DistributionSpec.Kind::id).toArray(String[]::new)),
    BALANCER_STRATEGY("balancer.strategy", Type.CHOICE, 0, 0, "",
            "How the load balancer picks an instance for each request.",
            Arrays.stream(Strategy.values()).map(Strategy::id).toArray(String[]::new));

    public enum Type { NUMBER, INTEGER, CHOICE }

    private final String path;
    private final Type type;
    private final double min;
    private final double max;
    private final String unit;
    private final String description;
    private final List<String> choices;

    Parameter(String path, Type type, double min, double max, String unit, String description, String... choices) {
        this.path = path;
        this.type = type;
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.description = description;
        this.choices = List.of(choices);
    }

    public String path() {
        return path;
    }

    public Type type() {
        return type;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    public List<String> choices() {
        return choices;
    }

    public static Parameter byPath(String path) {
        for (Parameter p : values()) {
            if (p.path.equals(path)) {
                return p;
            }
        }
        return null;
    }

    public static List<String> paths() {
        List<String> out = new ArrayList<>();
        for (Parameter p : values()) {
            out.add(p.path);
        }
        return out;
    }

    /**
     * Parses what a person typed. Returns a Double, Integer or String; throws a
     * {@link ScenarioException} naming {@code field} and the problem.
     */
    public Object parse(String field, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new ScenarioException(field, "is empty; " + expectation());
        }
        switch (type) {
            case CHOICE:
                return checkChoice(field, t);
            case INTEGER:
                try {
                    return checkRange(field, Long.parseLong(t)).intValue();
                } catch (NumberFormatException e) {
                    throw new ScenarioException(field, "\"" + t + "\" is not a whole number; " + expectation());
                }
            case NUMBER:
                try {
                    return checkRange(field, Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new ScenarioException(field, "\"" + t + "\" is not a number; " + expectation());
                }
            default:
                throw new AssertionError(type);
        }
    }

    /** Checks a value read from JSON (a Number or a String) and returns it in canonical form. */
    public Object validate(String field, Object value) {
        switch (type) {
            case CHOICE:
                if (!(value instanceof String)) {
                    throw new ScenarioException(field, "expected a string; " + expectation());
                }
                return checkChoice(field, (String) value);
            case INTEGER:
                if (!(value instanceof Number) || ((Number) value).doubleValue() != Math.rint(((Number) value).doubleValue())) {
                    throw new ScenarioException(field, "expected a whole number; " + expectation());
                }
                return checkRange(field, ((Number) value).longValue()).intValue();
            case NUMBER:
                if (!(value instanceof Number)) {
                    throw new ScenarioException(field, "expected a number; " + expectation());
                }
                return checkRange(field, ((Number) value).doubleValue());
            default:
                throw new AssertionError(type);
        }
    }

    public String expectation() {
        switch (type) {
            case CHOICE:
                return "one of " + String.join(", ", choices);
            case INTEGER:
                return String.format(Locale.ROOT, "a whole number from %d to %d", (long) min, (long) max);
            default:
                return "a number from " + format(min) + " to " + format(max);
        }
    }

    private String checkChoice(String field, String value) {
        if (!choices.contains(value)) {
            throw new ScenarioException(field, "\"" + value + "\" is not " + expectation());
        }
        return value;
    }

    private Long checkRange(String field, long value) {
        if (value < min || value > max) {
            throw new ScenarioException(field, value + " is out of range; " + expectation());
        }
        return value;
    }

    private Double checkRange(String field, double value) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new ScenarioException(field, format(value) + " is out of range; " + expectation());
        }
        return value;
    }

    /** The value of this parameter in {@code s}. */
    public Object read(Scenario s) {
        switch (this) {
            case ARRIVAL_RATE: return s.workload().arrival().ratePerSecond();
            case USERS: return s.workload().arrival().users();
            case READ_RATIO: return s.workload().readRatio();
            case INSTANCES: return s.service().instances();
            case WORKERS: return s.service().workersPerInstance();
            case QUEUE_CAPACITY: return s.service().queueCapacity();
            case SERVICE_TIME_MEAN: return s.service().serviceTime().mean();
            case SERVICE_TIME_DISTRIBUTION: return s.service().serviceTime().kind().id();
            case BALANCER_STRATEGY: return s.balancer().strategy().id();
            default: throw new AssertionError(this);
        }
    }

    /** {@code s} with this parameter set to a value already checked by {@link #parse} or {@link #validate}. */
    public Scenario applyTo(Scenario s, Object value) {
        Scenario.Workload w = s.workload();
        Scenario.Arrival a = w.arrival();
        Scenario.Service sv = s.service();
        switch (this) {
            case ARRIVAL_RATE:
                return s.withWorkload(new Scenario.Workload(new Scenario.Arrival(a.process(), (Double) value, a.shape(),
                        a.users(), a.thinkTime()), w.keys(), w.readRatio()));
            case USERS:
                return s.withWorkload(new Scenario.Workload(new Scenario.Arrival(a.process(), a.ratePerSecond(), a.shape(),
                        (Integer) value, a.thinkTime()), w.keys(), w.readRatio()));
            case READ_RATIO:
                return s.withWorkload(new Scenario.Workload(a, w.keys(), (Double) value));
            case INSTANCES:
                return s.withService(new Scenario.Service((Integer) value, sv.workersPerInstance(), sv.queueCapacity(), sv.serviceTime()));
            case WORKERS:
                return s.withService(new Scenario.Service(sv.instances(), (Integer) value, sv.queueCapacity(), sv.serviceTime()));
            case QUEUE_CAPACITY:
                return s.withService(new Scenario.Service(sv.instances(), sv.workersPerInstance(), (Integer) value, sv.serviceTime()));
            case SERVICE_TIME_MEAN:
                return s.withService(new Scenario.Service(sv.instances(), sv.workersPerInstance(), sv.queueCapacity(),
                        sv.serviceTime().withMean((Double) value)));
            case SERVICE_TIME_DISTRIBUTION:
                return s.withService(new Scenario.Service(sv.instances(), sv.workersPerInstance(), sv.queueCapacity(),
                        sv.serviceTime().withKind(DistributionSpec.Kind.byId((String) value))));
            case BALANCER_STRATEGY:
                return s.withBalancer(new Scenario.Balancer(Strategy.byId((String) value)));
            default:
                throw new AssertionError(this);
        }
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }
}
