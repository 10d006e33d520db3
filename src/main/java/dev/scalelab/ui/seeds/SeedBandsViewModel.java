package dev.scalelab.ui.seeds;

import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.runtime.Summary;
import dev.scalelab.seeds.HeadlineText;
import dev.scalelab.seeds.SeedBands;
import dev.scalelab.ui.FxThread;
import dev.scalelab.world.Scenario;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The Seed bands window's state: how many seeds, whether to compare with the design as loaded, the
 * runs in the background (progress, Cancel) and their result as table rows and bands. FX thread only.
 */
public final class SeedBandsViewModel extends BackgroundRuns {
    /** Seeds a person may ask for: two give an interval, a hundred a smooth band. */
    static final int MIN_SEEDS = 2;
    static final int MAX_SEEDS = 100;

    /** The two designs' runs: {@code loaded} is null without a comparison. */
    public record Result(SeedBands.Runs design, SeedBands.Runs loaded) {
    }

    /** One figure's row: this design's mean and interval, the loaded one's, their paired difference and its verdict. */
    public record Row(String figure, String design, String loaded, String difference, String verdict) {
    }

    private final Supplier<CompletableFuture<Scenario>> currentDesign;
    private final Scenario loadedDesign;
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", 10);
    private final BooleanProperty compare = new SimpleBooleanProperty(this, "compare");
    private final ObjectProperty<Result> result = new SimpleObjectProperty<>(this, "result");

    /**
     * @param currentDesign the live design as a scenario that replays it (the runner's recorded scenario)
     * @param loadedDesign  the design as it was loaded, to compare with
     * @param modified      whether the live design differs from it (then Compare starts ticked)
     */
    public SeedBandsViewModel(Supplier<CompletableFuture<Scenario>> currentDesign, Scenario loadedDesign, boolean modified) {
        this.currentDesign = currentDesign;
        this.loadedDesign = loadedDesign;
        compare.set(modified);
    }

    public IntegerProperty seedsProperty() {
        return seeds;
    }

    public BooleanProperty compareProperty() {
        return compare;
    }

    public ObjectProperty<Result> resultProperty() {
        return result;
    }

    /** Runs the live design (and the loaded one, when comparing) on the seeds, in the background. */
    public void run() {
        assert FxThread.isCurrent();
        if (runningProperty().get()) {
            return;
        }
        int n = Math.max(MIN_SEEDS, Math.min(MAX_SEEDS, seeds.get()));
        boolean both = compare.get();
        AtomicBoolean stop = newStop();
        CompletableFuture<Scenario> design = currentDesign.get();
        int total = both ? 2 * n : n;
        Task<Result> task = new Task<>() {
            @Override
            protected Result call() {
                Scenario live = await(design, stop);
                // Both designs on the same seeds, from the live one's: a difference is then measured seed by seed.
                long first = live.seed();
                int threads = ParallelRuns.threadsFor(n);
                updateMessage("Running seed 1 of " + n + "…");
                SeedBands.Runs a = SeedBands.run("this design", live, first, n, threads,
                        (done, all) -> report(done, total, "this design"), stop::get);
                SeedBands.Runs b = null;
                if (both) {
                    b = SeedBands.run("as loaded", loadedDesign, first, n, threads,
                            (done, all) -> report(n + done, total, "the design as loaded"), stop::get);
                }
                return new Result(a, b);
            }

            private void report(int done, int all, String which) {
                updateProgress(done, all);
                updateMessage(done < all ? "Ran " + done + " of " + all + " runs (" + which + ")…" : "Summing up…");
            }
        };
        start(task, "seed bands", done -> {
            result.set(done);
            say(String.format(Locale.ROOT, "%d seeds from seed %d, each run to %s s%s.", n, done.design().firstSeed(),
                    dev.scalelab.world.Parameter.format(done.design().throughputPerSecond()[0].length),
                    both ? "; both designs on the same seeds" : ""));
        }, t -> say(t instanceof CancellationException ? "Cancelled." : "The runs stopped: " + t.getMessage()));
    }

    /** The table: a row per figure the design has, in the report's order. */
    public static List<Row> rows(Result r) {
        List<Row> rows = new ArrayList<>();
        for (Headline h : Headline.values()) {
            Summary a = r.design().summary(h);
            if (a == null) {
                continue;
            }
            Summary b = r.loaded() == null ? null : r.loaded().summary(h);
            SeedBands.Difference d = r.loaded() == null ? null : SeedBands.difference(r.design(), r.loaded(), h);
            String verdict = d == null ? "" : d.significant() ? "yes" : "no: within noise";
            rows.add(new Row(HeadlineText.label(h), HeadlineText.interval(h, a), b == null ? "" : HeadlineText.interval(h, b),
                    d == null ? "" : HeadlineText.interval(h, d.ofDifferences()), verdict));
        }
        return rows;
    }
}
