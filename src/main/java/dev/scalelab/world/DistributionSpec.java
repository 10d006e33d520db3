package dev.scalelab.world;

import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.HasId;

/**
 * A distribution as the scenario file writes it, in milliseconds. Only the fields its kind uses
 * are meaningful: constant and exponential use {@code meanMs}; uniform {@code minMs}/{@code maxMs};
 * lognormal {@code meanMs}/{@code p99Ms}; pareto {@code meanMs}/{@code alpha}.
 */
public record DistributionSpec(
        @Field(description = "The shape: constant, exponential (memoryless), uniform, lognormal or pareto (heavy tail).",
                json = "distribution") Kind kind,
        @Field(description = "The mean (constant: the value). Changing it live scales the spread with it.", unit = "ms",
                min = 0, minExclusive = true, max = 3_600_000) double meanMs,
        @Field(description = "Log-normal: the 99th percentile, above the mean and at most 14.97 x the mean.", unit = "ms",
                min = 0, minExclusive = true, max = 54_000_000) double p99Ms,
        @Field(description = "Uniform: the smallest value.", unit = "ms", min = 0, max = 3_600_000) double minMs,
        @Field(description = "Uniform: the largest value.", unit = "ms", min = 0, max = 3_600_000) double maxMs,
        @Field(description = "Pareto: the tail index; closer to 1, heavier the tail.", min = 1, minExclusive = true, max = 100)
        double alpha) {

    public enum Kind implements HasId {
        CONSTANT("constant"), EXPONENTIAL("exponential"), UNIFORM("uniform"), LOGNORMAL("lognormal"), PARETO("pareto");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Kind byId(String id) {
            return HasId.byId(Kind.class, id);
        }
    }

    public static DistributionSpec exponential(double meanMs) {
        return new DistributionSpec(Kind.EXPONENTIAL, meanMs, 0, 0, 0, 0);
    }

    public static DistributionSpec constant(double valueMs) {
        return new DistributionSpec(Kind.CONSTANT, valueMs, 0, 0, 0, 0);
    }

    public static DistributionSpec lognormal(double meanMs, double p99Ms) {
        return new DistributionSpec(Kind.LOGNORMAL, meanMs, p99Ms, 0, 0, 0);
    }

    public static DistributionSpec uniform(double minMs, double maxMs) {
        return new DistributionSpec(Kind.UNIFORM, (minMs + maxMs) / 2, 0, minMs, maxMs, 0);
    }

    public static DistributionSpec pareto(double meanMs, double alpha) {
        return new DistributionSpec(Kind.PARETO, meanMs, 0, 0, 0, alpha);
    }

    public double mean() {
        return kind == Kind.UNIFORM ? (minMs + maxMs) / 2 : meanMs;
    }

    public Distribution toDistribution() {
        switch (kind) {
            case CONSTANT:
                return new Distribution.Constant(meanMs);
            case EXPONENTIAL:
                return new Distribution.Exponential(meanMs);
            case UNIFORM:
                return new Distribution.Uniform(minMs, maxMs);
            case LOGNORMAL:
                return Distribution.LogNormal.of(meanMs, p99Ms);
            case PARETO:
                return new Distribution.Pareto(meanMs, alpha);
            default:
                throw new AssertionError(kind);
        }
    }

    /** The same shape with a new mean: the spread scales with it (p99/mean, max/min and alpha are kept). */
    public DistributionSpec withMean(double newMeanMs) {
        double factor = newMeanMs / mean();
        return new DistributionSpec(kind, newMeanMs, p99Ms * factor, minMs * factor, maxMs * factor, alpha);
    }

    /** The same mean under another kind, with that kind's usual spread. */
    public DistributionSpec withKind(Kind newKind) {
        double m = mean();
        switch (newKind) {
            case CONSTANT:
                return constant(m);
            case EXPONENTIAL:
                return exponential(m);
            case UNIFORM:
                return uniform(0, 2 * m);
            case LOGNORMAL:
                return lognormal(m, 4 * m);
            case PARETO:
                return pareto(m, 2.5);
            default:
                throw new AssertionError(newKind);
        }
    }
}
