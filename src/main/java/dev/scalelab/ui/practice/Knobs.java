package dev.scalelab.ui.practice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.world.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A challenge's knobs split for the Practice panel: the live parameters under them, which the usual
 * parameter form can edit in the running design, and the knobs that are more than those parameters
 * (a whole section, a dependency's retry, the timeline), which the candidate changes in their own
 * panel or in a saved scenario file.
 *
 * @param live      the parameters under a knob that the starting system has, in the form's usual order
 * @param partly    the knobs with live parameters under them and more besides ("autoscaler")
 * @param elsewhere the knobs without a live parameter ("dependencies[*].retry", "timeline")
 */
record Knobs(List<Parameter> live, List<String> partly, List<String> elsewhere) {

    Knobs {
        live = List.copyOf(live);
        partly = List.copyOf(partly);
        elsewhere = List.copyOf(elsewhere);
    }

    /**
     * Splits {@code knobs} (paths as {@code --set} writes them; a path allows everything under it and
     * {@code [*]} any index) against {@code start}, the starting system's scenario tree: a parameter
     * whose field the start lacks (a third cache level of a two-level cache) is left out, since
     * setting it would build a part the challenge did not ask for.
     */
    static Knobs of(List<String> knobs, JsonNode start) {
        List<Parameter> live = new ArrayList<>();
        List<String> partly = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (String knob : knobs) {
            Pattern under = under(knob);
            boolean exactlyOne = false;
            int matched = 0;
            for (Parameter p : Parameter.all()) {
                if (under.matcher(p.path()).matches() && present(start, p.path())) {
                    if (!live.contains(p)) {
                        live.add(p);
                    }
                    matched++;
                    exactlyOne |= p.path().equals(knob);
                }
            }
            if (matched == 0) {
                elsewhere.add(knob);
            } else if (!exactlyOne) {
                partly.add(knob);
            }
        }
        live.sort(null); // the file's order: the form's sections read as the scenario does
        return new Knobs(live, partly, elsewhere);
    }

    /** The knob itself or any path under it: "cache" covers "cache.levels[0].capacity", not "cacheX". */
    private static Pattern under(String knob) {
        String quoted = Pattern.quote(knob).replace("[*]", "\\E\\[\\d+\\]\\Q");
        return Pattern.compile(quoted + "([.\\[].*)?");
    }

    /** Whether the scenario tree has a node at {@code path} ("cache.levels[1].capacity"). */
    static boolean present(JsonNode tree, String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            node = node.get(name);
            if (node == null || node.isNull()) {
                return false;
            }
            if (bracket >= 0) {
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                node = node.get(index);
                if (node == null) {
                    return false;
                }
            }
        }
        return true;
    }
}
