package dev.scalelab.branches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.OfflineRun;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BranchComparisonTest {
    /** The default preset for 40 s, and a branch that doubles the traffic at 10 s. */
    private static final Scenario PARENT = Presets.load("default").withDurationSeconds(40);
    private static final Scenario BRANCH = PARENT.withTimeline(
            List.of(Scenario.TimelineEntry.set(10.001, "workload.arrival.ratePerSecond", 800.0)));

    private static JsonNode reportAt(Scenario s, double seconds) throws Exception {
        OfflineRun run = new OfflineRun(s);
        run.frameAt(seconds);
        return new ObjectMapper().readTree(run.reportJson());
    }

    private static BranchComparison.Row row(BranchComparison c, String key) {
        return c.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no row " + key));
    }

    @Test
    void theTablesNumbersAreTheTwoReportsFiguresAtTheSameMoment() throws Exception {
        List<Double> progress = new ArrayList<>();
        BranchComparison c = BranchComparison.run("main", PARENT, "fork 1 at 0:10", BRANCH, 30, () -> false, progress::add);
        JsonNode parent = reportAt(PARENT, 30);
        JsonNode branch = reportAt(BRANCH, 30);
        assertEquals(30, c.atSeconds(), 0.0);
        for (Headline h : new Headline[] {Headline.THROUGHPUT, Headline.P50_MS, Headline.P99_MS, Headline.ERROR_RATIO,
                Headline.COST_PER_HOUR, Headline.MEAN_INSTANCES}) {
            BranchComparison.Row r = row(c, h.key());
            assertEquals(h.read(parent), r.parent(), 0.0, h.key());
            assertEquals(h.read(branch), r.branch(), 0.0, h.key());
        }
        BranchComparison.Row offered = row(c, "requests.offered");
        assertEquals(parent.path("requests").path("offered").asDouble(), offered.parent(), 0.0);
        assertEquals(branch.path("requests").path("offered").asDouble(), offered.branch(), 0.0);
        assertEquals(offered.branch() - offered.parent(), offered.difference(), 0.0);
        assertEquals((offered.branch() - offered.parent()) / offered.parent() * 100, offered.percentChange(), 1e-12);
        assertTrue(offered.percentChange() > 50 && offered.percentChange() < 80,
                "twice the traffic for 20 of 30 s: about two thirds more requests, got " + offered.percentChange());
        assertTrue(c.rows().stream().noneMatch(r -> r.key().startsWith("cache")), "the default preset has no cache: no cache rows");
        assertEquals(1.0, progress.get(progress.size() - 1), 0.0);
        assertEquals(progress.stream().sorted().toList(), progress, "progress only grows");
    }

    @Test
    void theExportWritesTheSameNumbersAsMarkdownAndCsv(@TempDir Path dir) throws Exception {
        BranchComparison c = BranchComparison.run("main", PARENT, "double traffic", BRANCH, 20, () -> false, f -> { });
        Path csv = ComparisonExport.write(c, dir.resolve("compare.md"));
        assertEquals(dir.resolve("compare.csv"), csv);
        List<String> md = Files.readAllLines(dir.resolve("compare.md"));
        assertEquals("# double traffic compared with main", md.get(0));
        assertTrue(md.contains("| Figure | main (parent) | double traffic (branch) | Difference | Change |"), String.join("\n", md));
        BranchComparison.Row offered = row(c, "requests.offered");
        String offeredLine = md.stream().filter(l -> l.startsWith("| Requests offered |")).findFirst().orElseThrow();
        assertTrue(offeredLine.contains(String.format(java.util.Locale.ROOT, "%,d", (long) offered.parent())), offeredLine);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("section,key,figure,parent,branch,difference,percentChange,atSeconds", lines.get(0));
        assertEquals(c.rows().size() + 1, lines.size());
        String[] cells = lines.stream().filter(l -> l.startsWith("requests,requests.offered,")).findFirst().orElseThrow().split(",");
        assertEquals((long) offered.parent(), Long.parseLong(cells[3]));
        assertEquals((long) offered.branch(), Long.parseLong(cells[4]));
        assertEquals((long) offered.difference(), Long.parseLong(cells[5]));
        assertEquals(offered.percentChange(), Double.parseDouble(cells[6]), 0.0);
        assertEquals(2, Files.list(dir).count(), "no temporary file left");
    }

    @Test
    void aCancelStopsTheRunsWithACancellation() {
        AtomicInteger looks = new AtomicInteger();
        assertThrows(CancellationException.class,
                () -> BranchComparison.run("main", PARENT, "b", BRANCH, 40, () -> looks.incrementAndGet() > 3, f -> { }));
        assertNotEquals(0, looks.get());
    }

    @Test
    void valuesAreWrittenInTheirUnitAndDifferencesSigned() {
        assertEquals("12.5 %", BranchComparison.Unit.PERCENT.format(0.125));
        assertEquals("−3.00 pp", BranchComparison.Unit.PERCENT.formatDifference(-0.03));
        assertEquals("+12.5 ms", BranchComparison.Unit.MS.formatDifference(12.5));
        assertEquals("1,204", BranchComparison.Unit.COUNT.format(1204));
        assertEquals("–", BranchComparison.Unit.MS.format(Double.NaN));
        BranchComparison.Row r = new BranchComparison.Row("latencyMs", "latencyMs.p90", "Latency p90", BranchComparison.Unit.MS, 80, 60);
        assertEquals("−25.0 %", r.percentText());
        assertEquals("–", new BranchComparison.Row("requests", "requests.failed", "Requests failed",
                BranchComparison.Unit.COUNT, 0, 3).percentText(), "no percentage of nothing");
    }
}
