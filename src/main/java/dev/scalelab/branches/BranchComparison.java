package dev.scalelab.branches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.OfflineRun;
import dev.scalelab.seeds.HeadlineText;
import dev.scalelab.world.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * A branch's report beside its parent's, figure by figure: both scenarios re-run headless to the
 * same virtual time on the same seed, so every difference comes from what the branch changed.
 * Immutable; {@link #run} runs on the caller's thread (a background one: it is proportional to the
 * simulated events).
 *
 * @param parentName  the parent branch's name
 * @param branchName  the branch's name
 * @param atSeconds   the virtual time both runs reached
 * @param rows        the headline figures first, then the main sections' counts and latencies
 */
public record BranchComparison(String parentName, String branchName, double atSeconds, List<Row> rows) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public BranchComparison {
        rows = List.copyOf(rows);
    }

    /** How a figure is written: its unit, and whether it is a ratio shown as a percentage. */
    public enum Unit {
        COUNT(""), PER_SECOND(" req/s"), MS(" ms"), PERCENT(" %"), DOLLARS_PER_HOUR(" $/h"), DOLLARS(" $"), TIMES(" ×");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        /** "173.2 ms", "12 %" (a ratio of 0.12), "1,204": the value as a person reads it; "–" when absent. */
        public String format(double v) {
            if (Double.isNaN(v)) {
                return "–";
            }
            double shown = this == PERCENT ? v * 100 : v;
            return number(shown) + suffix;
        }

        /** A difference in this unit, signed: "+12.5 ms", "−3.1 pp" (percentage points for a ratio). */
        public String formatDifference(double d) {
            if (Double.isNaN(d)) {
                return "–";
            }
            double shown = this == PERCENT ? d * 100 : d;
            String sign = shown > 0 ? "+" : shown < 0 ? "−" : "";
            return sign + number(Math.abs(shown)) + (this == PERCENT ? " pp" : suffix);
        }

        private String number(double v) {
            double a = Math.abs(v);
            if (this == COUNT && v == Math.rint(v) && a < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) v);
            }
            return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 0.1 || a == 0 ? "%.2f" : "%.3g", v);
        }
    }

    /**
     * One figure of both runs.
     *
     * @param section the report's section it comes from ("headline" for the headline figures)
     * @param key     its path in the report, such as {@code latencyMs.p99} or the headline's key
     * @param parent  its value in the parent's run (NaN where that run has no such figure)
     * @param branch  its value in the branch's run
     */
    public record Row(String section, String key, String figure, Unit unit, double parent, double branch) {
        /** Branch minus parent. */
        public double difference() {
            return branch - parent;
        }

        /** The change relative to the parent, in percent; NaN when the parent's value is 0 or absent. */
        public double percentChange() {
            return parent == 0 || Double.isNaN(parent) || Double.isNaN(branch) ? Double.NaN : (branch - parent) / Math.abs(parent) * 100;
        }

        /** "+12.5 %", "−3.0 %", "–". */
        public String percentText() {
            double p = percentChange();
            if (Double.isNaN(p)) {
                return "–";
            }
            return (p > 0 ? "+" : p < 0 ? "−" : "") + String.format(Locale.ROOT, "%.1f %%", Math.abs(p));
        }
    }

    /** A figure of a report section beyond the headline ones: its path, label and unit. */
    private record SectionFigure(String section, String path, String label, Unit unit) {
    }

    /** The main sections' figures, where cheap: counts and latencies a person checks after the headline. */
    private static final List<SectionFigure> SECTION_FIGURES = List.of(
            new SectionFigure("requests", "requests.offered", "Requests offered", Unit.COUNT),
            new SectionFigure("requests", "requests.completed", "Requests completed", Unit.COUNT),
            new SectionFigure("requests", "requests.failed", "Requests failed", Unit.COUNT),
            new SectionFigure("requests", "requests.rejected", "Requests rejected", Unit.COUNT),
            new SectionFigure("requests", "requests.timedOut", "Requests timed out", Unit.COUNT),
            new SectionFigure("latencyMs", "latencyMs.mean", "Latency mean", Unit.MS),
            new SectionFigure("latencyMs", "latencyMs.p90", "Latency p90", Unit.MS),
            new SectionFigure("latencyMs", "latencyMs.p999", "Latency p99.9", Unit.MS),
            new SectionFigure("latencyMs", "latencyMs.max", "Latency max", Unit.MS),
            new SectionFigure("instances", "instances.min", "Instances (min)", Unit.COUNT),
            new SectionFigure("instances", "instances.max", "Instances (max)", Unit.COUNT),
            new SectionFigure("cost", "cost.totalDollars", "Cost so far", Unit.DOLLARS),
            new SectionFigure("cache", "cache.hits", "Cache hits", Unit.COUNT),
            new SectionFigure("cache", "cache.misses", "Cache misses", Unit.COUNT),
            new SectionFigure("database", "database.reads", "Database reads", Unit.COUNT),
            new SectionFigure("database", "database.staleReads", "Database stale reads", Unit.COUNT),
            new SectionFigure("retries", "retries.attempts", "Downstream attempts", Unit.COUNT),
            new SectionFigure("retries", "retries.retries", "Retries", Unit.COUNT));

    /**
     * The rows of two reports: every headline figure either run has ({@link Headline#read}), then
     * every section figure either has. Plain data: any thread.
     */
    public static BranchComparison of(String parentName, String branchName, double atSeconds, JsonNode parent, JsonNode branch) {
        List<Row> rows = new ArrayList<>();
        for (Headline h : Headline.values()) {
            double p = h.read(parent);
            double b = h.read(branch);
            if (!Double.isNaN(p) || !Double.isNaN(b)) {
                rows.add(new Row("headline", h.key(), HeadlineText.label(h), unit(h), p, b));
            }
        }
        for (SectionFigure f : SECTION_FIGURES) {
            double p = read(parent, f.path());
            double b = read(branch, f.path());
            if (!Double.isNaN(p) || !Double.isNaN(b)) {
                rows.add(new Row(f.section(), f.path(), f.label(), f.unit(), p, b));
            }
        }
        return new BranchComparison(parentName, branchName, atSeconds, rows);
    }

    /**
     * Runs {@code parent} and then {@code branch} headless to {@code atSeconds} (each stops at its
     * duration) and compares their reports. {@code progress} hears the fraction done, 0 to 1;
     * {@code cancelled} is looked at every few milliseconds of work, and a cancel throws a
     * {@link CancellationException}. On the caller's thread.
     */
    public static BranchComparison run(String parentName, Scenario parent, String branchName, Scenario branch, double atSeconds,
                                       BooleanSupplier cancelled, DoubleConsumer progress) {
        Objects.requireNonNull(cancelled);
        Objects.requireNonNull(progress);
        JsonNode p = report(parent, atSeconds, cancelled, f -> progress.accept(f / 2));
        JsonNode b = report(branch, atSeconds, cancelled, f -> progress.accept(0.5 + f / 2));
        progress.accept(1);
        return of(parentName, branchName, Math.min(atSeconds, Math.min(parent.durationSeconds(), branch.durationSeconds())), p, b);
    }

    /** The report of {@code s} run to {@code atSeconds}, in 100 steps so that progress and cancel are heard. */
    static JsonNode report(Scenario s, double atSeconds, BooleanSupplier cancelled, DoubleConsumer progress) {
        OfflineRun run = new OfflineRun(s);
        double end = Math.min(atSeconds, run.endSeconds());
        int steps = 100;
        for (int k = 1; k <= steps; k++) {
            if (!run.advanceTo(end * k / steps, cancelled)) {
                throw new CancellationException("the comparison was cancelled");
            }
            progress.accept(k / (double) steps);
        }
        try {
            return JSON.readTree(run.reportJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Unit unit(Headline h) {
        if (HeadlineText.isRatio(h)) {
            return Unit.PERCENT;
        }
        return switch (h) {
            case THROUGHPUT -> Unit.PER_SECOND;
            case P50_MS, P99_MS -> Unit.MS;
            case COST_PER_HOUR -> Unit.DOLLARS_PER_HOUR;
            case RETRY_AMPLIFICATION -> Unit.TIMES;
            default -> Unit.COUNT;
        };
    }

    /** The number at a dotted path of the report, or NaN where the run has none. */
    static double read(JsonNode report, String path) {
        JsonNode n = report;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
