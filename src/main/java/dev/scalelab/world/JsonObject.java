package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One JSON object of a scenario file being read: it remembers its path and which fields were read,
 * so that a field nobody read is reported as unknown, and it checks values against their
 * {@link FieldSpec} with the file's one-line messages.
 */
final class JsonObject {
    private final ObjectNode node;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    JsonObject(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object at {@code path}, or an error naming it when {@code v} is not an object. */
    static JsonObject of(JsonNode v, String path) {
        if (!v.isObject()) {
            throw new ScenarioException(path, "expected an object, got " + describe(v));
        }
        return new JsonObject((ObjectNode) v, path);
    }

    String path() {
        return path;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** The value of {@code name} (marked as read), or null when it is absent or null. */
    JsonNode take(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** Reads {@code name} as the value {@code spec} describes: a Long, Double, String or Boolean, or null when absent. */
    Object value(String name, FieldSpec spec) {
        JsonNode v = take(name);
        return v == null ? null : check(spec, path(name), v);
    }

    double requiredNumber(String name, FieldSpec spec) {
        if (!has(name)) {
            throw new ScenarioException(path(name), "missing; " + spec.expectation());
        }
        return (Double) value(name, spec);
    }

    /** Checks one JSON value against its spec and returns it as a Long, Double, String or Boolean. */
    static Object check(FieldSpec spec, String at, JsonNode v) {
        switch (spec.type()) {
            case BOOLEAN:
                if (!v.isBoolean()) {
                    throw new ScenarioException(at, "expected true or false, got " + describe(v));
                }
                return v.booleanValue();
            case TEXT:
            case CHOICE:
                if (!v.isTextual()) {
                    throw new ScenarioException(at, "expected a string, got " + describe(v)
                            + (spec.type() == FieldSpec.Type.CHOICE ? "; " + spec.expectation() : ""));
                }
                return spec.validate(at, v.textValue());
            case INTEGER: {
                if (!v.isIntegralNumber() && !(v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()))) {
                    throw new ScenarioException(at, "expected a whole number, got " + describe(v));
                }
                if (!v.canConvertToLong()) {
                    throw new ScenarioException(at, "is too large");
                }
                long x = v.longValue();
                if (x < spec.min() || x > spec.max()) {
                    throw new ScenarioException(at, x + " is out of range; " + spec.expectation());
                }
                return x;
            }
            case NUMBER: {
                if (!v.isNumber()) {
                    throw new ScenarioException(at, "expected a number, got " + describe(v));
                }
                double x = v.doubleValue();
                if (!Double.isFinite(x) || x < spec.min() || (spec.minExclusive() && x == spec.min()) || x > spec.max()) {
                    throw new ScenarioException(at, FieldSpec.format(x) + " is out of range; " + spec.expectation());
                }
                return x;
            }
            default:
                throw new AssertionError(spec.type());
        }
    }

    /** Throws naming the first field that nothing read. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!read.contains(n)) {
                throw new ScenarioException(path(n), "unknown field" + (read.isEmpty() ? "" : "; known here: " + String.join(", ", read)));
            }
        }
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "the string " + Quote.of(v.textValue());
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return Quote.shorten(v.toString());
    }
}
