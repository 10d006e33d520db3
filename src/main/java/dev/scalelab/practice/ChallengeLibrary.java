package dev.scalelab.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.world.ScenarioException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The built-in challenges: the files {@code challenges/index.json} lists, in the pattern notes'
 * order. Loaded once; a damaged file is a build mistake, reported with its name and the problem.
 */
public final class ChallengeLibrary {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final String DIRECTORY = "/challenges/";
    private static List<Challenge> all;

    private ChallengeLibrary() {
    }

    /** Every challenge, by number. */
    public static synchronized List<Challenge> all() {
        if (all == null) {
            List<Challenge> list = new ArrayList<>();
            for (JsonNode file : tree(read("index.json"), "index.json")) {
                list.add(parse(read(file.asText()), file.asText()));
            }
            all = List.copyOf(list);
        }
        return all;
    }

    /** The challenge {@code id}; an unknown id is an {@link IllegalArgumentException} that lists the known ones. */
    public static Challenge byId(String id) {
        for (Challenge c : all()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no challenge \"" + id + "\"; the challenges are "
                + all().stream().map(Challenge::id).collect(Collectors.joining(", ")));
    }

    /** A challenge from its file's text; {@code source} names it in a message. */
    public static Challenge parse(String json, String source) {
        Challenge c;
        try {
            c = JSON.readValue(json, Challenge.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage());
        }
        try {
            c.startScenario();
            c.solutionScenario();
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
        return c;
    }

    private static JsonNode tree(String json, String source) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage());
        }
    }

    private static String read(String name) {
        try (InputStream in = ChallengeLibrary.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + DIRECTORY + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
