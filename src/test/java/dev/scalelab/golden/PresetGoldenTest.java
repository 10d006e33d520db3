package dev.scalelab.golden;

import dev.scalelab.world.network.Pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.World;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every preset, run to its duration, gives byte for byte the report, the time series and the call
 * trace it gave before the architecture change (commit 750638d): the goldens under
 * {@code src/test/resources/golden} were written by that commit, so a refactoring that changes a
 * single number or the order of a single event fails here. The scenario files that commit saved
 * ({@code <preset>.scenario.json}) must still read and give the same run.
 *
 * <p>A deliberate change to the model regenerates them: {@code mvn test -Dtest=PresetGoldenTest
 * -Dgolden.write=target/golden}, then copy the files after reading the diff.
 */
class PresetGoldenTest {

    static List<String> presets() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void thePresetRunsAsItDidBeforeTheChange(String preset) throws IOException {
        check(preset, Presets.load(preset), "");
    }

    @ParameterizedTest
    @MethodSource("presets")
    void theScenarioFileSavedBeforeTheChangeReadsAndRunsTheSame(String preset) throws IOException {
        String saved = resource(preset + ".scenario.json");
        check(preset, ScenarioFiles.parse(saved), "saved ");
    }

    /**
     * The pipeline drawn as a topology, its sections left at their defaults so every value comes from
     * a node, written to a file and read back: it runs on the pipeline's engine and gives the golden.
     */
    @ParameterizedTest
    @MethodSource("presets")
    void thePipelineDrawnAsATopologyRunsTheSame(String preset) throws IOException {
        Scenario p = Presets.load(preset);
        Scenario d = Scenario.DEFAULT;
        Scenario drawn = new Scenario(p.name(), p.description(), p.watch(), p.markers(), p.seed(), p.durationSeconds(),
                d.workload(), d.service(), d.autoscaler(), p.verticalScaler(), null, d.balancer(), null, null, List.of(), p.events(),
                Pipeline.spell(p), p.timeline());
        Scenario read = ScenarioFiles.parse(ScenarioFiles.write(drawn));
        assertEquals(Pipeline.spell(p), read.topology(), preset + ": the drawn pipeline reads back as written");
        Scenario lowered = Pipeline.lower(read);
        assertEquals(p, lowered, preset + ": the drawn pipeline lowers to the preset's sections");
        check(preset, lowered, "drawn ");
    }

    private static void check(String preset, Scenario scenario, String what) throws IOException {
        String got = run(scenario);
        String writeTo = System.getProperty("golden.write");
        if (writeTo != null) {
            Path dir = Path.of(writeTo);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(preset + ".run.txt"), got);
            Files.writeString(dir.resolve(preset + ".scenario.json"), ScenarioFiles.write(Presets.load(preset)));
            return;
        }
        assertEquals(resource(preset + ".run.txt"), got, what + preset + ": the run differs from the golden");
    }

    /** The report without wallMillis, then the SHA-256 of the time-series CSV and of the call trace. */
    static String run(Scenario s) {
        World world = new World(s);
        MessageDigest series = sha256();
        MessageDigest calls = sha256();
        series.update(world.sampleCsvHeader().getBytes(StandardCharsets.UTF_8));
        world.setSampleSink(sample -> series.update(("\n" + sample.toCsv()).getBytes(StandardCharsets.UTF_8)));
        world.setAttemptTrace(record -> calls.update((record.toCsvRow() + "\n").getBytes(StandardCharsets.UTF_8)));
        world.advanceTo(Simulation.secondsToNanos(s.durationSeconds()));
        world.flushAttemptTrace();
        ObjectNode report = Report.of(world, 0);
        report.remove("wallMillis");
        return Report.toJson(report).strip() + "\n"
                + "timeseries.csv sha256 " + HexFormat.of().formatHex(series.digest()) + "\n"
                + "calls.csv sha256 " + HexFormat.of().formatHex(calls.digest()) + "\n";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PresetGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "missing golden " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
