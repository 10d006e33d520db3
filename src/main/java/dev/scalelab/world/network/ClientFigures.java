package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.world.ApiGateway;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * The clients of a drawn system by name, and what happened to each one's requests: every client class
 * of every clients node (a node without classes sends as the anonymous {@value #DEFAULT_CLIENT}), in
 * the order the nodes and their classes are listed. A name two nodes share is one client: one
 * per-client limit at a gateway, one line of figures.
 */
final class ClientFigures {
    /** A gateway's own answers ({@link Flow#refusal}): over a limit (429), or shed (503). */
    static final int LIMITED = 1;
    static final int SHED = 2;
    /** The anonymous client of a clients node without classes, named as the pipeline names it. */
    static final String DEFAULT_CLIENT = "default";

    private final List<String> names = new ArrayList<>();
    private final List<String> priorities = new ArrayList<>();
    /** Whether the report has a per-client section: the design has a gateway or client classes, as the pipeline's. */
    final boolean reported;
    private final long[] offered;
    private final long[] completed;
    private final long[] limited;
    private final long[] shed;
    private final long[] failed;
    private final LatencyRecorder[] latency;

    ClientFigures(Topology t) {
        boolean gatewayOrClasses = false;
        for (Topology.Node n : t.nodes()) {
            if (n.nodeKind() == NodeKind.GATEWAY) {
                gatewayOrClasses = true;
            }
            if (n.nodeKind() != NodeKind.CLIENTS) {
                continue;
            }
            if (n.workload().clients().isEmpty()) {
                add(DEFAULT_CLIENT, ApiGateway.Client.DEFAULT.priority());
            }
            for (ApiGateway.Client c : n.workload().clients()) {
                add(c.name(), c.priority());
                gatewayOrClasses = true;
            }
        }
        reported = gatewayOrClasses;
        int k = Math.max(1, names.size());
        offered = new long[k];
        completed = new long[k];
        limited = new long[k];
        shed = new long[k];
        failed = new long[k];
        latency = new LatencyRecorder[k];
        for (int i = 0; i < k; i++) {
            latency[i] = new LatencyRecorder();
        }
    }

    private void add(String name, ApiGateway.Priority priority) {
        if (!names.contains(name)) {
            names.add(name);
            priorities.add(priority.id());
        }
    }

    /** How many clients: a gateway keeps one per-client limiter for each. */
    int count() {
        return offered.length;
    }

    /** The index of client {@code name}; -1 for none. */
    int index(String name) {
        return names.indexOf(name);
    }

    void sent(Flow f) {
        offered[f.client]++;
    }

    /** {@code f} is over, as its clients saw it: answered ({@code ok}), answered by a gateway itself, or failed. */
    void done(Flow f, boolean ok, long latencyNanos) {
        int c = f.client;
        if (ok) {
            completed[c]++;
            latency[c].recordNanos(latencyNanos);
        } else if (f.refusal == LIMITED) {
            limited[c]++;
        } else if (f.refusal == SHED) {
            shed[c]++;
        } else {
            failed[c]++;
        }
    }

    ClientResult result(int c) {
        long p99Micros = latency[c].totalPercentileMicros(99);
        return new ClientResult(names.get(c), priorities.get(c), offered[c], completed[c], limited[c], shed[c], failed[c],
                p99Micros < 0 ? Double.NaN : p99Micros / 1000.0);
    }

    List<ClientResult> results() {
        List<ClientResult> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(result(i));
        }
        return out;
    }

    /**
     * The report's {@code gateway} section, under the names the pipeline's report uses (so a grader
     * reads {@code gateway.perClient.<name>} from either): the totals answered 429 and 503, and per
     * client offered, completed, limited, shed, rejected, failed, timedOut and p99Ms. A drawn system
     * does not tell a full queue from another failure, so its {@code rejected} and {@code timedOut}
     * are 0 and {@code failed} holds them all.
     */
    void report(ObjectNode root, long limitedTotal, long shedTotal) {
        ObjectNode section = root.putObject("gateway");
        section.put("limited", limitedTotal);
        section.put("shed", shedTotal);
        ObjectNode clients = section.putObject("perClient");
        for (ClientResult r : results()) {
            ObjectNode c = clients.putObject(r.name());
            c.put("priority", r.priority());
            c.put("offered", r.offered());
            c.put("completed", r.completed());
            c.put("limited", r.limited());
            c.put("shed", r.shed());
            c.put("rejected", 0);
            c.put("failed", r.failed());
            c.put("timedOut", 0);
            if (Double.isNaN(r.p99Ms())) {
                c.putNull("p99Ms");
            } else {
                c.put("p99Ms", r.p99Ms());
            }
        }
    }
}
