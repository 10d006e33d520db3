package dev.scalelab.world;

import java.util.List;

/** A field spec written out where no record component holds the field (a rate shape's, a timeline entry's). */
record PlainField(String path, Type type, double min, double max, String unit, String description,
                  List<String> choices) implements FieldSpec {

    static PlainField number(String path, double min, double max, String unit, String description) {
        return new PlainField(path, Type.NUMBER, min, max, unit, description, List.of());
    }

    static PlainField choice(String path, String description, List<String> choices) {
        return new PlainField(path, Type.CHOICE, 0, 0, "", description, choices);
    }

    static PlainField text(String path, String description) {
        return new PlainField(path, Type.TEXT, 0, 0, "", description, List.of());
    }
}
