package dev.scalelab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.world.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutated presets through {@code simulate}: the only outcomes are exit 0 with a JSON report, or
 * exit 2 with one line naming what is wrong. Anything else (an exception, a stack trace, another
 * exit code, a message of several lines or megabytes) is a defect. CI runs a few hundred cases;
 * {@code -Dfuzz.cases=5000} runs a longer campaign, and {@code -Dfuzz.first=N} replays from case N.
 */
class ScenarioFuzzTest {

    @Test
    void mutatedPresetsEitherRunOrGiveOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        int cases = Integer.getInteger("fuzz.cases", 300);
        long first = Long.getLong("fuzz.first", 0L);
        ScenarioMutator mutator = new ScenarioMutator(Presets.names());
        ObjectMapper json = new ObjectMapper();
        List<String> defects = new ArrayList<>();
        int ran = 0;
        int refused = 0;
        for (long n = first; n < first + cases; n++) {
            Path file = dir.resolve("case-" + n + ".json");
            Files.write(file, mutator.mutant(n));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code;
            try {
                // A short run: the campaign is about reading and starting, not about long simulations.
                code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                        "simulate", "--scenario", file.toString(), "--duration", "0.2");
            } catch (RuntimeException | StackOverflowError e) {
                defects.add("case " + n + ": " + e);
                continue;
            }
            String e = err.toString();
            if (code == 0) {
                ran++;
                try {
                    json.readTree(out.toString()).get("requests").get("offered").asLong();
                } catch (Exception notAReport) {
                    defects.add("case " + n + ": exit 0 without a report: " + notAReport.getMessage());
                }
            } else if (code == 2) {
                refused++;
                if (!e.startsWith("error: ") || e.strip().lines().count() != 1 || e.length() > 600 || e.contains("\tat ")) {
                    defects.add("case " + n + ": exit 2 but not one short line: " + e.substring(0, Math.min(e.length(), 300)));
                }
            } else {
                defects.add("case " + n + ": exit " + code + ": " + e.substring(0, Math.min(e.length(), 300)));
            }
        }
        if (!defects.isEmpty()) {
            fail(defects.size() + " of " + cases + " cases broke the contract:\n" + String.join("\n", defects.subList(0, Math.min(20, defects.size()))));
        }
        // The generator makes both kinds; a campaign of only one kind tests half the contract.
        assertTrue(ran > cases / 20 && refused > cases / 3, "ran " + ran + ", refused " + refused);
    }
}
