package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.network.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code simulate} on a drawn system: the network's report, the Markdown document with its charts, and clear refusals. */
class SimulateDesignTest {
    static final String DESIGN = """
            {"schema":1,"name":"two-tier","seed":4,"durationSeconds":60,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":100}}},
               {"id":"web","kind":"service","service":{"instances":2}},
               {"id":"api","kind":"service","service":{"instances":2}}],
              "edges":[{"from":"users","to":"web"},{"from":"web","to":"api","mode":"forward"}]}}
            """;

    @Test
    void aDrawnSystemRunsOnTheNetworkAndWritesItsReportAndItsMarkdownWithCharts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("design.json");
        Files.writeString(file, DESIGN);
        Path md = dir.resolve("out").resolve("report.md");
        Files.createDirectories(md.getParent());
        CliRun run = CliRun.of("simulate", "--scenario", file.toString(), "--out", dir.resolve("r.json").toString(),
                "--report-md", md.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("r.json").toFile());
        assertThat(report.get("totals").get("completed").asLong()).isBetween(5500L, 6500L);
        // Every request web hands on reaches api (but those still in web's hands at the end).
        assertThat(report.get("nodes").get("api").get("arrivals").asLong())
                .isBetween(report.get("nodes").get("web").get("arrivals").asLong() - 5, report.get("nodes").get("web").get("arrivals").asLong());
        String text = Files.readString(md);
        assertThat(text).startsWith("# two-tier").contains("```mermaid\nflowchart LR").contains("| web | Service |")
                .contains("![Answered requests per second](report-throughput.svg)").contains("## Insights");
        assertThat(Files.readString(md.resolveSibling("report-throughput.svg"))).startsWith("<svg").contains("<path d=\"M");
        assertThat(Files.readString(md.resolveSibling("report-p99.svg"))).startsWith("<svg");
        try (var left = Files.list(md.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.md", "report-throughput.svg",
                    "report-p99.svg");
        }
    }

    @Test
    void whatADrawnSystemCannotTakeIsRefusedNamingTheOption(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("design.json");
        Files.writeString(file, DESIGN);
        CliRun set = CliRun.of("simulate", "--scenario", file.toString(), "--set", "service.instances=8");
        assertThat(set.code()).isEqualTo(2);
        assertThat(set.err()).contains("--set service.instances: this scenario draws its own system")
                .contains("topology.nodes[1].service.instances (web) or topology.nodes[2].service.instances (api)");
        // A node's field is set by its path, checked as the file's would be.
        CliRun nodeSet = CliRun.of("simulate", "--scenario", file.toString(), "--set", "topology.nodes[1].service.instances=0");
        assertThat(nodeSet.err()).contains("topology.nodes[1].service.instances").contains("out of range");
        Files.writeString(file, DESIGN.replace("\"mode\":\"forward\"", "\"mode\":\"async\""));
        CliRun bad = CliRun.of("simulate", "--scenario", file.toString());
        assertThat(bad.err()).contains("topology.edges[1]").contains("async edge publishes to a queue or a topic");
    }

    /**
     * --seeds on a drawn system: the first seed's report with the pipeline's seeds section, each
     * headline figure's mean inside its interval, and each seed's value the one a run of that seed alone gives.
     */
    @Test
    void aDrawnSystemRunsOnSeveralSeeds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("design.json");
        Files.writeString(file, DESIGN);
        CliRun three = CliRun.of("simulate", "--scenario", file.toString(), "--seeds", "3", "--threads", "2");
        assertThat(three.code()).as(three.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode r = new ObjectMapper().readTree(three.out());
        com.fasterxml.jackson.databind.JsonNode seeds = r.path("seeds");
        assertThat(seeds.path("count").asInt()).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode p99 = seeds.path("figures").path("p99Ms");
        assertThat(p99.path("perSeed")).hasSize(3);
        assertThat(p99.path("mean").asDouble()).isBetween(p99.path("ciLow").asDouble(), p99.path("ciHigh").asDouble());
        assertThat(seeds.path("figures").has("throughputPerSecond")).isTrue();
        long second = seeds.path("first").asLong() + 1;
        CliRun alone = CliRun.of("simulate", "--scenario", file.toString(), "--seed", Long.toString(second));
        com.fasterxml.jackson.databind.JsonNode aloneReport = new ObjectMapper().readTree(alone.out());
        assertThat(p99.path("perSeed").get(1).asDouble()).isCloseTo(aloneReport.path("totals").path("p99Ms").asDouble(),
                org.assertj.core.api.Assertions.within(0.5));
        assertThat(r.path("totals")).isEqualTo(new ObjectMapper().readTree(CliRun.of("simulate", "--scenario", file.toString()).out())
                .path("totals"));
    }

    @Test
    void aDrawnPipelineRunsOnThePipelineAndReportsAsThePresetDoes(@TempDir Path dir) throws Exception {
        Scenario p = Presets.load("default").withDurationSeconds(30);
        Scenario drawn = p.withTopology(Pipeline.spell(p));
        Path file = dir.resolve("drawn.json");
        Files.writeString(file, ScenarioFiles.write(drawn));
        CliRun a = CliRun.of("simulate", "--scenario", "default", "--duration", "30");
        CliRun b = CliRun.of("simulate", "--scenario", file.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode ra = json.readTree(a.out());
        JsonNode rb = json.readTree(b.out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) ra).remove("wallMillis");
        ((com.fasterxml.jackson.databind.node.ObjectNode) rb).remove("wallMillis");
        assertThat(rb).isEqualTo(ra);
    }
}
