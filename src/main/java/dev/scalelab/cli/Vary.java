package dev.scalelab.cli;

import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code sweep --vary PATH=VALUES}: a field of the scenario and the values it takes, a list
 * ({@code 2,4,8}, {@code round-robin,p2c}) or a range ({@code 2..10:2}, from and to inclusive,
 * counted in decimal so {@code 0.1..0.3:0.1} gives 0.1, 0.2 and 0.3). Every value is checked as
 * {@code --set} checks it; a mistake is one line naming {@code --vary PATH}.
 */
record Vary(String path, List<String> values) {
    /** The most points a sweep's grid may have. */
    static final int MAX_POINTS = 10_000;

    private static final Pattern RANGE = Pattern.compile("(.*?)\\.\\.(.*?)(?::(.*))?");
    private static final String EXAMPLE = "such as service.instances=2..10:2 or balancer.strategy=round-robin,p2c";

    /** {@code argument} (PATH=VALUES) read and each value checked against {@code base}. */
    static Vary parse(String argument, Scenario base) {
        int eq = argument.indexOf('=');
        if (eq <= 0) {
            throw new Cli.UsageException("--vary: " + Quote.of(argument) + " is not PATH=VALUES, " + EXAMPLE);
        }
        String path = argument.substring(0, eq).trim();
        String text = argument.substring(eq + 1).trim();
        String option = "--vary " + Quote.shorten(path);
        FieldSpec spec;
        try {
            spec = ScenarioFields.spec(path);
        } catch (ScenarioException e) {
            throw new Cli.UsageException("--vary " + e.getMessage());
        }
        List<String> values = text.contains("..") ? range(option, text, spec) : list(option, text);
        for (String v : values) {
            SimulateCommand.set(base, "--vary", path, v);
        }
        return new Vary(path, List.copyOf(values));
    }

    private static List<String> list(String option, String text) {
        if (text.isEmpty()) {
            throw new Cli.UsageException(option + ": no values; give a list such as 2,4,8 or a range such as 2..10:2");
        }
        String[] items = text.split(",", -1);
        if (items.length > MAX_POINTS) {
            throw tooMany(option, items.length);
        }
        List<String> values = new ArrayList<>(items.length);
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            String v = item.trim();
            if (v.isEmpty()) {
                throw new Cli.UsageException(option + ": an empty value in the list " + Quote.of(text));
            }
            if (!seen.add(v)) {
                throw new Cli.UsageException(option + ": " + Quote.of(v) + " is in the list twice");
            }
            values.add(v);
        }
        return values;
    }

    /** {@code from..to:step}: from, from + step, … up to and including to, in decimal arithmetic. */
    static List<String> range(String option, String text, FieldSpec spec) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches() || m.group(3) == null) {
            throw new Cli.UsageException(option + ": " + Quote.of(text) + " is not a range FROM..TO:STEP, such as 2..10:2");
        }
        if (!SimulateCommand.isNumeric(spec)) {
            throw new Cli.UsageException(option + ": a range needs a number field; list the values instead (" + spec.expectation() + ")");
        }
        BigDecimal from = number(option, "from", m.group(1));
        BigDecimal to = number(option, "to", m.group(2));
        BigDecimal step = number(option, "step", m.group(3));
        if (step.signum() <= 0) {
            throw new Cli.UsageException(option + ": the step must be above 0, got " + plain(step));
        }
        if (from.compareTo(to) > 0) {
            throw new Cli.UsageException(option + ": the range runs down from " + plain(from) + " to " + plain(to)
                    + "; give FROM..TO:STEP with FROM no more than TO");
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
            throw tooMany(option, count.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : count.longValue());
        }
        List<String> values = new ArrayList<>(count.intValue());
        for (int i = 0; i < count.intValue(); i++) {
            values.add(plain(from.add(step.multiply(BigDecimal.valueOf(i)))));
        }
        return values;
    }

    private static BigDecimal number(String option, String which, String text) {
        String t = text.trim();
        if (t.isEmpty() || !SimulateCommand.isDecimal(t)) {
            throw new Cli.UsageException(option + ": the range's " + which + " " + (t.isEmpty() ? "is empty" : Quote.of(t) + " is not a number")
                    + "; give FROM..TO:STEP, such as 2..10:2");
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) { // an exponent beyond BigDecimal's scale
            throw new Cli.UsageException(option + ": the range's " + which + " " + Quote.shorten(t) + " is out of range");
        }
    }

    private static Cli.UsageException tooMany(String option, long count) {
        return new Cli.UsageException(option + ": " + (count == Long.MAX_VALUE ? "too many" : String.format(Locale.ROOT, "%,d", count))
                + " values; a sweep has at most " + String.format(Locale.ROOT, "%,d", MAX_POINTS) + " points");
    }

    /** A decimal as a person writes it: 0.2, 4, 100 (never 1E+2). */
    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.signum() == 0 ? BigDecimal.ZERO : s).toPlainString();
    }

    /** The number of points of the grid of {@code varies}; a grid over {@link #MAX_POINTS} is a usage error. */
    static int gridSize(List<Vary> varies) {
        long points = 1;
        StringBuilder sizes = new StringBuilder();
        for (Vary v : varies) {
            points *= v.values().size(); // each at most MAX_POINTS, so no overflow before the check below
            sizes.append(sizes.length() == 0 ? "" : " × ").append(v.values().size());
            if (points > MAX_POINTS) {
                for (Vary rest : varies.subList(varies.indexOf(v) + 1, varies.size())) {
                    sizes.append(" × ").append(rest.values().size());
                }
                throw new Cli.UsageException("--vary: the grid has more than " + String.format(Locale.ROOT, "%,d", MAX_POINTS)
                        + " points (" + sizes + "); vary fewer fields or fewer values");
            }
        }
        return (int) points;
    }
}
