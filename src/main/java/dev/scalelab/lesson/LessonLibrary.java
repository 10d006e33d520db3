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
