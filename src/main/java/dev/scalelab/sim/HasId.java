package dev.scalelab.sim;

/**
 * An enum constant that scenario files, reports and the command line name by a short id
 * ("least-requests", "target-tracking") rather than by its Java name.
 */
public interface HasId {

    String id();

    /** The constant of the enum {@code type} whose id is {@code id}, or null when none is. */
    static <E extends HasId> E byId(Class<E> type, String id) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }
}
