package dev.scalelab.world;

import dev.scalelab.sim.RateShape;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any field of a scenario by its path in the file ({@code service.instances},
 * {@code dependencies[1].retry.maxAttempts}, {@code cache.levels[0].ttlSeconds}): its spec, its
 * value, and a scenario with it changed. The records are walked by their components, so every field
 * a record declares is reachable, and setting one rebuilds only the records along its path.
 */
public final class ScenarioFields {
    private static final Pattern STEP = Pattern.compile("([A-Za-z$][A-Za-z0-9]*)(?:\\[(\\d{1,9})])?");

    private ScenarioFields() {
    }

    /**
     * The spec of any field path, list indices included; throws a ScenarioException naming the
     * path (with a "did you mean" suggestion) when there is none.
     */
    public static FieldSpec spec(String path) {
        Parameter p = Parameter.byPath(path);
        if (p != null) {
            return p;
        }
        return declared(path);
    }

    /** The spec the records declare at {@code path}, in the file reader's wording (what a {@link Parameter} takes). */
    static FieldSpec declared(String path) {
        FieldSpec known = SPECS.get(path);
        if (known == null) {
            known = locate(path).spec(path);
            remember(SPECS, path, known);
        }
        return known;
    }

    // A long timeline reads, checks and sets the same few paths many times: each is walked once.
    // Only paths that are fields are kept, and only so many, so odd input cannot fill the heap.
    private static final int REMEMBERED_PATHS = 10_000;
    private static final Map<String, Location> LOCATIONS = new ConcurrentHashMap<>();
    private static final Map<String, FieldSpec> SPECS = new ConcurrentHashMap<>();

    private static <T> void remember(Map<String, T> map, String path, T value) {
        if (map.size() < REMEMBERED_PATHS) {
            map.put(path, value);
        }
    }

    /** The spec of the field at {@code path} held by component {@code c} (a Parameter's when it is one). */
    static FieldSpec specAt(String path, RecordComponent c) {
        Parameter p = Parameter.byPath(path);
        return p != null ? p : new RecordField(path, c);
    }

    /**
     * The value at path in s: Integer, Double, String or Boolean (a Long for the seed); null where s
     * has no such section or item (a breaker field of a dependency without a breaker, a level the
     * cache does not have).
     */
    public static Object read(Scenario s, String path) {
        return read(s, path, false);
    }

    /**
     * As {@link #read}, but a section that {@link #with} would create with its defaults (one inside
     * another section, such as {@code service.connectionPool}) reads as those defaults.
     */
    static Object readAsCreated(Scenario s, String path) {
        return read(s, path, true);
    }

    private static Object read(Scenario s, String path, boolean defaults) {
        Location at = locate(path);
        Object holder = s;
        for (int i = 0; i < at.steps.size(); i++) {
            Step step = at.steps.get(i);
            if (holder == null && defaults && i >= 2 && at.steps.get(i - 1).index < 0) {
                Class<?> section = at.steps.get(i - 1).component.getType();
                if (Arrays.stream(section.getFields()).anyMatch(f -> f.getName().equals("DEFAULT"))) {
                    holder = ScenarioBinder.staticField(section, "DEFAULT");
                }
            }
            if (holder == null) {
                return null;
            }
            if (holder instanceof DistributionSpec d) {
                return DistributionCodec.read(d, step.name);
            }
            if (holder instanceof RateShape shape) {
                return step.name.equals("kind") ? shape.kind().id() : RateShapeCodec.value(shape, step.name);
            }
            holder = ScenarioBinder.get(step.component, holder);
            if (step.index >= 0) {
                List<?> list = (List<?>) holder;
                holder = step.index < list.size() ? list.get(step.index) : null;
            }
        }
        return asFileValue(holder, at.last().component);
    }

    private static Object asFileValue(Object v, RecordComponent c) {
        if (v instanceof Enum<?> e) {
            return Enums.id(e);
        }
        if (v instanceof Double d && c != null && ScenarioBinder.field(c).whole()) {
            return (int) (double) d;
        }
        return v;
    }

    /**
     * s with the field at path set to a value already checked by spec(path).parse/validate; builds
     * the new records directly, does not serialise or reparse. Throws ScenarioException when the
     * value conflicts with another field.
     */
    public static Scenario with(Scenario s, String path, Object value) {
        Location at = locate(path);
        return (Scenario) with(s, at.steps, 0, value, "");
    }

    private static Object with(Object holder, List<Step> steps, int i, Object value, String prefix) {
        Step step = steps.get(i);
        String here = (prefix.isEmpty() ? "" : prefix + ".") + step.name;
        if (holder instanceof DistributionSpec d) {
            return DistributionCodec.with(d, step.name, value, prefix);
        }
        if (holder instanceof RateShape shape) {
            return withShape(shape, step.name, value);
        }
        RecordComponent c = step.component;
        Object current = ScenarioBinder.get(c, holder);
        Object replacement;
        if (step.index >= 0) {
            List<?> list = (List<?>) current;
            String item = here + "[" + step.index + "]";
            if (step.index >= list.size()) {
                throw new ScenarioException(item, "this scenario has only " + list.size() + " " + step.name);
            }
            List<Object> copy = new ArrayList<>(list);
            copy.set(step.index, i == steps.size() - 1
                    ? ScenarioBinder.scalar(ScenarioBinder.itemClass(c), ScenarioBinder.field(c), value)
                    : with(list.get(step.index), steps, i + 1, value, item));
            replacement = copy;
        } else if (i == steps.size() - 1) {
            replacement = ScenarioBinder.scalar(c.getType(), ScenarioBinder.field(c), value);
        } else {
            if (current == null) {
                if (prefix.isEmpty()) {
                    throw new ScenarioException(here, "this scenario has no " + step.name + " section");
                }
                // A section of a list item (a dependency's breaker) is added with its defaults, as an
                // empty section in the file would.
                current = ScenarioBinder.staticField(c.getType(), "DEFAULT");
            }
            replacement = with(current, steps, i + 1, value, here);
        }
        RecordComponent[] components = ScenarioBinder.components(holder.getClass());
        Object[] args = new Object[components.length];
        for (int k = 0; k < components.length; k++) {
            args[k] = components[k].getName().equals(c.getName()) ? replacement : ScenarioBinder.get(components[k], holder);
        }
        Object rebuilt = ScenarioBinder.construct(holder.getClass(), args);
        ScenarioBinder.checkAtLeast(rebuilt, prefix);
        return rebuilt;
    }

    private static RateShape withShape(RateShape s, String name, Object value) {
        if (name.equals("kind")) {
            return RateShapeCodec.asKind(s, RateShape.Kind.valueOf(((String) value).toUpperCase(Locale.ROOT)));
        }
        double v = ((Number) value).doubleValue();
        return new RateShape(s.kind(), name.equals("toRatePerSecond") ? v : s.toRatePerSecond(),
                name.equals("atSeconds") ? v : s.atSeconds(), name.equals("durationSeconds") ? v : s.durationSeconds(),
                name.equals("multiplier") ? v : s.multiplier(), name.equals("periodSeconds") ? v : s.periodSeconds(),
                name.equals("amplitude") ? v : s.amplitude());
    }

    /** Whether path may change while a run goes on (a Parameter or a dependency field). */
    public static boolean isLive(String path) {
        return Parameter.byPath(path) != null || ScenarioFiles.isDependencyField(path) && isField(path);
    }

    private static boolean isField(String path) {
        try {
            locate(path);
            return true;
        } catch (ScenarioException e) {
            return false;
        }
    }

    /**
     * The sibling path and value a field needs to be in the file ({@code workload.keys.alpha} needs
     * {@code workload.keys.distribution} {@code zipf}: see {@link Field#when}), or null.
     */
    public static String[] condition(String path) {
        Step last = locate(path).last();
        if (last.component == null || ScenarioBinder.field(last.component).when().isEmpty()) {
            return null;
        }
        String[] when = ScenarioBinder.field(last.component).when().split("=");
        return new String[] {path.substring(0, path.lastIndexOf('.') + 1) + when[0], when[1]};
    }

    /** Every field path of a scenario, lists at their first item ({@code dependencies[0].name}), in file order. */
    public static List<String> paths() {
        List<String> out = new ArrayList<>();
        collect(Scenario.class, "", out);
        return out;
    }

    private static void collect(Class<?> type, String prefix, List<String> out) {
        for (RecordComponent c : ScenarioBinder.components(type)) {
            String here = prefix + ScenarioBinder.jsonName(c);
            Class<?> t = c.getType();
            if (t == List.class) {
                Class<?> item = ScenarioBinder.itemClass(c);
                if (item != Scenario.TimelineEntry.class) {
                    if (item.isRecord()) {
                        collect(item, here + "[0].", out);
                    } else {
                        out.add(here + "[0]");
                    }
                }
            } else if (t == RateShape.class) {
                RateShapeCodec.FIELDS.keySet().stream().sorted().forEach(name -> out.add(here + "." + name));
            } else if (t.isRecord()) {
                collect(t, here + ".", out);
            } else {
                out.add(here);
            }
        }
    }

    // ---------------------------------------------------------------- paths

    /** One step of a path: a component, and the item of its list when it is one. */
    private record Step(String name, RecordComponent component, int index) {
    }

    private record Location(List<Step> steps) {
        Step last() {
            return steps.get(steps.size() - 1);
        }

        FieldSpec spec(String path) {
            Step last = last();
            if (last.component == null) {
                FieldSpec f = RateShapeCodec.FIELDS.get(last.name);
                return new PlainField(path, f.type(), f.min(), f.max(), f.unit(), f.description(), f.choices());
            }
            return new RecordField(path, last.component);
        }
    }

    private static Location locate(String path) {
        Location known = LOCATIONS.get(path);
        if (known == null) {
            known = find(path);
            remember(LOCATIONS, path, known);
        }
        return known;
    }

    private static Location find(String path) {
        List<Step> steps = new ArrayList<>();
        Class<?> type = Scenario.class;
        String[] parts = path.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            Matcher m = STEP.matcher(parts[i]);
            if (type == null || !m.matches()) {
                throw unknown(path);
            }
            String name = m.group(1);
            int index = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
            if (type == RateShape.class) {
                if (!RateShapeCodec.FIELDS.containsKey(name) || index >= 0 || i != parts.length - 1) {
                    throw unknown(path);
                }
                steps.add(new Step(name, null, -1));
                break;
            }
            RecordComponent c = componentOf(type, name, parts, i);
            if (c == null) {
                throw unknown(path);
            }
            String json = ScenarioBinder.jsonName(c);
            i += json.split("\\.").length - 1;
            boolean list = c.getType() == List.class;
            if (list != (index >= 0)) {
                throw unknown(path);
            }
            if (list && ScenarioBinder.itemClass(c) == Scenario.TimelineEntry.class) {
                throw unknown(path);
            }
            steps.add(new Step(name, c, index));
            Class<?> next = list ? ScenarioBinder.itemClass(c) : c.getType();
            type = next.isRecord() ? next : null;
        }
        Step last = steps.get(steps.size() - 1);
        if (type != null && type != RateShape.class && last.component != null) {
            throw unknown(path); // a section, not a field
        }
        return new Location(steps);
    }

    /** The component of {@code type} written at {@code parts[i]} (and after it, for a dotted file name). */
    private static RecordComponent componentOf(Class<?> type, String name, String[] parts, int i) {
        for (RecordComponent c : ScenarioBinder.components(type)) {
            String[] json = ScenarioBinder.jsonName(c).split("\\.");
            if (json.length == 1 && json[0].equals(name)) {
                return c;
            }
            if (json.length > 1 && i + json.length <= parts.length) {
                boolean match = true;
                for (int k = 0; k < json.length; k++) {
                    match &= parts[i + k].equals(json[k]);
                }
                if (match) {
                    return c;
                }
            }
        }
        return null;
    }

    private static ScenarioException unknown(String path) {
        return new ScenarioException(Quote.shorten(path), "not a field of a scenario" + suggest(path));
    }

    /** "; did you mean X?" for the closest field path, or a pointer to where they are listed. */
    static String suggest(String path) {
        if (path.length() > 2 * Quote.MAX_CHARS) {
            return "; the fields are listed in scenario.schema.json";
        }
        String general = path.replaceAll("\\[\\d+]", "[0]");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String p : paths()) {
            int d = Parameter.editDistance(general.toLowerCase(Locale.ROOT), p.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        if (best != null && bestDistance <= Math.max(3, path.length() / 4)) {
            return "; did you mean " + best + "?";
        }
        return "; the fields are listed in scenario.schema.json";
    }
}
