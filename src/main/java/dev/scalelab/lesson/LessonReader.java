package dev.scalelab.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.practice.MergePatch;
import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one lesson file, strictly: an unknown field, a missing one or a bad value is a
 * {@link LessonException} naming the file, the field's path ({@code steps[2].runUntil.breakpoint})
 * and the problem. The start and the steps' changes are read by the scenario reader, so a bad path
 * or value gets the same message a scenario file would.
 */
final class LessonReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;

    private LessonReader(String name) {
        this.name = name;
    }

    static Lesson read(String name, String json) {
        return new LessonReader(name).lesson(json);
    }

    private Lesson lesson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw fail("", "not valid JSON: " + e.getOriginalMessage());
        }
        ObjectNode o = object(root, "");
        only(o, "", "id", "title", "pattern", "summary", "panel", "start", "steps");
        String id = text(o, "", "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw fail("id", "\"" + id + "\" must be lower-case letters, digits and dashes");
        }
        String panel = panel(o, "", true);
        Scenario start = start(o.get("start"));
        JsonNode stepsNode = o.get("steps");
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            throw fail("steps", stepsNode == null ? "missing; a lesson has at least one step" : "expected a non-empty array of steps");
        }
        List<Step> steps = new ArrayList<>();
        double previousAtSeconds = 0;
        for (int i = 0; i < stepsNode.size(); i++) {
            Step step = step(stepsNode.get(i), "steps[" + i + "]", start, previousAtSeconds);
            if (step.runUntil() != null) {
                previousAtSeconds = Math.max(previousAtSeconds, step.runUntil().atSeconds());
            }
            steps.add(step);
        }
        return new Lesson(id, text(o, "", "title"), text(o, "", "pattern"), text(o, "", "summary"), start, panel, steps);
    }

    // ---------------------------------------------------------------- the start

    private Scenario start(JsonNode node) {
        if (node == null) {
            throw fail("start", "missing; {\"preset\": \"flash-sale\", \"patch\": {...}}");
        }
        ObjectNode o = object(node, "start");
        only(o, "start", "preset", "patch");
        String preset = text(o, "start", "preset");
        Scenario base;
        try {
            base = ScenarioFiles.preset(preset);
        } catch (ScenarioException e) {
            throw fail("start.preset", e.getMessage());
        }
        if (base == null) {
            throw fail("start.preset", "\"" + preset + "\" is not a preset");
        }
        JsonNode patch = o.get("patch");
        if (patch == null) {
            return base;
        }
        object(patch, "start.patch");
        JsonNode merged = MergePatch.apply(ScenarioFiles.tree(base), patch);
        try {
            return ScenarioFiles.parse(merged.toString());
        } catch (ScenarioException e) {
            throw fail(e.field().isEmpty() ? "start.patch" : "start.patch." + e.field(), e.problem());
        }
    }

    // ---------------------------------------------------------------- a step

    private Step step(JsonNode node, String at, Scenario start, double previousAtSeconds) {
        ObjectNode o = object(node, at);
        only(o, at, "title", "text", "panel", "changes", "runUntil", "highlight", "prediction");
        List<Scenario.TimelineEntry> changes = changes(o.get("changes"), at + ".changes", start);
        RunUntil runUntil = runUntil(o.get("runUntil"), at + ".runUntil", start, previousAtSeconds);
        Highlight highlight = highlight(o.get("highlight"), at + ".highlight", start);
        Prediction prediction = prediction(o.get("prediction"), at + ".prediction");
        if (prediction != null && runUntil == null) {
            throw fail(at + ".prediction", "a prediction needs a runUntil: the run answers it where it stops");
        }
        return new Step(text(o, at, "title"), text(o, at, "text"), panel(o, at, false), changes, runUntil, highlight,
                prediction);
    }

    /**
     * The changes, read as the start scenario's own timeline would be (with {@code atSeconds} 0 where
     * the lesson leaves it out: a step's changes apply when the step starts).
     */
    private List<Scenario.TimelineEntry> changes(JsonNode node, String at, Scenario start) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw fail(at, "expected an array of timeline commands such as {\"command\": \"set\", \"path\": ..., \"value\": ...}");
        }
        ArrayNode entries = JSON.createArrayNode();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            if (entry.isObject() && !entry.has("atSeconds")) {
                ObjectNode withTime = JSON.createObjectNode();
                withTime.put("atSeconds", 0);
                withTime.setAll((ObjectNode) entry);
                entry = withTime;
            } else if (entry.isObject()) {
                ObjectNode zeroed = ((ObjectNode) entry).deepCopy();
                zeroed.put("atSeconds", 0); // ignored: now; only its type was worth checking
                if (!entry.get("atSeconds").isNumber()) {
                    throw fail(at + "[" + i + "].atSeconds", "expected a number (it is ignored: changes apply when the step starts)");
                }
                entry = zeroed;
            }
            entries.add(entry);
        }
        ObjectNode tree = ScenarioFiles.tree(start.withTimeline(List.of()));
        tree.set("timeline", entries);
        try {
            return ScenarioFiles.parse(tree.toString()).timeline();
        } catch (ScenarioException e) {
            String field = e.field().startsWith("timeline") ? at + e.field().substring("timeline".length()) : at;
            throw fail(field, e.problem());
        }
    }

    private RunUntil runUntil(JsonNode node, String at, Scenario start, double previousAtSeconds) {
        if (node == null) {
            return null;
        }
        ObjectNode o = object(node, at);
        only(o, at, "atSeconds", "breakpoint", "limitSeconds");
        boolean byTime = o.has("atSeconds");
        if (byTime == o.has("breakpoint")) {
            throw fail(at, "expected either {\"atSeconds\": 90} or {\"breakpoint\": \"p99-above=500\", \"limitSeconds\": 120}");
        }
        if (byTime) {
            if (o.has("limitSeconds")) {
                throw fail(at + ".limitSeconds", "only a breakpoint takes a limit");
            }
            double atSeconds = seconds(o, at, "atSeconds", start, previousAtSeconds);
            return new RunUntil(atSeconds, null, 0);
        }
        Breakpoint breakpoint;
        try {
            breakpoint = Breakpoint.parse(text(o, at, "breakpoint"));
        } catch (IllegalArgumentException e) {
            throw fail(at + ".breakpoint", e.getMessage());
        }
        String dependency = breakpoint.kind() == Breakpoint.Kind.BREAKER_OPENS ? breakpoint.source() : "";
        if (!dependency.isEmpty() && start.dependencies().stream().noneMatch(d -> d.name().equals(dependency))) {
            throw fail(at + ".breakpoint", "\"" + dependency + "\" is not a dependency of the lesson's start");
        }
        if (!o.has("limitSeconds")) {
            throw fail(at + ".limitSeconds", "missing; the virtual time by which the breakpoint must have fired");
        }
        return new RunUntil(0, breakpoint, seconds(o, at, "limitSeconds", start, previousAtSeconds));
    }

    private double seconds(ObjectNode o, String at, String field, Scenario start, double previousAtSeconds) {
        JsonNode n = o.get(field);
        if (!n.isNumber()) {
            throw fail(at + "." + field, "expected a number of virtual seconds, got " + n);
        }
        double s = n.doubleValue();
        if (s <= previousAtSeconds || s > start.durationSeconds()) {
            throw fail(at + "." + field, fmt(s) + " is out of range; after the previous step's stop ("
                    + fmt(previousAtSeconds) + " s) and within the scenario's " + fmt(start.durationSeconds()) + " s");
        }
        return s;
    }

    // ---------------------------------------------------------------- highlight and prediction

    private Highlight highlight(JsonNode node, String at, Scenario start) {
        if (node == null) {
            return null;
        }
        ObjectNode o = object(node, at);
        only(o, at, "panel", "element");
        String panel = panel(o, at, true);
        String element = text(o, at, "element");
        String problem = Elements.problem(panel, element, start);
        if (problem != null) {
            throw fail(at + ".element", problem);
        }
        return new Highlight(panel, element);
    }

    private Prediction prediction(JsonNode node, String at) {
        if (node == null) {
            return null;
        }
        ObjectNode o = object(node, at);
        only(o, at, "question", "choices", "probe", "explanation");
        String probeId = text(o, at, "probe");
        Probe probe = Probe.byId(probeId);
        if (probe == null) {
            List<String> ids = new ArrayList<>();
            for (Probe p : Probe.values()) {
                ids.add(p.id());
            }
            throw fail(at + ".probe", "\"" + probeId + "\" is not a probe; use one of " + String.join(", ", ids));
        }
        JsonNode choicesNode = o.get("choices");
        if (choicesNode == null || !choicesNode.isArray() || choicesNode.size() < 2 || choicesNode.size() > 5) {
            throw fail(at + ".choices", "expected an array of 2 to 5 choices such as {\"text\": \"4 to 6\", \"min\": 4, \"max\": 7}");
        }
        List<Prediction.Choice> choices = new ArrayList<>();
        for (int i = 0; i < choicesNode.size(); i++) {
            String c = at + ".choices[" + i + "]";
            ObjectNode co = object(choicesNode.get(i), c);
            only(co, c, "text", "min", "max");
            double min = bound(co, c, "min", Double.NEGATIVE_INFINITY);
            double max = bound(co, c, "max", Double.POSITIVE_INFINITY);
            if (!(min < max)) {
                throw fail(c, "min " + fmt(min) + " must be below max " + fmt(max));
            }
            for (int j = 0; j < choices.size(); j++) {
                Prediction.Choice other = choices.get(j);
                if (min < other.max() && other.min() < max) {
                    throw fail(c, "its range overlaps choices[" + j + "]'s: ranges must be disjoint");
                }
            }
            choices.add(new Prediction.Choice(text(co, c, "text"), min, max));
        }
        return new Prediction(text(o, at, "question"), choices, probe, text(o, at, "explanation"));
    }

    private double bound(ObjectNode o, String at, String field, double absent) {
        JsonNode n = o.get(field);
        if (n == null) {
            return absent;
        }
        if (!n.isNumber()) {
            throw fail(at + "." + field, "expected a number, got " + n);
        }
        return n.doubleValue();
    }

    // ---------------------------------------------------------------- fields

    private String panel(ObjectNode o, String at, boolean required) {
        JsonNode n = o.get("panel");
        if (n == null && !required) {
            return null;
        }
        String title = text(o, at, "panel");
        if (!Elements.PANELS.containsKey(title)) {
            throw fail(join(at, "panel"), "\"" + title + "\" is not a panel; use one of " + String.join(", ", Elements.PANELS.keySet()));
        }
        return title;
    }

    private String text(ObjectNode o, String at, String field) {
        JsonNode n = o.get(field);
        if (n == null) {
            throw fail(join(at, field), "missing");
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            throw fail(join(at, field), "expected a non-empty string, got " + n);
        }
        return n.textValue();
    }

    private ObjectNode object(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw fail(at, "expected an object");
        }
        return (ObjectNode) node;
    }

    private void only(ObjectNode o, String at, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw fail(join(at, field), "unknown field; expected one of " + String.join(", ", allowed));
            }
        }
    }

    private static String join(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private LessonException fail(String field, String problem) {
        return new LessonException(name + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }
}
