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
            ObjectNode o = decisions.addObject().put("atSeconds", d.atSeconds()).put("source", d.source());
            if (d.currentReplicas() >= 0) {
                o.put("currentReplicas", d.currentReplicas()).put("desiredReplicas", d.desiredReplicas())
                        .put("finalReplicas", d.finalReplicas());
            }
            o.put("message", d.message());
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
