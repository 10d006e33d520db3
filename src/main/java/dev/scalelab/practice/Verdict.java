package dev.scalelab.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The grader's verdict on one design.
 *
 * @param violations  fields the design changed that the challenge fixes ("workload.arrival.ratePerSecond
 *                    is fixed by the challenge: 800 in the start, 400 here"); any fails the verdict
 * @param costPerHour the mean over the seeds of {@code cost.meanPerHour}
 * @param predictions the mean over the seeds of each prediction's metric, by prediction id
 */
public record Verdict(String challenge, List<Long> seeds, boolean passed, int score, List<String> violations,
                      List<RequirementResult> requirements, double costPerHour, Map<String, Double> predictions) {
    public Verdict {
        seeds = List.copyOf(seeds);
        violations = List.copyOf(violations);
        requirements = List.copyOf(requirements);
        predictions = Map.copyOf(predictions);
    }

    /**
     * The verdict JSON {@code grade --out} writes: {@code challenge}, {@code passed}, {@code score},
     * {@code seeds}, {@code costPerHour}, {@code violations}, {@code requirements} (each: {@code id},
     * {@code label}, {@code metric}, {@code target} when it has one, {@code max} or {@code min},
     * {@code perSeed}, {@code overall}, {@code passed}, and {@code breach} for a failure: {@code seed},
     * {@code atSeconds} (absent when there is no moment), {@code what}, {@code why}) and
     * {@code predictions}.
     */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("challenge", challenge);
        root.put("passed", passed);
        root.put("score", score);
        ArrayNode seedsOut = root.putArray("seeds");
        seeds.forEach(seedsOut::add);
        number(root, "costPerHour", costPerHour);
        ArrayNode violationsOut = root.putArray("violations");
        violations.forEach(violationsOut::add);
        ArrayNode requirementsOut = root.putArray("requirements");
        for (RequirementResult r : requirements) {
            Requirement q = r.requirement();
            ObjectNode o = requirementsOut.addObject();
            o.put("id", q.id());
            o.put("label", Figures.label(q));
            o.put("metric", q.metric().id());
            if (q.target() != null) {
                o.put("target", q.target());
            }
            o.put(q.max() != null ? "max" : "min", q.bound());
            ArrayNode perSeed = o.putArray("perSeed");
            for (double v : r.perSeed()) {
                if (Double.isNaN(v)) {
                    perSeed.addNull();
                } else {
                    perSeed.add(v);
                }
            }
            number(o, "overall", r.overall());
            o.put("passed", r.passed());
            if (r.breach() != null) {
                Breach b = r.breach();
                ObjectNode bo = o.putObject("breach");
                bo.put("seed", b.seed());
                if (!Double.isNaN(b.atSeconds())) {
                    bo.put("atSeconds", b.atSeconds());
                }
                bo.put("what", b.what());
                ArrayNode why = bo.putArray("why");
                b.why().forEach(why::add);
            }
        }
        ObjectNode predictionsOut = root.putObject("predictions");
        predictions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> number(predictionsOut, e.getKey(), e.getValue()));
        return root;
    }

    /** A number, or null when it was not measured (JSON has no NaN). */
    private static void number(ObjectNode o, String name, double value) {
        if (Double.isFinite(value)) {
            o.put(name, value);
        } else {
            o.putNull(name);
        }
    }


    /** The verdict as {@code grade} prints it: one line per requirement (value, target, PASS/FAIL), then each breach's when and why, then the score. */
    public String toText() {
        StringBuilder t = new StringBuilder();
        t.append(challenge).append(": ").append(passed ? "PASSED" : "FAILED").append(" on ").append(seeds.size())
                .append(seeds.size() == 1 ? " seed (" : " seeds (")
                .append(seeds.stream().map(String::valueOf).collect(Collectors.joining(", "))).append(")\n");
        int width = 0;
        for (RequirementResult r : requirements) {
            width = Math.max(width, Figures.label(r.requirement()).length());
        }
        for (RequirementResult r : requirements) {
            Requirement q = r.requirement();
            t.append(r.passed() ? "  PASS  " : "  FAIL  ").append(pad(Figures.label(q), width)).append("  ")
                    .append(Figures.value(q.metric(), r.overall())).append("  (target ").append(Figures.bound(q)).append(")");
            if (r.perSeed().size() > 1) {
                t.append("  per seed: ").append(r.perSeed().stream().map(v -> Figures.value(q.metric(), v))
                        .collect(Collectors.joining(", ")));
            }
            t.append('\n');
        }
        for (String v : violations) {
            t.append("  FAIL  ").append(v).append('\n');
        }
        for (RequirementResult r : requirements) {
            if (r.breach() == null) {
                continue;
            }
            Breach b = r.breach();
            t.append('\n').append(Figures.label(r.requirement())).append(", seed ").append(b.seed()).append(": ").append(b.what()).append('\n');
            if (!b.why().isEmpty()) {
                t.append(Double.isNaN(b.atSeconds()) ? "  in the run:\n" : "  before it:\n");
                for (String line : b.why()) {
                    t.append("    ").append(line).append('\n');
                }
            }
        }
        t.append('\n').append("cost ").append(Double.isFinite(costPerHour) ? "$" + Figures.significant(costPerHour, 4) + "/h"
                : "not measured").append(" (mean over the seeds)\n");
        if (!predictions.isEmpty()) {
            t.append("measured for the predictions (mean over the seeds):\n");
            predictions.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    t.append("  ").append(e.getKey()).append(": ").append(Figures.significant(e.getValue(), 4)).append('\n'));
        }
        t.append("score ").append(score).append("/100: ").append(scoreExplained()).append('\n');
        return t.toString();
    }

    /**
     * How the score was made ({@link Grader#score}): "60 for meeting 3 of 3 requirements, 21 of 40
     * for a cost below the challenge's ceiling".
     */
    String scoreExplained() {
        long met = requirements.stream().filter(RequirementResult::passed).count();
        int total = requirements.size();
        long forRequirements = total == 0 ? 60 : Math.round(60.0 * met / total);
        String head = forRequirements + " for meeting " + met + " of " + total + " requirement" + (total == 1 ? "" : "s");
        if (met < total) {
            return head + "; the 40 for cost come once every requirement is met";
        }
        if (!violations.isEmpty()) {
            return head + "; none of the 40 for cost while the design changes fixed fields";
        }
        return head + ", " + (score - forRequirements) + " of 40 for cost (the cheaper the design, the more)";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
