package dev.scalelab.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.RateShape;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of scenario files (draft 2020-12), generated from the scenario records: every
 * field's type, range, default, choices and description, as the reader checks them. It ships as
 * {@code scenario.schema.json} so that editors complete and check a file that names it in its
 * {@code "$schema"}. Run {@code main} with the file to write to regenerate it.
 */
public final class ScenarioSchema {
    static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    /** A stable name for the schema; an editor finds the file through the scenario's {@code "$schema"}, not through this. */
    static final String ID = "urn:dev.scalelab:scenario.schema.json:" + Scenario.SCHEMA;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioSchema() {
    }

    /** The schema, as the checked-in {@code scenario.schema.json} holds it. */
    public static String text() {
        try {
            return ScenarioFiles.JSON.writeValueAsString(generate()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode generate() {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", DRAFT);
        root.put("$id", ID);
        root.put("title", "ScaleLab scenario");
        root.put("description", "A simulated system for ScaleLab: every field has a default, so {\"schema\": 1} is a scenario.");
        ObjectNode body = record(Scenario.class, ScenarioFiles.FILE_DEFAULT);
        ObjectNode properties = root.put("type", "object").putObject("properties");
        properties.putObject("$schema").put("type", "string")
                .put("description", "The address of this schema, for editors; the run ignores it.");
        properties.putObject("schema").put("const", Scenario.SCHEMA).put("description", "The file format's version.");
        properties.setAll((ObjectNode) body.get("properties"));
        root.putArray("required").add("schema");
        root.put("additionalProperties", false);
        return root;
    }

    private static ObjectNode record(Class<?> type, Object defaults) {
        ObjectNode o = NODES.objectNode().put("type", "object");
        ObjectNode properties = o.putObject("properties");
        for (RecordComponent c : ScenarioBinder.components(type)) {
            Field f = ScenarioBinder.field(c);
            Object fallback = defaults == null ? null : ScenarioBinder.get(c, defaults);
            ObjectNode p = property(c, f, fallback);
            if (defaults != null && fallback == null && !f.example().isEmpty()) {
                (o.has("required") ? (ArrayNode) o.get("required") : o.putArray("required")).add(ScenarioBinder.jsonName(c));
            }
            String json = ScenarioBinder.jsonName(c);
            int dot = json.indexOf('.');
            if (dot > 0) {
                String group = json.substring(0, dot);
                ObjectNode nested = properties.has(group) ? (ObjectNode) properties.get(group) : groupNode(properties, group);
                ((ObjectNode) nested.get("properties")).set(json.substring(dot + 1), p);
            } else {
                properties.set(json, p);
            }
        }
        o.put("additionalProperties", false);
        return o;
    }

    private static ObjectNode groupNode(ObjectNode properties, String group) {
        ObjectNode nested = properties.putObject(group).put("type", "object");
        nested.putObject("properties");
        nested.put("additionalProperties", false);
        return nested;
    }

    private static ObjectNode property(RecordComponent c, Field f, Object fallback) {
        Class<?> type = c.getType();
        ObjectNode p;
        if (type == DistributionSpec.class) {
            p = distribution((DistributionSpec) fallback);
        } else if (type == RateShape.class) {
            p = rateShape();
        } else if (type == List.class) {
            p = list(c, f, (List<?>) fallback);
        } else if (type.isRecord()) {
            p = record(type, ScenarioBinder.sectionDefaults(c, f, fallback));
        } else {
            p = scalar(new RecordField(c.getName(), c), f);
            if (fallback != null) {
                p.set("default", ScenarioBinder.writeValue(f, fallback));
            }
        }
        p.put("description", f.description());
        return p;
    }

    private static ObjectNode list(RecordComponent c, Field f, List<?> fallback) {
        ObjectNode p = NODES.objectNode().put("type", "array");
        Class<?> item = ScenarioBinder.itemClass(c);
        if (item == Scenario.TimelineEntry.class) {
            p.set("items", timelineEntry());
        } else if (item.isRecord()) {
            // Items of a list with defaults of its own (the cache levels) each have their own defaults,
            // given by the list's default; items of an empty list take their type's.
            p.set("items", record(item, fallback == null || fallback.isEmpty() ? ScenarioBinder.staticField(item, "DEFAULT") : null));
        } else {
            p.set("items", scalar(new RecordField(c.getName(), c), f));
        }
        if (f.minItems() > 0) {
            p.put("minItems", f.minItems());
        }
        if (f.maxItems() < Integer.MAX_VALUE) {
            p.put("maxItems", f.maxItems());
        }
        if (fallback != null && !fallback.isEmpty() && item != Scenario.TimelineEntry.class) {
            ArrayNode d = p.putArray("default");
            fallback.forEach(x -> d.add(ScenarioBinder.writeValue(f, x)));
        }
        return p;
    }

    private static ObjectNode scalar(FieldSpec spec, Field f) {
        ObjectNode p = NODES.objectNode();
        switch (spec.type()) {
            case INTEGER:
            case NUMBER:
                p.put("type", spec.type() == FieldSpec.Type.INTEGER ? "integer" : "number");
                if (spec.min() > -Double.MAX_VALUE) {
                    putNumber(p, spec.minExclusive() ? "exclusiveMinimum" : "minimum", spec.min());
                }
                if (spec.max() < Double.MAX_VALUE) {
                    putNumber(p, "maximum", spec.max());
                }
                break;
            case BOOLEAN:
                p.put("type", "boolean");
                break;
            case CHOICE: {
                p.put("type", "string");
                ArrayNode e = p.putArray("enum");
                spec.choices().forEach(e::add);
                break;
            }
            default:
                p.put("type", "string");
                if (f != null && !f.pattern().isEmpty()) {
                    p.put("pattern", "^" + f.pattern() + "$");
                }
        }
        if (!spec.unit().isEmpty()) {
            p.put("x-unit", spec.unit());
        }
        return p;
    }

    private static void putNumber(ObjectNode p, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) <= Long.MAX_VALUE) {
            p.put(key, (long) v);
        } else {
            p.put(key, v);
        }
    }

    private static ObjectNode distribution(DistributionSpec fallback) {
        ObjectNode o = NODES.objectNode().put("type", "object");
        ObjectNode properties = o.putObject("properties");
        for (RecordComponent c : ScenarioBinder.components(DistributionSpec.class)) {
            Field f = ScenarioBinder.field(c);
            properties.set(ScenarioBinder.jsonName(c), scalar(new RecordField(c.getName(), c), f).put("description", f.description()));
        }
        o.put("additionalProperties", false);
        if (fallback != null) {
            o.set("default", DistributionCodec.write(fallback));
        }
        return o;
    }

    private static ObjectNode rateShape() {
        ObjectNode o = NODES.objectNode().put("type", "object");
        ObjectNode properties = o.putObject("properties");
        properties.set("kind", scalar(RateShapeCodec.FIELDS.get("kind"), null).put("description", RateShapeCodec.FIELDS.get("kind").description()));
        for (Map.Entry<String, FieldSpec> e : RateShapeCodec.FIELDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (!e.getKey().equals("kind")) {
                properties.set(e.getKey(), scalar(e.getValue(), null).put("description", e.getValue().description()));
            }
        }
        o.put("additionalProperties", false);
        o.set("default", RateShapeCodec.write(RateShape.CONSTANT));
        return o;
    }

    private static ObjectNode timelineEntry() {
        ObjectNode o = NODES.objectNode().put("type", "object");
        ObjectNode properties = o.putObject("properties");
        for (FieldSpec f : List.of(TimelineCodec.AT, TimelineCodec.COMMAND, TimelineCodec.PATH, TimelineCodec.TARGET)) {
            properties.set(f.path(), scalar(f, null).put("description", f.description()));
        }
        ObjectNode value = properties.putObject("value");
        value.putArray("type").add("number").add("string").add("boolean");
        value.put("description", "set: the field's new value; an action's or fault's value (a weight, an error rate, a latency in ms).");
        properties.set(TimelineCodec.DURATION.path(), scalar(TimelineCodec.DURATION, null).put("description", TimelineCodec.DURATION.description()));
        o.putArray("required").add("atSeconds").add("command");
        o.put("additionalProperties", false);
        return o;
    }
}
