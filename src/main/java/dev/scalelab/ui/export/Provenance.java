package dev.scalelab.ui.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every export says about where it came from, so it can be reproduced: the scenario's label,
 * the seed, the virtual time, and the recorded scenario (the initial one with the user's changes on
 * its timeline), which replays the same run.
 */
record Provenance(String label, Scenario scenario, double virtualSeconds) {
    /** One line, ASCII only: a GIF comment holds Latin-1 at most, and an escaped name reads back exactly. */
    private static final ObjectMapper COMPACT = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    long seed() {
        return scenario.seed();
    }

    /** The scenario file, as Save writes it. */
    String scenarioJson() {
        return ScenarioFiles.write(scenario);
    }

    /** The scenario file on one line, in ASCII (a CSV comment, a GIF comment). */
    String scenarioOneLine() {
        try {
            return COMPACT.writeValueAsString(ScenarioFiles.tree(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A virtual time for people: "95 s", "12.5 s". */
    static String seconds(double seconds) {
        BigDecimal rounded = BigDecimal.valueOf(seconds).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.toPlainString() + " s";
    }

    /** The PNG text chunks: keyword to text, in the order they are written. */
    Map<String, String> pngText(String title) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Software", "ScaleLab");
        text.put("Title", title);
        text.put("Scenario", label);
        text.put("Seed", Long.toString(seed()));
        text.put("Virtual time", seconds(virtualSeconds));
        text.put("ScaleLab-Scenario", scenarioJson());
        return text;
    }
}
