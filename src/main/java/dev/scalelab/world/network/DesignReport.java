package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.design.Mermaid;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Topology;

import java.util.List;
import java.util.Locale;

/**
 * A design's run as a Markdown document: the diagram (Mermaid), each node's parameters, the charts,
 * the insights and the results. The charts are separate SVG files the document links by name, so
 * the document reads in any Markdown viewer and the charts open in any browser.
 */
public final class DesignReport {
    private DesignReport() {
    }

    /** The names of the chart files, in the order {@link #charts} gives them, for a document named {@code stem}.md. */
    public static List<String> chartNames(String stem) {
        return List.of(stem + "-throughput.svg", stem + "-p99.svg");
    }

    /** The charts' SVG, in {@link #chartNames} order. */
    public static List<String> charts(Network net) {
        double[] ok = net.completedPerSecond();
        double start = Math.max(0, Math.floor(net.nowSeconds()) - ok.length);
        return List.of(SvgChart.line("Answered requests per second", "requests/s", start, ok, "#2b7bb9"),
                SvgChart.line("p99 response time per second", "ms", start, net.p99MsPerSecond(), "#c0392b"));
    }

    /** The name of the diagram's picture, when the canvas exports one beside the document. */
    public static String diagramName(String stem) {
        return stem + "-diagram.png";
    }

    /**
     * The faults and changes the run was given, at their moments: the scenario's timeline (a canvas
     * run's commands are in it, at the times they ran).
     */
    private static void timeline(StringBuilder md, List<Scenario.TimelineEntry> timeline) {
        if (timeline.isEmpty()) {
            return;
        }
        md.append("\n## Timeline\n\n| at | command | target or field | value | for |\n|---|---|---|---|---|\n");
        for (Scenario.TimelineEntry e : timeline) {
            boolean set = e.command().equals("set");
            md.append("| ").append(dev.scalelab.world.Parameter.format(e.atSeconds())).append(" s | ").append(e.command()).append(" | ")
                    .append(set ? e.path() : e.target() == null ? "–" : e.target()).append(" | ")
                    .append(e.value() == null ? "–" : e.value() instanceof Number v ? num(v.doubleValue()) : String.valueOf(e.value()))
                    .append(" | ").append(e.durationSeconds() > 0 ? dev.scalelab.world.Parameter.format(e.durationSeconds()) + " s" : "–")
                    .append(" |\n");
        }
    }

    /** The document for {@code net} (run already), linking charts named as {@link #chartNames}{@code (stem)}. */
    public static String markdown(Network net, String stem) {
        return markdown(net, stem, false);
    }

    /** As {@link #markdown(Network, String)}; {@code withDiagram} also shows the picture named {@link #diagramName}. */
    public static String markdown(Network net, String stem, boolean withDiagram) {
        Scenario s = net.scenario();
        Topology t = s.topology();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(s.name()).append("\n\n");
        if (!s.description().isEmpty()) {
            md.append(s.description()).append("\n\n");
        }
        md.append(String.format(Locale.ROOT, "Seed %d, %s simulated.%n%n", s.seed(), seconds(net.nowSeconds())));
        md.append("## Design\n\n");
        if (withDiagram) {
            md.append("![The design](").append(diagramName(stem)).append(")\n\n");
        }
        md.append("```mermaid\n").append(Mermaid.write(t.design()).strip()).append("\n```\n\n");
        md.append("| node | kind | zone | parameters |\n|---|---|---|---|\n");
        for (Topology.Node n : t.nodes()) {
            md.append("| ").append(n.id()).append(" | ").append(n.nodeKind().label()).append(" | ")
                    .append(n.zone().isEmpty() ? "–" : n.zone()).append(" | ").append(parameters(n)).append(" |\n");
        }
        md.append("\n| edge | mode | traffic | weight | probability | protection |\n|---|---|---|---|---|---|\n");
        for (Topology.Edge e : t.edges()) {
            md.append("| ").append(e.from()).append(" → ").append(e.to()).append(" | ").append(e.mode()).append(" | ")
                    .append(e.traffic()).append(" | ").append(num(e.weight())).append(" | ").append(num(e.probability()))
                    .append(" | ").append(protection(e)).append(" |\n");
        }
        timeline(md, s.timeline());
        md.append("\n## Results\n\n");
        long all = net.completed() + net.failed();
        md.append(String.format(Locale.ROOT, "| figure | value |%n|---|---|%n| answered | %,d |%n| failed | %,d (%.2f %%) |%n"
                        + "| throughput | %.1f requests/s |%n| mean | %.1f ms |%n| p50 | %.1f ms |%n| p99 | %.1f ms |%n| cost | $%.2f per hour |%n%n",
                net.completed(), net.failed(), all == 0 ? 0 : 100.0 * net.failed() / all,
                net.nowSeconds() == 0 ? 0 : net.completed() / net.nowSeconds(), net.endToEnd().meanMs(), net.endToEnd().p50Ms(),
                net.endToEnd().p99Ms(), net.snapshot().totals().costPerHour()));
        if (net.limited() + net.shed() > 0) {
            md.append(String.format(Locale.ROOT, "Gateways answered %,d requests 429 (over a limit, not counted as failed) and shed "
                    + "%,d (503).%n%n", net.limited(), net.shed()));
        }
        List<ClientResult> clients = net.clients();
        if (clients.size() > 1 || net.limited() + net.shed() > 0) {
            md.append("| client | priority | sent | answered | limited (429) | shed (503) | failed | p99 ms |\n"
                    + "|---|---|---|---|---|---|---|---|\n");
            for (ClientResult c : clients) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d (%.2f %%) | %,d | %,d | %,d | %s |%n", c.name(), c.priority(),
                        c.offered(), c.completed(), 100 * c.successRatio(), c.limited(), c.shed(), c.failed(), num(c.p99Ms())));
            }
            md.append("\n");
        }
        List<String> names = chartNames(stem);
        md.append("![Answered requests per second](").append(names.get(0)).append(")\n\n");
        md.append("![p99 response time per second](").append(names.get(1)).append(")\n\n");
        md.append("| node | arrivals | errors | mean ms | p99 ms | ρ now | queued | instances |\n|---|---|---|---|---|---|---|---|\n");
        for (NetworkSnapshot.NodeState n : net.snapshot().nodes()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %d | %s |%n", n.id(), net.arrivals(n.id()),
                    net.errors(n.id()), num(net.nodeLatency(n.id()).meanMs()), num(net.nodeLatency(n.id()).p99Ms()),
                    Double.isNaN(n.utilisation()) ? "–" : String.format(Locale.ROOT, "%.2f", n.utilisation()), n.queued(),
                    n.instances() == 0 ? "–" : Integer.toString(n.instances())));
        }
        serviceResources(md, net);
        topicGroups(md, net);
        md.append("\n## Insights\n\n");
        List<Insight> insights = net.insights();
        if (insights.isEmpty()) {
            md.append("Nothing limits the design at this load.\n");
        }
        for (Insight i : insights) {
            md.append("- **").append(i.finding()).append("** (").append(i.kind().label()).append(", since ")
                    .append(seconds(i.sinceSeconds())).append("): ").append(i.fix()).append("\n");
        }
        List<String> decisions = net.decisions();
        if (!decisions.isEmpty()) {
            md.append("\n## Decisions\n\nThe last ").append(Math.min(20, decisions.size())).append(" of ").append(decisions.size())
                    .append(" kept:\n\n");
            for (String d : decisions.subList(Math.max(0, decisions.size() - 20), decisions.size())) {
                md.append("- ").append(d).append("\n");
            }
        }
        return md.toString();
    }

    private static String parameters(Topology.Node n) {
        return switch (n.nodeKind()) {
            case CLIENTS -> String.format(Locale.ROOT, "%s %s/s, %,d keys (%s), %.0f %% reads",
                    n.workload().arrival().process().id(), num(n.workload().arrival().ratePerSecond()), n.workload().keys().count(),
                    n.workload().keys().distribution().id(), n.workload().readRatio() * 100);
            case SERVICE -> String.format(Locale.ROOT, "%d × %s instances, %d workers, queue %d, service %s ms mean%s",
                    n.service().instances(), n.service().size().id(), n.service().workersPerInstance(), n.service().queueCapacity(),
                    num(n.service().serviceTime().mean()), n.autoscaler().policy() == Scenario.AutoscalerPolicy.NONE ? ""
                            : ", autoscaler " + n.autoscaler().policy().id() + " " + n.autoscaler().minReplicas() + "–"
                            + n.autoscaler().maxReplicas()) + resources(n);
            case BALANCER -> n.balancer().strategy().id() + (n.zoneAware() ? ", zone-aware" : "");
            case GATEWAY -> (n.gateway().global() == null ? "no limit" : "limit " + num(n.gateway().global().ratePerSecond()) + "/s")
                    + ", " + num(n.gateway().latencyMs()) + " ms";
            case CDN -> String.format(Locale.ROOT, "%,d objects, TTL %s s, %s", n.cdn().capacity(), num(n.cdn().ttlSeconds()),
                    n.cdn().policy());
            case CACHE -> n.cache().levels().stream().map(l -> l.name() + " " + l.capacity() + " " + l.policy())
                    .reduce((a, b) -> a + ", " + b).orElse("") + ", " + n.cache().writePolicy();
            case DATABASE -> String.format(Locale.ROOT, "%d shards × (1 + %d replicas), %d connections each",
                    n.database().shards(), n.database().replicasPerShard(), n.database().connectionLimit());
            case QUEUE -> String.format(Locale.ROOT, "visibility %s s, %d receives, capacity %s",
                    num(n.queue().visibilityTimeoutSeconds()), n.queue().maxReceives(),
                    n.queue().capacity() == 0 ? "unlimited" : Integer.toString(n.queue().capacity()));
            case TOPIC -> String.format(Locale.ROOT, "%d partitions, %s, commit %s, session %s ms, retry %s × %d%s",
                    n.topic().partitions(), n.topic().assignor().id(), n.topic().commit().id(), num(n.topic().sessionTimeoutMs()),
                    n.topic().retry().mode().id(), n.topic().retry().maxAttempts(), n.topic().retry().deadLetter()
                            ? " then dead letter" : "");
            case EXTERNAL -> String.format(Locale.ROOT, "%s ms mean, %.1f %% errors%s", num(n.external().latency().mean()),
                    n.external().errorRate() * 100, n.external().rateLimitPerSecond() > 0
                            ? ", quota " + num(n.external().rateLimitPerSecond()) + "/s" : "");
        };
    }

    /** The services' collector pauses, connection pools and sizes, when any service has a heap or a connection pool. */
    private static void serviceResources(StringBuilder md, Network net) {
        JsonNode nodes = net.report().get("nodes");
        StringBuilder rows = new StringBuilder();
        for (NetworkSnapshot.NodeState n : net.snapshot().nodes()) {
            JsonNode o = nodes.get(n.id());
            if (n.service() == null || !o.has("runtime") && !(o.has("pools") && o.get("pools").has("connections"))) {
                continue;
            }
            JsonNode gc = o.path("runtime").path("gc");
            JsonNode c = o.path("pools").path("connections");
            rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", n.id(), n.service().size(),
                    gc.isMissingNode() ? "–" : String.format(Locale.ROOT, "%,d", gc.get("youngCollections").asLong()
                            + gc.get("oldCollections").asLong()),
                    gc.isMissingNode() ? "–" : num(gc.get("pauseMsTotal").asDouble()),
                    gc.isMissingNode() ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * gc.get("pauseShare").asDouble()),
                    c.isMissingNode() ? "–" : String.format(Locale.ROOT, "%,d", c.get("timeouts").asLong()),
                    c.isMissingNode() ? "–" : num(c.get("waitMsP99").asDouble())));
        }
        if (rows.length() > 0) {
            md.append("\n| service | size | collections | pauses ms | paused | connection timeouts | connection wait p99 ms |\n"
                    + "|---|---|---|---|---|---|---|\n").append(rows);
        }
    }

    /** Each drawn topic's consumer groups: what they lag, how often they rebalanced, what they did twice or gave up. */
    private static void topicGroups(StringBuilder md, Network net) {
        JsonNode nodes = net.report().get("nodes");
        StringBuilder rows = new StringBuilder();
        for (Topology.Node n : net.scenario().topology().nodes()) {
            JsonNode groups = nodes.path(n.id()).path("groups");
            for (java.util.Iterator<String> it = groups.fieldNames(); it.hasNext(); ) {
                String group = it.next();
                JsonNode g = groups.get(group);
                rows.append(String.format(Locale.ROOT, "| %s | %s | %d | %,d | %,d | %,d | %,d | %,d | %s |%n", n.id(), group,
                        g.get("members").asInt(), g.get("lag").asLong(), g.get("consumed").asLong(), g.get("rebalances").asLong(),
                        g.get("duplicates").asLong(), g.get("deadLetters").asLong(), num(g.get("endToEndMsP99").asDouble())));
            }
        }
        if (rows.length() > 0) {
            md.append("\n| topic | group | members | lag | consumed | rebalances | duplicates | dead letters | end-to-end p99 ms |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n").append(rows);
        }
    }

    /** A service's vertical scaler, heap and pools, each only when it has one. */
    private static String resources(Topology.Node n) {
        StringBuilder b = new StringBuilder();
        if (n.verticalScaler().policy() != Scenario.VerticalPolicyKind.NONE) {
            b.append(", vertical ").append(n.verticalScaler().policy().id());
        }
        var r = n.service().runtime();
        if (r != null) {
            b.append(", ").append(r.collector().id()).append(" heap ").append(r.heapMb()).append(" MB");
        }
        if (n.service().objectPool() != null) {
            b.append(", object pool ").append(n.service().objectPool().capacity());
        }
        if (n.service().connectionPool() != null) {
            b.append(", ").append(n.service().connectionPool().maximumPoolSize()).append(" connections per database");
        }
        return b.toString();
    }

    private static String protection(Topology.Edge e) {
        if (!"sync".equals(e.mode())) {
            return "–";
        }
        StringBuilder p = new StringBuilder();
        if (e.timeoutMs() > 0) {
            p.append("timeout ").append(num(e.timeoutMs())).append(" ms");
        }
        if (e.retry().maxAttempts() > 1) {
            p.append(p.length() > 0 ? ", " : "").append(e.retry().maxAttempts()).append(" attempts");
        }
        if (e.breaker() != null) {
            p.append(p.length() > 0 ? ", " : "").append("breaker");
        }
        return p.length() == 0 ? "–" : p.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String seconds(double s) {
        long t = Math.round(s);
        return t >= 60 ? String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60) : t + " s";
    }
}
