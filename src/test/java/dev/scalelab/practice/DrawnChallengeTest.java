package dev.scalelab.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A challenge's system drawn on the canvas: the drawing the candidate gets, edits and submits. */
class DrawnChallengeTest {

    private static List<Challenge> drawable() {
        return ChallengeLibrary.all().stream().filter(c -> c.playable() && c.drawable()).toList();
    }

    @Test
    void everyDrawableStartAndSolutionDrawnAndWrittenReadsBackAsItsSections() {
        List<Challenge> drawable = drawable();
        assertEquals(ChallengeLibrary.all().size() - 1, drawable.size());
        assertFalse(ChallengeLibrary.byId("real-time-system").drawable(), "its event streams have no boxes yet");
        // The canvas runs a drawing on the network engine, which refuses what it does not run yet, saying so.
        java.util.Map<String, String> not = new java.util.TreeMap<>();
        drawable.stream().filter(c -> c.whyTheCanvasCannotRun() != null).forEach(c -> not.put(c.id(), c.whyTheCanvasCannotRun()));
        assertEquals(List.of("scaling-databases"),
                List.copyOf(not.keySet()));
        assertEquals("timeline[0]: set workload.readRatio: a drawn system has no live parameters yet; its timeline takes the "
                + "faults kill-instance, slow-instance, error-rate, latency, outage", not.get("scaling-databases"));
        for (Challenge c : drawable) {
            Scenario start = ScenarioFiles.parse(ScenarioFiles.write(c.drawnStart()));
            assertNotNull(start.topology(), c.id());
            assertEquals(c.startScenario(), Challenge.sections(start), c.id());
            assertEquals(List.of(), Grader.violations(c, start), c.id());
            Scenario solution = ScenarioFiles.parse(ScenarioFiles.write(dev.scalelab.world.network.Pipeline.drawn(c.solutionScenario())));
            assertEquals(c.solutionScenario(), Challenge.sections(solution), c.id());
        }
    }

    /** The design challenges' reference answers, drawn, get the very verdict their section files get. */
    @Test
    void aDrawnAnswerIsGradedExactlyAsTheSameAnswerInSections() {
        for (String id : List.of("scalable-web-app", "distributed-cache", "api-gateway", "fault-tolerant-system", "scaling-databases")) {
            Challenge c = ChallengeLibrary.byId(id);
            Scenario drawn = dev.scalelab.world.network.Pipeline.drawn(c.solutionScenario());
            Verdict fromDrawing = Grader.grade(c, drawn, 1, 1, null, () -> false);
            Verdict fromSections = Grader.grade(c, c.solutionScenario(), 1, 1, null, () -> false);
            assertTrue(fromDrawing.passed(), id + ": " + fromDrawing.toText());
            assertEquals(fromSections.toJson(), fromDrawing.toJson(), id);
        }
    }

    /**
     * The canvas runs a drawing on the network engine; the grader runs it as sections on the
     * pipeline. Both are faithful to the same queues, so without the hidden incidents they agree:
     * throughput within 1 %, mean latency within 6 % and p99 within 12 % (different random streams).
     * Measured: the cache levels' hit ratios agree to 0.001 (an instance-scope level is kept per
     * calling instance on both); the largest gap, distributed-cache's start (mean 14.6 against
     * 13.9 ms, p99 105 against 94 ms, its database at ρ 0.58), lies outside the cache and is not
     * explained yet; the others agree within 3.4 % on the mean and 9.4 % on p99.
     */
    @Test
    void theCanvasRunOfADrawingAgreesWithTheRunItIsGradedBy() {
        for (String id : List.of("scalable-web-app", "distributed-cache", "fault-tolerant-system")) {
            Challenge c = ChallengeLibrary.byId(id);
            for (Scenario s : List.of(c.startScenario(), c.solutionScenario())) {
                String what = id + (s.equals(c.startScenario()) ? " start" : " solution");
                dev.scalelab.world.World world = new dev.scalelab.world.World(s);
                world.advanceTo(dev.scalelab.sim.Simulation.secondsToNanos(s.durationSeconds()));
                com.fasterxml.jackson.databind.JsonNode sections = dev.scalelab.world.Report.of(world, 0);
                dev.scalelab.world.network.Network net = new dev.scalelab.world.network.Network(
                        dev.scalelab.world.network.Pipeline.drawn(s));
                net.run();
                com.fasterxml.jackson.databind.JsonNode drawn = net.report().path("totals");
                assertEquals(sections.path("requests").path("throughputPerSecond").asDouble(),
                        drawn.path("throughputPerSecond").asDouble(), sections.path("requests").path("throughputPerSecond").asDouble() * 0.01, what);
                assertEquals(sections.path("latencyMs").path("mean").asDouble(), drawn.path("meanMs").asDouble(),
                        sections.path("latencyMs").path("mean").asDouble() * 0.06, what);
                assertEquals(sections.path("latencyMs").path("p99").asDouble(), drawn.path("p99Ms").asDouble(),
                        sections.path("latencyMs").path("p99").asDouble() * 0.12, what);
            }
        }
    }

    /**
     * Challenge 11 as a candidate answers it on the canvas: a cache box put between the service and
     * the database (two edges redrawn), the service's instances and autoscaler set in its node. The
     * grader lowers the drawing to the sections the reference patch gives, so the knobs allow it.
     */
    @Test
    void aCacheDrawnBetweenServiceAndDatabaseIsTheCacheSection() {
        Challenge c = ChallengeLibrary.byId("scalable-web-app");
        ObjectNode tree = ScenarioFiles.tree(c.drawnStart());
        ArrayNode nodes = (ArrayNode) tree.path("topology").path("nodes");
        ArrayNode edges = (ArrayNode) tree.path("topology").path("edges");
        Scenario solution = c.solutionScenario();
        ObjectNode cache = nodes.addObject().put("id", "redis").put("kind", "cache");
        cache.set("cache", ScenarioFiles.tree(solution).get("cache"));
        for (var n : nodes) {
            ObjectNode node = (ObjectNode) n;
            switch (node.path("kind").asText()) {
                case "service" -> {
                    node.set("service", ScenarioFiles.tree(solution).get("service"));
                    node.set("autoscaler", ScenarioFiles.tree(solution).get("autoscaler"));
                }
                case "balancer" -> node.set("balancer", ScenarioFiles.tree(solution).get("balancer"));
                case "database" -> node.set("database", ScenarioFiles.tree(solution).get("database"));
                default -> {
                }
            }
        }
        // The pipeline's edge order: clients → balancer → service, then service → cache → database.
        int toDatabase = -1;
        for (int i = 0; i < edges.size(); i++) {
            if (edges.get(i).path("from").asText().equals("service") && edges.get(i).path("to").asText().equals("database")) {
                toDatabase = i;
            }
        }
        edges.remove(toDatabase);
        edges.insert(toDatabase, edges.objectNode().put("from", "service").put("to", "redis"));
        edges.insert(toDatabase + 1, edges.objectNode().put("from", "redis").put("to", "database"));
        Scenario drawn = ScenarioFiles.parse(tree.toString());

        assertEquals(solution, Challenge.sections(drawn));
        assertEquals(List.of(), Grader.violations(c, drawn));
    }

    @Test
    void aDrawingOfAnotherShapeIsRefusedWithWhatIsNotThePipelines() {
        Challenge c = ChallengeLibrary.byId("scalable-web-app");
        ObjectNode tree = ScenarioFiles.tree(c.drawnStart());
        ((ArrayNode) tree.path("topology").path("nodes")).addObject().put("id", "api-2").put("kind", "service");
        ((ArrayNode) tree.path("topology").path("edges")).addObject().put("from", "balancer").put("to", "api-2");
        Scenario twoServices = ScenarioFiles.parse(tree.toString());
        ScenarioException e = assertThrows(ScenarioException.class, () -> Grader.grade(c, twoServices, 1, null, () -> false));
        assertEquals("topology: this drawing cannot be graded: it has more than one service node; the pipeline has one. "
                + "A challenge grades a drawing of the pipeline's shape (clients → (gateway →) balancer → service → (cache →) "
                + "database, the service calling external APIs of known capacity), because its incidents and requirements name "
                + "that system's parts", e.getMessage());

        ObjectNode zoned = ScenarioFiles.tree(c.drawnStart());
        ((ObjectNode) zoned.path("topology").path("nodes").get(0)).put("zone", "a");
        ScenarioException inZone = assertThrows(ScenarioException.class,
                () -> Challenge.sections(ScenarioFiles.parse(zoned.toString())));
        assertTrue(inZone.getMessage().contains("clients is in a zone (a)"), inZone.getMessage());
    }

    /** The traffic is the challenge's: turning it down in the clients node is named as the field the challenge fixes. */
    @Test
    void aFixedFieldChangedInANodeIsAViolationNamedAsTheSection() {
        Challenge c = ChallengeLibrary.byId("scalable-web-app");
        ObjectNode tree = ScenarioFiles.tree(c.drawnStart());
        ObjectNode clients = (ObjectNode) tree.path("topology").path("nodes").get(0);
        double rate = c.startScenario().workload().arrival().ratePerSecond();
        ((ObjectNode) clients.path("workload").path("arrival")).put("ratePerSecond", rate / 2);
        List<String> violations = Grader.violations(c, ScenarioFiles.parse(tree.toString()));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("workload.arrival.ratePerSecond is fixed by the challenge"), violations.get(0));
    }
}
