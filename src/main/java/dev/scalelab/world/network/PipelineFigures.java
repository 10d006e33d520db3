package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.world.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finished network run in the pipeline report's names, for what reads those: a challenge's
 * requirements and breaches, and the headline figures of several seeds.
 */
public final class PipelineFigures {
    private PipelineFigures() {
    }

    /**
     * What a finished run gives the requirements, in the pipeline report's names: the clients'
     * latency, requests and cost; the cache's and the database's totals when the drawing has one of
     * each (with two, a requirement on "the cache" names no one of them and is not measured); the
     * per-client figures; the decisions. A clients node's publishes straight to a queue or topic are
     * a producer's records, not requests (see {@link RequestFigures}): the latency and the requests
     * leave them out. Each topic box is under {@code events.topics}, named by its label (its id when
     * it has none), with the pipeline's figures: publish → processed ({@code endToEndMs.p50},
     * {@code .p99}, the slowest group's) and the largest backlog ({@code lagMax}).
     */
    public static ObjectNode of(Network net) {
        ObjectNode own = net.report();
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        LatencySummary s = net.requests.latency.total();
        ObjectNode latency = r.putObject("latencyMs");
        latency.put("mean", s.meanMs());
        latency.put("p50", s.p50Ms());
        latency.put("p90", s.p90Ms());
        latency.put("p99", s.p99Ms());
        latency.put("p999", s.p999Ms());
        latency.put("max", s.maxMs());
        JsonNode totals = own.path("totals");
        long offered = 0;
        JsonNode cache = null;
        JsonNode database = null;
        int caches = 0;
        int databases = 0;
        for (var it = own.path("nodes").fields(); it.hasNext(); ) {
            var n = it.next();
            String kind = n.getValue().path("kind").asText();
            if (kind.equals("clients")) {
                offered += n.getValue().path("arrivals").asLong();
            } else if (kind.equals("cache")) {
                caches++;
                cache = n.getValue();
            } else if (kind.equals("database")) {
                databases++;
                database = n.getValue();
            }
        }
        RequestFigures req = net.requests;
        ObjectNode requests = r.putObject("requests");
        requests.put("offered", offered - req.published - req.publishRefused);
        long completed = totals.path("completed").asLong() - req.published;
        requests.put("throughputPerSecond", net.nowSeconds() == 0 ? 0 : completed / net.nowSeconds());
        requests.put("completed", completed);
        requests.put("failed", totals.path("failed").asLong() - req.publishRefused);
        requests.put("rejected", 0);
        requests.put("timedOut", 0);
        requests.put("shed", totals.path("shed").asLong());
        double hours = net.nowSeconds() / 3600;
        r.putObject("cost").put("meanPerHour", hours == 0 ? 0 : totals.path("costDollars").asDouble() / hours);
        if (caches == 1) {
            ObjectNode c = r.putObject("cache");
            c.put("hitRatio", cache.path("hitRatio").asDouble());
            c.put("reads", cache.path("reads").asLong());
            c.put("staleReads", cache.path("staleReads").asLong());
        }
        if (databases == 1) {
            ObjectNode d = r.putObject("database");
            for (String f : new String[] {"reads", "writes", "staleReads", "lostWrites", "lostAcknowledgedWrites"}) {
                d.put(f, database.path(f).asLong());
            }
            d.put("keysMoved", database.path("keysMoved").asLong());
            d.put("movedFraction", database.path("movedFraction").asDouble());
        }
        events(net, r);
        if (own.has("gateway")) {
            r.set("gateway", own.get("gateway"));
        }
        // The log as the pipeline report's: when, which part, what (the network writes "12.000 s web: text").
        ArrayNode decisions = r.putArray("decisions");
        for (JsonNode line : own.path("decisions")) {
            Matcher m = DECISION.matcher(line.asText());
            if (m.matches()) {
                decisions.addObject().put("atSeconds", Double.parseDouble(m.group(1))).put("source", m.group(2))
                        .put("message", m.group(3));
            }
        }
        return r;
    }

    /** The topic boxes as the pipeline's {@code events.topics}; no section when the drawing has none. */
    private static void events(Network net, ObjectNode r) {
        ArrayNode topics = null;
        for (dev.scalelab.world.Topology.Node n : net.topology.nodes()) {
            if (!(net.node(n.id()) instanceof TopicNode t)) {
                continue;
            }
            if (topics == null) {
                topics = r.putObject("events").putArray("topics");
            }
            ObjectNode o = topics.addObject();
            o.put("name", n.label().isEmpty() ? n.id() : n.label());
            // As the pipeline's: every group has consumed a record once the slowest has.
            o.put("published", t.topic.published());
            o.put("consumed", t.topic.published() - t.topic.backlog());
            o.put("lagMax", t.lagMax());
            o.putObject("endToEndMs").put("p50", t.endToEndMs(LatencySummary::p50Ms)).put("p99", t.endToEndMs(LatencySummary::p99Ms));
        }
    }

    private static final Pattern DECISION = Pattern.compile("([0-9.]+) s ([^:]+): (.*)");

    /**
     * The run's seconds as the requirements read them, oldest first: what was answered and failed in
     * each, and its p99, of requests (a clients node's publishes straight to a box left out, as
     * {@link #of} does). A drawn system keeps no per-second record of its offered load or its
     * instances, so a second's offered load is what ended in it, and the sample names no instances.
     */
    public static List<Sample> samples(Network net) {
        double[] completed = net.completedPerSecond();
        double[] failed = net.failedPerSecond();
        double[] p99 = net.requests.p99MsPerSecond();
        double[] published = net.requests.publishedPerSecond();
        double[] refused = net.requests.refusedPerSecond();
        for (int i = 0; i < completed.length; i++) {
            completed[i] -= published[i];
            failed[i] -= refused[i];
        }
        double first = Math.floor(net.nowSeconds()) - completed.length;
        List<Sample> out = new ArrayList<>(completed.length);
        for (int i = 0; i < completed.length; i++) {
            out.add(new Sample(first + i + 1, completed[i] + failed[i], completed[i], 0, failed[i], Double.NaN, Double.NaN, p99[i],
                    0, 0, Double.NaN, 0, Double.NaN, Double.NaN, Map.of()));
        }
        return out;
    }
}
