package dev.scalelab.seeds;

import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.runtime.Summary;
import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.World;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A design over a grid of field values: every point runs on K seeds (the design's seed onward, the
 * same at every point), all (point, seed) runs in parallel on a fixed pool, and each point keeps
 * its headline figures' summaries. The result is the same whatever the thread count.
 */
public final class Sweep {
    private Sweep() {
    }

    /** One point: the fields' values, the scenario they make, and per headline figure its summary (null where absent). */
    public record Point(List<String> values, Scenario scenario, Summary[] figures) {
        public Summary figure(Headline h) {
            return figures[h.ordinal()];
        }

        /** "service.instances=4, balancer.strategy=p2c". */
        public String where(List<String> paths) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < paths.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(paths.get(i)).append('=').append(values.get(i));
            }
            return sb.toString();
        }
    }

    /**
     * The scenarios of the grid: {@code base} with each point's values set, checked as a scenario
     * file's values are (a ScenarioException names the field and the problem).
     */
    public static List<Scenario> scenarios(Scenario base, List<String> paths, List<List<String>> points) {
        List<FieldSpec> specs = paths.stream().map(ScenarioFields::spec).toList();
        List<Scenario> out = new ArrayList<>(points.size());
        for (List<String> values : points) {
            Scenario s = base;
            for (int i = 0; i < paths.size(); i++) {
                s = ScenarioFields.with(s, paths.get(i), specs.get(i).parse(paths.get(i), values.get(i)));
            }
            out.add(s);
        }
        return out;
    }

    /** Runs every point of {@code points} (with their {@code scenarios}) on {@code seeds} seeds. */
    public static List<Point> run(List<List<String>> points, List<Scenario> scenarios, int seeds, int threads,
                                  ParallelRuns.Listener listener, BooleanSupplier cancelled) {
        long requestMemoryBytes = ParallelRuns.requestMemoryBytes(threads);
        List<ParallelRuns.Run<double[]>> runs = new ArrayList<>(scenarios.size() * seeds);
        for (Scenario s : scenarios) {
            for (int i = 0; i < seeds; i++) {
                Scenario seeded = s.withSeed(s.seed() + i);
                runs.add(stop -> {
                    World world = new World(seeded, requestMemoryBytes);
                    ParallelRuns.toEnd(world, seeded.durationSeconds(), stop);
                    return Headline.readAll(Report.of(world, 0));
                });
            }
        }
        List<double[]> figures = ParallelRuns.run(runs, threads, "sweep", listener, cancelled);
        List<Point> out = new ArrayList<>(scenarios.size());
        for (int p = 0; p < scenarios.size(); p++) {
            Summary[] summaries = new Summary[Headline.values().length];
            for (Headline h : Headline.values()) {
                double[] v = new double[seeds];
                for (int i = 0; i < seeds; i++) {
                    v[i] = figures.get(p * seeds + i)[h.ordinal()];
                }
                summaries[h.ordinal()] = Double.isNaN(v[0]) ? null : Summary.of(v);
            }
            out.add(new Point(points.get(p), scenarios.get(p), summaries));
        }
        return out;
    }

    /**
     * Which points no other point beats on both figures, where lower is better on each (cost and
     * p99): point i is on the front unless some j is no worse on both and better on one.
     */
    public static boolean[] paretoFront(double[] x, double[] y) {
        boolean[] front = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            front[i] = !Double.isNaN(x[i]) && !Double.isNaN(y[i]);
            for (int j = 0; j < x.length && front[i]; j++) {
                boolean noWorse = x[j] <= x[i] && y[j] <= y[i];
                boolean better = x[j] < x[i] || y[j] < y[i];
                if (j != i && noWorse && better) {
                    front[i] = false;
                }
            }
        }
        return front;
    }
}
