package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenario's timeline in a file: {@code {"atSeconds": 120, "command": "set", "path":
 * "workload.arrival.ratePerSecond", "value": 4000}} or an {@link Action} with its target, value and
 * duration. An entry's fields depend on its command, so it has a codec of its own.
 */
final class TimelineCodec {
    private TimelineCodec() {
    }

    static final FieldSpec AT = PlainField.number("atSeconds", 0, 1e8, "s", "When the command runs, in simulated seconds.");
    static final FieldSpec DURATION = PlainField.number("durationSeconds", 0.001, 1e7, "s", "How long a fault lasts.");
    static final FieldSpec COMMAND = PlainField.choice("command", "set (a field to a value), or an action or fault.", commands());
    static final FieldSpec PATH = PlainField.text("path", "set: the field to set, such as service.instances; in a drawn "
            + "system, one of a box or an edge, such as nodes.api.service.instances or edges[0].weight.");
    static final FieldSpec TARGET = PlainField.text("target", "The instance, cache level, shard, node or dependency acted on.");

    private static List<String> commands() {
        List<String> out = new ArrayList<>();
        out.add("set");
        for (Action a : Action.values()) {
            out.add(a.id());
        }
        return out;
    }

    static List<Scenario.TimelineEntry> read(JsonNode node, String path, List<Scenario.Dependency> dependencies) {
        return read(node, path, dependencies, false);
    }

    /**
     * {@code drawn}: the scenario has a topology, whose add-shard, add-instance and leak-connections may name the box
     * they act on (a drawing can have several databases and services); the network checks the name.
     */
    static List<Scenario.TimelineEntry> read(JsonNode node, String path, List<Scenario.Dependency> dependencies, boolean drawn) {
        if (!node.isArray()) {
            throw new ScenarioException(path, "expected an array of timed commands");
        }
        List<Scenario.TimelineEntry> out = new ArrayList<>(node.size());
        double previous = 0;
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (!node.get(i).isObject()) {
                throw new ScenarioException(itemPath, "expected an object such as {\"atSeconds\": 60, \"command\": \"set\", \"path\": ..., \"value\": ...}");
            }
            JsonObject f = JsonObject.of(node.get(i), itemPath);
            double at = f.requiredNumber("atSeconds", AT);
            if (at < previous) {
                throw new ScenarioException(f.path("atSeconds"), "entries must be in time order (" + FieldSpec.format(at)
                        + " comes after " + FieldSpec.format(previous) + ")");
            }
            previous = at;
            String command = (String) f.value("command", COMMAND);
            if (command == null) {
                throw new ScenarioException(f.path("command"), "missing; " + COMMAND.expectation());
            }
            out.add(command.equals("set") ? readSet(f, at, drawn) : readAction(f, at, Action.byId(command), dependencies, drawn));
        }
        return out;
    }

    private static Scenario.TimelineEntry readAction(JsonObject f, double at, Action action, List<Scenario.Dependency> dependencies,
                                                     boolean drawn) {
        String target = (String) f.value("target", TARGET);
        if (action.needsTarget() && target == null) {
            throw new ScenarioException(f.path("target"), "missing; " + action.target().example());
        }
        boolean namesItsBox = drawn && (action == Action.ADD_SHARD || action == Action.ADD_INSTANCE
                || action == Action.LEAK_CONNECTIONS);
        if (target != null && action.target() == Action.Target.NONE && !namesItsBox) {
            throw new ScenarioException(f.path("target"), action.id() + " takes no target");
        }
        if (action.target() == Action.Target.DEPENDENCY && dependencies.stream().noneMatch(dep -> dep.name().equals(target))) {
            throw new ScenarioException(f.path("target"), Quote.of(target) + " is not a dependency of this scenario"
                    + (dependencies.isEmpty() ? " (it has none)" : "; use one of "
                    + String.join(", ", dependencies.stream().map(Scenario.Dependency::name).toList())));
        }
        Object value = null;
        JsonNode raw = f.take("value");
        if (raw == null && action.needsValue()) {
            throw new ScenarioException(f.path("value"), "missing; " + action.description());
        }
        if (raw != null) {
            if (action.takesValue() && !raw.isNumber()) {
                throw new ScenarioException(f.path("value"), "expected a number, got " + JsonObject.describe(raw));
            }
            value = action.checkValue(f.path("value"), raw.isNumber() ? raw.doubleValue() : raw.asText());
        }
        double duration = action.needsDuration() ? f.requiredNumber("durationSeconds", DURATION) : 0;
        f.finish();
        return new Scenario.TimelineEntry(at, action.id(), null, target, value, duration);
    }

    private static Scenario.TimelineEntry readSet(JsonObject f, double at, boolean drawn) {
        String paramPath = (String) f.value("path", PATH);
        if (paramPath == null) {
            throw new ScenarioException(f.path("path"), "missing; the parameter to set, such as service.instances (README.md lists them)");
        }
        if (drawn && (paramPath.startsWith("nodes.") || paramPath.startsWith("edges["))) {
            // A drawn node's or edge's field (nodes.api.service.instances, edges[0].weight): the network checks it and its value.
            JsonNode raw = f.take("value");
            if (raw == null || !raw.isValueNode() || raw.isNull()) {
                throw new ScenarioException(f.path("value"), raw == null ? "missing; the field's new value"
                        : "expected a number, a string or true or false, got " + JsonObject.describe(raw));
            }
            f.finish();
            Object value = raw.isIntegralNumber() && raw.canConvertToInt() ? (Object) raw.intValue()
                    : raw.isNumber() ? (Object) raw.doubleValue() : raw.isBoolean() ? (Object) raw.booleanValue() : raw.asText();
            return Scenario.TimelineEntry.set(at, paramPath, value);
        }
        Parameter p = Parameter.byPath(paramPath);
        if (p == null && !ScenarioFiles.isDependencyField(paramPath)) {
            throw new ScenarioException(f.path("path"), Quote.of(paramPath) + " is not a parameter that can be set"
                    + Parameter.suggest(paramPath));
        }
        FieldSpec spec = p;
        if (p == null) {
            try {
                spec = ScenarioFields.spec(paramPath);
            } catch (ScenarioException notAField) {
                throw new ScenarioException(f.path("path"), Quote.of(paramPath) + " is not a field of a dependency"
                        + ScenarioFields.suggest(paramPath));
            }
        }
        JsonNode raw = f.take("value");
        if (raw == null) {
            throw new ScenarioException(f.path("value"), "missing; " + spec.expectation());
        }
        // Checked as the field's own value in the file is, and kept as a value typed in the app is:
        // a whole number as an Integer.
        Object checked = JsonObject.check(spec, f.path("value"), raw);
        Object value = checked instanceof Long whole && whole == whole.intValue() ? (Object) whole.intValue() : checked;
        f.finish();
        return Scenario.TimelineEntry.set(at, paramPath, value);
    }

    static ObjectNode write(Scenario.TimelineEntry e) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("atSeconds", e.atSeconds());
        t.put("command", e.command());
        if (e.path() != null) {
            t.put("path", e.path());
        }
        if (e.target() != null) {
            t.put("target", e.target());
        }
        if (e.durationSeconds() > 0) {
            t.put("durationSeconds", e.durationSeconds());
        }
        if (e.value() instanceof Boolean b) {
            t.put("value", b);
        } else if (e.value() instanceof Integer i) {
            t.put("value", i);
        } else if (e.value() instanceof Number n) {
            t.put("value", n.doubleValue());
        } else if (e.value() != null) {
            t.put("value", String.valueOf(e.value()));
        }
        return t;
    }
}
