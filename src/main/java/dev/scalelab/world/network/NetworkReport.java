package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.LatencySummary;

/** A network run's report, in the order its readers (the CLI's JSON, the grader, the tests) expect. */
final class NetworkReport {
    private NetworkReport() {
    }

    /** {@code net}'s report: the whole run as the clients saw it, then each node's figures under {@code nodes.<id>}. */
    static ObjectNode of(Network net) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode r = json.createObjectNode();
        r.put("scenario", net.scenario().name());
        r.put("seed", net.scenario().seed());
        r.put("durationSeconds", net.nowSeconds());
        ObjectNode totals = r.putObject("totals");
        long completed = net.completed();
        long failed = net.failed();
        long limited = net.limited();
        long shed = net.shed();
        LatencySummary s = net.endToEnd();
        totals.put("completed", completed);
        totals.put("failed", failed);
        totals.put("limited", limited);
        totals.put("shed", shed);
        totals.put("throughputPerSecond", net.nowSeconds() == 0 ? 0 : completed / net.nowSeconds());
        // As the grader's error ratio: a 503 shed is an error, a 429 is the contract working (but was sent).
        long ended = completed + failed + limited + shed;
        totals.put("errorRate", ended == 0 ? 0 : (failed + shed) / (double) ended);
        totals.put("meanMs", s.meanMs());
        totals.put("p50Ms", s.p50Ms());
        totals.put("p99Ms", s.p99Ms());
        totals.put("costDollars", net.costDollars());
        totals.put("crossZoneRequests", net.crossZoneRequests);
        ObjectNode byId = r.putObject("nodes");
        for (NetNode n : net.nodeList()) {
            ObjectNode o = byId.putObject(n.id);
            LatencySummary l = n.latency.total();
            o.put("kind", n.kind.id());
            o.put("arrivals", n.arrivals);
            o.put("errors", n.errors);
            o.put("meanMs", l.meanMs());
            o.put("p99Ms", l.p99Ms());
            n.report(o);
        }
        if (net.clients.reported) {
            net.clients.report(r, limited, shed);
        }
        ArrayNode edges = r.putArray("edges");
        for (Link l : net.linkList()) {
            ObjectNode o = edges.addObject();
            o.put("from", l.from.id);
            o.put("to", l.to.id);
            o.put("crossed", l.crossed);
            if (l.mesh != null) {
                o.put("breakerTransitions", l.breakerTransitions());
            }
        }
        ArrayNode log = r.putArray("decisions");
        net.decisions().forEach(log::add);
        return r;
    }
}
