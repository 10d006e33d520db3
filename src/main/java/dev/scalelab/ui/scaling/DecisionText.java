package dev.scalelab.ui.scaling;

import java.util.ArrayList;
import java.util.List;

/**
 * A scaler's decision line cut into the steps a reader follows. The engines write one line per
 * decision, such as
 * {@code "HPA: ready 4 of 4, CPU 100% vs 60% -> ratio 1.67 -> desired 7 -> 7"}; this splits it into
 * its source ("HPA") and its steps ("ready 4 of 4, CPU 100% vs 60%", "ratio 1.67", "desired 7", "7")
 * at each top-level {@code " -> "} (one inside parentheses belongs to its step) and at each
 * top-level {@code "; "}, which adds a constraint ("scale-down stabilization over 300 s keeps 4").
 * Arrows that stay inside a step are drawn as {@code →}.
 *
 * @param source what decided: "HPA", "threshold", "target tracking", "VPA", "vertical threshold"; "" if the line names none
 * @param steps  the steps in order, never empty unless the line is
 * @param joins  {@code joins.get(i)} says how step {@code i + 1} follows step {@code i}: {@link #ARROW} or {@link #CLAUSE}
 */
record DecisionText(String source, List<String> steps, List<String> joins) {
    static final String ARROW = "→";
    static final String CLAUSE = ";";
    static final DecisionText EMPTY = new DecisionText("", List.of(), List.of());

    DecisionText {
        steps = List.copyOf(steps);
        joins = List.copyOf(joins);
    }

    static DecisionText parse(String line) {
        if (line == null || line.isBlank()) {
            return EMPTY;
        }
        String source = "";
        String rest = line.trim();
        int colon = rest.indexOf(": ");
        // The source is a short name before the first colon, never a clause that happens to hold one.
        if (colon > 0 && colon <= 24 && rest.substring(0, colon).indexOf('(') < 0) {
            source = rest.substring(0, colon);
            rest = rest.substring(colon + 2);
        }
        List<String> steps = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && rest.startsWith(" -> ", i)) {
                addStep(steps, joins, rest.substring(start, i), ARROW);
                start = i + 4;
                i += 3;
            } else if (depth == 0 && rest.startsWith("; ", i)) {
                addStep(steps, joins, rest.substring(start, i), CLAUSE);
                start = i + 2;
                i += 1;
            }
        }
        addStep(steps, joins, rest.substring(start), null);
        return new DecisionText(source, steps, joins);
    }

    private static void addStep(List<String> steps, List<String> joins, String step, String joinAfter) {
        String text = step.trim().replace("->", ARROW);
        if (text.isEmpty()) {
            return;
        }
        steps.add(text);
        if (joinAfter != null) {
            joins.add(joinAfter);
        }
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The join before step {@code index} (1 and up). */
    String joinBefore(int index) {
        return index - 1 < joins.size() ? joins.get(index - 1) : ARROW;
    }

    /** The decision's outcome: its last step, such as "7" or "desired 7 (no change)". */
    String outcome() {
        return steps.isEmpty() ? "" : steps.get(steps.size() - 1);
    }

    /** True when the line says the replica count (or the size) stays as it was. */
    boolean keepsTheCount() {
        String last = outcome();
        return (!steps.isEmpty() && steps.get(0).startsWith("no change")) || last.endsWith("(no change)") || last.equals("keep") || last.startsWith("keep ") || last.contains(" keep ")
                || last.equals("within tolerance") || last.startsWith("scale-in waits");
    }
}
