package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.world.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code simulate --timeseries} for a drawn system: one CSV row per simulated second, the run's
 * figures first (in the pipeline's column names), then each node's under {@code nodes.<id>.} and
 * each edge's under {@code edges.<from>-><to>.}, as the report names them. Only what the network
 * counts anyway: a rate is the difference of a total over the second, a level (a queue, the ready
 * instances) is read at its end. The one thing it keeps itself is the second's latency of the
 * answered requests, beside the network's own recorder, so attaching it changes nothing in the run.
 */
final class NetworkSeries {
    private final Network net;
    private final Consumer<String> rows;
    private final List<String> names = new ArrayList<>();
    private final List<Supplier<String>> values = new ArrayList<>();
    /** The answered requests' latency in the current second. */
    private final LatencyRecorder secondLatency = new LatencyRecorder();
    private LatencySummary second = LatencySummary.EMPTY;

    NetworkSeries(Network net, Consumer<String> rows) {
        this.net = net;
        this.rows = rows;
        column("time_s", () -> Parameter.format(net.nowSeconds()));
        List<NetNode> clientNodes = new ArrayList<>();
        for (NetNode n : net.nodeList()) {
            if (n.kind == NodeKind.CLIENTS) {
                clientNodes.add(n);
            }
        }
        perSecond("offered_per_s", () -> {
            long sent = 0;
            for (NetNode n : clientNodes) {
                sent += n.arrivals;
            }
            return sent;
        });
        perSecond("throughput_per_s", net::completed);
        perSecond("failed_per_s", net::failed);
        perSecond("limited_per_s", net::limited);
        perSecond("shed_per_s", net::shed);
        fixed("mean_ms", () -> second.meanMs());
        fixed("p50_ms", () -> second.p50Ms());
        fixed("p90_ms", () -> second.p90Ms());
        fixed("p99_ms", () -> second.p99Ms());
        boolean crossZone = false;
        for (Link l : net.linkList()) {
            crossZone |= l.crossesZone;
        }
        if (crossZone) {
            perSecond("cross_zone_requests_per_s", () -> net.crossZoneRequests);
        }
        column("cost_dollars", () -> String.format(Locale.ROOT, "%.6f", net.costDollars()));
        for (NetNode n : net.nodeList()) {
            nodeColumns(n);
        }
        for (Link l : net.linkList()) {
            edgeColumns(l);
        }
    }

    /** The header: every column's name, in order. */
    static String header(Network net) {
        return String.join(",", new NetworkSeries(net, null).names);
    }

    private void nodeColumns(NetNode n) {
        String p = "nodes." + n.id + ".";
        fixed(p + "arrivals_per_s", () -> n.arrivalsPerSecond);
        fixed(p + "errors_per_s", () -> n.errorsPerSecond);
        fixed(p + "p99_ms", () -> n.secondP99Ms);
        whole(p + "in_service_count", n::inService);
        switch (n.kind) {
            case SERVICE, DATABASE -> {
                whole(p + "instances_count", n::instances);
                fixed(p + "utilization_ratio", n::utilisation);
                whole(p + "queued_count", n::queued);
            }
            case EXTERNAL -> {
                if (n.spec.external().instances() > 0) {
                    whole(p + "instances_count", n::instances);
                    whole(p + "queued_count", n::queued);
                }
                if (n.spec.external().instances() > 0 || n.spec.external().rateLimitPerSecond() > 0) {
                    fixed(p + "utilization_ratio", n::utilisation);
                }
            }
            case GATEWAY -> {
                RouterNode r = (RouterNode) n;
                if (r.admission != null) {
                    fixed(p + "utilization_ratio", n::utilisation);
                    perSecond(p + "limited_per_s", () -> r.limited);
                    perSecond(p + "shed_per_s", () -> r.shed);
                }
            }
            case QUEUE, TOPIC -> whole(p + "queued_count", n::queued);
            case CACHE, CDN -> {
                CacheNode c = (CacheNode) n;
                long[] before = new long[2];
                // This second's reads answered by some level over this second's reads; empty without reads.
                fixed(p + "hit_ratio", () -> {
                    var s = c.stats();
                    long reads = s.reads() - before[0];
                    long hits = s.cacheReads() - before[1];
                    before[0] = s.reads();
                    before[1] = s.cacheReads();
                    return reads == 0 ? Double.NaN : hits / (double) reads;
                });
            }
            default -> {
            }
        }
    }

    private void edgeColumns(Link l) {
        String p = "edges." + l.name() + ".";
        fixed(p + "requests_per_s", () -> l.ratePerSecond);
        if (l.mesh == null) {
            return;
        }
        // Read through the link: a live change may rebuild its sidecar (the columns are those of the edge the run began with).
        perSecond(p + "attempts_per_s", l::attemptsSent);
        perSecond(p + "retries_per_s", l::retries);
        if (l.spec.breaker() != null) {
            perSecond(p + "not_permitted_per_s", l::breakerRejections);
            column(p + "breaker_state", () -> l.mesh == null ? "" : l.mesh.breaker().state().name());
        }
    }

    /** An answered request's end-to-end latency. */
    void answered(long latencyNanos) {
        secondLatency.recordNanos(latencyNanos);
    }

    /** The second is over (the nodes have taken their rates): its row. */
    void second() {
        second = secondLatency.takeInterval();
        StringBuilder row = new StringBuilder(16 * values.size());
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(values.get(i).get());
        }
        rows.accept(row.toString());
    }

    private void column(String name, Supplier<String> value) {
        names.add(name);
        values.add(value);
    }

    /** 4 decimals as the pipeline's series writes them; empty for NaN (nothing to say that second). */
    private void fixed(String name, DoubleSupplier value) {
        column(name, () -> {
            double v = value.getAsDouble();
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
        });
    }

    private void whole(String name, java.util.function.IntSupplier value) {
        column(name, () -> Integer.toString(value.getAsInt()));
    }

    /** The rise of a running total over the second. */
    private void perSecond(String name, LongSupplier total) {
        long[] before = new long[1];
        fixed(name, () -> {
            long now = total.getAsLong();
            long delta = now - before[0];
            before[0] = now;
            return delta;
        });
    }
}
