package dev.scalelab.practice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressStoreTest {
    @TempDir
    Path dir;

    private static Verdict verdict(String challenge, boolean passed, int score) {
        return new Verdict(challenge, List.of(1L), passed, score, List.of(), List.of(), 0.5, Map.of());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(".scalelab"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void progressSurvivesAReopen() throws IOException {
        Path file = dir.resolve(".scalelab/progress.json");
        ProgressStore store = new ProgressStore(file);
        assertEquals(ProgressStore.Entry.NONE, store.entry("auto-scaling"));
        store.record(verdict("auto-scaling", false, 40));
        store.openedHints("auto-scaling", 2);
        store.record(verdict("caching", true, 88));

        ProgressStore again = new ProgressStore(file);
        assertEquals(Map.of("auto-scaling", new ProgressStore.Entry(false, 40, 1, 2),
                "caching", new ProgressStore.Entry(true, 88, 1, 0)), again.entries());
        assertEquals(Optional.empty(), again.problem());
        assertEquals(List.of("progress.json"), files()); // no temporary file left behind
    }

    @Test
    void theBestScoreAndAPassAreKept() {
        ProgressStore store = new ProgressStore(dir.resolve(".scalelab/progress.json"));
        store.record(verdict("sharding", true, 91));
        store.record(verdict("sharding", false, 55));
        assertEquals(new ProgressStore.Entry(true, 91, 3, 0), store.record(verdict("sharding", true, 70)));
    }

    @Test
    void hintsOpenedNeverGoDown() {
        ProgressStore store = new ProgressStore(dir.resolve(".scalelab/progress.json"));
        store.openedHints("gateway", 3);
        assertEquals(new ProgressStore.Entry(false, 0, 0, 3), store.openedHints("gateway", 1));
    }

    @Test
    void aDamagedFileIsSetAsideAndReported() throws IOException {
        Path file = dir.resolve(".scalelab/progress.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"schema\": 1, \"challenges\": {\"caching\": {\"passed\": tru", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(".scalelab/progress.json.damaged"), "older", StandardCharsets.UTF_8);

        ProgressStore store = new ProgressStore(file);
        assertEquals(Map.of(), store.entries());
        String problem = store.problem().orElseThrow();
        assertTrue(problem.startsWith("the progress file " + file + " was damaged (it is not JSON ("), problem);
        assertTrue(problem.endsWith("); it was moved to " + file + ".damaged-2 and progress starts afresh"), problem);
        assertEquals(List.of("progress.json.damaged", "progress.json.damaged-2"), files());

        store.record(verdict("caching", true, 80));
        assertEquals(List.of("progress.json", "progress.json.damaged", "progress.json.damaged-2"), files());
        assertEquals(new ProgressStore.Entry(true, 80, 1, 0), new ProgressStore(file).entry("caching"));
    }

    @Test
    void aFileOfTheWrongShapeIsDamagedToo() throws IOException {
        Path file = dir.resolve(".scalelab/progress.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"schema\": 1, \"challenges\": {\"caching\": {\"passed\": true, \"bestScore\": -4,"
                + " \"attempts\": 1, \"hintsOpened\": 0}}}", StandardCharsets.UTF_8);
        ProgressStore store = new ProgressStore(file);
        assertEquals(ProgressStore.Entry.NONE, store.entry("caching"));
        assertTrue(store.problem().orElseThrow().contains("(challenges.caching.bestScore is not a whole number of 0 or more)"),
                store.problem().orElseThrow());
        assertEquals(List.of("progress.json.damaged"), files());
    }

    @Test
    void theDefaultFileIsInTheHomeDirectory() {
        assertEquals(Path.of(System.getProperty("user.home"), ".scalelab", "progress.json"), ProgressStore.defaultFile());
    }
}
