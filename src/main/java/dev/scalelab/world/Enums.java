package dev.scalelab.world;

/** The ids by which scenario files name enum constants (every scenario enum has an {@code id()}). */
final class Enums {
    private Enums() {
    }

    static String id(Enum<?> e) {
        try {
            return (String) e.getDeclaringClass().getMethod("id").invoke(e);
        } catch (ReflectiveOperationException x) {
            throw new IllegalStateException(e.getDeclaringClass() + " has no id()", x);
        }
    }

    /** The constant of {@code type} with this id; the caller has checked it is one of the choices. */
    static Object byId(Class<?> type, String id) {
        for (Object e : type.getEnumConstants()) {
            if (id((Enum<?>) e).equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
