package dev.scalelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.Figures;
import dev.scalelab.practice.Grader;
import dev.scalelab.practice.Prediction;
import dev.scalelab.practice.Verdict;
import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code grade}: a design graded headless against a challenge, with its hidden incidents, as the app's
 * Submit does. Exit 0 when every requirement passes, 1 when one fails or a fixed field was changed,
 * 2 on bad input.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a design against a challenge on several seeds, with the challenge's hidden incidents; "
                + "print the verdict. Exit 0: every requirement passes; 1: one fails, or the design changed a fixed field; 2: bad input.")
final class GradeCommand implements Callable<Integer> {
    /** Exit code of a design that fails its challenge. */
    static final int EXIT_FAILED = 1;
    static final int MAX_SEEDS = 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--challenge", required = true, paramLabel = "ID|FILE",
            description = "The challenge: an id (see `challenges`) or a challenge file.")
    String challenge;

    @Option(names = "--scenario", required = true, paramLabel = "FILE|PRESET",
            description = "The design: a scenario file (start from `challenges show ID --start`) or a preset.")
    String scenario;

    @Option(names = "--seeds", paramLabel = "K", description = "How many seeds to grade on, 1 to " + MAX_SEEDS
            + " (default: the challenge's, usually 5).")
    Integer seeds;

    @Option(names = "--out", paramLabel = "verdict.json", description = "Also write the verdict as JSON here.")
    String out;

    @Option(names = "--predict", paramLabel = "ID=VALUE",
            description = "Your guess for one of the challenge's predictions (`challenges show ID` lists them), made before "
                    + "the run; the verdict puts it beside the measured mean. Repeatable.")
    List<String> predict = new ArrayList<>();

    private static boolean sameFile(String a, String b) {
        try {
            return Files.exists(Path.of(a)) && Files.exists(Path.of(b)) && Files.isSameFile(Path.of(a), Path.of(b));
        } catch (IOException | InvalidPathException e) {
            return false; // not both files: nothing to overwrite
        }
    }

    /** The {@code --predict} guesses by prediction id, in the order given; a bad one is a usage error naming it. */
    private Map<String, Double> guesses(Challenge c) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String p : predict) {
            int eq = p.indexOf('=');
            String id = eq < 0 ? p : p.substring(0, eq).trim();
            boolean known = c.predictions().stream().anyMatch(q -> q.id().equals(id));
            if (eq <= 0 || !known) {
                throw new Cli.UsageException("--predict: " + Quote.of(p) + " is not ID=VALUE with ID one of "
                        + (c.predictions().isEmpty() ? "(this challenge has no predictions)"
                        : c.predictions().stream().map(Prediction::id).collect(Collectors.joining(", "))));
            }
            String value = p.substring(eq + 1).trim();
            double guess;
            try {
                guess = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                guess = Double.NaN;
            }
            if (!Double.isFinite(guess) || !value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new Cli.UsageException("--predict " + id + ": " + Quote.of(value) + " is not a number");
            }
            out.put(id, guess);
        }
        return out;
    }

    @Override
    public Integer call() {
        Challenge c = ChallengesCommand.find("--challenge", challenge);
        if (!c.playable()) {
            throw new Cli.UsageException("--challenge: " + c.id() + " waits for " + c.waitsFor() + " and cannot be graded yet");
        }
        int k = seeds == null ? c.seeds() : seeds;
        if (k < 1 || k > MAX_SEEDS) {
            throw new Cli.UsageException("--seeds: " + k + " is out of range; a whole number from 1 to " + MAX_SEEDS);
        }
        Map<String, Double> guesses = guesses(c);
        Scenario design = SimulateCommand.load(scenario);
        OutputFile verdictFile = OutputFile.of("--out", out, "verdict.json");
        if (verdictFile != null) {
            OutputFile.checkAll(List.of(verdictFile));
            if (sameFile(out, scenario)) {
                throw new Cli.UsageException("--out: " + Quote.shorten(out) + ": the same file as --scenario; the verdict would "
                        + "replace the design");
            }
        }
        // The temporary file exists before the runs, so an unwritable path costs no grading.
        try (AtomicFiles.Pending file = verdictFile == null ? null : verdictFile.open()) {
            Verdict v;
            try {
                v = Grader.grade(c, design, k, null, () -> false);
            } catch (ScenarioException e) {
                throw new Cli.UsageException("--scenario " + Quote.shorten(scenario) + ": " + e.getMessage());
            }
            if (file != null) {
                try {
                    ObjectNode json = v.toJson();
                    if (!guesses.isEmpty()) {
                        ObjectNode g = json.putObject("guesses");
                        guesses.forEach(g::put);
                    }
                    file.writer().write(JSON.writeValueAsString(json) + "\n");
                    file.commit();
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                } catch (IOException e) {
                    throw verdictFile.writeFailed(e);
                }
            }
            PrintWriter o = spec.commandLine().getOut();
            o.print(v.toText());
            guesses.forEach((id, guess) -> {
                Double measured = v.predictions().get(id);
                o.println("your guess for " + id + ": " + Figures.significant(guess, 4) + ", measured "
                        + (measured == null || measured.isNaN() ? "nothing" : Figures.significant(measured, 4)));
            });
            o.flush();
            return v.passed() ? Cli.EXIT_OK : EXIT_FAILED;
        }
    }
}
