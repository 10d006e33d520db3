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

    /**
     * Every challenge's start is drawn: those without event streams as the pipeline's boxes, which
     * lower back to the sections; challenge 14's streams as boxes the network runs (see DrawnRealTimeTest).
     */
    @Test
    void everyDrawableStartAndSolutionDrawnAndWrittenReadsBackAsItsSections() {
        List<Challenge> drawable = drawable();
        assertEquals(ChallengeLibrary.all().size(), drawable.size());
        // The canvas runs a drawing on the network engine, which refuses what it does not run yet, saying so.
        java.util.Map<String, String> not = new java.util.TreeMap<>();
        for (Challenge c : drawable) {
            try {
                dev.scalelab.world.network.Network.check(c.drawnStart());
            } catch (ScenarioException e) {
                not.put(c.id(), e.getMessage());
            }
        }
        assertEquals(java.util.Map.of(), not, "every drawable start runs on the canvas too");
        for (Challenge c : drawable) {
            if (c.startScenario().events() != null) {
                assertEquals(List.of("real-time-system"), drawable.stream().filter(x -> x.startScenario().events() != null)
                        .map(Challenge::id).toList());
                continue;
            }
            Scenario start = ScenarioFiles.parse(ScenarioFiles.write(c.drawnStart()));
            assertNotNull(start.topology(), c.id());
            assertEquals(c.startScenario(), dev.scalelab.world.network.Pipeline.lower(start), c.id());
            assertEquals(List.of(), Grader.violations(c, start), c.id());
            Scenario solution = ScenarioFiles.parse(ScenarioFiles.write(dev.scalelab.world.network.Pipeline.drawn(c.solutionScenario())));
            assertEquals(c.solutionScenario(), dev.scalelab.world.network.Pipeline.lower(solution), c.id());
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
     * 13.9 ms, p99 105 against 94 ms, its database at ρ 0.58), is that seed's luck: its synchronised
     * TTLs send stampedes to the database, and from seed to seed the mean moves by ±8 % on either
     * engine (see {@link #distributedCachesStartAgreesOverSeeds}); the others agree within 3.4 % on
     * the mean and 9.4 % on p99.
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
     * distributed-cache's start on four seeds: per seed the engines' means differ by up to 15 % (the
     * network's seed 1 has a 316 ms database p99 from one stampede), but neither is off: measured,
     * the pipeline's mean over the four is 14.43 ms and the network's 14.74 ms, and each engine's own
     * means spread over 13.9 to 16.1 ms.
     */
    @Test
    void distributedCachesStartAgreesOverSeeds() {
        Scenario start = ChallengeLibrary.byId("distributed-cache").startScenario();
        double pipeline = 0;
        double network = 0;
        long[] seeds = {start.seed(), 1, 2, 3};
        for (long seed : seeds) {
            Scenario s = start.withSeed(seed);
            dev.scalelab.world.World world = new dev.scalelab.world.World(s);
            world.advanceTo(dev.scalelab.sim.Simulation.secondsToNanos(s.durationSeconds()));
            pipeline += dev.scalelab.world.Report.of(world, 0).path("latencyMs").path("mean").asDouble() / seeds.length;
            dev.scalelab.world.network.Network net = new dev.scalelab.world.network.Network(dev.scalelab.world.network.Pipeline.drawn(s));
            net.run();
            network += net.report().path("totals").path("meanMs").asDouble() / seeds.length;
        }
        assertEquals(pipeline, network, pipeline * 0.03);
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

        assertEquals(solution, dev.scalelab.world.network.Pipeline.lower(drawn));
        assertEquals(List.of(), Grader.violations(c, drawn));
    }

    /**
     * A drawing of another shape runs on the network engine, with the hidden incidents put on the
     * parts they name: challenge 11's reference answer, every box in zone "a" (so it does not lower),
     * passes, instance i-0 of the incident is the service's first instance, and its p99 is the graded
     * sections' within 15 % (two engines, different random streams).
     */
    @Test
    void aDrawingOfAnotherShapeIsGradedOnTheNetworkWithTheIncidentsOnItsParts() {
        Challenge c = ChallengeLibrary.byId("scalable-web-app");
        ObjectNode tree = ScenarioFiles.tree(dev.scalelab.world.network.Pipeline.drawn(c.solutionScenario()));
        for (var n : tree.path("topology").path("nodes")) {
            ((ObjectNode) n).put("zone", "a");
        }
        Scenario zoned = ScenarioFiles.parse(tree.toString());
        assertEquals(null, dev.scalelab.world.network.Pipeline.lower(zoned));
        assertEquals(List.of(), Grader.violations(c, zoned));
        assertEquals("service-0", DrawnGrading.graded(c, zoned, 1).timeline().get(0).target());
        Verdict onNetwork = Grader.grade(c, zoned, 1, 1, null, () -> false);
        Verdict asSections = Grader.grade(c, c.solutionScenario(), 1, 1, null, () -> false);
        assertTrue(onNetwork.passed(), onNetwork.toText());
        assertEquals(asSections.requirements().get(0).overall(), onNetwork.requirements().get(0).overall(),
                asSections.requirements().get(0).overall() * 0.15);
    }

    /**
     * Challenge 12's incidents (a hot key expired, then its L2 failed) act on a drawing of another
     * shape too: its reference answer, zoned, passes on the network with both in its log.
     */
    @Test
    void theDistributedCachesIncidentsActOnTheFirstCacheOfADrawing() {
        Challenge c = ChallengeLibrary.byId("distributed-cache");
        ObjectNode tree = ScenarioFiles.tree(dev.scalelab.world.network.Pipeline.drawn(c.solutionScenario()));
        for (var n : tree.path("topology").path("nodes")) {
            ((ObjectNode) n).put("zone", "a");
        }
        Scenario zoned = ScenarioFiles.parse(tree.toString());
        Scenario graded = DrawnGrading.graded(c, zoned, 1);
        assertEquals(List.of("expire-key", "fail-cache-level"), graded.timeline().stream().map(Scenario.TimelineEntry::command).toList());
        assertEquals("cache/L2", graded.timeline().get(1).target());
        Verdict v = Grader.grade(c, zoned, 1, 1, null, () -> false);
        assertTrue(v.passed(), v.toText());
    }

    /**
     * Challenge 8's incident (a shard added at 2:30) was left unmeasured on a drawing of another shape;
     * it now acts on the first database the clients reach: the reference answer (jump hashing, 3
     * shards), zoned, is graded with add-shard on that database, every requirement is measured (the
     * share of keys moved among them) and it passes as the sections do; the network's database moves
     * exactly the keys the pipeline's does for the same sharding (jump hash 3 → 4: 4,941 of 20,000).
     */
    @Test
    void theShardingChallengesAddedShardActsOnTheFirstDatabaseOfADrawing() {
        Challenge c = ChallengeLibrary.byId("database-sharding");
        ObjectNode tree = ScenarioFiles.tree(dev.scalelab.world.network.Pipeline.drawn(c.solutionScenario()));
        for (var n : tree.path("topology").path("nodes")) {
            ((ObjectNode) n).put("zone", "a");
        }
        Scenario zoned = ScenarioFiles.parse(tree.toString());
        assertEquals(null, dev.scalelab.world.network.Pipeline.lower(zoned));
        Scenario graded = DrawnGrading.graded(c, zoned, 1);
        String database = DrawnGrading.first(zoned.topology(), dev.scalelab.design.NodeKind.DATABASE);
        assertEquals(List.of("set", "add-shard"), graded.timeline().stream().map(Scenario.TimelineEntry::command).toList());
        assertEquals(database, graded.timeline().get(1).target());
        Verdict onNetwork = Grader.grade(c, zoned, 1, 1, null, () -> false);
        Verdict asSections = Grader.grade(c, c.solutionScenario(), 1, 1, null, () -> false);
        assertTrue(onNetwork.requirements().stream().allMatch(r -> Double.isFinite(r.overall())), onNetwork.toText());
        assertEquals(asSections.passed(), onNetwork.passed(), onNetwork.toText());
        dev.scalelab.world.network.Network net = new dev.scalelab.world.network.Network(graded);
        net.run();
        assertTrue(net.decisions().stream().anyMatch(d -> d.endsWith(database + ": add shard 3 done: 4,941 keys moved in 4.94 s")),
                net.decisions().toString());
        assertEquals(3 + 1, net.report().path("nodes").path(database).path("shards").asInt());
        ObjectNode sections = ScenarioFiles.tree(c.solutionScenario());
        sections.set("timeline", c.incidents().deepCopy());
        sections.set("durationSeconds", c.start().get("durationSeconds"));
        dev.scalelab.world.World w = new dev.scalelab.world.World(ScenarioFiles.parse(sections.toString()));
        w.advanceTo(dev.scalelab.sim.Simulation.secondsToNanos(c.start().get("durationSeconds").asDouble()));
        var pipeline = dev.scalelab.world.Report.of(w, 0).path("database");
        assertEquals(4941, pipeline.path("keysMoved").asLong());
        assertEquals(pipeline.path("keysMoved").asLong(), net.report().path("nodes").path(database).path("keysMoved").asLong());
        assertEquals(pipeline.path("movedFraction").asDouble(), net.report().path("nodes").path(database).path("movedFraction").asDouble());
    }

    /**
     * A drawing may name the database its add-shard acts on; when it has the pipeline's shape it
     * lowers to sections, whose add-shard takes no target: the lowered timeline drops it, so the
     * scenario the pipeline runs writes and reads back.
     */
    @Test
    void anAddShardNamingItsDatabaseLowersToThePipelinesUntargetedOne() {
        Challenge c = ChallengeLibrary.byId("database-sharding");
        ObjectNode tree = ScenarioFiles.tree(dev.scalelab.world.network.Pipeline.drawn(c.solutionScenario()));
        Scenario drawn = ScenarioFiles.parse(tree.toString());
        String database = DrawnGrading.first(drawn.topology(), dev.scalelab.design.NodeKind.DATABASE);
        tree.putArray("timeline").addObject().put("atSeconds", 5).put("command", "add-shard").put("target", database);
        Scenario lowered = dev.scalelab.world.network.Pipeline.lower(ScenarioFiles.parse(tree.toString()));
        assertNotNull(lowered);
        assertEquals(null, lowered.timeline().get(0).target());
        assertEquals(lowered.timeline(), ScenarioFiles.parse(ScenarioFiles.write(lowered)).timeline());
    }

    /**
     * A failing drawing of another shape is told at the second it broke, from the network's
     * per-second record, with the decision-log lines around it: challenge 11's start, zoned, has six
     * fixed instances, no cache and one primary, and its p99 breaks under the daily peak.
     */
    @Test
    void aFailingDrawingIsToldAtTheSecondItBroke() {
        Challenge c = ChallengeLibrary.byId("scalable-web-app");
        ObjectNode tree = ScenarioFiles.tree(c.drawnStart());
        for (var n : tree.path("topology").path("nodes")) {
            ((ObjectNode) n).put("zone", "a");
        }
        Verdict v = Grader.grade(c, ScenarioFiles.parse(tree.toString()), 1, 1, null, () -> false);
        RequirementResult p99 = v.requirements().get(0);
        assertFalse(p99.passed());
        Breach b = p99.breach();
        assertTrue(Double.isFinite(b.atSeconds()), b.what());
        assertTrue(b.what().matches("at \\d+:\\d\\d the 1-s p99 was [\\d,]+ ms \\(target ≤ 230 ms\\), with [\\d,]+ req/s ending in it; "
                + "over the whole run .*"), b.what());
    }

    /**
     * The challenge fixes the traffic and the third parties: a drawing without payments is told so,
     * and the incident that acts on payments makes every requirement unmeasured, saying why.
     */
    @Test
    void aDrawingWithoutTheChallengesThirdPartyIsToldAndCannotTakeItsIncident() {
        Challenge c = ChallengeLibrary.byId("fault-tolerant-system");
        ObjectNode tree = ScenarioFiles.tree(c.drawnStart());
        ArrayNode nodes = (ArrayNode) tree.path("topology").path("nodes");
        ArrayNode edges = (ArrayNode) tree.path("topology").path("edges");
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i).path("kind").asText().equals("external")) {
                nodes.remove(i);
            }
        }
        for (int i = edges.size() - 1; i >= 0; i--) {
            if (edges.get(i).path("to").asText().equals("payments")) {
                edges.remove(i);
            }
        }
        Scenario asSections = ScenarioFiles.parse(tree.toString());
        assertEquals(List.of("dependencies is fixed by the challenge: the start has 1 entry, the design removes it"),
                Grader.violations(c, asSections), "of the pipeline's shape, it is its sections that are compared");
        // In a zone (so it does not lower), it runs on the network, which cannot put the latency on payments.
        for (var n : nodes) {
            ((ObjectNode) n).put("zone", "a");
        }
        Scenario noPayments = ScenarioFiles.parse(tree.toString());
        assertEquals(List.of("dependencies: \"payments\" is the challenge's third party; the drawing has no external API of that name"),
                Grader.violations(c, noPayments));
        Verdict v = Grader.grade(c, noPayments, 1, 1, null, () -> false);
        assertFalse(v.passed());
        String why = v.requirements().get(0).breach().what();
        assertTrue(why.endsWith("the challenge's latency at 2:50 acts on \"payments\", and the drawing has no external API of that name"),
                why);
    }

    @Test
    void aDrawingThatCannotRunIsRefusedWithItsReason() {
        Challenge c = ChallengeLibrary.byId("scalable-web-app");
        ObjectNode tree = ScenarioFiles.tree(c.drawnStart());
        ((ArrayNode) tree.path("topology").path("nodes")).addObject().put("id", "edge").put("kind", "cdn");
        ((ArrayNode) tree.path("topology").path("edges")).addObject().put("from", "clients").put("to", "edge");
        Scenario noOrigin = ScenarioFiles.parse(tree.toString());
        ScenarioException e = assertThrows(ScenarioException.class, () -> Grader.grade(c, noOrigin, 1, null, () -> false));
        assertEquals("topology.nodes[4]: edge has no origin for its misses: connect it to a gateway, balancer or service",
                e.getMessage());
        assertEquals("this drawing cannot run: " + e.getMessage(), Challenge.whyNotGradable(noOrigin));
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
