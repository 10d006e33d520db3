package dev.scalelab.cli;

import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.ChallengeLibrary;
import dev.scalelab.practice.Figures;
import dev.scalelab.practice.Prediction;
import dev.scalelab.practice.Requirement;
import dev.scalelab.world.Quote;
import dev.scalelab.world.ScenarioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code challenges}: the interview challenges, one line each; {@code challenges show ID}: one of them. */
@Command(name = "challenges", mixinStandardHelpOptions = true,
        description = "List the interview challenges (number, id, group, title); `challenges show ID` shows one.",
        subcommands = ChallengesCommand.Show.class)
final class ChallengesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Challenge c : ChallengeLibrary.all()) {
            out.printf(Locale.ROOT, "%2d  %-28s %-9s %s%s%n", c.number(), c.id(), c.group().id(), c.title(),
                    c.playable() ? "" : " (waits for " + c.waitsFor() + ")");
        }
        out.flush();
        return Cli.EXIT_OK;
    }

    /**
     * The challenge {@code idOrFile} names: a challenge file (JSON, as the built-in ones are written)
     * if one is there, else a built-in challenge's id. A problem is a one-line usage error naming
     * {@code option}.
     */
    static Challenge find(String option, String idOrFile) {
        if (idOrFile.isEmpty()) {
            throw new Cli.UsageException(option + ": empty; give a challenge id (see `challenges`) or a challenge file");
        }
        Path file;
        try {
            file = Path.of(idOrFile);
        } catch (InvalidPathException notAPath) {
            file = null; // an id, or nothing
        }
        try {
            if (file != null && Files.isRegularFile(file)) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalArgumentException(Quote.shorten(idOrFile) + ": cannot read: " + e.getMessage());
                }
                return ChallengeLibrary.parse(text, Quote.shorten(idOrFile));
            }
            return ChallengeLibrary.byId(idOrFile);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(option + ": " + e.getMessage());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a challenge: the question, the brief, the requirements, the knobs, the hints and the predictions.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "A challenge's id (see `challenges`) or a challenge file.")
        String id;

        @Option(names = "--hint", paramLabel = "N", description = "Print hint N (1 is the gentlest).")
        Integer hint;

        @Option(names = "--start", description = "Print the starting system as a scenario file, and nothing else.")
        boolean start;

        @Option(names = "--drawn", description = "Print the starting system drawn as a topology: the file the design canvas "
                + "opens, to draw the answer on and grade.")
        boolean drawn;

        @Option(names = "--solution", description = "Print the reference solution as a scenario file, and nothing else.")
        boolean solution;

        @Option(names = "--explain", description = "Print the reference solution's explanation.")
        boolean explain;

        @Override
        public Integer call() {
            Challenge c = find("ID", id);
            int chosen = (start ? 1 : 0) + (drawn ? 1 : 0) + (solution ? 1 : 0) + (explain ? 1 : 0) + (hint != null ? 1 : 0);
            if (chosen > 1) {
                throw new Cli.UsageException("--start, --drawn, --solution, --explain and --hint: give one of them at a time");
            }
            if (drawn && !c.drawable()) {
                throw new Cli.UsageException("--drawn: " + c.id() + "'s system cannot be drawn yet: " + c.whyNotDrawable()
                        + "; use --start");
            }
            PrintWriter out = spec.commandLine().getOut();
            if (start) {
                out.print(ScenarioFiles.write(c.startScenario()));
            } else if (drawn) {
                out.print(ScenarioFiles.write(c.drawnStart()));
            } else if (solution) {
                out.print(ScenarioFiles.write(c.solutionScenario()));
            } else if (explain) {
                out.println(c.solution().explanation());
            } else if (hint != null) {
                if (hint < 1 || hint > c.hints().size()) {
                    throw new Cli.UsageException("--hint: " + hint + " is out of range; " + c.id() + " has "
                            + c.hints().size() + " hints, 1 to " + c.hints().size());
                }
                out.println("Hint " + hint + " of " + c.hints().size() + ": " + c.hints().get(hint - 1));
            } else {
                brief(out, c);
            }
            out.flush();
            return Cli.EXIT_OK;
        }

        private static void brief(PrintWriter out, Challenge c) {
            out.println(c.number() + ". " + c.title() + "  (" + c.id() + ", " + c.group().title() + ")");
            if (!c.playable()) {
                out.println("Waits for " + c.waitsFor() + ": it cannot be graded yet.");
            }
            out.println();
            out.println(c.question());
            out.println();
            out.println(c.brief().strip());
            out.println();
            out.println("Requirements, on each of " + c.seeds() + " seeds:");
            for (Requirement r : c.requirements()) {
                out.println("  " + Figures.requirement(r) + "  [" + r.id() + "]");
            }
            out.println();
            out.println("You may change: " + (c.knobs().isEmpty() ? "nothing (predict and explain)" : String.join(", ", c.knobs())));
            out.println("Everything else stays as the start has it (`challenges show " + c.id() + " --start`); the name, "
                    + "description and seed are yours.");
            if (!c.predictions().isEmpty()) {
                out.println();
                out.println("Predict before you grade:");
                for (Prediction p : c.predictions()) {
                    out.println("  " + p.id() + ": " + p.question());
                }
            }
            out.println();
            out.println(c.hints().size() + " hints: `challenges show " + c.id() + " --hint 1`, the gentlest first.");
        }
    }
}
