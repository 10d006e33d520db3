package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.network.EventsDrawing;
import dev.scalelab.world.network.Network;
import dev.scalelab.world.network.Pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One interview challenge, as its data file under {@code challenges/} holds it.
 *
 * @param id          the slug the CLI and the progress file use ("auto-scaling")
 * @param number      its number in the pattern notes' list, 1 to 15
 * @param question    the interview question, as an interviewer asks it
 * @param brief       the situation, the traffic and what is asked, in a few short paragraphs
 *                    (blank lines separate paragraphs)
 * @param start       the starting system: a scenario file's JSON (it fails the challenge)
 * @param knobs       the scenario fields the candidate may change: paths as {@code --set} writes
 *                    them, where a path also allows everything under it ("cache" allows the whole
 *                    cache section, "autoscaler.maxReplicas" one field) and {@code [*]} any index
 *                    ("dependencies[*].retry"); "timeline" lets the candidate schedule actions
 *                    (such as add-shard). Everything else must stay as the start has it, except the
 *                    name, description and seed.
 * @param incidents   the hidden incident schedule: timeline entries (faults, actions) added to the
 *                    design's timeline when it is graded; the brief may say what kind of trouble to
 *                    expect, never when
 * @param hints       three hints, the gentlest first
 * @param solution    the reference solution (it passes on every graded seed)
 * @param predictions numbers the candidate may guess before submitting; may be empty
 * @param seeds       how many seeds a grading runs by default (5): the start's seed and the next ones
 * @param scoreCostPerHour the cost per hour at which a design that meets every requirement earns no
 *                    cost points (see {@link Grader#score})
 * @param waitsFor    null when playable; otherwise what it waits for (a subsystem not built yet)
 */
public record Challenge(String id, int number, String title, ChallengeGroup group, String question, String brief,
                        List<Requirement> requirements, ObjectNode start, List<String> knobs, ArrayNode incidents,
                        List<String> hints, Solution solution, List<Prediction> predictions, int seeds,
                        double scoreCostPerHour, String waitsFor) {

    public Challenge {
        requirements = List.copyOf(requirements);
        knobs = List.copyOf(knobs);
        hints = List.copyOf(hints);
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
        if (seeds == 0) {
            seeds = 5;
        }
        incidents = incidents == null ? start.arrayNode() : incidents;
    }

    /** The starting system, as the candidate first gets it (without the hidden incidents). */
    public Scenario startScenario() {
        return ScenarioFiles.parse(start.toString());
    }

    /**
     * Whether the starting system can be drawn on the design canvas: every part the knobs touch is
     * a box of the pipeline's ({@link Pipeline#spell}), or of its event streams
     * ({@link EventsDrawing#spell}: steady producers, topics and consumer groups).
     */
    public boolean drawable() {
        return whyNotDrawable() == null;
    }

    /** Why the starting system cannot be drawn ({@link EventsDrawing#whyNot}); null when it can. */
    public String whyNotDrawable() {
        return EventsDrawing.whyNot(startScenario());
    }

    /**
     * The starting system drawn: what the candidate's canvas opens on. Without event streams the
     * pipeline drawn ({@link Pipeline#drawn}), which the grader lowers back to the start's sections;
     * with them the pipeline and its streams as boxes ({@link EventsDrawing#drawn}), run by the network.
     */
    public Scenario drawnStart() {
        Scenario start = startScenario();
        return start.events() == null ? Pipeline.drawn(start) : EventsDrawing.drawn(start);
    }

    /**
     * Why {@code design} cannot be graded; null when it can: a scenario of sections, a drawing of the
     * pipeline's shape (graded as its sections) or a drawing the network engine runs.
     */
    public static String whyNotGradable(Scenario design) {
        if (Pipeline.lower(design) != null) {
            return null;
        }
        try {
            Network.check(design);
            return null;
        } catch (ScenarioException e) {
            return "this drawing cannot run: " + e.getMessage();
        }
    }

    /** The reference solution: the start with {@link Solution#patch} applied (without the hidden incidents). */
    public Scenario solutionScenario() {
        return ScenarioFiles.parse(solutionTree().toString());
    }

    ObjectNode solutionTree() {
        return (ObjectNode) MergePatch.apply(start, solution.patch());
    }

    /** The start's seed and the {@code count - 1} after it: the seeds a grading runs. */
    public List<Long> gradingSeeds(int count) {
        long first = startScenario().seed();
        List<Long> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(first + i);
        }
        return out;
    }

    /**
     * {@code design} as it is graded on {@code seed}: the challenge's duration, that seed, and the
     * hidden incidents added to its timeline (in time order; at equal times the design's own entries
     * first). A design that starts at another instance size than the start, with the start's
     * workers per instance, gets the workers of that size ({@code workersPerInstance} is a count
     * for the file's own size): workers follow vCPUs, as when the size changes live, so a smaller
     * size is less capacity, not the same capacity cheaper.
     */
    public Scenario graded(Scenario design, long seed) {
        ObjectNode tree = ScenarioFiles.tree(withWorkersOfItsSize(design));
        tree.put("seed", seed);
        tree.set("durationSeconds", start.get("durationSeconds"));
        List<JsonNode> entries = new ArrayList<>();
        if (tree.get("timeline") instanceof ArrayNode own) {
            own.forEach(entries::add);
        }
        incidents.forEach(entries::add);
        entries.sort(Comparator.comparingDouble(e -> e.path("atSeconds").asDouble())); // stable: the design's first
        ArrayNode timeline = tree.putArray("timeline");
        entries.forEach(timeline::add);
        return ScenarioFiles.parse(tree.toString());
    }

    private Scenario withWorkersOfItsSize(Scenario design) {
        Scenario.Service from = startScenario().service();
        Scenario.Service to = design.service();
        if (to.size() == from.size() || to.workersPerInstance() != from.workersPerInstance()) {
            return design;
        }
        return design.withService(new Scenario.Service(to.instances(), to.size().workers(from.workersPerInstance(), from.size()),
                to.queueCapacity(), to.serviceTime(), to.size(), to.provisionSeconds(), to.bootSeconds(), to.warmupSeconds(),
                to.weights(), to.speeds(), to.runtime(), to.objectPool(), to.connectionPool()));
    }

    /** Whether the challenge can be played now (its subsystems exist). */
    public boolean playable() {
        return waitsFor == null;
    }
}
