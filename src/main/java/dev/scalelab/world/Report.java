package dev.scalelab.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.LatencySummary;

import java.util.List;

/** The JSON report of a run: the contract DESIGN.md names, for people and outside tools. */
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

        ObjectNode instances = root.putObject("instances");
        instances.put("min", world.minInstances());
        instances.put("max", world.maxInstances());
        instances.put("mean", world.meanInstances());
        ArrayNode timeline = instances.putArray("timeline");
        for (double[] point : world.instanceTimeline()) {
            timeline.addObject().put("atSeconds", point[0]).put("count", (int) point[1]);
        }
        ArrayNode live = instances.putArray("live");
        for (ServiceInstance in : world.instances()) {
            live.addObject().put("id", in.id).put("state", in.state.name().toLowerCase())
                    .put("workers", in.workers).put("completed", in.completed).put("rejected", in.rejected)
                    .put("utilization", in.busyWorkerNanos(world.simulation().nowNanos()) / Math.max(1.0, (double) in.workers * world.simulation().nowNanos()));
        }

        ObjectNode balancer = root.putObject("balancer");
        balancer.put("strategy", world.balancerId());
        ObjectNode perInstance = balancer.putObject("perInstance");
        List<long[]> routed = world.routedByNumber();
        for (int i = 0; i < routed.size(); i++) {
            perInstance.put("i-" + i, routed.get(i)[0]);
        }

        ArrayNode decisions = root.putArray("decisions");
        for (LogEntry e : world.logEntries()) {
            decisions.addObject().put("atSeconds", e.timeSeconds()).put("source", e.source()).put("message", e.message());
        }
        root.put("events", world.simulation().eventsFired());
        root.put("wallMillis", wallMillis);
        return root;
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
