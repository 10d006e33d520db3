package dev.scalelab.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.LatencySummary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of a run: the contract DESIGN.md names, for people and outside tools.
 *
 * <p>Numbers are rounded to what they mean, in one place ({@link #round}), by the field's name:
 * milliseconds ({@code ...Ms}, and every field of {@code latencyMs}) to the microsecond, 3
 * decimals; virtual times ({@code ...Seconds}) to the nanosecond, 9 decimals; dollars
 * ({@code ...Dollars}) to the cent; dollars per hour ({@code ...PerHour}) to a hundredth of a cent,
 * as price lists give them; every other fraction (ratios, shares, rates, means) to 6 significant
 * digits. Whole numbers are written as they are.
 */
public final class Report {
    private Report() {
    }

    public static ObjectNode of(World world, long wallMillis) {
        Scenario s = world.initialScenario();
        double seconds = world.nowSeconds();
        ObjectNode root = ScenarioFiles.JSON.createObjectNode();
        root.put("scenario", s.name());
        root.put("seed", s.seed());
        root.put("simulatedSeconds", seconds);

        ObjectNode requests = root.putObject("requests");
        requests.put("offered", world.offered());
        requests.put("completed", world.completed());
        requests.put("failed", world.failed());
        requests.put("rejected", world.rejected());
        requests.put("timedOut", 0);
        requests.put("throughputPerSecond", seconds > 0 ? world.completed() / seconds : 0);

        LatencySummary l = world.totalLatency();
        ObjectNode latency = root.putObject("latencyMs");
        putMs(latency, "mean", l.meanMs());
        putMs(latency, "p50", l.p50Ms());
        putMs(latency, "p90", l.p90Ms());
        putMs(latency, "p99", l.p99Ms());
        putMs(latency, "p999", l.p999Ms());
        putMs(latency, "max", l.maxMs());

        ServicePool pool = world.pool();
        long now = world.simulation().nowNanos();
        ObjectNode instances = root.putObject("instances");
        instances.put("min", pool.minReady());
        instances.put("max", pool.maxReady());
        instances.put("mean", pool.meanReady());
        instances.put("final", pool.readyCount());
        ArrayNode timeline = instances.putArray("timeline");
        for (double[] point : pool.readyTimeline()) {
            timeline.addObject().put("atSeconds", point[0]).put("count", (int) point[1]);
        }
        ArrayNode live = instances.putArray("live");
        for (ServiceInstance in : pool.instances) {
            long alive = now - Math.max(0, in.createdNanos);
            live.addObject().put("id", in.id).put("state", in.lifecycle.id()).put("size", in.size.id())
                    .put("workers", in.workers).put("completed", in.completed).put("rejected", in.rejected)
                    .put("utilization", alive <= 0 ? 0 : in.busyWorkerNanos(now) / ((double) in.workers * alive));
        }

        ObjectNode cost = root.putObject("cost");
        cost.put("totalDollars", pool.costDollars());
        cost.put("meanPerHour", seconds > 0 ? pool.costDollars() / (seconds / 3600) : pool.costPerHour());
        cost.put("finalPerHour", pool.costPerHour());

        ObjectNode autoscaler = root.putObject("autoscaler");
        autoscaler.put("policy", world.currentScenario().autoscaler().policy().id());
        autoscaler.put("finalReplicas", pool.specReplicas);
        autoscaler.put("finalSize", pool.targetSize.id());

        ObjectNode balancer = root.putObject("balancer");
        balancer.put("strategy", world.balancerId());
        ObjectNode perInstance = balancer.putObject("perInstance");
        List<long[]> routed = pool.routedByNumber();
        for (int i = 0; i < routed.size(); i++) {
            perInstance.put("i-" + i, routed.get(i)[0]);
        }

        ArrayNode decisions = root.putArray("decisions");
        for (Decision d : world.decisions()) {
            ObjectNode o = decisions.addObject().put("atSeconds", d.atSeconds()).put("source", d.source().id());
            if (d.currentReplicas() >= 0) {
                o.put("currentReplicas", d.currentReplicas()).put("desiredReplicas", d.desiredReplicas())
                        .put("finalReplicas", d.finalReplicas());
            }
            o.put("message", d.message());
            for (Map.Entry<String, Object> f : d.fields().entrySet()) {
                putValue(o, f.getKey(), f.getValue());
            }
        }
        if (world.cache() != null) {
            world.cache().report(root);
        }
        if (world.data() != null) {
            world.data().report(root);
        }
        if (world.mesh() != null) {
            world.mesh().report(root);
        }
        root.put("events", world.simulation().eventsFired());
        root.put("wallMillis", wallMillis);
        round(root, "");
        return root;
    }

    /** Puts a decision's field: a number, string, boolean, null, or a map of them as an object. */
    private static void putValue(ObjectNode o, String name, Object v) {
        if (v == null) {
            o.putNull(name);
        } else if (v instanceof Map<?, ?> map) {
            ObjectNode child = o.putObject(name);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                putValue(child, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (v instanceof Integer i) {
            o.put(name, i);
        } else if (v instanceof Long l) {
            o.put(name, l);
        } else if (v instanceof Number n) {
            o.put(name, n.doubleValue());
        } else if (v instanceof Boolean b) {
            o.put(name, b);
        } else {
            o.put(name, String.valueOf(v));
        }
    }

    /** Rounds every fractional number under {@code node} by its field's name (see the class comment). */
    static void round(JsonNode node, String name) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isFloatingPointNumber()) {
                    e.setValue(o.numberNode(round(v.doubleValue(), e.getKey(), name)));
                } else {
                    round(v, e.getKey());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isFloatingPointNumber()) {
                    a.set(i, a.numberNode(round(v.doubleValue(), name, "")));
                } else {
                    round(v, name);
                }
            }
        }
    }

    /**
     * {@code value} rounded for the field {@code name} inside {@code parent}: 3 decimals for
     * milliseconds, 9 for seconds, 2 for dollars, 4 for dollars per hour, else 6 significant digits.
     */
    static double round(double value, String name, String parent) {
        if (!Double.isFinite(value) || value == 0) {
            return value;
        }
        if (name.endsWith("Ms") || parent.equals("latencyMs")) {
            return decimals(value, 3);
        }
        if (name.endsWith("Seconds")) {
            return decimals(value, 9);
        }
        if (name.endsWith("Dollars")) {
            return decimals(value, 2);
        }
        if (name.endsWith("PerHour")) {
            return decimals(value, 4);
        }
        return BigDecimal.valueOf(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue();
    }

    private static double decimals(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }

    public static String toJson(ObjectNode report) {
        try {
            return ScenarioFiles.JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putMs(ObjectNode o, String name, double ms) {
        if (Double.isNaN(ms)) {
            o.putNull(name);
        } else {
            o.put(name, ms);
        }
    }
}
