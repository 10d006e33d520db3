package dev.scalelab.cli;

import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plan}: the plan printed, the planned design written when it meets the goals, refusals by name. */
class PlanCommandTest {
    static final String DESIGN = """
            {"schema":1,"name":"shop","seed":21,"durationSeconds":60,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":600}}},
               {"id":"web","kind":"service","service":{"instances":2,"workersPerInstance":4,"queueCapacity":200,
                 "serviceTime":{"distribution":"exponential","meanMs":20}}}],
              "edges":[{"from":"users","to":"web"}]}}
            """;

    @Test
    void printsThePlanAndWritesThePlannedDesign(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shop.json");
        Files.writeString(file, DESIGN);
        Path planned = dir.resolve("planned.json");
        CliRun run = CliRun.of("plan", "--scenario", file.toString(), "--p99", "250", "--out", planned.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("The plan meets the goals").containsPattern("web: instances 2 → [45]")
                .contains("(topology.nodes[1].service.instances)").contains("seed 1021:");
        assertThat(run.err()).startsWith("measuring the design for 60 s");
        int instances = ScenarioFiles.read(planned).topology().node("web").service().instances();
        assertThat(instances).isBetween(4, 5);
    }

    @Test
    void refusesWhatItCannotPlanByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shop.json");
        Files.writeString(file, DESIGN);
        assertThat(CliRun.of("plan", "--scenario", file.toString(), "--p99", "fast").err()).contains("--p99: \"fast\" is not a number");
        assertThat(CliRun.of("plan", "--scenario", file.toString(), "--p99", "100", "--error-rate", "2").err())
                .contains("--error-rate: 2 is out of range");
        assertThat(CliRun.of("plan", "--scenario", "default", "--p99", "100").err())
                .contains("the planner sizes a drawn system");
    }
}
