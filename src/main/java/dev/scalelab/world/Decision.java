package dev.scalelab.world;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A decision for the report: who decided, what, with which inputs, and for scaling decisions the
 * replica counts before, asked for and settled on (-1 when not a scaling decision).
 *
 * @param fields more fields of the report's decision object, in order: an autoscaler's
 *               {@code inputs} (a map: pod counts, CPU millicores, tolerances, ...), or a parameter
 *               change's {@code parameter}, {@code from}, {@code to} and {@code by}. Values are
 *               numbers, strings, booleans, null or maps of the same.
 */
public record Decision(double atSeconds, Source source, String message, int currentReplicas, int desiredReplicas,
                       int finalReplicas, Map<String, Object> fields) {

    public Decision {
        fields = fields == null ? Map.of() : fields;
    }

    public Decision(double atSeconds, Source source, String message, int currentReplicas, int desiredReplicas,
                    int finalReplicas) {
        this(atSeconds, source, message, currentReplicas, desiredReplicas, finalReplicas, Map.of());
    }

    /**
     * A change of a parameter during the run, owned by the part it belongs to ({@code autoscaler.*}
     * changes are the autoscaler's decisions), with the old and the new value and who made it.
     */
    static Decision parameterChange(double atSeconds, Source by, String path, Object from, Object to, String message) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("parameter", path);
        f.put("from", from);
        f.put("to", to);
        f.put("by", by.id());
        return new Decision(atSeconds, owner(path, by), message, -1, -1, -1, java.util.Collections.unmodifiableMap(f));
    }

    /** The decision's source for a change of {@code path}: the autoscaler for its own settings, else who made it. */
    static Source owner(String path, Source by) {
        return path.startsWith("autoscaler.") ? Source.AUTOSCALER : by;
    }
}
