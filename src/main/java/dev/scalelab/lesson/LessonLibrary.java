package dev.scalelab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons shipped under {@code src/main/resources/lessons/}: {@code index.json} lists their
 * files in teaching order; each file is one {@link Lesson}. A bad file is a one-line
 * {@link LessonException} naming the file, the field's path and the problem.
 *
 * <p>A lesson file, {@code NN-id.json}:
 * <pre>
 * {"id": "autoscaling-hpa", "title": "Autoscaling with the HPA", "pattern": "horizontal autoscaling",
 *  "summary": "Two or three sentences.", "panel": "Scaling",
 *  "start": {"preset": "flash-sale", "patch": {"autoscaler": {"maxReplicas": 20}}},
 *  "steps": [
 *    {"title": "The spike", "text": "Two to four sentences with the numbers the class will see.",
 *     "panel": "Scaling",
 *     "changes": [{"command": "set", "path": "service.instances", "value": 8}, {"command": "kill-instance", "target": "i-2"}],
 *     "runUntil": {"atSeconds": 90} or {"breakpoint": "p99-above=500", "limitSeconds": 120},
 *     "highlight": {"panel": "Scaling", "element": "#replicasCard"},
 *     "prediction": {"question": "…?", "probe": "desired-instances", "explanation": "…",
 *                    "choices": [{"text": "5 or 6", "min": 5, "max": 7}, {"text": "more", "min": 7}]}}]}
 * </pre>
 * The patch is an RFC 7386 merge patch over the preset's file (null removes a field, such as the
 * preset's timeline). Changes are timeline entries in the scenario file's format without
 * {@code atSeconds}: they apply when the step starts. Every field but {@code panel}, {@code changes},
 * {@code runUntil}, {@code highlight} and {@code prediction} of a step is required; a prediction needs
 * a runUntil, its choices' ranges [min, max) are disjoint (an absent bound is open), and its probe is a
 * {@link Probe} id. Highlight elements are those {@link Highlight} lists.
 */
public final class LessonLibrary {
    private static final String DIRECTORY = "lessons/";
    private static List<Lesson> all;

    private LessonLibrary() {
    }

    /** Every lesson, in teaching order. Read once; a damaged file is a build mistake, reported with its name. */
    public static synchronized List<Lesson> all() {
        if (all == null) {
            JsonNode index;
            try {
                index = new ObjectMapper().readTree(read("index.json"));
            } catch (IOException e) {
                throw new LessonException(DIRECTORY + "index.json: not valid JSON: " + e.getMessage());
            }
            if (index == null || !index.isArray()) {
                throw new LessonException(DIRECTORY + "index.json: expected an array of lesson file names");
            }
            List<Lesson> list = new ArrayList<>();
            for (JsonNode file : index) {
                String name = DIRECTORY + file.asText();
                Lesson lesson = parse(name, read(file.asText()));
                // The file is named NN-id.json, so a listing shows the teaching order and the id.
                if (!file.asText().matches("\\d\\d-" + java.util.regex.Pattern.quote(lesson.id()) + "\\.json")) {
                    throw new LessonException(name + ": id: \"" + lesson.id() + "\" does not match the file's name (NN-"
                            + lesson.id() + ".json)");
                }
                if (list.stream().anyMatch(l -> l.id().equals(lesson.id()))) {
                    throw new LessonException(name + ": id: \"" + lesson.id() + "\" is the id of an earlier lesson");
                }
                list.add(lesson);
            }
            all = List.copyOf(list);
        }
        return all;
    }

    /** The lesson with {@code id}, or null. */
    public static Lesson get(String id) {
        for (Lesson l : all()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return null;
    }

    /**
     * A shipped lesson by its id, else a lesson file by its path: for {@code --lesson} and the Lessons
     * menu's "Open lesson file…". A missing file or a bad one is a one-line {@link LessonException}.
     */
    public static Lesson load(String idOrFile) {
        Lesson shipped = get(idOrFile);
        if (shipped != null) {
            return shipped;
        }
        java.nio.file.Path file = java.nio.file.Path.of(idOrFile);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new LessonException(idOrFile + ": no lesson has this id and no such file; lessons: "
                    + String.join(", ", all().stream().map(Lesson::id).toList()));
        }
        return read(file);
    }

    /** Reads the lesson file {@code file}; problems name the file's name. */
    public static Lesson read(java.nio.file.Path file) {
        String text;
        try {
            text = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LessonException(file.getFileName() + ": cannot read: " + e.getMessage());
        }
        return parse(String.valueOf(file.getFileName()), text);
    }

    /** Reads one lesson file's text; {@code name} is for messages. */
    public static Lesson parse(String name, String json) {
        return LessonReader.read(name, json);
    }

    private static String read(String file) {
        try (InputStream in = LessonLibrary.class.getResourceAsStream("/" + DIRECTORY + file)) {
            if (in == null) {
                throw new LessonException(DIRECTORY + file + ": the resource is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LessonException(DIRECTORY + file + ": cannot read: " + e.getMessage());
        }
    }
}
