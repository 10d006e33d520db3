package dev.scalelab.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON report of a run: the contract DESIGN.md names, for people and outside tools.
 *
 * <p>Numbers are rounded to what they mean, in one place ({@link #round}), by the field's name:
 * milliseconds ({@code ...Ms}, and every field of {@code latencyMs}) to the microsecond, 3
 * decimals; virtual times ({@code ...Seconds}) to the nanosecond, 9 decimals; dollars
 * ({@code ...Dollars}) to the cent; dollars per hour ({@code ...PerHour}) to a hundredth of a cent,
 * as price lists give them; every other fraction (ratios, shares, rates, means) to 6 significant
 * digits. Whole numbers are written as they are.
 */
public final class Report {
    private Report() {
    }

    public static ObjectNode of(World world, long wallMillis) {
        Scenario s = world.initialScenario();
        ObjectNode root = ScenarioFiles.JSON.createObjectNode();
        root.put("scenario", s.name());
        root.put("seed", s.seed());
        root.put("simulatedSeconds", world.nowSeconds());

        for (Subsystem part : world.parts()) {
            part.report(root);
        }
        // With an asynchronous path, "events" is its section; the kernel's count moves beside it.
        root.put(root.has("events") ? "kernelEvents" : "events", world.simulation().eventsFired());
        root.put("wallMillis", wallMillis);
        round(root, "");
        return root;
    }

    /** Rounds every fractional number under {@code node} by its field's name (see the class comment). */
    static void round(JsonNode node, String name) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isFloatingPointNumber()) {
                    e.setValue(o.numberNode(round(v.doubleValue(), e.getKey(), name)));
                } else {
                    round(v, e.getKey());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isFloatingPointNumber()) {
                    a.set(i, a.numberNode(round(v.doubleValue(), name, "")));
                } else {
                    round(v, name);
                }
            }
        }
    }

    /**
     * {@code value} rounded for the field {@code name} inside {@code parent}: 3 decimals for
     * milliseconds, 9 for seconds, 2 for dollars, 4 for dollars per hour, else 6 significant digits.
     * Figures derived from a report (a mean over seeds) are rounded here too, by the name they go under.
     */
    public static double round(double value, String name, String parent) {
        if (!Double.isFinite(value) || value == 0) {
            return value;
        }
        if (name.endsWith("Ms") || parent.equals("latencyMs")) {
            return decimals(value, 3);
        }
        if (name.endsWith("Seconds")) {
            return decimals(value, 9);
        }
        if (name.endsWith("Dollars")) {
            return decimals(value, 2);
        }
        if (name.endsWith("PerHour")) {
            return decimals(value, 4);
        }
        return BigDecimal.valueOf(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue();
    }

    private static double decimals(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }

    public static String toJson(ObjectNode report) {
        try {
            return ScenarioFiles.JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
