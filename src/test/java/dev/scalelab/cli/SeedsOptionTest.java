package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.practice.Headline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code simulate --seeds N}: N seeds in parallel, the first seed's report and a summary over the seeds. */
class SeedsOptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode report(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    private static ObjectNode withoutWallTime(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("wallMillis");
        return copy;
    }

    @Test
    void eachSeedsFiguresAreThoseOfItsOwnRunAndTheReportIsTheFirstSeeds() throws Exception {
        // full-stack has every part (cache, database, dependencies), so every headline figure is there; its seed is 99.
        JsonNode three = report("simulate", "--scenario", "full-stack", "--duration", "4", "--seeds", "3");
        List<JsonNode> alone = new ArrayList<>();
        for (long seed = 99; seed < 102; seed++) {
            alone.add(report("simulate", "--scenario", "full-stack", "--duration", "4", "--seed", Long.toString(seed)));
        }
        JsonNode seeds = three.get("seeds");
        assertEquals(3, seeds.get("count").asInt());
        assertEquals(99, seeds.get("first").asLong());
        assertEquals(0.95, seeds.get("confidence").asDouble());
        JsonNode figures = seeds.get("figures");
        assertEquals(Headline.values().length, figures.size(), figures.toString());
        for (Headline h : Headline.values()) {
            JsonNode f = figures.get(h.key());
            for (int k = 0; k < 3; k++) {
                assertEquals(h.read(alone.get(k)), f.get("perSeed").get(k).asDouble(), 0, h.key() + " seed " + (99 + k));
            }
            double a = h.read(alone.get(0));
            double b = h.read(alone.get(1));
            double c = h.read(alone.get(2));
            double mean = (a + b + c) / 3;
            double sd = Math.sqrt(((a - mean) * (a - mean) + (b - mean) * (b - mean) + (c - mean) * (c - mean)) / 2);
            assertEquals(h.round(mean), f.get("mean").asDouble(), 0, h.key());
            assertEquals(h.round(sd), f.get("sd").asDouble(), 0, h.key());
            // t(0.975, 2) = 4.3027
            assertEquals(mean - 4.3027 * sd / Math.sqrt(3), f.get("ciLow").asDouble(), 1e-3 * Math.max(1, Math.abs(mean)), h.key());
            assertEquals(mean + 4.3027 * sd / Math.sqrt(3), f.get("ciHigh").asDouble(), 1e-3 * Math.max(1, Math.abs(mean)), h.key());
        }
        assertEquals(three.at("/latencyMs/p99").asDouble(), figures.at("/p99Ms/perSeed/0").asDouble());
        ObjectNode top = withoutWallTime(three);
        top.remove("seeds");
        assertEquals(withoutWallTime(alone.get(0)), top);
    }

    @Test
    void theResultIsTheSameOnOneThreadAndOnTwo() throws Exception {
        JsonNode one = report("simulate", "--scenario", "default", "--duration", "3", "--seeds", "4", "--seed", "7", "--threads", "1");
        JsonNode two = report("simulate", "--scenario", "default", "--duration", "3", "--seeds", "4", "--seed", "7", "--threads", "2");
        assertEquals(withoutWallTime(one), withoutWallTime(two));
        assertEquals(7, one.at("/seeds/first").asLong());
        assertEquals(7, one.get("seed").asLong());
        // A scenario without a cache, a database or dependencies has no figures for them.
        assertFalse(one.at("/seeds/figures").has("cacheHitRatio"));
        assertTrue(one.at("/seeds/figures").has("costPerHour"));
    }

    @Test
    void oneSeedIsTodaysReportWithoutASeedsSection() throws Exception {
        JsonNode plain = report("simulate", "--scenario", "default", "--duration", "2");
        JsonNode one = report("simulate", "--scenario", "default", "--duration", "2", "--seeds", "1");
        assertEquals(withoutWallTime(plain), withoutWallTime(one));
        assertFalse(plain.has("seeds"));
    }

    @Test
    void theOtherOutputsDescribeTheFirstSeed(@TempDir Path dir) throws Exception {
        Path many = dir.resolve("many.csv");
        Path single = dir.resolve("single.csv");
        Path report = dir.resolve("r.json");
        CliRun r = CliRun.of("simulate", "--scenario", "default", "--duration", "3", "--seeds", "3", "--timeseries", many.toString(),
                "--out", report.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, CliRun.of("simulate", "--scenario", "default", "--duration", "3", "--timeseries", single.toString(), "--out",
                dir.resolve("s.json").toString()).code());
        assertEquals(Files.readString(single), Files.readString(many));
        assertEquals(3, JSON.readTree(report.toFile()).at("/seeds/count").asInt());
    }

    @Test
    void aBadSeedCountOrThreadCountIsOneLine() {
        CliRun zero = CliRun.of("simulate", "--scenario", "default", "--seeds", "0");
        assertEquals(2, zero.code());
        assertEquals("error: --seeds: 0 is out of range; a whole number from 1 to 1000\n", zero.err());
        assertEquals("", zero.out());
        CliRun many = CliRun.of("simulate", "--scenario", "default", "--seeds", "1001");
        assertEquals("error: --seeds: 1001 is out of range; a whole number from 1 to 1000\n", many.err());
        CliRun threads = CliRun.of("simulate", "--scenario", "default", "--seeds", "2", "--threads", "0");
        assertEquals("error: --threads: 0 is out of range; a whole number from 1 to 256\n", threads.err());
        CliRun word = CliRun.of("simulate", "--scenario", "default", "--seeds", "three");
        assertEquals(2, word.code());
        assertTrue(word.err().startsWith("error: ") && word.err().contains("--seeds") && word.err().endsWith("\n")
                && word.err().indexOf('\n') == word.err().length() - 1, word.err());
    }
}
