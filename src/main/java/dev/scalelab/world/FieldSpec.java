package dev.scalelab.world;

import java.util.List;
import java.util.Locale;

/**
 * What a settable field of a scenario is: its path, type, range, unit and meaning. Anything that
 * reads a value a person typed or a file held checks it here, so the scenario file, the timeline,
 * the command line and the UI's forms all give the same one-line message for the same mistake.
 */
public interface FieldSpec {

    /** TEXT is free text, such as a name. */
    enum Type { NUMBER, INTEGER, CHOICE, BOOLEAN, TEXT }

    /** The path in the scenario file: {@code service.instances}, {@code dependencies[0].retry.maxAttempts}. */
    String path();

    Type type();

    double min();

    double max();

    /** The unit shown beside the value ("ms", "req/s"), or "" for none. */
    String unit();

    /** One or two sentences: what the field does, and where its default comes from. */
    String description();

    /** Whether {@link #min} itself is out of range (a threshold that must be above 0). */
    default boolean minExclusive() {
        return false;
    }

    /** The allowed values of a CHOICE field, in the order a form lists them; empty otherwise. */
    List<String> choices();

    /**
     * Parses what a person typed. Returns a Double, Integer (a Long beyond an int's range), String or Boolean; throws a
     * {@link ScenarioException} naming {@code field} and the problem.
     */
    default Object parse(String field, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new ScenarioException(field, "is empty; " + expectation());
        }
        switch (type()) {
            case TEXT:
                return t;
            case CHOICE:
                return checkChoice(field, t);
            case BOOLEAN:
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("on")) {
                    return Boolean.TRUE;
                }
                if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("off")) {
                    return Boolean.FALSE;
                }
                throw new ScenarioException(field, Quote.of(t) + " is not " + expectation());
            case INTEGER:
                try {
                    return whole(checkRange(field, Long.parseLong(t)));
                } catch (NumberFormatException e) {
                    throw new ScenarioException(field, Quote.of(t) + " is not a whole number; " + expectation());
                }
            case NUMBER:
                try {
                    return checkRange(field, Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new ScenarioException(field, Quote.of(t) + " is not a number; " + expectation());
                }
            default:
                throw new AssertionError(type());
        }
    }

    /**
     * Checks a value read from JSON or from the scenario (a Number, String or Boolean) and returns it in
     * canonical form; a value of the wrong type gets the scenario file's message ("expected a number, got ...").
     */
    default Object validate(String field, Object value) {
        switch (type()) {
            case TEXT:
                if (!(value instanceof String)) {
                    throw new ScenarioException(field, "expected a string, got " + describe(value));
                }
                return value;
            case BOOLEAN:
                if (!(value instanceof Boolean)) {
                    throw new ScenarioException(field, "expected true or false, got " + describe(value));
                }
                return value;
            case CHOICE:
                if (!(value instanceof String)) {
                    throw new ScenarioException(field, "expected a string, got " + describe(value) + "; " + expectation());
                }
                return checkChoice(field, (String) value);
            case INTEGER:
                if (!(value instanceof Number) || ((Number) value).doubleValue() != Math.rint(((Number) value).doubleValue())) {
                    throw new ScenarioException(field, "expected a whole number, got " + describe(value));
                }
                return whole(checkRange(field, ((Number) value).longValue()));
            case NUMBER:
                if (!(value instanceof Number)) {
                    throw new ScenarioException(field, "expected a number, got " + describe(value));
                }
                return checkRange(field, ((Number) value).doubleValue());
            default:
                throw new AssertionError(type());
        }
    }

    default String expectation() {
        switch (type()) {
            case TEXT:
                return "a string";
            case BOOLEAN:
                return "true or false";
            case CHOICE:
                return "one of " + String.join(", ", choices());
            case INTEGER:
                return String.format(Locale.ROOT, "a whole number from %d to %d", (long) min(), (long) max());
            default:
                return minExclusive() ? "a number above " + format(min()) + " up to " + format(max())
                        : "a number from " + format(min()) + " to " + format(max());
        }
    }

    /** A value as the scenario file's messages name it: {@code the string "four"}, {@code 2.5}, {@code true}. */
    private static String describe(Object value) {
        if (value instanceof String s) {
            return "the string " + Quote.of(s);
        }
        if (value instanceof Number n) {
            return format(n.doubleValue());
        }
        return Quote.shorten(String.valueOf(value));
    }

    private String checkChoice(String field, String value) {
        if (!choices().contains(value)) {
            throw new ScenarioException(field, Quote.of(value) + " is not " + expectation());
        }
        return value;
    }

    /** An Integer, or a Long for a value beyond an int's range (a seed). */
    private static Object whole(long value) {
        return value == (int) value ? (Object) (int) value : (Object) value;
    }

    private Long checkRange(String field, long value) {
        if (value < min() || value > max()) {
            throw new ScenarioException(field, value + " is out of range; " + expectation());
        }
        return value;
    }

    private Double checkRange(String field, double value) {
        if (!Double.isFinite(value) || value < min() || (minExclusive() && value == min()) || value > max()) {
            throw new ScenarioException(field, format(value) + " is out of range; " + expectation());
        }
        return value;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }
}
