package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.world.Action;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields a design changed that its challenge fixes, found by walking the scenario file's tree
 * of the start and of the design side by side (see {@link Grader#violations}).
 */
final class Violations {
    /**
     * Fields that never decide whether a design holds. The duration is the challenge's whatever the
     * design says ({@link Challenge#graded}).
     */
    private static final Set<String> FREE = Set.of("name", "description", "seed", "durationSeconds");
    /** The knob that lets a candidate schedule changes; what it allows is checked entry by entry. */
    private static final String TIMELINE = "timeline";
    /**
     * The actions an operator takes on purpose, which a candidate may schedule under the timeline
     * knob; every other action is a fault, and faults are the challenge's to schedule.
     */
    private static final Set<String> OPERATOR_ACTIONS = Set.of(Action.ADD_INSTANCE.id(), Action.REMOVE_INSTANCE.id(),
            Action.WEIGHT_INSTANCE.id(), Action.ADD_SHARD.id(), Action.REMOVE_SHARD.id());

    private final List<Pattern> knobs = new ArrayList<>();
    private final List<String> found = new ArrayList<>();

    private final boolean timelineKnob;

    private Violations(List<String> knobs) {
        timelineKnob = knobs.contains(TIMELINE);
        for (String k : knobs) {
            if (k.equals(TIMELINE)) {
                continue;
            }
            // "dependencies[*].retry" allows dependencies[0].retry.maxAttempts and everything else under any index's retry.
            String regex = Pattern.quote(k).replace("[*]", "\\E\\[\\d+]\\Q");
            this.knobs.add(Pattern.compile(regex + "([.\\[].*)?"));
        }
    }

    static List<String> of(Challenge challenge, Scenario design) {
        Violations v = new Violations(challenge.knobs());
        v.compare("", ScenarioFiles.tree(challenge.startScenario()), ScenarioFiles.tree(design));
        return List.copyOf(v.found);
    }

    /**
     * The fields of the start's events section that {@code drawn} (the streams a drawing holds, see
     * {@link dev.scalelab.world.network.EventsDrawing#read}) changes and the knobs do not allow.
     */
    static List<String> ofEvents(Challenge challenge, dev.scalelab.world.EventStreams.Events drawn) {
        Violations v = new Violations(challenge.knobs());
        Scenario start = challenge.startScenario();
        Scenario withDrawn = new Scenario(start.name(), start.description(), start.watch(), start.markers(), start.seed(),
                start.durationSeconds(), start.workload(), start.service(), start.autoscaler(), start.verticalScaler(),
                start.gateway(), start.balancer(), start.cache(), start.database(), start.dependencies(), drawn, start.topology(),
                start.timeline());
        v.compare("events", ScenarioFiles.tree(start).get("events"), ScenarioFiles.tree(withDrawn).get("events"));
        return List.copyOf(v.found);
    }

    private boolean free(String path) {
        if (FREE.contains(path)) {
            return true;
        }
        for (Pattern k : knobs) {
            if (k.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    private void compare(String path, JsonNode start, JsonNode design) {
        if (!path.isEmpty() && free(path)) {
            return;
        }
        if (path.equals(TIMELINE) && timelineKnob) {
            compareTimeline(start, design);
            return;
        }
        boolean inStart = start != null && !start.isNull() && !start.isMissingNode();
        boolean inDesign = design != null && !design.isNull() && !design.isMissingNode();
        if (!inStart && !inDesign) {
            return;
        }
        if (inStart != inDesign) {
            found.add(path + " is fixed by the challenge: " + (inStart ? "the start has " + shown(start) + ", the design removes it"
                    : "the start has none, the design adds " + shown(design)));
            return;
        }
        if (start.isObject() && design.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            start.fieldNames().forEachRemaining(names::add);
            design.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, start.get(name), design.get(name));
            }
        } else if (start.isArray() && design.isArray()) {
            for (int i = 0; i < Math.max(start.size(), design.size()); i++) {
                compare(path + "[" + i + "]", start.get(i), design.get(i));
            }
        } else if (!same(start, design)) {
            found.add(path + " is fixed by the challenge: " + shown(start) + " in the start, " + shown(design) + " here");
        }
    }

    /**
     * Under the timeline knob the design keeps every entry of the start's timeline and may add
     * {@code set}s of fields that are knobs and operator actions (add a shard, an instance); a
     * {@code set} of anything else (the traffic) and a fault are the challenge's, not the candidate's.
     */
    private void compareTimeline(JsonNode start, JsonNode design) {
        List<JsonNode> left = new ArrayList<>();
        if (design != null && design.isArray()) {
            design.forEach(left::add);
        }
        if (start != null && start.isArray()) {
            for (JsonNode entry : start) {
                if (!left.remove(entry)) {
                    found.add("timeline: the start's entry at " + shown(entry.path("atSeconds")) + " s ("
                            + entry.path("command").asText() + " " + entry.path(entry.has("path") ? "path" : "target").asText()
                            + ") is fixed by the challenge; the design removes or changes it");
                }
            }
        }
        for (JsonNode entry : left) {
            String command = entry.path("command").asText();
            String at = "timeline: the entry at " + shown(entry.path("atSeconds")) + " s ";
            if (command.equals("set")) {
                String target = entry.path("path").asText();
                if (!free(target)) {
                    found.add(at + "sets " + target + ", which the challenge fixes; a scheduled set may change only the knobs");
                }
            } else if (!OPERATOR_ACTIONS.contains(command)) {
                found.add(at + "is the fault " + Quote.of(command) + "; the challenge schedules the faults, a design only "
                        + String.join(", ", OPERATOR_ACTIONS.stream().sorted().toList()));
            }
        }
    }

    /** Equal values; numbers by value, so 800 and 800.0 are one. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** A value as a line shows it: a number as a person writes it, a word quoted, a section as "one". */
    private static String shown(JsonNode v) {
        if (v.isObject()) {
            return "one";
        }
        if (v.isArray()) {
            return v.size() + (v.size() == 1 ? " entry" : " entries");
        }
        if (v.isNumber()) {
            return v.decimalValue().stripTrailingZeros().toPlainString(); // 800, not 800.0
        }
        return Quote.shorten(v.isTextual() ? Quote.of(v.textValue()) : v.toString());
    }
}
