package dev.scalelab.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.world.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The candidate's progress, one entry per challenge, in a JSON file in the user's home directory
 * ({@code ~/.scalelab/progress.json}). Every save is atomic (a temporary file moved into place). A
 * damaged file (not JSON, wrong shape) is never fatal: it is moved aside to
 * {@code progress.json.damaged} (or {@code .damaged-2}, ...), {@link #problem()} says so in one line
 * naming both files, and the store starts empty.
 *
 * <p>The file: {@code {"schema": 1, "challenges": {"<id>": {"passed": true, "bestScore": 87,
 * "attempts": 3, "hintsOpened": 1}}}}. Safe to use from several threads (the app's and a grading's).
 */
public final class ProgressStore {
    private static final int SCHEMA = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One challenge's progress: passed once or not, the best score, attempts graded, hints opened. */
    public record Entry(boolean passed, int bestScore, int attempts, int hintsOpened) {
        public static final Entry NONE = new Entry(false, 0, 0, 0);
    }

    private final Path file;
    /** By challenge id; null until the file is read. */
    private Map<String, Entry> entries;
    private String problem;
    /** True when a damaged file could not be moved aside: saving would destroy it, so nothing is saved. */
    private boolean keepFile;

    public ProgressStore(Path file) {
        this.file = file;
    }

    /** {@code ~/.scalelab/progress.json} (from the {@code user.home} system property). */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".scalelab", "progress.json");
    }

    /** Every challenge's entry, by challenge id (reads the file on first use). */
    public synchronized Map<String, Entry> entries() {
        return Collections.unmodifiableMap(new TreeMap<>(loaded()));
    }

    /** The entry of {@code challengeId}, {@link Entry#NONE} when it has none. */
    public synchronized Entry entry(String challengeId) {
        return loaded().getOrDefault(challengeId, Entry.NONE);
    }

    /** Counts an attempt, keeps the best score and whether it ever passed; saves. Returns the new entry. */
    public synchronized Entry record(Verdict verdict) {
        Entry old = entry(verdict.challenge());
        Entry next = new Entry(old.passed() || verdict.passed(), Math.max(old.bestScore(), verdict.score()), old.attempts() + 1,
                old.hintsOpened());
        return put(verdict.challenge(), next);
    }

    /** Notes that the candidate opened {@code hintsOpened} hints of the challenge (never fewer than before); saves. */
    public synchronized Entry openedHints(String challengeId, int hintsOpened) {
        Entry old = entry(challengeId);
        if (hintsOpened <= old.hintsOpened()) {
            return old;
        }
        return put(challengeId, new Entry(old.passed(), old.bestScore(), old.attempts(), hintsOpened));
    }

    /** What went wrong reading or saving the file, in one line, if anything did. */
    public synchronized Optional<String> problem() {
        loaded();
        return Optional.ofNullable(problem);
    }

    private Entry put(String challengeId, Entry entry) {
        loaded().put(challengeId, entry);
        save();
        return entry;
    }

    private void save() {
        if (keepFile) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode challenges = root.putObject("challenges");
        for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
            Entry v = e.getValue();
            challenges.putObject(e.getKey()).put("passed", v.passed()).put("bestScore", v.bestScore())
                    .put("attempts", v.attempts()).put("hintsOpened", v.hintsOpened());
        }
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            // The progress stays in memory for this session; the next save tries again.
            problem = "could not save the progress to " + file + ": " + e.getMessage();
        }
    }

    private Map<String, Entry> loaded() {
        if (entries == null) {
            entries = new TreeMap<>();
            read();
        }
        return entries;
    }

    private void read() {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException none) {
            return; // no progress yet
        } catch (CharacterCodingException e) {
            setAside("it is not UTF-8 text");
            return;
        } catch (IOException e) {
            problem = "could not read the progress file " + file + ": " + e.getMessage();
            return;
        }
        try {
            parse(text);
        } catch (IllegalArgumentException damaged) {
            entries.clear();
            setAside(damaged.getMessage());
        }
    }

    private void parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        if (root.path("schema").asInt(-1) != SCHEMA) {
            throw new IllegalArgumentException("schema is not " + SCHEMA);
        }
        JsonNode challenges = root.get("challenges");
        if (challenges == null || !challenges.isObject()) {
            throw new IllegalArgumentException("challenges is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = challenges.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String at = "challenges." + e.getKey();
            if (!v.isObject() || !v.path("passed").isBoolean()) {
                throw new IllegalArgumentException(at + ".passed is not true or false");
            }
            entries.put(e.getKey(), new Entry(v.get("passed").booleanValue(), count(v, at, "bestScore"), count(v, at, "attempts"),
                    count(v, at, "hintsOpened")));
        }
    }

    private static int count(JsonNode entry, String at, String field) {
        JsonNode n = entry.get(field);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < 0) {
            throw new IllegalArgumentException(at + "." + field + " is not a whole number of 0 or more");
        }
        return n.intValue();
    }

    /** Moves the damaged file to the first free {@code .damaged}, {@code .damaged-2}, ... beside it. */
    private void setAside(String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        for (int k = 2; Files.exists(aside); k++) {
            aside = file.resolveSibling(file.getFileName() + ".damaged-" + k);
        }
        try {
            Files.move(file, aside);
            problem = "the progress file " + file + " was damaged (" + why + "); it was moved to " + aside + " and progress starts afresh";
        } catch (IOException e) {
            keepFile = true;
            problem = "the progress file " + file + " is damaged (" + why + ") and could not be moved aside (" + e.getMessage()
                    + "); progress is kept for this session only";
        }
    }
}
