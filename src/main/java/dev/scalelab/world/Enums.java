package dev.scalelab.world;

import dev.scalelab.sim.HasId;

/** The ids by which scenario files name enum constants (every scenario enum is a {@link HasId}). */
final class Enums {
    private Enums() {
    }

    static String id(Enum<?> e) {
        return ((HasId) e).id();
    }

    /** The constant of {@code type} with this id; the caller has checked it is one of the choices. */
    static Object byId(Class<?> type, String id) {
        Object e = HasId.byId(type.asSubclass(HasId.class), id);
        if (e == null) {
            throw new IllegalArgumentException(id);
        }
        return e;
    }
}
