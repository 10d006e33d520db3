package dev.scalelab.ui.seeds;

import dev.scalelab.branches.BranchComparison;
import dev.scalelab.branches.ComparisonExport;
import dev.scalelab.runtime.Branches;
import dev.scalelab.ui.FxThread;
import dev.scalelab.world.Scenario;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Compare with parent window's state: a branch and its parent re-run in the background to the
 * same moment (progress, Cancel), their figures as table rows, and the export. FX thread only.
 */
public final class BranchCompareViewModel extends BackgroundRuns {
    /** One figure as the table shows it. */
    public record Row(String figure, String parent, String branch, String difference, String change) {
    }

    private final String parentName;
    private final Scenario parent;
    private final String branchName;
    private final Scenario branch;
    private final double atSeconds;
    private final ObjectProperty<BranchComparison> result = new SimpleObjectProperty<>(this, "result");

    /**
     * @param atSeconds the moment both runs go to: the later of the two branches' reached times
     *                  (each run stops at its scenario's end)
     */
    public BranchCompareViewModel(String parentName, Scenario parent, String branchName, Scenario branch, double atSeconds) {
        this.parentName = parentName;
        this.parent = parent;
        this.branchName = branchName;
        this.branch = branch;
        this.atSeconds = atSeconds;
    }

    public ObjectProperty<BranchComparison> resultProperty() {
        return result;
    }

    public String parentName() {
        return parentName;
    }

    public String branchName() {
        return branchName;
    }

    public double atSeconds() {
        return atSeconds;
    }

    /** Re-runs both branches headless, the parent first, in the background. */
    public void run() {
        assert FxThread.isCurrent();
        if (runningProperty().get()) {
            return;
        }
        AtomicBoolean stop = newStop();
        Task<BranchComparison> task = new Task<>() {
            @Override
            protected BranchComparison call() {
                updateMessage("Running " + parentName + " to " + Branches.clock(atSeconds) + "…");
                return BranchComparison.run(parentName, parent, branchName, branch, atSeconds, stop::get, f -> {
                    updateProgress(f, 1);
                    if (f >= 0.5 && f < 1) {
                        updateMessage("Running " + branchName + " to " + Branches.clock(atSeconds) + "…");
                    }
                });
            }
        };
        start(task, "branch comparison", done -> {
            result.set(done);
            say("Both re-run on the same seed to " + Branches.clock(done.atSeconds()) + ". Difference = branch − parent.");
        }, t -> say(t instanceof CancellationException ? "Cancelled." : "The runs stopped: " + t.getMessage()));
    }

    /** The table's rows, in the comparison's order. */
    public static List<Row> rows(BranchComparison c) {
        return c.rows().stream().map(r -> new Row(r.figure(), r.unit().format(r.parent()), r.unit().format(r.branch()),
                r.unit().formatDifference(r.difference()), r.percentText())).toList();
    }

    /** Writes the comparison to {@code markdownFile} and the CSV beside it, off the FX thread; the message says where. */
    public CompletableFuture<Path> export(Path markdownFile) {
        assert FxThread.isCurrent();
        BranchComparison c = result.get();
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing to export: the comparison has not run"));
        }
        CompletableFuture<Path> written = CompletableFuture.supplyAsync(() -> {
            try {
                return ComparisonExport.write(c, markdownFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        written.whenComplete((csv, error) -> Platform.runLater(() -> say(error == null
                ? "Exported " + markdownFile.getFileName() + " and " + csv.getFileName()
                : "Not exported: " + root(error))));
        return written;
    }

    private static String root(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.toString() : r.getMessage();
    }
}
