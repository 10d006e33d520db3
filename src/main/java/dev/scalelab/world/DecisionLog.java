package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.RateShape;
import dev.scalelab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The decision and event log every part of the world writes to: the recent lines the UI shows, and
 * the decisions the report lists. Confined to the simulation thread.
 */
final class DecisionLog implements Subsystem {
    private static final int LOG_CAPACITY = 500;
    private static final int SNAPSHOT_LOG_LINES = 200;
    private static final int DECISION_CAPACITY = 10_000;

    private final Simulation sim;
    private final ArrayDeque<LogEntry> lines = new ArrayDeque<>();
    private long lineCount;
    /** Lines written so far per {@link Source}, by ordinal: the run's history counts them each second. */
    private final long[] linesBySource = new long[Source.values().length];
    private final List<Decision> decisions = new ArrayList<>();
    /** Hears every line as it is written, for the breakpoints on decisions; null when none listens. */
    private BreakpointWatch listener;

    DecisionLog(Simulation sim) {
        this.sim = sim;
    }

    void setListener(BreakpointWatch listener) {
        this.listener = listener;
    }

    /** A line from {@code source}; a decision too, unless the source records its decisions itself. Returns the line. */
    LogEntry log(Source source, String message) {
        LogEntry line = append(source, message, null);
        if (!source.logsOnly()) {
            decide(new Decision(sim.nowSeconds(), source, message, -1, -1, -1));
        }
        return line;
    }

    /** A parameter change: a line from whoever made it, and a decision with the old and new value. Returns the line. */
    LogEntry change(Source by, String path, Object before, Object after, String message) {
        Source owner = Decision.owner(path, by);
        LogEntry line = append(by, message, owner == by ? null : owner);
        decide(Decision.parameterChange(sim.nowSeconds(), by, path, before, after, message));
        return line;
    }

    void decide(Decision d) {
        if (decisions.size() < DECISION_CAPACITY) {
            decisions.add(d);
        }
    }

    private LogEntry append(Source source, String message, Source decidedBy) {
        if (lines.size() == LOG_CAPACITY) {
            lines.pollFirst();
        }
        LogEntry line = new LogEntry(sim.nowSeconds(), source, message);
        lines.addLast(line);
        lineCount++;
        linesBySource[source.ordinal()]++;
        if (listener != null) {
            listener.line(line, decidedBy);
        }
        return line;
    }

    List<Decision> decisions() {
        return decisions;
    }

    long[] linesBySource() {
        return linesBySource;
    }

    long lineCount() {
        return lineCount;
    }

    /** The newest lines a snapshot carries, oldest first. */
    List<LogEntry> recent() {
        List<LogEntry> recent = new ArrayList<>(lines);
        if (recent.size() > SNAPSHOT_LOG_LINES) {
            recent = recent.subList(recent.size() - SNAPSHOT_LOG_LINES, recent.size());
        }
        return List.copyOf(recent);
    }

    @Override
    public void report(ObjectNode root) {
        ArrayNode out = root.putArray("decisions");
        for (Decision d : decisions) {
            ObjectNode o = out.addObject().put("atSeconds", d.atSeconds()).put("source", d.source().id());
            if (d.currentReplicas() >= 0) {
                o.put("currentReplicas", d.currentReplicas()).put("desiredReplicas", d.desiredReplicas())
                        .put("finalReplicas", d.finalReplicas());
            }
            o.put("message", d.message());
            for (Map.Entry<String, Object> f : d.fields().entrySet()) {
                putValue(o, f.getKey(), f.getValue());
            }
        }
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

    /** The scenario in one line, as the log's first line gives it. */
    static String describe(Scenario s) {
        Scenario.Arrival a = s.workload().arrival();
        String load = a.process() == Scenario.ArrivalProcess.POISSON
                ? "Poisson " + Parameter.format(a.ratePerSecond()) + " req/s" + (a.shape().kind() == RateShape.Kind.CONSTANT ? "" : " (" + a.shape().kind().id() + ")")
                : a.users() + " users, think " + Parameter.format(a.thinkTime().mean()) + " ms";
        return load + "; " + s.service().instances() + " " + s.service().size().id() + " instances x " + s.service().workersPerInstance()
                + " workers, " + s.service().serviceTime().kind().id() + " service " + Parameter.format(s.service().serviceTime().mean())
                + " ms; " + s.balancer().strategy().id() + "; autoscaler " + s.autoscaler().policy().id() + "; seed " + s.seed();
    }
}
