package dev.scalelab.seeds;

import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Quote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a sweep gives one field, as a person writes them: a list ({@code 2,4,8},
 * {@code round-robin,p2c}) or a range ({@code 2..10:2}, from and to inclusive, counted in decimal so
 * {@code 0.1..0.3:0.1} gives 0.1, 0.2 and 0.3). The command line's {@code --vary} and the app's
 * Sweep window read them alike; a mistake is an {@link IllegalArgumentException} whose message
 * says what is wrong, for the caller to prefix with where it was typed.
 */
public final class SweepValues {
    /** The most points a sweep's grid may have. */
    public static final int MAX_POINTS = 10_000;

    private static final Pattern RANGE = Pattern.compile("(.*?)\\.\\.(.*?)(?::(.*))?");
    /** A decimal number as a person types it; Java's own grammar would also take "NaN", "0x1p3" and "5d". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SweepValues() {
    }

    /** The values {@code text} gives a field of {@code spec}: a range when it has "..", else a list. */
    public static List<String> parse(FieldSpec spec, String text) {
        String t = text.trim();
        return t.contains("..") ? range(t, spec) : list(t);
    }

    /** Whether {@code text} is a decimal number as a person types it (not "NaN", "0x1p3" or "5d"). */
    public static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches();
    }

    public static boolean isNumeric(FieldSpec spec) {
        return spec.type() == FieldSpec.Type.NUMBER || spec.type() == FieldSpec.Type.INTEGER;
    }

    private static List<String> list(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("no values; give a list such as 2,4,8 or a range such as 2..10:2");
        }
        String[] items = text.split(",", -1);
        if (items.length > MAX_POINTS) {
            throw tooMany(items.length);
        }
        List<String> values = new ArrayList<>(items.length);
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            String v = item.trim();
            if (v.isEmpty()) {
                throw new IllegalArgumentException("an empty value in the list " + Quote.of(text));
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException(Quote.of(v) + " is in the list twice");
            }
            values.add(v);
        }
        return values;
    }

    /** {@code from..to:step}: from, from + step, … up to and including to, in decimal arithmetic. */
    private static List<String> range(String text, FieldSpec spec) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches() || m.group(3) == null) {
            throw new IllegalArgumentException(Quote.of(text) + " is not a range FROM..TO:STEP, such as 2..10:2");
        }
        if (!isNumeric(spec)) {
            throw new IllegalArgumentException("a range needs a number field; list the values instead (" + spec.expectation() + ")");
        }
        BigDecimal from = number("from", m.group(1));
        BigDecimal to = number("to", m.group(2));
        BigDecimal step = number("step", m.group(3));
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("the step must be above 0, got " + plain(step));
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("the range runs down from " + plain(from) + " to " + plain(to)
                    + "; give FROM..TO:STEP with FROM no more than TO");
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
            throw tooMany(count.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : count.longValue());
        }
        List<String> values = new ArrayList<>(count.intValue());
        for (int i = 0; i < count.intValue(); i++) {
            values.add(plain(from.add(step.multiply(BigDecimal.valueOf(i)))));
        }
        return values;
    }

    private static BigDecimal number(String which, String text) {
        String t = text.trim();
        if (t.isEmpty() || !isDecimal(t)) {
            throw new IllegalArgumentException("the range's " + which + " " + (t.isEmpty() ? "is empty" : Quote.of(t) + " is not a number")
                    + "; give FROM..TO:STEP, such as 2..10:2");
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) { // an exponent beyond BigDecimal's scale
            throw new IllegalArgumentException("the range's " + which + " " + Quote.shorten(t) + " is out of range");
        }
    }

    private static IllegalArgumentException tooMany(long count) {
        return new IllegalArgumentException((count == Long.MAX_VALUE ? "too many" : String.format(Locale.ROOT, "%,d", count))
                + " values; a sweep has at most " + String.format(Locale.ROOT, "%,d", MAX_POINTS) + " points");
    }

    /** A decimal as a person writes it: 0.2, 4, 100 (never 1E+2). */
    public static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.signum() == 0 ? BigDecimal.ZERO : s).toPlainString();
    }

    /** Every combination of the fields' values, the first field's changing slowest. */
    public static List<List<String>> points(List<List<String>> valuesPerField) {
        List<List<String>> points = new ArrayList<>();
        points.add(List.of());
        for (List<String> values : valuesPerField) {
            List<List<String>> next = new ArrayList<>(points.size() * values.size());
            for (List<String> p : points) {
                for (String value : values) {
                    List<String> q = new ArrayList<>(p);
                    q.add(value);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }
}
