package dev.scalelab.cli;

import dev.scalelab.seeds.SweepValues;
import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One {@code sweep --vary PATH=VALUES}: a field of the scenario and the values it takes, a list
 * ({@code 2,4,8}, {@code round-robin,p2c}) or a range ({@code 2..10:2}, from and to inclusive,
 * counted in decimal so {@code 0.1..0.3:0.1} gives 0.1, 0.2 and 0.3). Every value is checked as
 * {@code --set} checks it; a mistake is one line naming {@code --vary PATH}.
 */
record Vary(String path, List<String> values) {
    /** The most points a sweep's grid may have. */
    static final int MAX_POINTS = SweepValues.MAX_POINTS;

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
        List<String> values = values(option, text, spec);
        for (String v : values) {
            SimulateCommand.set(base, "--vary", path, v);
        }
        return new Vary(path, List.copyOf(values));
    }

    /** {@code from..to:step} read as {@link SweepValues} reads it; a mistake names {@code option}. */
    static List<String> range(String option, String text, FieldSpec spec) {
        return values(option, text, spec);
    }

    private static List<String> values(String option, String text, FieldSpec spec) {
        try {
            return SweepValues.parse(spec, text);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(option + ": " + e.getMessage());
        }
    }

    /** A decimal as a person writes it: 0.2, 4, 100 (never 1E+2). */
    static String plain(BigDecimal d) {
        return SweepValues.plain(d);
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
