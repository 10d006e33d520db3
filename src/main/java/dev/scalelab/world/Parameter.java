package dev.scalelab.world;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A field of the scenario that can change while a simulation runs: by the user, or by a {@code set}
 * command on the scenario's timeline. There is no list of them: a record component (or a section
 * above it) marked with its subsystem's {@code Applies} annotation ({@link Live}) is one, found by
 * walking the scenario records once. Its type, range, unit, meaning and choices are the component's
 * {@link Field}, so the scenario file, the timeline, the command line and the UI's forms all
 * validate alike; its owner and how a change is applied are the step the annotation names
 * ({@link ApplyStep}). A list's items are live up to its {@link Field#liveItems}.
 */
public final class Parameter implements FieldSpec, Comparable<Parameter> {
    private final String path;
    /** How its owner applies a change: naming a step is what makes a parameter live, so one without a step does not compile. */
    private final ApplyStep step;
    /** Its place in {@link #all()}: the file's order, a list's items one after another. */
    private final int order;
    // Taken from the record component at the path on first use: the scenario records are loaded then.
    private volatile FieldSpec declared;

    private Parameter(String path, ApplyStep step, int order) {
        this.path = path;
        this.step = step;
        this.order = order;
    }

    /** Every live parameter, in the order of the scenario file, each list item's fields together. */
    public static List<Parameter> all() {
        return Declared.ALL;
    }

    /** The live parameter at {@code path}; throws when there is none, as a mistyped path in code is a bug. */
    public static Parameter of(String path) {
        Parameter p = byPath(path);
        if (p == null) {
            throw new IllegalArgumentException(path + " is not a live parameter" + suggest(path));
        }
        return p;
    }

    /** {@link #of} for each path, in order: the rows of a form's part. */
    public static List<Parameter> list(String... paths) {
        List<Parameter> out = new ArrayList<>(paths.length);
        for (String path : paths) {
            out.add(of(path));
        }
        return List.copyOf(out);
    }

    /** The step of the subsystem that applies a change of this parameter. */
    ApplyStep step() {
        return step;
    }

    /**
     * The step that applies it, named by its part and its constant ({@code SCALING.REPLICAS},
     * {@code CACHE.REBUILD}): a drawn system's node applies a change of the same field in its own
     * section with the same step's meaning, and knows it by this name.
     */
    public String applyStep() {
        return Part.of(this).name() + "." + ((Enum<?>) step).name();
    }

    @Override
    public int compareTo(Parameter other) {
        return Integer.compare(order, other.order);
    }

    @Override
    public String toString() {
        return path;
    }

    private FieldSpec declared() {
        FieldSpec d = declared;
        if (d == null) {
            d = ScenarioFields.declared(path);
            declared = d;
        }
        return d;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Type type() {
        return declared().type();
    }

    @Override
    public double min() {
        return declared().min();
    }

    @Override
    public double max() {
        return declared().max();
    }

    @Override
    public boolean minExclusive() {
        return declared().minExclusive();
    }

    @Override
    public String unit() {
        return declared().unit();
    }

    @Override
    public String description() {
        return declared().description();
    }

    @Override
    public List<String> choices() {
        return declared().choices();
    }

    public static Parameter byPath(String path) {
        return Declared.BY_PATH.get(path);
    }

    /**
     * "; did you mean X?" for the closest parameter path, or a pointer to where they are listed:
     * a hundred paths are too many for a one-line message.
     */
    public static String suggest(String path) {
        if (path.length() > 2 * Quote.MAX_CHARS) {
            return "; the parameters are listed in README.md";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Parameter p : all()) {
            int d = editDistance(path.toLowerCase(Locale.ROOT), p.path.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = p.path;
            }
        }
        if (best != null && bestDistance <= Math.max(3, path.length() / 4)) {
            return "; did you mean " + best + "?";
        }
        return "; the parameters are listed in README.md (and a dependency's fields, such as dependencies[0].retry.maxAttempts, can be set too)";
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(previous[j] + 1, row[j - 1] + 1));
            }
            int[] t = previous;
            previous = row;
            row = t;
        }
        return previous[b.length()];
    }

    /**
     * The value of this parameter in {@code s}: a Double, Integer, String or Boolean. A parameter of a
     * section that setting it creates with its defaults ({@code service.connectionPool}) reads as
     * that default; one of a list item or top-level section the scenario does not have (a third
     * cache level of a two-level cache) reads as 0, false or "".
     */
    public Object read(Scenario s) {
        Object value = ScenarioFields.readAsCreated(s, path);
        if (value != null) {
            return value;
        }
        switch (type()) {
            case INTEGER:
                return 0;
            case NUMBER:
                return 0.0;
            case BOOLEAN:
                return Boolean.FALSE;
            default:
                return "";
        }
    }

    /**
     * {@code s} with this parameter set to a value already checked by {@link #parse} or
     * {@link #validate}. Throws a {@link ScenarioException} when the value conflicts with another
     * field (a maxReplicas below minReplicas).
     */
    public Scenario applyTo(Scenario s, Object value) {
        return ScenarioFields.with(s, path, value);
    }

    public static String format(double v) {
        return FieldSpec.format(v);
    }

    /** The parameters the records declare, found once when first asked for. */
    private static final class Declared {
        static final List<Parameter> ALL;
        static final Map<String, Parameter> BY_PATH = new HashMap<>();

        static {
            List<Parameter> out = new ArrayList<>();
            walk(Scenario.class, "", null, out);
            ALL = List.copyOf(out);
            for (Parameter p : ALL) {
                BY_PATH.put(p.path, p);
            }
        }

        /** A subsystem's mark on a component: its step, and (on a section) which fields below it. */
        private record Mark(ApplyStep step, List<String> fields) {
        }

        private static void walk(Class<?> type, String prefix, Mark above, List<Parameter> out) {
            for (RecordComponent c : ScenarioBinder.components(type)) {
                String name = ScenarioBinder.jsonName(c);
                String here = prefix + name;
                Mark own = mark(c);
                Mark applies = own != null ? own : above;
                Class<?> t = c.getType();
                if (t == Topology.class) {
                    // A drawn system's nodes carry the sections whose fields are live in the pipeline, but a
                    // topology is changed by editing the design and running it again, not by live commands.
                    continue;
                }
                if (t == List.class && ScenarioBinder.itemClass(c).isRecord()) {
                    Class<?> item = ScenarioBinder.itemClass(c);
                    int before = out.size();
                    int items = ScenarioBinder.field(c).liveItems();
                    for (int i = 0; i < Math.max(1, items); i++) {
                        walk(item, here + "[" + i + "].", applies, out);
                    }
                    if (items == 0 && out.size() > before) {
                        throw new IllegalStateException(here + " holds live fields but does not say how many of its items are live (Field.liveItems)");
                    }
                } else if (t != List.class && t.isRecord()) {
                    walk(t, here + ".", applies, out);
                } else if (own != null || above != null && (above.fields.isEmpty() || above.fields.contains(name))) {
                    out.add(new Parameter(here, applies.step, out.size()));
                }
            }
        }

        private static Mark mark(RecordComponent c) {
            for (Annotation a : c.getAnnotations()) {
                Class<? extends Annotation> type = a.annotationType();
                if (type.isAnnotationPresent(Live.class)) {
                    try {
                        return new Mark((ApplyStep) type.getMethod("value").invoke(a),
                                List.of((String[]) type.getMethod("fields").invoke(a)));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(type.getName() + " needs value() and fields(), as Live says", e);
                    }
                }
            }
            return null;
        }
    }
}
