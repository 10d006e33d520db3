package dev.scalelab.ui.seeds;

import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.seeds.Sweep;
import dev.scalelab.seeds.SweepValues;
import dev.scalelab.ui.FxThread;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The Sweep window's state: up to two fields and their values, the seeds per point, the runs in the
 * background (progress, Cancel), and the points with their figures. FX thread only.
 */
public final class SweepViewModel extends BackgroundRuns {
    static final int MAX_SEEDS = 20;

    /** The sweep's result: its fields and its points, in grid order. */
    public record Result(List<String> paths, List<Sweep.Point> points) {
    }

    private final Supplier<CompletableFuture<Scenario>> design;
    private final ObjectProperty<Parameter> first = new SimpleObjectProperty<>(this, "first");
    private final StringProperty firstValues = new SimpleStringProperty(this, "firstValues", "");
    private final ObjectProperty<Parameter> second = new SimpleObjectProperty<>(this, "second");
    private final StringProperty secondValues = new SimpleStringProperty(this, "secondValues", "");
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", 3);
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(this, "messageIsError");
    private final ObjectProperty<Result> result = new SimpleObjectProperty<>(this, "result");

    /** @param design the design to sweep, with the user's changes folded into its start (the runner's restart scenario) */
    public SweepViewModel(Supplier<CompletableFuture<Scenario>> design) {
        this.design = design;
        first.set(Parameter.of("service.instances"));
        firstValues.set("2..8:1");
    }

    public ObjectProperty<Parameter> firstProperty() {
        return first;
    }

    public StringProperty firstValuesProperty() {
        return firstValues;
    }

    public ObjectProperty<Parameter> secondProperty() {
        return second;
    }

    public StringProperty secondValuesProperty() {
        return secondValues;
    }

    public IntegerProperty seedsProperty() {
        return seeds;
    }

    public BooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    public ObjectProperty<Result> resultProperty() {
        return result;
    }

    /**
     * Reads the fields and their values and runs the grid in the background; a mistake (a value out
     * of range, a step of 0) is one message naming the field, and nothing runs.
     */
    public void run() {
        assert FxThread.isCurrent();
        if (runningProperty().get()) {
            return;
        }
        List<String> paths = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        try {
            read(first.get(), firstValues.get(), paths, values);
            if (second.get() != null) {
                if (second.get() == first.get()) {
                    throw new IllegalArgumentException(second.get().path() + ": vary it once");
                }
                read(second.get(), secondValues.get(), paths, values);
            }
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("choose a field to vary");
            }
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return;
        }
        List<List<String>> points = SweepValues.points(values);
        if (points.size() > SweepValues.MAX_POINTS) {
            error("the grid has " + points.size() + " points; a sweep has at most " + SweepValues.MAX_POINTS);
            return;
        }
        int k = Math.max(1, Math.min(MAX_SEEDS, seeds.get()));
        AtomicBoolean stop = newStop();
        CompletableFuture<Scenario> base = design.get();
        int total = points.size() * k;
        Task<Result> task = new Task<>() {
            @Override
            protected Result call() {
                Scenario start = await(base, stop);
                List<Scenario> scenarios = Sweep.scenarios(start, paths, points);
                updateMessage("Running " + total + " runs…");
                List<Sweep.Point> done = Sweep.run(points, scenarios, k, ParallelRuns.threadsFor(total),
                        (n, all) -> {
                            updateProgress(n, all);
                            updateMessage("Ran " + n + " of " + all + " runs…");
                        }, stop::get);
                return new Result(List.copyOf(paths), done);
            }
        };
        messageIsError.set(false);
        start(task, "sweep", done -> {
            result.set(done);
            say(points.size() + " designs × " + k + (k == 1 ? " seed" : " seeds")
                    + "; the ringed points are the Pareto front. Click a point to open that design.");
        }, t -> {
            if (t instanceof CancellationException) {
                say("Cancelled.");
            } else {
                error(t instanceof ScenarioException ? t.getMessage() : "the runs stopped: " + t.getMessage());
            }
        });
    }

    private static void read(Parameter p, String text, List<String> paths, List<List<String>> values) {
        if (p == null) {
            return;
        }
        try {
            List<String> v = SweepValues.parse(p, text == null ? "" : text);
            for (String value : v) {
                p.parse(p.path(), value); // each value checked as the field checks it: range, choices
            }
            paths.add(p.path());
            values.add(v);
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p.path() + ": " + e.getMessage(), e);
        }
    }

    private void error(String text) {
        say(text);
        messageIsError.set(true);
    }

    /** Whether a lower value of {@code h} is the better one: the Pareto front takes the better side of each axis. */
    static boolean lowerIsBetter(Headline h) {
        return switch (h) {
            case THROUGHPUT, CACHE_HIT_RATIO -> false;
            default -> true;
        };
    }
}
