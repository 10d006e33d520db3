package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code simulate --set PATH=VALUE}: any field of the scenario for one run, checked as the file is. */
class SetOptionTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void setsRepeatOverridingFieldsForOneRun(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("mm1.json");
        Files.writeString(scenario, dev.scalelab.world.QueueingFidelityTestAccess.MM1);
        Path report = dir.resolve("report.json");
        Path csv = dir.resolve("series.csv");
        CliRun r = run("simulate", "--scenario", scenario.toString(), "--set", "workload.arrival.ratePerSecond=40",
                "--set", "durationSeconds=200", "--out", report.toString(), "--timeseries", csv.toString());
        assertEquals(0, r.code(), r.err());
        // Poisson arrivals at 40/s for 200 s: 8,000 expected, standard deviation about 89, so the rate is 40 +/- 1.5.
        JsonNode j = new ObjectMapper().readTree(report.toFile());
        assertEquals(40, j.at("/requests/throughputPerSecond").asDouble(), 1.5);
        // One row per simulated second after the header, as for the file's own duration.
        List<String> rows = Files.readAllLines(csv);
        assertEquals(201, rows.size());
    }

    @Test
    void aValueTheFieldRefusesIsOneLineNamingTheOption() {
        CliRun r = run("simulate", "--scenario", "default", "--set", "service.instances=0");
        assertEquals(2, r.code());
        assertEquals("error: --set service.instances: 0 is out of range; a whole number from 1 to 500\n", r.err());
        assertEquals("", r.out());
        CliRun word = run("simulate", "--scenario", "default", "--set", "service.bootSeconds=5d");
        assertEquals("error: --set service.bootSeconds: \"5d\" is not a number; a number from 0 to 3600\n", word.err());
    }

    @Test
    void aPathThatIsNoFieldOrNoItemIsNamed() {
        CliRun typo = run("simulate", "--scenario", "default", "--set", "service.instancs=3");
        assertEquals(2, typo.code());
        assertEquals("error: --set service.instancs: not a field of a scenario; did you mean service.instances?\n", typo.err());
        CliRun item = run("simulate", "--scenario", "retry-storm", "--set", "dependencies[7].timeoutMs=5");
        assertEquals(2, item.code());
        assertEquals("error: --set dependencies[7]: this scenario has only 2 dependencies\n", item.err());
        CliRun noValue = run("simulate", "--scenario", "default", "--set", "service.instances");
        assertEquals("error: --set: \"service.instances\" is not PATH=VALUE, such as service.instances=8\n", noValue.err());
    }
}
