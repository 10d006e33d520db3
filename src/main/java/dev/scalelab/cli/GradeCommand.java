package dev.scalelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.Grader;
import dev.scalelab.practice.Verdict;
import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

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

    private static boolean sameFile(String a, String b) {
        try {
            return Files.exists(Path.of(a)) && Files.exists(Path.of(b)) && Files.isSameFile(Path.of(a), Path.of(b));
        } catch (IOException | InvalidPathException e) {
            return false; // not both files: nothing to overwrite
        }
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
            Verdict v = Grader.grade(c, design, k, null, () -> false);
            if (file != null) {
                try {
                    file.writer().write(JSON.writeValueAsString(v.toJson()) + "\n");
                    file.commit();
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                } catch (IOException e) {
                    throw verdictFile.writeFailed(e);
                }
            }
            PrintWriter o = spec.commandLine().getOut();
            o.print(v.toText());
            o.flush();
            return v.passed() ? Cli.EXIT_OK : EXIT_FAILED;
        }
    }
}
