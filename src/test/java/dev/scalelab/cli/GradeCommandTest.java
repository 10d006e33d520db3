package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.ChallengeLibrary;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code challenges} and {@code grade}, on a small challenge file of the test's own. */
class GradeCommandTest {
    @TempDir
    Path dir;

    /**
     * Two instances of four 10-ms workers (800 requests/s) offered 200/s; the hidden incident sends
     * 2,000/s from 10 s. The reference solution's 8 instances (3,200/s) take it.
     */
    private static final String CHALLENGE = """
            {"id": "surge", "number": 6, "title": "Survive the surge", "group": "advanced",
             "question": "How many instances does a tenfold surge need?",
             "brief": "Traffic may jump.\\n\\nKeep p99 under 200 ms.",
             "requirements": [{"id": "p99", "metric": "p99-ms", "max": 200},
                              {"id": "cost", "metric": "cost-per-hour", "max": 2, "label": "cost of the fleet"}],
             "start": {"schema": 1, "name": "surge", "seed": 5, "durationSeconds": 20,
                       "workload": {"arrival": {"process": "poisson", "ratePerSecond": 200}},
                       "service": {"instances": 2, "workersPerInstance": 4, "queueCapacity": 500,
                                   "serviceTime": {"distribution": "exponential", "meanMs": 10}},
                       "balancer": {"strategy": "round-robin"}},
             "knobs": ["service.instances"],
             "incidents": [{"atSeconds": 10, "command": "set", "path": "workload.arrival.ratePerSecond", "value": 2000}],
             "hints": ["Count the capacity.", "2,000/s at 10 ms is 20 busy workers.", "Eight instances."],
             "solution": {"patch": {"service": {"instances": 8}}, "explanation": "Eight instances give 3,200/s."},
             "predictions": [{"id": "p99-guess", "question": "What p99 will you get?", "metric": "p99-ms"}],
             "seeds": 2, "scoreCostPerHour": 2.0, "waitsFor": null}
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path challengeFile() throws IOException {
        return write("surge.json", CHALLENGE);
    }

    @Test
    void theListHasOneLinePerBuiltInChallenge() {
        CliRun r = CliRun.of("challenges");
        assertEquals(0, r.code(), r.err());
        List<Challenge> all = ChallengeLibrary.all();
        String[] lines = r.out().isEmpty() ? new String[0] : r.out().split("\n");
        assertEquals(all.size(), lines.length, r.out());
        for (int i = 0; i < all.size(); i++) {
            Challenge c = all.get(i);
            assertTrue(lines[i].contains(" " + c.id() + " ") && lines[i].contains(c.title()), lines[i]);
            assertEquals(!c.playable(), lines[i].endsWith(" (waits for " + c.waitsFor() + ")"), lines[i]);
        }
    }

    @Test
    void showPrintsTheBriefWithRequirementsKnobsHintsAndPredictions() throws IOException {
        CliRun r = CliRun.of("challenges", "show", challengeFile().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("6. Survive the surge  (surge, Advanced)\n\nHow many instances does a tenfold surge need?\n\n"
                + "Traffic may jump.\n\nKeep p99 under 200 ms.\n\nRequirements, on each of 2 seeds:\n"
                + "  p99 latency ≤ 200 ms  [p99]\n  cost of the fleet ≤ $2/h  [cost]\n\nYou may change: service.instances\n"), r.out());
        assertTrue(r.out().contains("\nPredict before you grade:\n  p99-guess: What p99 will you get?\n"), r.out());
        assertTrue(r.out().endsWith("\n3 hints: `challenges show surge --hint 1`, the gentlest first.\n"), r.out());
    }

    @Test
    void hintsOpenOneAtATime() throws IOException {
        CliRun r = CliRun.of("challenges", "show", challengeFile().toString(), "--hint", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("Hint 2 of 3: 2,000/s at 10 ms is 20 busy workers.\n", r.out());
        CliRun bad = CliRun.of("challenges", "show", challengeFile().toString(), "--hint", "4");
        assertEquals(2, bad.code());
        assertEquals("error: --hint: 4 is out of range; surge has 3 hints, 1 to 3\n", bad.err());
    }

    @Test
    void startAndSolutionAreScenarioFilesAndNothingElse() throws IOException {
        Challenge c = ChallengeLibrary.parse(CHALLENGE, "surge.json");
        CliRun start = CliRun.of("challenges", "show", challengeFile().toString(), "--start");
        assertEquals(0, start.code(), start.err());
        assertEquals(ScenarioFiles.write(c.startScenario()), start.out());
        CliRun solution = CliRun.of("challenges", "show", challengeFile().toString(), "--solution");
        assertEquals(ScenarioFiles.write(c.solutionScenario()), solution.out());
        assertEquals(8, ScenarioFiles.parse(solution.out()).service().instances());
        CliRun explain = CliRun.of("challenges", "show", challengeFile().toString(), "--explain");
        assertEquals("Eight instances give 3,200/s.\n", explain.out());
        CliRun both = CliRun.of("challenges", "show", challengeFile().toString(), "--start", "--solution");
        assertEquals(2, both.code());
        assertEquals("error: --start, --drawn, --solution, --explain and --hint: give one of them at a time\n", both.err());
    }

    /**
     * The start drawn is a file the canvas opens; the candidate's drawing of the answer (8 instances
     * set in the service's box) passes as the section file does; a drawing of another shape is graded
     * on the network engine, and one that cannot run is one line saying why.
     */
    @Test
    void aDrawnAnswerIsGradedAsItsSectionsAndAnotherShapeOnTheNetwork() throws IOException {
        CliRun drawn = CliRun.of("challenges", "show", challengeFile().toString(), "--drawn");
        assertEquals(0, drawn.code(), drawn.err());
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(drawn.out());
        assertEquals(List.of("clients", "balancer", "service"),
                ScenarioFiles.parse(drawn.out()).topology().nodes().stream().map(n -> n.id()).toList());
        JsonNode service = tree.path("topology").path("nodes").get(2);
        assertEquals("service", service.path("id").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) service.path("service")).put("instances", 8);
        Path answer = write("drawn.json", tree.toString());
        CliRun graded = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", answer.toString());
        assertEquals(0, graded.code(), graded.out() + graded.err());
        Path sections = write("sections.json", CliRun.of("challenges", "show", challengeFile().toString(), "--solution").out());
        assertEquals(CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", sections.toString()).out(),
                graded.out());

        // In zones it is another shape, graded on the network engine: the surge (a set of the traffic) reaches its
        // clients node, and the 8 instances take it there too.
        for (JsonNode n : tree.path("topology").path("nodes")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("zone", "eu-1a");
        }
        Path zoned = write("zoned.json", tree.toString());
        CliRun other = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", zoned.toString());
        assertEquals(0, other.code(), other.out() + other.err());
        assertTrue(other.out().startsWith("surge: PASSED on 2 seeds (5, 6)"), other.out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("topology").path("nodes").get(2).path("service")).put("instances", 2);
        Path small = write("small.json", tree.toString());
        CliRun failing = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", small.toString());
        assertEquals(1, failing.code(), "2 instances (800/s) do not take 2,000/s on the network either");

        // A drawing that cannot run at all is one line, and no grading.
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.path("topology").path("nodes")).addObject().put("id", "edge")
                .put("kind", "cdn").put("zone", "eu-1a");
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.path("topology").path("edges")).addObject().put("from", "clients")
                .put("to", "edge");
        Path broken = write("broken-drawing.json", tree.toString());
        CliRun refused = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", broken.toString());
        assertEquals(2, refused.code());
        assertEquals("", refused.out());
        assertEquals("error: --scenario " + broken + ": topology.nodes[3]: edge has no origin for its misses: connect it to a "
                + "gateway, balancer or service\n", refused.err());

        // A start with event streams is drawn too: its producer, topic and groups as boxes.
        CliRun events = CliRun.of("challenges", "show", "real-time-system", "--drawn");
        assertEquals(0, events.code(), events.err());
        assertEquals(ChallengeLibrary.byId("real-time-system").drawnStart(), ScenarioFiles.parse(events.out()));
    }

    /**
     * Challenge 14 answered on the canvas and saved: a drawing of its own names (fans → lb → api, the
     * scorers publishing to a 24-partition topic read by push and live-feed) is graded from the file
     * on the network engine, its incidents on its push service and its scores topic; it passes.
     */
    @Test
    void aDrawnAnswerToTheRealTimeChallengeIsGradedFromItsFile() throws IOException {
        Path verdict = dir.resolve("verdict.json");
        CliRun r = CliRun.of("grade", "--challenge", "real-time-system", "--scenario",
                "src/test/resources/practice/real-time-system-drawn.json", "--seeds", "2", "--out", verdict.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("real-time-system: PASSED on 2 seeds (1414, 1415)\n"
                + "  PASS  scores: end-to-end p99 (publish to processed)  "), r.out());
        JsonNode j = new ObjectMapper().readTree(verdict.toFile());
        assertEquals(0, j.get("violations").size());
        for (JsonNode ms : j.get("requirements").get(0).get("perSeed")) {
            assertEquals(1000, ms.asDouble(), 50, "the burst's 250 records a live-feed consumer, 4 ms each");
        }
    }

    @Test
    void theSolutionPassesWithExitZeroAndWritesTheVerdict() throws IOException {
        Path design = write("mine.json", CliRun.of("challenges", "show", challengeFile().toString(), "--solution").out());
        Path verdict = dir.resolve("out/verdict.json");
        CliRun r = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", design.toString(),
                "--out", verdict.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("surge: PASSED on 2 seeds (5, 6)\n  PASS  p99 latency        "), r.out());
        JsonNode j = new ObjectMapper().readTree(verdict.toFile());
        assertEquals("surge", j.get("challenge").asText());
        assertTrue(j.get("passed").asBoolean());
        // 8 medium instances at $0.096/h: $0.768/h of the $2/h bar, so 60 + 40 x (1 - 0.384).
        assertEquals(0.768, j.get("costPerHour").asDouble(), 1e-9);
        assertEquals(85, j.get("score").asInt());
        JsonNode p99 = j.get("requirements").get(0);
        assertEquals("p99", p99.get("id").asText());
        assertEquals(200.0, p99.get("max").asDouble());
        assertEquals(2, p99.get("perSeed").size());
        assertTrue(p99.get("overall").asDouble() < 200);
        assertTrue(j.get("predictions").get("p99-guess").isNumber());
        try (Stream<Path> files = Files.list(verdict.getParent())) {
            assertEquals(List.of("verdict.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aGuessStandsBesideTheMeasuredMeanInTheTextAndTheJson() throws IOException {
        Path design = write("mine.json", CliRun.of("challenges", "show", challengeFile().toString(), "--solution").out());
        Path verdict = dir.resolve("guessed.json");
        CliRun r = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", design.toString(), "--seeds", "1",
                "--predict", "p99-guess=120", "--out", verdict.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(verdict.toFile());
        assertEquals(120.0, j.get("guesses").get("p99-guess").asDouble());
        String measured = dev.scalelab.practice.Figures.significant(j.get("predictions").get("p99-guess").asDouble(), 4);
        assertTrue(r.out().endsWith("your guess for p99-guess: 120, measured " + measured + "\n"), r.out());
    }

    @Test
    void aBadGuessIsOneLineAndExitTwoBeforeAnyRun() throws IOException {
        Path design = write("d2.json", "{\"schema\": 1}");
        CliRun unknown = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", design.toString(),
                "--predict", "p98=3");
        assertEquals(2, unknown.code());
        assertEquals("error: --predict: \"p98=3\" is not ID=VALUE with ID one of p99-guess\n", unknown.err());
        CliRun notNumber = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", design.toString(),
                "--predict", "p99-guess=fast");
        assertEquals("error: --predict p99-guess: \"fast\" is not a number\n", notNumber.err());
    }

    @Test
    void theStartFailsWithExitOne() throws IOException {
        Path design = write("start.json", CliRun.of("challenges", "show", challengeFile().toString(), "--start").out());
        CliRun r = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", design.toString(), "--seeds", "1");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("surge: FAILED on 1 seed (5)\n  FAIL  p99 latency  "), r.out());
        assertTrue(r.out().contains("\np99 latency, seed 5: at 0:10 the 1-s p99 was "), r.out());
    }

    @Test
    void aFixedFieldChangedFailsWithExitOne() throws IOException {
        Path design = write("bigger.json", CliRun.of("challenges", "show", challengeFile().toString(), "--solution").out()
                .replace("\"workersPerInstance\" : 4", "\"workersPerInstance\" : 16"));
        CliRun r = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", design.toString(), "--seeds", "1");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\n  FAIL  service.workersPerInstance is fixed by the challenge: 4 in the start, 16 here\n"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        String challenge = challengeFile().toString();
        Path design = write("d.json", "{\"schema\": 1}");
        assertEquals("error: --seeds: 0 is out of range; a whole number from 1 to 20\n",
                CliRun.of("grade", "--challenge", challenge, "--scenario", design.toString(), "--seeds", "0").err());
        assertEquals("error: --seeds: 21 is out of range; a whole number from 1 to 20\n",
                CliRun.of("grade", "--challenge", challenge, "--scenario", design.toString(), "--seeds", "21").err());
        CliRun unknown = CliRun.of("grade", "--challenge", "no-such-challenge", "--scenario", design.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: --challenge: no challenge \"no-such-challenge\"; the challenges are"), unknown.err());
        Path broken = write("broken.json", "{\"schema\": 1, \"service\": {\"instances\": 0}}");
        CliRun badFile = CliRun.of("grade", "--challenge", challenge, "--scenario", broken.toString());
        assertEquals(2, badFile.code());
        assertTrue(badFile.err().startsWith("error: ") && badFile.err().contains("service.instances: 0 is out of range"), badFile.err());
        assertEquals(1, badFile.err().split("\n").length);
        Path badChallenge = write("bad-challenge.json", CHALLENGE.replace("\"p99-ms\"", "\"p98-ms\""));
        CliRun c = CliRun.of("grade", "--challenge", badChallenge.toString(), "--scenario", design.toString());
        assertEquals(2, c.code());
        assertTrue(c.err().startsWith("error: --challenge: "), c.err());
        assertEquals(1, c.err().split("\n").length, c.err());
        for (CliRun r : List.of(unknown, badFile, c)) {
            assertEquals("", r.out());
        }
    }

    @Test
    void aChallengeThatWaitsCannotBeGraded() throws IOException {
        Path waiting = write("waits.json", CHALLENGE.replace("\"waitsFor\": null", "\"waitsFor\": \"the events subsystem\""));
        CliRun r = CliRun.of("grade", "--challenge", waiting.toString(), "--scenario", "default");
        assertEquals(2, r.code());
        assertEquals("error: --challenge: surge waits for the events subsystem and cannot be graded yet\n", r.err());
        assertFalse(Files.exists(dir.resolve("verdict.json")));
    }

    @Test
    void theVerdictNeverReplacesTheDesign() throws IOException {
        Path design = write("mine.json", CliRun.of("challenges", "show", challengeFile().toString(), "--solution").out());
        String before = Files.readString(design);
        CliRun r = CliRun.of("grade", "--challenge", challengeFile().toString(), "--scenario", design.toString(),
                "--out", design.toString());
        assertEquals(2, r.code());
        assertEquals("error: --out: " + design + ": the same file as --scenario; the verdict would replace the design\n", r.err());
        assertEquals(before, Files.readString(design));
    }
}
