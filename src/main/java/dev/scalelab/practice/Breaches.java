package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.world.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds when and why a requirement broke in one run: the first second its per-second view crossed
 * the bound, and the decision-log lines of the 30 s before it (see {@link Breach}).
 */
final class Breaches {
    /** How far before the moment the decision log is read. */
    static final double WHY_WINDOW_SECONDS = 30;
    /** How long a breach must last to be the moment it broke, when one that long exists. */
    static final int SUSTAINED_SECONDS = 3;
    /** How many decision-log lines a breach quotes. */
    static final int WHY_LINES = 6;
    /**
     * The sources whose lines explain a breach best: the incidents themselves, and the parts that
     * react to them (breakers, scalers, the gateway's shedder, the collectors).
     */
    private static final Set<String> FIRST_SOURCES = Set.of("timeline", "breaker", "autoscaler", "hpa", "threshold",
            "target-tracking", "vertical", "vertical-threshold", "vertical-vpa", "keda", "gateway", "gc");

    private Breaches() {
    }

    /** A metric's value in one second. */
    private interface View {
        /** NaN when the second has nothing to say (no answers, no reads). */
        double of(Sample s);
    }

    /**
     * The breach of {@code r}, which {@code value} (measured over the whole run of {@code seed})
     * fails: the first second its per-second view crossed the bound (for {@link #SUSTAINED_SECONDS}
     * seconds when it ever did so that long) after it first met it, the start when it crossed only
     * before that, or none when the metric has no such view or no single second crossed it.
     */
    static Breach find(Requirement r, double value, long seed, List<Sample> samples, JsonNode report) {
        String overall = r.metric().label() + " " + Figures.value(r.metric(), value) + " over the whole run (target "
                + Figures.bound(r) + ")";
        View view = view(r.metric(), report);
        if (view == null) {
            return new Breach(seed, Double.NaN, "the run as a whole broke it: " + overall + clientFigures(r, report),
                    whyOverRun(report));
        }
        double[] perSecond = new double[samples.size()];
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = view.of(samples.get(i)); // once each, in time order: the running views count as they go
        }
        // A run that starts on the wrong side (a cold cache warming up) broke it only if it crosses
        // again once it has been on the right side; if it never does, the start is the moment.
        int met = 0;
        while (met < perSecond.length && (Double.isNaN(perSecond[met]) || !r.met(perSecond[met]))) {
            met++;
        }
        int first = firstCrossing(r, perSecond, met, SUSTAINED_SECONDS);
        if (first < 0) {
            first = firstCrossing(r, perSecond, met, 1);
        }
        boolean fromStart = first < 0 && met > 0;
        if (fromStart) {
            first = firstCrossing(r, perSecond, 0, 1);
        }
        if (first >= 0) {
            Sample s = samples.get(first);
            double at = s.timeSeconds() - 1; // the sample covers the second before its time
            String what = (fromStart ? "from the start: " : "") + "at " + Figures.clock(at) + " " + phrase(r.metric()) + " "
                    + Figures.value(r.metric(), perSecond[first])
                    + " (target " + Figures.bound(r) + "), with " + state(s) + "; over the whole run "
                    + Figures.value(r.metric(), value);
            return new Breach(seed, at, what, why(report, at, at + 1));
        }
        return new Breach(seed, Double.NaN, "no single second crossed it, the run as a whole did: " + overall,
                whyOverRun(report));
    }

    /**
     * For a client's requirement, where its requests went ("; web: 24,000 offered, 13,400 completed,
     * 10,600 limited (429), 0 shed (503), 0 rejected, 0 failed"): what the gateway did to it, which
     * the decision log does not say request by request.
     */
    private static String clientFigures(Requirement r, JsonNode report) {
        JsonNode c = report.path("gateway").path("perClient").path(r.target() == null ? "" : r.target());
        boolean ofClient = r.metric() == Metric.CLIENT_P99_MS || r.metric() == Metric.CLIENT_SUCCESS_RATIO
                || r.metric() == Metric.CLIENT_LIMITED_RATIO;
        if (!ofClient || !c.isObject()) {
            return "";
        }
        return String.format(Locale.ROOT, "; %s: %,d offered, %,d completed, %,d limited (429), %,d shed (503), "
                        + "%,d rejected, %,d failed", r.target(), c.path("offered").asLong(), c.path("completed").asLong(),
                c.path("limited").asLong(), c.path("shed").asLong(), c.path("rejected").asLong(), c.path("failed").asLong());
    }

    /**
     * The first second, from {@code from} on, of the first stretch of {@code seconds} seconds that
     * all cross the bound, or -1. Seconds without a value (nothing answered) neither break a stretch nor count in it. A
     * lone second over the bound (one slow request among a hundred makes a 1-s p99) is rarely what
     * broke a requirement over the whole run; a stretch of them is.
     */
    private static int firstCrossing(Requirement r, double[] perSecond, int from, int seconds) {
        for (int i = from; i < perSecond.length; i++) {
            if (Double.isNaN(perSecond[i]) || r.met(perSecond[i])) {
                continue;
            }
            int crossed = 0;
            for (int j = i; j < perSecond.length && crossed < seconds; j++) {
                if (Double.isNaN(perSecond[j])) {
                    continue;
                }
                if (r.met(perSecond[j])) {
                    break;
                }
                crossed++;
            }
            if (crossed >= seconds) {
                return i;
            }
        }
        return -1;
    }

    /** The system in that second: "402 req/s offered to 4 ready instances, 100% busy, 160 queued". */
    private static String state(Sample s) {
        if (Double.isNaN(s.utilization())) {
            // A drawn system's second: no single pool to describe, only the load (see DrawnGrading.samples).
            return String.format(Locale.ROOT, "%.0f req/s ending in it", s.offeredPerSecond());
        }
        return String.format(Locale.ROOT, "%.0f req/s offered to %d ready instance%s, %.0f%% busy, %d queued", s.offeredPerSecond(),
                s.instances(), s.instances() == 1 ? "" : "s", s.utilization() * 100, s.queued());
    }

    /** How a sentence names one second's value of {@code m}: "the 1-s p99 was". */
    private static String phrase(Metric m) {
        return switch (m) {
            case P99_MS -> "the 1-s p99 was";
            case ERROR_RATIO -> "the error rate of that second was";
            case AVAILABILITY -> "the availability of that second was";
            case COST_PER_HOUR -> "the fleet cost";
            case HIT_RATIO -> "the cache hit ratio of that second was";
            case DB_STALE_RATIO -> "the stale database reads so far were";
            case KEYS_MOVED_FRACTION -> "the keys moved so far were";
            case AMPLIFICATION -> "the retry amplification of that second was";
            default -> m.label() + " was";
        };
    }

    /** The per-second view of {@code m}, null when the time series has none. */
    private static View view(Metric m, JsonNode report) {
        return switch (m) {
            case P99_MS -> Sample::p99Ms;
            case ERROR_RATIO -> s -> ratio(s.rejectedPerSecond() + s.failedPerSecond() + cell(s, "gateway_shed_per_s", 0),
                    s.offeredPerSecond());
            // Not the second's answers over its arrivals: requests that arrive in one second and finish in
            // the next would make a healthy second look unavailable. Its unanswered share instead, 429s too.
            case AVAILABILITY -> s -> 1 - ratio(s.rejectedPerSecond() + s.failedPerSecond() + cell(s, "gateway_shed_per_s", 0)
                    + cell(s, "gateway_limited_per_s", 0), s.offeredPerSecond());
            case COST_PER_HOUR -> Sample::costPerHour;
            case HIT_RATIO -> s -> cell(s, "cache_hit_ratio", Double.NaN);
            case DB_STALE_RATIO -> staleSoFar(report);
            case KEYS_MOVED_FRACTION -> movedSoFar(report);
            case AMPLIFICATION -> Breaches::amplification;
            default -> null;
        };
    }

    /**
     * The running share of stale database reads: stale reads so far over the reads so far. The
     * time series counts queries (reads and writes), so the reads are the queries times the run's
     * share of reads among them.
     */
    private static View staleSoFar(JsonNode report) {
        JsonNode db = report.path("database");
        double reads = db.path("reads").asDouble();
        double queries = reads + db.path("writes").asDouble();
        double readShare = queries == 0 ? 1 : reads / queries;
        double[] totals = new double[2]; // stale reads, queries: the samples come in time order, once each
        return s -> {
            totals[0] += cell(s, "db_stale_reads_per_s", 0);
            totals[1] += cell(s, "db_queries_per_s", 0);
            return ratio(totals[0], totals[1] * readShare);
        };
    }

    /** The keys moved since the start over the keys there are (the report's keysMoved / movedFraction). */
    private static View movedSoFar(JsonNode report) {
        JsonNode db = report.path("database");
        double fraction = db.path("movedFraction").asDouble();
        double keys = fraction > 0 ? db.path("keysMoved").asDouble() / fraction : Double.NaN;
        return s -> ratio(cell(s, "db_keys_moved_count", Double.NaN), keys);
    }

    /** The largest attempts-per-request of any dependency in the second. */
    private static double amplification(Sample s) {
        double worst = Double.NaN;
        for (Map.Entry<String, String> e : s.parts().entrySet()) {
            String name = e.getKey();
            if (name.endsWith("_attempts_per_s")) {
                String dependency = name.substring(0, name.length() - "_attempts_per_s".length());
                double a = ratio(parse(e.getValue(), Double.NaN), cell(s, dependency + "_requests_per_s", Double.NaN));
                if (!Double.isNaN(a) && (Double.isNaN(worst) || a > worst)) {
                    worst = a;
                }
            }
        }
        return worst;
    }

    private static double ratio(double part, double whole) {
        return whole > 0 ? part / whole : Double.NaN;
    }

    /** A part's column of the second; {@code none} when the scenario has no such column or the cell is empty. */
    private static double cell(Sample s, String column, double none) {
        String v = s.parts().get(column);
        return v == null ? none : parse(v, none);
    }

    private static double parse(String cell, double none) {
        if (cell.isEmpty()) {
            return none;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException notANumber) {
            return none;
        }
    }

    /**
     * For a breach without a moment: the run's incidents (the timeline's lines), then the other
     * causes (breakers, scalers' changes, the shedder, the collectors), the earliest of each first;
     * at most {@link #WHY_LINES}, in time order.
     */
    static List<String> whyOverRun(JsonNode report) {
        JsonNode decisions = report.path("decisions");
        List<Integer> incidents = new ArrayList<>();
        List<Integer> causes = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            JsonNode d = decisions.get(i);
            if (d.path("source").asText().equals("timeline")) {
                incidents.add(i);
            } else if (cause(d)) {
                causes.add(i);
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> kind : List.of(incidents, causes)) {
            for (int i = 0; i < kind.size() && chosen.size() < WHY_LINES; i++) {
                chosen.add(kind.get(i));
            }
        }
        return lines(decisions, chosen);
    }

    /** A scaler's sync that changed nothing is context, not a cause. */
    private static boolean cause(JsonNode decision) {
        return FIRST_SOURCES.contains(decision.path("source").asText()) && !decision.path("message").asText().endsWith("(no change)");
    }

    /**
     * The decision-log lines from {@link #WHY_WINDOW_SECONDS} before {@code atSeconds} to
     * {@code untilSeconds} (the end of the second that crossed), oldest first: the incidents' and
     * the reacting parts' lines first when there are more than {@link #WHY_LINES}, the latest of
     * each kind before the older.
     */
    static List<String> why(JsonNode report, double atSeconds, double untilSeconds) {
        JsonNode decisions = report.path("decisions");
        List<Integer> first = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            JsonNode d = decisions.get(i);
            double t = d.path("atSeconds").asDouble();
            if (t >= atSeconds - WHY_WINDOW_SECONDS && t <= untilSeconds) {
                (cause(d) ? first : rest).add(i);
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> kind : List.of(first, rest)) {
            for (int i = kind.size() - 1; i >= 0 && chosen.size() < WHY_LINES; i--) {
                chosen.add(kind.get(i));
            }
        }
        return lines(decisions, chosen);
    }

    /** The chosen decisions in the log's order, which is time order: "1:05 breaker: payments: OPEN -> HALF_OPEN". */
    private static List<String> lines(JsonNode decisions, List<Integer> chosen) {
        chosen.sort(Comparator.naturalOrder());
        List<String> lines = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            JsonNode d = decisions.get(i);
            lines.add(Figures.clock(d.path("atSeconds").asDouble()) + " " + d.path("source").asText() + ": "
                    + d.path("message").asText());
        }
        return lines;
    }
}
