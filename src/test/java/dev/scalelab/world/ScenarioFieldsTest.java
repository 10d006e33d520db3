package dev.scalelab.world;

import dev.scalelab.sim.RateShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every field of a scenario by its path: its spec, its value, a scenario with it changed, and its file round trip. */
class ScenarioFieldsTest {

    /** Every section present: a cache, a database, a dependency with a breaker, weights and speeds. */
    static final Scenario FULL = ScenarioFiles.parse("{\"schema\": 1, \"description\": \"every section\","
            + "\"watch\": \"the p99\", \"markers\": [{\"atSeconds\": 60, \"label\": \"expiry\"}, {\"atSeconds\": 60, \"untilSeconds\": 90, \"label\": \"outage\"}],"
            + "\"workload\": {\"clients\": [{\"name\": \"acme\"}, {\"name\": \"zeta\", \"priority\": \"low\"}]},"
            + "\"gateway\": {\"global\": {}, \"perClient\": {\"kind\": \"sliding-window\"}, \"shedding\": {\"mode\": \"latency\"}},"
            + "\"service\": {\"weights\": [1, 2], \"speeds\": [1, 0.5], \"runtime\": {}, \"objectPool\": {}, \"connectionPool\": {}}, \"cache\": {}, \"database\": {},"
            + "\"dependencies\": [{\"name\": \"pay\", \"breaker\": {}, \"retry\": {}}, {\"name\": \"ship\"}],"
            + "\"events\": {\"topics\": [{\"name\": \"orders\"}], \"producers\": [{\"topic\": \"orders\"}],"
            + "\"groups\": [{\"name\": \"billing\", \"topic\": \"orders\", \"autoscaler\": {}}], \"queues\": [{\"name\": \"jobs\", \"autoscaler\": {}}]},"
            + "\"topology\": {\"nodes\": [{\"id\": \"users\", \"kind\": \"clients\", \"position\": [10, 20]}, {\"id\": \"web\", \"kind\": \"service\"}],"
            + "\"edges\": [{\"from\": \"users\", \"to\": \"web\", \"breaker\": {}}], \"outages\": [{\"zone\": \"a\"}]}}");

    private static String error(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json)).getMessage();
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsKnownThere() {
        assertEquals("cache.levels[0].nam: unknown field; known here: name, scope, capacity, policy, ttlSeconds, "
                + "ttlJitterFraction, latencyMs", error("{\"schema\":1,\"cache\":{\"levels\":[{\"nam\":\"L1\"}]}}"));
    }

    @Test
    void aWrongTypeIsNamedWithWhatWasFound() {
        assertEquals("database.sharding.shards: expected a whole number, got the string \"four\"",
                error("{\"schema\":1,\"database\":{\"sharding\":{\"shards\":\"four\"}}}"));
        FieldSpec shards = ScenarioFields.spec("database.sharding.shards");
        assertEquals("database.sharding.shards: expected a whole number, got the string \"four\"",
                assertThrows(ScenarioException.class, () -> shards.validate("database.sharding.shards", "four")).getMessage());
        assertEquals("database.sharding.shards: expected a whole number, got 2.5",
                assertThrows(ScenarioException.class, () -> shards.validate("database.sharding.shards", 2.5)).getMessage());
    }

    @Test
    void anOutOfRangeValueIsNamedWithTheRange() {
        assertEquals("dependencies[0].breaker.failureRateThreshold: 0 is out of range; a number above 0 up to 100",
                error("{\"schema\":1,\"dependencies\":[{\"name\":\"pay\",\"breaker\":{\"failureRateThreshold\":0}}]}"));
    }

    @Test
    void aBadEnumValueIsNamedWithTheChoices() {
        assertEquals("autoscaler.scaleUpSelectPolicy: \"most\" is not one of max, min, disabled",
                error("{\"schema\":1,\"autoscaler\":{\"scaleUpSelectPolicy\":\"most\"}}"));
    }

    @Test
    void aBadTimelinePathIsNamedWithTheClosestField() {
        assertEquals("timeline[0].path: \"dependencies[0].retry.maxAtempts\" is not a field of a dependency; "
                        + "did you mean dependencies[0].retry.maxAttempts?",
                error("{\"schema\":1,\"dependencies\":[{\"name\":\"pay\"}],\"timeline\":[{\"atSeconds\":1,\"command\":\"set\","
                        + "\"path\":\"dependencies[0].retry.maxAtempts\",\"value\":2}]}"));
    }

    @Test
    void aPathIntoAListItemThatIsNotThereIsNamed() {
        assertEquals("timeline[0].path: \"dependencies[7].retry.maxAttempts\" names a dependency this scenario does not "
                        + "have: it has 2 dependencies",
                error("{\"schema\":1,\"dependencies\":[{\"name\":\"pay\"},{\"name\":\"ship\"}],\"timeline\":[{\"atSeconds\":1,"
                        + "\"command\":\"set\",\"path\":\"dependencies[7].retry.maxAttempts\",\"value\":2}]}"));
        assertEquals("dependencies[7]: this scenario has only 2 dependencies", assertThrows(ScenarioException.class,
                () -> ScenarioFields.with(FULL, "dependencies[7].timeoutMs", 5.0)).getMessage());
    }

    @Test
    void aDependencyFieldHasTheSpecItsRecordDeclares() {
        FieldSpec threshold = ScenarioFields.spec("dependencies[1].breaker.failureRateThreshold");
        assertEquals(FieldSpec.Type.NUMBER, threshold.type());
        assertEquals("%", threshold.unit());
        assertEquals(100, threshold.max());
        assertTrue(threshold.description().startsWith("Resilience4j's failureRateThreshold"));
        assertEquals(List.of("none", "fixed", "linear", "exponential"), ScenarioFields.spec("dependencies[0].retry.backoff").choices());
        assertEquals(Parameter.of("service.instances"), ScenarioFields.spec("service.instances"));
        assertEquals("service.instancs: not a field of a scenario; did you mean service.instances?",
                assertThrows(ScenarioException.class, () -> ScenarioFields.spec("service.instancs")).getMessage());
        assertTrue(ScenarioFields.isLive("dependencies[3].timeoutMs"));
        assertTrue(ScenarioFields.isLive("service.instances"));
        assertTrue(!ScenarioFields.isLive("database.sharding.shards"));
    }

    @Test
    void readingAndSettingAFieldGoesThroughTheRecordsAlongItsPath() {
        assertEquals(4, ScenarioFields.read(FULL, "database.sharding.shards"));
        assertNull(ScenarioFields.read(FULL, "dependencies[1].breaker.mode"), "ship has no breaker");
        Scenario s = ScenarioFields.with(FULL, "dependencies[1].breaker.failureRateThreshold", 40.0);
        assertEquals(40.0, s.dependencies().get(1).breaker().failureRateThreshold());
        assertEquals(Scenario.Breaker.DEFAULT.waitDurationInOpenStateMs(), s.dependencies().get(1).breaker().waitDurationInOpenStateMs());
        assertEquals(FULL.dependencies().get(0), s.dependencies().get(0));
        assertEquals("autoscaler.maxReplicas: 20 is below minReplicas (30)", assertThrows(ScenarioException.class,
                () -> ScenarioFields.with(FULL, "autoscaler.minReplicas", 30)).getMessage());
        // A new mean scales a log-normal's spread: 20/80 becomes 40/160.
        Scenario slower = ScenarioFields.with(FULL, "service.serviceTime.meanMs", 40.0);
        assertEquals(DistributionSpec.lognormal(40, 160), slower.service().serviceTime());
    }

    /**
     * For every field the records declare, a scenario with that field set to another valid value
     * is written and read back equal; the fields come from the records, not from a list here.
     */
    @Test
    void everyFieldSetToAnotherValueSurvivesWriteThenRead() {
        List<String> paths = ScenarioFields.paths();
        assertTrue(paths.size() > 150, paths.size() + " fields");
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            if (path.matches("topology\\.nodes\\[0]\\.(workload|gateway|balancer|service|autoscaler|verticalScaler|cache|database)\\..*")) {
                continue; // the same records as the scenario's own sections, whose every field is checked above
            }
            if (path.equals("topology.edges[0].mode")) {
                continue; // a call's breaker, retry and timeout belong to sync edges only: another mode drops them (TopologyFileTest)
            }
            Scenario base = prepare(FULL, path);
            Scenario changed = renamedAlong(ScenarioFields.with(base, path, otherValue(base, path)), path);
            assertNotEquals(base, changed, path);
            Scenario again = ScenarioFiles.parse(ScenarioFiles.write(changed));
            if (!changed.equals(again)) {
                failures.add(path);
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * {@code s}, whose field at {@code path} was just changed, with the fields that must name the same
     * topic or queue changed alike: a group reads a topic, a producer publishes to a topic or queue.
     */
    private static Scenario renamedAlong(Scenario s, String path) {
        return switch (path) {
            case "events.topics[0].name", "events.groups[0].topic" -> {
                Object name = ScenarioFields.read(s, path);
                Scenario t = ScenarioFields.with(s, "events.topics[0].name", name);
                t = ScenarioFields.with(t, "events.groups[0].topic", name);
                yield ScenarioFields.with(t, "events.producers[0].topic", name);
            }
            case "events.producers[0].topic" -> ScenarioFields.with(s, "events.queues[0].name", ScenarioFields.read(s, path));
            default -> s;
        };
    }

    /** {@code s} with what the field at {@code path} needs to be in the file: a kind that uses it, a sibling's value. */
    private static Scenario prepare(Scenario s, String path) {
        if (!path.contains(".")) {
            return s;
        }
        String parent = path.substring(0, path.lastIndexOf('.'));
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        // A drawn node's section belongs to it only when the node is of its kind (first: a field's condition may lie in it).
        java.util.regex.Matcher node = java.util.regex.Pattern.compile("(topology\\.nodes\\[\\d+])\\.(cdn|queue|topic|external)\\..*")
                .matcher(path);
        if (node.matches()) {
            s = ScenarioFields.with(s, node.group(1) + ".kind", node.group(2));
        }
        // A topic box has no autoscaler unless it names one: it is added with its defaults, as an empty section in a file would be.
        if (path.startsWith("topology.nodes[0].topic.autoscaler.")) {
            s = ScenarioFields.with(s, "topology.nodes[0].topic.autoscaler.lagThreshold", EventStreams.LagAutoscaler.DEFAULT.lagThreshold());
        }
        String[] condition = ScenarioFields.condition(path);
        if (condition != null) {
            return ScenarioFields.with(s, condition[0], condition[1]);
        }
        if (parent.endsWith(".shape") && !leaf.equals("kind")) {
            for (RateShape.Kind kind : RateShape.Kind.values()) {
                if (RateShapeCodec.fields(kind).contains(leaf)) {
                    return ScenarioFields.with(s, parent + ".kind", kind.id());
                }
            }
        }
        if (DistributionCodec.component(leaf) != null && !leaf.equals("distribution") && isDistribution(parent)) {
            for (DistributionSpec.Kind kind : DistributionSpec.Kind.values()) {
                if (DistributionCodec.uses(kind, leaf)) {
                    return ScenarioFields.with(s, parent + ".distribution", kind.id());
                }
            }
        }
        return s;
    }

    private static boolean isDistribution(String path) {
        try {
            return ScenarioFields.spec(path + ".p99Ms") != null;
        } catch (ScenarioException notOne) {
            return false;
        }
    }

    /** A valid value of the field at {@code path} other than the one {@code s} holds. */
    private static Object otherValue(Scenario s, String path) {
        FieldSpec spec = ScenarioFields.spec(path);
        Object now = ScenarioFields.read(s, path);
        switch (spec.type()) {
            case BOOLEAN:
                return !(Boolean) now;
            case TEXT:
                return now + "x";
            case CHOICE:
                return spec.choices().stream().filter(c -> !c.equals(now)).findFirst().orElseThrow();
            case INTEGER: {
                long n = ((Number) now).longValue();
                long other = n < spec.max() ? n + 1 : n - 1;
                return now instanceof Long ? (Object) other : (Object) (int) other;
            }
            default: {
                double n = ((Number) now).doubleValue();
                for (double candidate : new double[] {n * 1.5, n * 0.75, (n + spec.max()) / 2, (n + spec.min()) / 2, n + 0.5}) {
                    if (candidate != n && candidate <= spec.max() && (candidate > spec.min() || !spec.minExclusive() && candidate == spec.min())
                            && valid(s, path, candidate)) {
                        return candidate;
                    }
                }
                throw new AssertionError("no other value for " + path + " from " + n);
            }
        }
    }

    private static boolean valid(Scenario s, String path, double value) {
        try {
            ScenarioFields.with(s, path, value);
            return true;
        } catch (ScenarioException e) {
            return false;
        }
    }
}
