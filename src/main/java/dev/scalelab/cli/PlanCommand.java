package dev.scalelab.cli;

import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.network.Pipeline;
import dev.scalelab.world.network.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code plan}: sizes a drawn system to its goals and prints the plan; {@code --out} writes the planned design. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Size a drawn system (a scenario with a topology) to goals: the leanest instance counts, "
                + "consumers and partitions, connection pool sizes, shards and read replicas that meet them with 10%% headroom, estimated by queueing formulas and confirmed by simulation on seeds "
                + "it did not measure with.")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "A scenario file with a topology.")
    String scenario;

    @Option(names = "--p99", required = true, paramLabel = "MS", description = "The clients' p99 response time, at most (ms).")
    String p99;

    @Option(names = "--error-rate", paramLabel = "FRACTION", description = "Failed requests over all, at most (default 0.001).")
    String errorRate = "0.001";

    @Option(names = "--budget", paramLabel = "DOLLARS", description = "What it may cost per hour (default: no budget).")
    String budget = "0";

    @Option(names = "--out", paramLabel = "planned.json", description = "Write the design with the plan applied here.")
    String out;

    @Override
    public Integer call() {
        Scenario s = SimulateCommand.load(scenario);
        if (s.topology() == null || Pipeline.lower(s) != null) {
            throw new Cli.UsageException("--scenario " + Quote.shorten(scenario) + ": the planner sizes a drawn system that the "
                    + "fixed pipeline cannot run; this scenario runs on the pipeline (try `sweep` to size it)");
        }
        Planner.Goals goals = new Planner.Goals(number("--p99", p99, 0.001, 3_600_000), number("--error-rate", errorRate, 0, 1),
                number("--budget", budget, 0, 1_000_000));
        OutputFile file = OutputFile.of("--out", out, "planned.json");
        if (file != null) {
            OutputFile.checkAll(java.util.List.of(file));
        }
        PrintWriter err = spec.commandLine().getErr();
        Planner.Plan plan;
        try {
            plan = Planner.plan(s, goals, line -> {
                err.println(line);
                err.flush();
            }, () -> false);
        } catch (ScenarioException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(plan.met() ? "The plan meets the goals on every confirmation seed." : "No plan meets the goals: " + plan.why());
        if (plan.changes().isEmpty()) {
            o.println("No count changes.");
        }
        for (Planner.Change c : plan.changes()) {
            o.println("  " + c.sentence() + "   (" + c.path() + ")");
        }
        for (Planner.Check c : plan.checks()) {
            o.println(String.format(Locale.ROOT, "  seed %d: p99 %.1f ms, errors %.3f %%, $%.2f/h%s", c.seed(), c.p99Ms(),
                    c.errorRate() * 100, c.costPerHour(), c.meets() ? "" : "  (misses)"));
        }
        o.flush();
        if (file != null && plan.met()) {
            try (AtomicFiles.Pending p = file.open()) {
                p.writer().write(ScenarioFiles.write(plan.planned()));
                p.commit();
            } catch (IOException e) {
                throw file.writeFailed(e);
            }
        }
        return plan.met() ? Cli.EXIT_OK : 1;
    }

    private static double number(String option, String text, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(option + ": " + Quote.of(text) + " is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw new Cli.UsageException(option + ": " + Quote.shorten(text) + " is out of range; from " + min + " to " + max);
        }
        return v;
    }
}
