package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scalelab.sim.RateShape;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the scenario records as JSON trees, driven by their components and their
 * {@link Field} annotations: one generic mapping for every section, so a field added to a record
 * is read, checked, defaulted and written without code here. Two value types have their own
 * small codecs, because the file writes only the fields their kind uses: {@link DistributionSpec}
 * and {@link RateShape}; the timeline has its own ({@link TimelineCodec}).
 */
final class ScenarioBinder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioBinder() {
    }

    // ---------------------------------------------------------------- reading

    /**
     * A record of {@code type} from {@code in}; each field the object leaves out takes its value in
     * {@code defaults}.
     */
    static Object read(Class<?> type, JsonObject in, Object defaults) {
        RecordComponent[] components = components(type);
        Object[] args = new Object[components.length];
        Map<String, Object> values = new HashMap<>();
        Map<String, JsonObject> groups = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Field f = field(c);
            Object fallback = defaults == null ? null : get(c, defaults);
            Object value = fallback;
            if (applies(f, values)) {
                String json = jsonName(c);
                JsonObject holder = in;
                String leaf = json;
                int dot = json.indexOf('.');
                if (dot > 0) {
                    String group = json.substring(0, dot);
                    holder = groups.computeIfAbsent(group, g -> {
                        JsonNode n = in.take(g);
                        return n == null ? null : JsonObject.of(n, in.path(g));
                    });
                    leaf = json.substring(dot + 1);
                }
                JsonNode v = holder == null ? null : holder.take(leaf);
                String at = holder == null ? in.path(json) : holder.path(leaf);
                if (v != null) {
                    value = readValue(c, f, at, v, fallback, values);
                } else if (!f.impliedBy().isEmpty() && in.has(f.impliedBy())) {
                    value = f.impliedValue();
                } else if (fallback == null && !f.example().isEmpty()) {
                    throw new ScenarioException(at, "missing; a name such as " + Quote.of(f.example()));
                }
                checkAtLeast(f, at, value, values);
            }
            args[i] = value;
            values.put(c.getName(), value);
        }
        for (JsonObject group : groups.values()) {
            if (group != null) {
                group.finish();
            }
        }
        in.finish();
        return construct(type, args);
    }

    private static Object readValue(RecordComponent c, Field f, String at, JsonNode v, Object fallback,
                                    Map<String, Object> siblings) {
        Class<?> type = c.getType();
        if (type == DistributionSpec.class) {
            return DistributionCodec.read(JsonObject.of(v, at), (DistributionSpec) fallback);
        }
        if (type == RateShape.class) {
            return RateShapeCodec.read(JsonObject.of(v, at));
        }
        if (type == List.class) {
            return readList(c, f, at, v, (List<?>) fallback, siblings);
        }
        if (type.isRecord()) {
            return read(type, JsonObject.of(v, at), sectionDefaults(c, f, fallback));
        }
        return scalar(type, f, JsonObject.check(ScenarioFields.specAt(at, c), at, v));
    }

    /** A checked JSON value (Long, Double, String, Boolean) as the component's type. */
    static Object scalar(Class<?> type, Field f, Object checked) {
        if (type == int.class) {
            return ((Number) checked).intValue();
        }
        if (type == long.class) {
            return ((Number) checked).longValue();
        }
        if (type == double.class || type == Double.class) {
            return ((Number) checked).doubleValue();
        }
        if (type.isEnum()) {
            return Enums.byId(type, (String) checked);
        }
        return checked;
    }

    private static List<?> readList(RecordComponent c, Field f, String at, JsonNode v, List<?> fallback,
                                    Map<String, Object> siblings) {
        Class<?> item = itemClass(c);
        if (item == Scenario.TimelineEntry.class) {
            @SuppressWarnings("unchecked")
            List<Scenario.Dependency> dependencies = (List<Scenario.Dependency>) siblings.get("dependencies");
            Topology topology = (Topology) siblings.get("topology");
            if (topology != null) {
                // A drawn pipeline's dependencies are its external APIs: faults and actions name them so.
                dependencies = new ArrayList<>(dependencies);
                dependencies.addAll(topology.externalsAsDependencies());
            }
            return TimelineCodec.read(v, at, dependencies, topology != null);
        }
        if (!v.isArray()) {
            throw new ScenarioException(at, "expected an array, got " + JsonObject.describe(v));
        }
        if (v.size() < f.minItems() || v.size() > f.maxItems()) {
            throw new ScenarioException(at, v.size() + (v.size() == 1 ? " item" : " items") + " is out of range; "
                    + (f.maxItems() == Integer.MAX_VALUE ? "at least " + f.minItems()
                    : f.minItems() == 0 ? "at most " + f.maxItems()
                    : "from " + f.minItems() + " to " + f.maxItems()) + " items");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String itemAt = at + "[" + i + "]";
            if (item.isRecord()) {
                Object itemDefaults = i < fallback.size() ? fallback.get(i)
                        : fallback.isEmpty() ? staticField(item, "DEFAULT") : fallback.get(fallback.size() - 1);
                out.add(read(item, JsonObject.of(v.get(i), itemAt), itemDefaults));
            } else {
                out.add(scalar(item, f, JsonObject.check(ScenarioFields.specAt(itemAt, c), itemAt, v.get(i))));
            }
        }
        if (item.isRecord()) {
            checkUnique(item, at, out);
        }
        return out;
    }

    private static void checkUnique(Class<?> item, String at, List<Object> items) {
        for (RecordComponent c : components(item)) {
            if (field(c).unique()) {
                Set<Object> seen = new HashSet<>();
                for (int i = 0; i < items.size(); i++) {
                    Object value = get(c, items.get(i));
                    if (!seen.add(value)) {
                        throw new ScenarioException(at + "[" + i + "]." + jsonName(c), Quote.of(String.valueOf(value))
                                + " is used by another item of " + at);
                    }
                }
            }
        }
    }

    /** The values a written section starts from: its own written defaults, the absent section's, or its type's. */
    static Object sectionDefaults(RecordComponent c, Field f, Object fallback) {
        if (!f.whenWritten().isEmpty()) {
            return staticField(c.getType(), f.whenWritten());
        }
        return fallback != null ? fallback : staticField(c.getType(), "DEFAULT");
    }

    /** Whether a field with a {@code when} condition belongs to the object, given its earlier siblings' values. */
    private static boolean applies(Field f, Map<String, Object> siblings) {
        if (f.when().isEmpty()) {
            return true;
        }
        int eq = f.when().indexOf('=');
        Object sibling = siblings.get(f.when().substring(0, eq));
        String id = sibling instanceof Enum<?> e ? Enums.id(e) : String.valueOf(sibling);
        return id.equals(f.when().substring(eq + 1));
    }

    /** The "at least a sibling" rule ({@link Field#atLeast}) for one value. */
    static void checkAtLeast(Field f, String at, Object value, Map<String, Object> siblings) {
        if (f.atLeast().isEmpty() || value == null) {
            return;
        }
        double floor = ((Number) siblings.get(f.atLeast())).doubleValue();
        double v = ((Number) value).doubleValue();
        if (v < floor) {
            throw new ScenarioException(at, FieldSpec.format(v) + " is below " + f.atLeast() + " (" + FieldSpec.format(floor) + ")");
        }
    }

    /** Checks every "at least" rule of a record built in code (after one field changed). */
    static void checkAtLeast(Object record, String path) {
        Map<String, Object> values = new HashMap<>();
        for (RecordComponent c : components(record.getClass())) {
            Object value = get(c, record);
            checkAtLeast(field(c), path.isEmpty() ? jsonName(c) : path + "." + jsonName(c), value, values);
            values.put(c.getName(), value);
        }
    }

    // ---------------------------------------------------------------- writing

    static ObjectNode write(Object record) {
        ObjectNode out = NODES.objectNode();
        Map<String, Object> values = new HashMap<>();
        for (RecordComponent c : components(record.getClass())) {
            Field f = field(c);
            Object value = get(c, record);
            values.put(c.getName(), value);
            if (value == null || !applies(f, values) || (f.omitEmpty() && isEmpty(value))) {
                continue;
            }
            String json = jsonName(c);
            ObjectNode target = out;
            int dot = json.indexOf('.');
            if (dot > 0) {
                String group = json.substring(0, dot);
                target = out.has(group) ? (ObjectNode) out.get(group) : out.putObject(group);
                json = json.substring(dot + 1);
            }
            target.set(json, writeValue(f, value));
        }
        return out;
    }

    private static boolean isEmpty(Object value) {
        return value instanceof String s ? s.isEmpty() : value instanceof List<?> l && l.isEmpty();
    }

    /** A field's value as the scenario file and the schema's defaults write it. */
    static JsonNode writeValue(Field f, Object value) {
        if (value instanceof Integer i) {
            return IntNode.valueOf(i);
        }
        if (value instanceof Long l) {
            return LongNode.valueOf(l);
        }
        if (value instanceof Double d) {
            return f.whole() ? IntNode.valueOf((int) (double) d) : DoubleNode.valueOf(d);
        }
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (value instanceof String s) {
            return TextNode.valueOf(s);
        }
        if (value instanceof Enum<?> e) {
            return TextNode.valueOf(Enums.id(e));
        }
        if (value instanceof DistributionSpec d) {
            return DistributionCodec.write(d);
        }
        if (value instanceof RateShape shape) {
            return RateShapeCodec.write(shape);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : list) {
                array.add(item instanceof Scenario.TimelineEntry e ? TimelineCodec.write(e) : writeValue(f, item));
            }
            return array;
        }
        return write(value);
    }

    // ---------------------------------------------------------------- reflection

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            RecordComponent[] components = components(type);
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                return type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    /** The record's components, looked up once per class (callers do not change the array). */
    static RecordComponent[] components(Class<?> type) {
        return COMPONENTS.get(type);
    }

    static Field field(RecordComponent c) {
        Field f = c.getAnnotation(Field.class);
        if (f == null) {
            throw new IllegalStateException(c.getDeclaringRecord().getSimpleName() + "." + c.getName() + " has no @Field");
        }
        return f;
    }

    /** The component's name in the file: its own, or the dotted path its {@link Field#json} gives. */
    static String jsonName(RecordComponent c) {
        Field f = c.getAnnotation(Field.class);
        return f == null || f.json().isEmpty() ? c.getName() : f.json();
    }

    /** The class of a value: the item class of a list of numbers, the component's class otherwise. */
    static Class<?> valueClass(RecordComponent c) {
        return c.getType() == List.class ? itemClass(c) : c.getType();
    }

    static Class<?> itemClass(RecordComponent c) {
        return (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
    }

    static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object construct(Class<?> type, Object[] args) {
        try {
            return CONSTRUCTORS.get(type).newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object staticField(Class<?> type, String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no " + name, e);
        }
    }
}
