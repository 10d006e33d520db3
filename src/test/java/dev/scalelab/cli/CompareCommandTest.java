package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.practice.Headline;
import dev.scalelab.seeds.SeedBands;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {

    @Test
    void aThirdFewerInstancesIsARealDifferenceInCostAndP99AndTheJsonHoldsThePairedInterval(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("compare.json");
        CliRun r = CliRun.of("compare", "--scenario", "default", "--with-set", "service.instances=3", "--seeds", "4",
                "--duration", "30", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertEquals("4 seeds from seed 42, the same for both designs; a figure is its mean ± the half-width of its 95% interval", lines[0]);
        assertTrue(lines[1].startsWith("figure") && lines[1].contains("default with service.instances=3"), lines[1]);
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        JsonNode cost = json.get("figures").get("costPerHour");
        assertEquals(-0.096, cost.get("difference").get("mean").asDouble(), 1e-9, "one medium instance less");
        assertTrue(cost.get("significant").asBoolean());
        // The same pairs as SeedBands gives them: the command adds only the writing.
        Scenario first = Presets.load("default").withDurationSeconds(30);
        Scenario second = Parameter.of("service.instances").applyTo(first, 3);
        SeedBands.Difference p99 = SeedBands.difference(SeedBands.run("a", first, 42, 4, 2, null, null),
                SeedBands.run("b", second, 42, 4, 2, null, null), Headline.P99_MS);
        assertEquals(Headline.P99_MS.round(p99.ofDifferences().mean()),
                json.get("figures").get("p99Ms").get("difference").get("mean").asDouble());
        assertEquals(p99.significant(), json.get("figures").get("p99Ms").get("significant").asBoolean());
    }

    @Test
    void aDesignComparedWithItselfDiffersInNothing() {
        CliRun r = CliRun.of("compare", "--scenario", "default", "--with", "default", "--seeds", "3", "--duration", "10");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("yes"), r.out());
        assertTrue(r.out().contains("0.00 ms ± 0.00"), r.out());
    }

    @Test
    void withoutASecondDesignOrWithOneSeedItSaysWhatIsMissing() {
        CliRun none = CliRun.of("compare", "--scenario", "default");
        assertEquals(2, none.code());
        assertEquals("error: --with or --with-set: say what the second design is, such as --with-set service.instances=8",
                none.err().strip());
        CliRun one = CliRun.of("compare", "--scenario", "default", "--with", "default", "--seeds", "1");
        assertEquals(2, one.code());
        assertEquals("error: --seeds: 1 is too few; a comparison needs at least 2 seeds for an interval", one.err().strip());
    }
}
