package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.practice.Headline;
import dev.scalelab.world.ScenarioFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sweep}: a grid of parameter values, K seeds a point, one CSV row per point. */
class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun sweep(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    @Test
    void eachRowIsTheRunOfItsPoint() throws Exception {
        CliRun r = sweep("--scenario", "default", "--duration", "3", "--vary", "service.instances=2..4:1");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().toList();
        assertEquals("service.instances,throughputPerSecond,p50Ms,p99Ms,errorRatio,costPerHour,meanInstances", rows.get(0));
        assertEquals(4, rows.size(), r.out());
        for (int n = 2; n <= 4; n++) {
            CliRun alone = CliRun.of("simulate", "--scenario", "default", "--duration", "3", "--set", "service.instances=" + n);
            JsonNode report = JSON.readTree(alone.out());
            String[] cells = rows.get(n - 1).split(",");
            assertEquals(Integer.toString(n), cells[0]);
            Headline[] figures = {Headline.THROUGHPUT, Headline.P50_MS, Headline.P99_MS, Headline.ERROR_RATIO, Headline.COST_PER_HOUR,
                    Headline.MEAN_INSTANCES};
            for (int i = 0; i < figures.length; i++) {
                assertEquals(figures[i].read(report), Double.parseDouble(cells[i + 1]), 0, figures[i].key() + " at " + n);
            }
        }
        // Two instances at 400 req/s of 20 ms work with 4 workers each: busy, but every request is answered.
        assertEquals("0.192", rows.get(1).split(",")[5]);
    }

    @Test
    void severalSeedsGiveMeanAndIntervalAndTheGridRunsFirstFieldSlowest(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep.csv");
        CliRun r = sweep("--scenario", "default", "--duration", "2", "--vary", "service.instances=3,4",
                "--vary", "balancer.strategy=round-robin,p2c", "--seeds", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        List<String> rows = Files.readAllLines(out);
        assertTrue(rows.get(0).startsWith("service.instances,balancer.strategy,throughputPerSecond.mean,throughputPerSecond.ciLow,"
                + "throughputPerSecond.ciHigh,p50Ms.mean,"), rows.get(0));
        assertEquals(5, rows.size());
        assertTrue(rows.get(1).startsWith("3,round-robin,"));
        assertTrue(rows.get(2).startsWith("3,p2c,"));
        assertTrue(rows.get(3).startsWith("4,round-robin,"));
        assertTrue(rows.get(4).startsWith("4,p2c,"));
        // The point (4, p2c) on seeds 42..44 is simulate --seeds 3 with those settings: the same mean and interval.
        CliRun seeds = CliRun.of("simulate", "--scenario", "default", "--duration", "2", "--set", "service.instances=4",
                "--set", "balancer.strategy=p2c", "--seeds", "3");
        JsonNode p99 = JSON.readTree(seeds.out()).at("/seeds/figures/p99Ms");
        String[] cells = rows.get(4).split(",");
        assertEquals(p99.get("mean").asDouble(), Double.parseDouble(cells[8]));
        assertEquals(p99.get("ciLow").asDouble(), Double.parseDouble(cells[9]));
        assertEquals(p99.get("ciHigh").asDouble(), Double.parseDouble(cells[10]));
        // Progress goes to standard error, a line at every tenth of the 12 runs when it is no terminal.
        assertTrue(r.err().endsWith("sweep: 12/12 runs\n"), r.err());
        assertFalse(r.err().contains("\r"));
    }

    @Test
    void theCsvIsTheSameOnOneThreadAndOnTwo() {
        String[] args = {"--scenario", "default", "--duration", "2", "--vary", "workload.arrival.ratePerSecond=300..500:100", "--seeds", "2"};
        CliRun one = sweep(concat(args, "--threads", "1"));
        CliRun two = sweep(concat(args, "--threads", "2"));
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), two.out());
        assertTrue(one.out().lines().skip(1).map(l -> l.split(",")[0]).toList().equals(List.of("300", "400", "500")));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void rangesCountInDecimal() {
        var spec = ScenarioFields.spec("workload.readRatio");
        assertEquals(List.of("0.1", "0.2", "0.3"), Vary.range("--vary x", "0.1..0.3:0.1", spec));
        assertEquals(List.of("2", "4", "6", "8", "10"), Vary.range("--vary x", "2..10:2", spec));
        assertEquals(List.of("2", "4", "6", "8"), Vary.range("--vary x", "2..9:2", spec), "to is the last value only when a step lands on it");
        assertEquals(List.of("0.7", "0.75", "0.8"), Vary.range("--vary x", "0.70..0.80:0.05", spec));
        assertEquals(List.of("5"), Vary.range("--vary x", "5..5:1", spec));
        assertEquals(List.of("100", "200"), Vary.range("--vary x", "1e2..2e2:100", spec));
    }

    private static final String[] BASE = {"--scenario", "default", "--duration", "2"};

    @Test
    void aBadValueOrListIsOneLineNamingTheVary() {
        String[] base = BASE;
        assertError("error: --vary service.instancs: not a field of a scenario; did you mean service.instances?",
                sweep(concat(base, "--vary", "service.instancs=2,3")));
        assertError("error: --vary service.instances: 0 is out of range; a whole number from 1 to 500",
                sweep(concat(base, "--vary", "service.instances=0..4:1")));
        assertError("error: --vary service.instances: 501 is out of range; a whole number from 1 to 500",
                sweep(concat(base, "--vary", "service.instances=2,501")));
        assertError("error: --vary service.instances: \"2.5\" is not a whole number; a whole number from 1 to 500",
                sweep(concat(base, "--vary", "service.instances=2..3:0.5")));
        assertError("error: --vary balancer.strategy: \"fastest\" is not one of round-robin, smooth-weighted-round-robin, "
                + "least-connections, random, weighted-random, p2c, least-request, peak-ewma, ring-hash, maglev", sweep(concat(base, "--vary", "balancer.strategy=p2c,fastest")));
        assertError("error: --vary service.instances: no values; give a list such as 2,4,8 or a range such as 2..10:2",
                sweep(concat(base, "--vary", "service.instances=")));
        assertError("error: --vary service.instances: an empty value in the list \"2,,4\"", sweep(concat(base, "--vary", "service.instances=2,,4")));
        assertError("error: --vary service.instances: \"4\" is in the list twice", sweep(concat(base, "--vary", "service.instances=2,4,4")));
    }

    @Test
    void aBadRangeOrGridIsOneLineNamingTheVary() {
        String[] base = BASE;
        assertError("error: --vary service.instances: the step must be above 0, got 0", sweep(concat(base, "--vary", "service.instances=2..10:0")));
        assertError("error: --vary service.instances: the step must be above 0, got -2", sweep(concat(base, "--vary", "service.instances=2..10:-2")));
        assertError("error: --vary service.instances: the range runs down from 10 to 2; give FROM..TO:STEP with FROM no more than TO",
                sweep(concat(base, "--vary", "service.instances=10..2:1")));
        assertError("error: --vary service.instances: \"2..10\" is not a range FROM..TO:STEP, such as 2..10:2",
                sweep(concat(base, "--vary", "service.instances=2..10")));
        assertError("error: --vary service.instances: the range's to \"ten\" is not a number; give FROM..TO:STEP, such as 2..10:2",
                sweep(concat(base, "--vary", "service.instances=2..ten:2")));
        assertError("error: --vary balancer.strategy: a range needs a number field; list the values instead (one of round-robin, "
                + "smooth-weighted-round-robin, least-connections, random, weighted-random, p2c, least-request, peak-ewma, ring-hash, maglev)",
                sweep(concat(base, "--vary", "balancer.strategy=1..2:1")));
        assertError("error: --vary workload.readRatio: 20,001 values; a sweep has at most 10,000 points",
                sweep(concat(base, "--vary", "workload.readRatio=0..1:0.00005")));
        assertError("error: --vary: the grid has more than 10,000 points (200 × 101); vary fewer fields or fewer values",
                sweep(concat(base, "--vary", "service.instances=1..200:1", "--vary", "workload.readRatio=0..1:0.01")));
        assertError("error: --vary: \"service.instances\" is not PATH=VALUES, such as service.instances=2..10:2 or "
                + "balancer.strategy=round-robin,p2c", sweep(concat(base, "--vary", "service.instances")));
        assertError("error: --vary service.instances: given twice; give all its values in one --vary",
                sweep(concat(base, "--vary", "service.instances=2", "--vary", "service.instances=3")));
        assertError("error: --vary service.instances: also given to --set; vary it or set it",
                sweep(concat(base, "--set", "service.instances=2", "--vary", "service.instances=3,4")));
        assertError("error: --seeds: 1000 seeds × 101 points is 101,000 runs; a sweep makes at most 100,000",
                sweep(concat(base, "--vary", "workload.readRatio=0..1:0.01", "--seeds", "1000")));
        CliRun missing = sweep(base);
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: Missing required option: '--vary=PATH=VALUES'"), missing.err());
    }

    private static void assertError(String expected, CliRun r) {
        assertEquals(2, r.code(), r.err());
        assertEquals(expected + "\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void onATerminalProgressIsRewrittenInPlace() {
        StringWriter text = new StringWriter();
        SweepCommand.Progress p = new SweepCommand.Progress(new PrintWriter(text), true);
        for (int i = 1; i <= 3; i++) {
            p.runDone(i, 3);
        }
        assertEquals("\rsweep: 1/3 runs\rsweep: 2/3 runs\rsweep: 3/3 runs\n", text.toString());
        StringWriter log = new StringWriter();
        SweepCommand.Progress q = new SweepCommand.Progress(new PrintWriter(log), false);
        for (int i = 1; i <= 40; i++) {
            q.runDone(i, 40);
        }
        // The first run, then one at every tenth.
        assertEquals(11, log.toString().lines().count(), log.toString());
        assertTrue(log.toString().startsWith("sweep: 1/40 runs\nsweep: 4/40 runs\nsweep: 8/40 runs\n"));
        assertTrue(log.toString().endsWith("sweep: 36/40 runs\nsweep: 40/40 runs\n"));
    }

    @Test
    void helpNamesTheCommandAndItsOptions() {
        CliRun all = CliRun.of("--help");
        assertTrue(all.out().contains("sweep"), all.out());
        for (String command : new String[] {"sweep", "simulate"}) {
            String help = CliRun.of(command, "--help").out().replaceAll("\\s+", " ");
            assertTrue(help.contains("--seeds") && help.contains("--threads") && help.contains("95% confidence interval"), help);
        }
    }

    @Test
    void numbersAreWrittenWithoutExponentsOrNeedlessZeros() {
        assertEquals("4", SweepCommand.number(4.0));
        assertEquals("396.6", SweepCommand.number(396.6));
        assertEquals("0.000125", SweepCommand.number(1.25e-4));
        assertEquals("0", SweepCommand.number(0.0));
        assertEquals("", SweepCommand.number(Double.NaN));
        assertThrows(Cli.UsageException.class, () -> Vary.gridSize(List.of(new Vary("a", List.of("1", "2")),
                new Vary("b", java.util.Collections.nCopies(5001, "x")))));
    }
}
