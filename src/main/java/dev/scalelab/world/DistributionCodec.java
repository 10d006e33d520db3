package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.Distribution;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link DistributionSpec} in a scenario file: {@code {"distribution": "lognormal", "meanMs": 20,
 * "p99Ms": 80}}. Only the fields its kind uses are written and read, so a {@code p99Ms} under an
 * exponential is reported as unknown rather than silently ignored. The fields' ranges are the
 * record's ({@link Field}).
 */
final class DistributionCodec {
    /** The components by their names in the file, in the record's order (the order the file writes them). */
    private static final Map<String, RecordComponent> COMPONENTS = new LinkedHashMap<>();

    static {
        for (RecordComponent c : DistributionSpec.class.getRecordComponents()) {
            COMPONENTS.put(ScenarioBinder.jsonName(c), c);
        }
    }

    private DistributionCodec() {
    }

    /** The component written as {@code name} in a distribution object ("distribution", "meanMs", ...), or null. */
    static RecordComponent component(String name) {
        return COMPONENTS.get(name);
    }

    static DistributionSpec read(JsonObject in, DistributionSpec fallback) {
        Object kindId = value(in, "distribution");
        DistributionSpec.Kind kind = kindId == null ? fallback.kind() : DistributionSpec.Kind.byId((String) kindId);
        DistributionSpec d = kind == fallback.kind() ? fallback : fallback.withKind(kind);
        DistributionSpec spec;
        switch (kind) {
            case CONSTANT:
                spec = DistributionSpec.constant(number(in, "meanMs", d.meanMs()));
                break;
            case EXPONENTIAL:
                spec = DistributionSpec.exponential(number(in, "meanMs", d.meanMs()));
                break;
            case UNIFORM: {
                double min = number(in, "minMs", d.minMs());
                double max = number(in, "maxMs", d.maxMs());
                spec = DistributionSpec.uniform(min, max);
                break;
            }
            case LOGNORMAL: {
                double mean = number(in, "meanMs", d.meanMs());
                // A mean alone keeps the usual spread of its kind, not the spread of another mean.
                double p99 = number(in, "p99Ms", in.has("meanMs") && !in.has("p99Ms") ? 4 * mean : d.p99Ms());
                spec = DistributionSpec.lognormal(mean, p99);
                break;
            }
            case PARETO:
                spec = DistributionSpec.pareto(number(in, "meanMs", d.meanMs()), number(in, "alpha", d.alpha()));
                break;
            default:
                throw new AssertionError(kind);
        }
        in.finish();
        check(spec, in.path());
        return spec;
    }

    /** The rules between a distribution's fields: a uniform's max at least its min, a log-normal's p99 in reach. */
    static void check(DistributionSpec spec, String path) {
        String at = path.isEmpty() ? "" : path + ".";
        if (spec.kind() == DistributionSpec.Kind.UNIFORM && spec.maxMs() < spec.minMs()) {
            throw new ScenarioException(at + "maxMs", "must be at least minMs (" + FieldSpec.format(spec.minMs()) + ")");
        }
        if (spec.kind() == DistributionSpec.Kind.LOGNORMAL
                && (!(spec.p99Ms() > spec.meanMs()) || spec.p99Ms() / spec.meanMs() > Distribution.LogNormal.MAX_P99_OVER_MEAN)) {
            throw new ScenarioException(at + "p99Ms", String.format(Locale.ROOT,
                    "a log-normal's p99 must be above its mean and at most %.2f x the mean (meanMs %s, p99Ms %s)",
                    Distribution.LogNormal.MAX_P99_OVER_MEAN, FieldSpec.format(spec.meanMs()), FieldSpec.format(spec.p99Ms())));
        }
    }

    private static Object value(JsonObject in, String name) {
        return in.value(name, ScenarioFields.specAt(in.path(name), COMPONENTS.get(name)));
    }

    private static double number(JsonObject in, String name, double fallback) {
        Object v = value(in, name);
        return v == null ? fallback : (Double) v;
    }

    static ObjectNode write(DistributionSpec d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (String name : COMPONENTS.keySet()) {
            if (uses(d.kind(), name)) {
                Object v = read(d, name);
                if (v instanceof String id) {
                    o.put(name, id);
                } else {
                    o.put(name, (Double) v);
                }
            }
        }
        return o;
    }

    /** The value of one of its fields as the file holds it: the kind's id, or a number in ms. */
    static Object read(DistributionSpec d, String name) {
        switch (name) {
            case "distribution":
                return d.kind().id();
            case "meanMs":
                return d.mean();
            case "p99Ms":
                return d.p99Ms();
            case "minMs":
                return d.minMs();
            case "maxMs":
                return d.maxMs();
            default:
                return d.alpha();
        }
    }

    /**
     * {@code d} with one field changed: a new kind keeps the mean with that kind's usual spread; a new
     * mean scales the spread with it (a log-normal keeps its p99/mean ratio).
     */
    static DistributionSpec with(DistributionSpec d, String name, Object value, String path) {
        DistributionSpec out;
        switch (name) {
            case "distribution":
                out = d.withKind(DistributionSpec.Kind.byId((String) value));
                break;
            case "meanMs":
                out = d.withMean(((Number) value).doubleValue());
                break;
            case "p99Ms":
                out = DistributionSpec.lognormal(d.meanMs(), ((Number) value).doubleValue());
                break;
            case "minMs":
                out = DistributionSpec.uniform(((Number) value).doubleValue(), d.maxMs());
                break;
            case "maxMs":
                out = DistributionSpec.uniform(d.minMs(), ((Number) value).doubleValue());
                break;
            default:
                out = DistributionSpec.pareto(d.meanMs(), ((Number) value).doubleValue());
        }
        check(out, path);
        return out;
    }

    /** Whether the file writes {@code name} for a distribution of this kind. */
    static boolean uses(DistributionSpec.Kind kind, String name) {
        switch (name) {
            case "distribution":
                return true;
            case "meanMs":
                return kind != DistributionSpec.Kind.UNIFORM;
            case "p99Ms":
                return kind == DistributionSpec.Kind.LOGNORMAL;
            case "minMs":
            case "maxMs":
                return kind == DistributionSpec.Kind.UNIFORM;
            default:
                return kind == DistributionSpec.Kind.PARETO;
        }
    }
}
