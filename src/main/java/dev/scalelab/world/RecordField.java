package dev.scalelab.world;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * A field of the scenario file as its record component declares it ({@link Field}): the spec of
 * every path that is not a live {@link Parameter}, and the metadata the parameters take. Its
 * messages word a range as every field's do ("a whole number from 1 to 100").
 */
final class RecordField implements FieldSpec {
    private final String path;
    private final Field field;
    private final Type type;
    private final List<String> choices;

    RecordField(String path, RecordComponent component) {
        this.path = path;
        this.field = ScenarioBinder.field(component);
        Class<?> value = ScenarioBinder.valueClass(component);
        if (value.isEnum()) {
            this.choices = Arrays.stream(value.getEnumConstants()).map(e -> Enums.id((Enum<?>) e)).toList();
        } else {
            this.choices = List.of(field.choices());
        }
        this.type = typeOf(value, field, choices);
    }

    private static Type typeOf(Class<?> value, Field f, List<String> choices) {
        if (value == int.class || value == long.class || (value == double.class && f.whole())) {
            return Type.INTEGER;
        }
        if (value == double.class || value == Double.class) {
            return Type.NUMBER;
        }
        if (value == boolean.class) {
            return Type.BOOLEAN;
        }
        if (value.isEnum() || !choices.isEmpty()) {
            return Type.CHOICE;
        }
        return Type.TEXT;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public double min() {
        return field.min();
    }

    @Override
    public double max() {
        return field.max();
    }

    @Override
    public boolean minExclusive() {
        return field.minExclusive();
    }

    @Override
    public String unit() {
        return field.unit();
    }

    @Override
    public String description() {
        return field.description();
    }

    @Override
    public List<String> choices() {
        return choices;
    }

    @Override
    public Object validate(String at, Object value) {
        Object v = FieldSpec.super.validate(at, value);
        if (type == Type.TEXT && !field.pattern().isEmpty() && !((String) v).matches(field.pattern())) {
            throw new ScenarioException(at, Quote.of((String) v) + " " + field.patternHint());
        }
        return v;
    }
}
