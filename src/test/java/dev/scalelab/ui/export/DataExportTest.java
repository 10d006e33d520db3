package dev.scalelab.ui.export;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV of every series and the report, from a re-run of the recorded scenario. */
class DataExportTest {
    @TempDir
    Path dir;

    private static Scenario small() {
        return Presets.load("default").withDurationSeconds(60).withSeed(7);
    }

    @Test
    void theCsvCoversTheWholeRunOneRowPerSecondUnderACommentNamingTheScenarioAndSeed() throws IOException {
        Scenario s = small();
        Path file = dir.resolve("series.csv");
        long rows = DataExport.writeCsv(new Provenance("default", s, 20), file, () -> false);

        List<String> lines = Files.readAllLines(file);
        assertEquals(20, rows);
        assertEquals(22, lines.size(), "the comment, the header and seconds 1 to 20");
        String comment = lines.get(0);
        assertTrue(comment.startsWith("# ScaleLab default, seed 7, 0-20 s; scenario: {"), comment);
        Scenario named = ScenarioFiles.parse(comment.substring(comment.indexOf("scenario: ") + "scenario: ".length()));
        assertEquals(s, named, "the comment's scenario is the one that ran");
        assertEquals(new World(s).sampleCsvHeader(), lines.get(1));
        for (int second = 1; second <= 20; second++) {
            assertEquals(second, Double.parseDouble(lines.get(second + 1).split(",")[0]), 1e-9);
        }
    }

    @Test
    void theCsvIsTheRunTheUserSawChangesIncluded() throws IOException {
        // The live run: the user doubles the arrival rate at 6 s.
        World live = new World(small());
        List<String> seen = new ArrayList<>();
        live.setSampleSink(sample -> seen.add(sample.toCsv()));
        live.advanceTo(Simulation.secondsToNanos(6));
        live.advanceTo(live.commandTimeNanos());
        live.applyUserChange(Parameter.of("workload.arrival.ratePerSecond"),
                Parameter.of("workload.arrival.ratePerSecond").parse("rate", "800"));
        live.advanceTo(Simulation.secondsToNanos(12));

        Path file = dir.resolve("series.csv");
        DataExport.writeCsv(new Provenance("default", live.recordedScenario(), 12), file, () -> false);
        List<String> rows = Files.readAllLines(file).subList(2, 14);
        assertEquals(seen, rows);
        double before = Double.parseDouble(rows.get(4).split(",")[1]);
        double after = Double.parseDouble(rows.get(11).split(",")[1]);
        assertTrue(after > 1.6 * before, "offered per second " + before + " then " + after);
    }

    @Test
    void theScenarioOnOneLineIsAsciiAndReadsBackExactly() {
        Scenario s = Presets.load("default");
        Scenario named = ScenarioFiles.parse(ScenarioFiles.write(s).replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : \"résumé ≠ 履歴\""));
        String line = new Provenance("x", named, 1).scenarioOneLine();
        assertTrue(line.chars().allMatch(c -> c < 128) && !line.contains("\n"), line);
        assertEquals(named, ScenarioFiles.parse(line));
        assertEquals("résumé ≠ 履歴", ScenarioFiles.parse(line).name());
    }

    @Test
    void theReportIsTheRunSoFar() throws IOException {
        Path file = dir.resolve("report.json");
        DataExport.writeReport(new Provenance("default", small(), 9), file, () -> false);
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        assertEquals(9.0, report.get("simulatedSeconds").asDouble(), 1e-9);
        assertEquals(7, report.get("seed").asLong());
        assertTrue(report.get("requests").get("offered").asLong() > 2500, report.get("requests").toString());
    }

    @Test
    void aCancelledExportLeavesTheOldFileAsItWas() throws IOException {
        Path file = dir.resolve("series.csv");
        Files.writeString(file, "old\n");
        assertThrows(CancellationException.class, () -> DataExport.writeCsv(new Provenance("default", small(), 30), file, () -> true));
        assertEquals("old\n", Files.readString(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
        assertFalse(Files.readString(file).isEmpty());
    }
}
