package dev.scalelab.ui.estimator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.practice.Estimator;
import dev.scalelab.sim.Simulation;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.estimator.EstimateForm.Figure;
import dev.scalelab.ui.estimator.EstimateForm.Input;
import dev.scalelab.ui.estimator.EstimateForm.Kind;
import dev.scalelab.ui.estimator.EstimateForm.Outcome;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.util.List;
import java.util.function.Function;

import static dev.scalelab.ui.estimator.EstimateForm.lines;
import static dev.scalelab.ui.estimator.EstimateForm.number;
import static dev.scalelab.ui.estimator.EstimateForm.percent;

/**
 * The Estimator panel's state: a form per estimate (a pool, a cache, shards, replicas, a connection
 * pool), each worked out as it is typed with {@link Estimator}, and "check it" for the pool: the
 * estimate run as a scenario in a {@link World} of its own on a daemon thread, its report put beside
 * the estimate. The live run is not touched.
 *
 * <p>FX thread only, except the check's task body.
 */
final class EstimatorViewModel {
    /** Simulated seconds of a check: long enough for a steady p99 at the rates a whiteboard uses. */
    static final double CHECK_SECONDS = 300;
    private static final String READY_TEXT = "Runs the pool above for 5 simulated minutes, apart from the live run.";

    /** What the check measured and what the estimate said, side by side. */
    record Check(double estimatedUtilization, double simulatedUtilization, double estimatedMeanWaitMs,
                 double simulatedMeanWaitMs, double estimatedP99Ms, double simulatedP99Ms) {
    }

    private final EstimateForm pool = new EstimateForm("pool", "Service pool", List.of(
            new Input("rate", "Arrival rate", "req/s", "2000", Kind.POSITIVE, "Requests per second, arriving as a Poisson process."),
            new Input("serviceTime", "Mean service time", "ms", "20", Kind.POSITIVE, "The mean time a worker spends on a request; service times are taken as exponential (M/M/c)."),
            new Input("workers", "Workers / instance", "", "4", Kind.COUNT, "Requests one instance serves at once."),
            new Input("target", "Target utilisation", "%", "70", Kind.PERCENT, "The busiest the workers may be on average; the fewest instances that stay at or under it."),
            new Input("size", "Instance size", "", "medium", Kind.SIZE, "small, medium, large or xlarge: sets the price per hour.")),
            v -> poolOutcome(Estimator.pool(v.get("rate"), v.get("serviceTime"), v.count("workers"), v.get("target"), v.size("size"))));

    private final EstimateForm cache = new EstimateForm("cache", "Cache", List.of(
            new Input("keys", "Keys", "", "100000", Kind.COUNT, "Distinct keys the workload reads."),
            new Input("alpha", "Zipf alpha", "", "0.9", Kind.EXPONENT, "How skewed popularity is: the k-th most popular key is read in proportion to 1 / k^alpha."),
            new Input("target", "Target hit ratio", "%", "80", Kind.PERCENT, "The share of reads the cache should answer.")),
            v -> {
                Estimator.CacheEstimate e = Estimator.cache(v.count("keys"), v.get("alpha"), v.get("target"));
                return new Outcome(List.of(new Figure("Capacity", Formats.count(e.capacity()) + " entries"),
                        new Figure("Hit ratio (Che)", percent(e.hitRatio())),
                        new Figure("Characteristic time", number(e.characteristicTime(), 0) + " requests")), lines(e.arithmetic()), null);
            });

    private final EstimateForm shards = new EstimateForm("shards", "Shards", List.of(
            new Input("writes", "Writes", "/s", "12000", Kind.POSITIVE, "Writes per second over the whole data set; each goes to its shard's primary."),
            new Input("perShard", "Writes per shard", "/s", "2000", Kind.POSITIVE, "Writes per second one primary sustains."),
            new Input("target", "Target utilisation", "%", "70", Kind.PERCENT, "How busy a primary may be on average.")),
            v -> countOutcome(Estimator.shards(v.get("writes"), v.get("perShard"), v.get("target")), "Shards"));

    private final EstimateForm replicas = new EstimateForm("replicas", "Read replicas", List.of(
            new Input("reads", "Reads", "/s", "50000", Kind.POSITIVE, "Reads per second over the whole data set."),
            new Input("shards", "Shards", "", "6", Kind.COUNT, "Shards the reads spread over."),
            new Input("perReplica", "Reads per replica", "/s", "5000", Kind.POSITIVE, "Reads per second one replica serves."),
            new Input("target", "Target utilisation", "%", "70", Kind.PERCENT, "How busy a replica may be on average.")),
            v -> countOutcome(Estimator.replicas(v.get("reads"), v.count("shards"), v.get("perReplica"), v.get("target")), "Replicas per shard"));

    private final EstimateForm connections = new EstimateForm("connections", "Connection pool", List.of(
            new Input("queries", "Queries / instance", "/s", "400", Kind.POSITIVE, "Database queries per second from one instance."),
            new Input("hold", "Connection hold", "ms", "15", Kind.POSITIVE, "How long a query holds its connection."),
            new Input("headroom", "Headroom", "×", "1.5", Kind.FACTOR, "Room for bursts: 1.5 is 50 % more connections than the mean in use."),
            new Input("cores", "Database cores", "", "8", Kind.COUNT, "CPU cores of the database server, for HikariCP's rule.")),
            v -> {
                Estimator.ConnectionEstimate e = Estimator.connections(v.get("queries"), v.get("hold"), v.get("headroom"), v.count("cores"));
                return new Outcome(List.of(new Figure("In use (Little)", number(e.inUse(), 1)),
                        new Figure("Pool size", Integer.toString(e.poolSize())),
                        new Figure("HikariCP's rule", Integer.toString(e.hikariRule()))), lines(e.arithmetic()), null);
            });

    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyObjectWrapper<Check> check = new ReadOnlyObjectWrapper<>(this, "check");
    private final ReadOnlyStringWrapper checkText = new ReadOnlyStringWrapper(this, "checkText", READY_TEXT);
    private final Function<Scenario, JsonNode> simulate;

    EstimatorViewModel() {
        this(EstimatorViewModel::report);
    }

    /** @param simulate runs a scenario to its end and returns its report; called on the check's thread */
    EstimatorViewModel(Function<Scenario, JsonNode> simulate) {
        this.simulate = simulate;
        // A check answers the estimate it was made for: a changed field makes it stale.
        pool.outcomeProperty().addListener((obs, old, now) -> {
            check.set(null);
            if (!checking.get()) {
                checkText.set(READY_TEXT);
            }
        });
    }

    List<EstimateForm> forms() {
        return List.of(pool, cache, shards, replicas, connections);
    }

    EstimateForm pool() {
        return pool;
    }

    private static Outcome poolOutcome(Estimator.PoolEstimate e) {
        return new Outcome(List.of(new Figure("Instances", Integer.toString(e.instances())),
                new Figure("Servers", Integer.toString(e.servers())),
                new Figure("Utilisation", percent(e.utilization())),
                new Figure("P(wait), Erlang C", percent(e.probabilityOfWaiting())),
                new Figure("Mean wait", Formats.millis(e.meanWaitMs()) + " ms"),
                new Figure("p99 response", Formats.millis(e.p99ResponseMs()) + " ms"),
                new Figure("Cost", String.format(java.util.Locale.ROOT, "$%.2f/h", e.costPerHour()))), lines(e.arithmetic()), null);
    }

    private static Outcome countOutcome(Estimator.CountEstimate e, String name) {
        return new Outcome(List.of(new Figure(name, Integer.toString(e.count())), new Figure("Utilisation", percent(e.utilization()))),
                lines(e.arithmetic()), null);
    }

    // ------------------------------------------------------------------ from the live run

    /** Fills the pool's form with the live run's rate, mean service time, workers and size (the target stays). */
    void takePool(Scenario live) {
        assert FxThread.isCurrent();
        pool.text("rate").set(Parameter.format(live.workload().arrival().ratePerSecond()));
        pool.text("serviceTime").set(Parameter.format(live.service().serviceTime().mean()));
        pool.text("workers").set(Integer.toString(live.service().workersPerInstance()));
        pool.text("size").set(live.service().size().id());
    }

    /** Fills the cache's form with the live run's key count and Zipf alpha (the target stays). */
    void takeCache(Scenario live) {
        assert FxThread.isCurrent();
        cache.text("keys").set(Integer.toString(live.workload().keys().count()));
        cache.text("alpha").set(Parameter.format(live.workload().keys().alpha()));
    }

    EstimateForm cache() {
        return cache;
    }

    // ------------------------------------------------------------------ check it

    /** Runs the pool estimate in the simulator on a daemon thread; ignored while one runs or a field does not read. */
    void checkPool() {
        assert FxThread.isCurrent();
        EstimateForm.Values v = pool.values();
        if (checking.get() || v == null) {
            return;
        }
        Estimator.PoolEstimate estimate;
        try {
            estimate = Estimator.pool(v.get("rate"), v.get("serviceTime"), v.count("workers"), v.get("target"), v.size("size"));
        } catch (RuntimeException e) {
            checkText.set("Not checked: " + e.getMessage());
            return;
        }
        Task<Check> task = new Task<>() {
            @Override
            protected Check call() {
                Scenario scenario = Estimator.checkScenario(estimate, CHECK_SECONDS);
                return compare(estimate, simulate.apply(scenario));
            }
        };
        checking.set(true);
        check.set(null);
        checkText.set("Simulating " + (int) CHECK_SECONDS + " s of the estimated pool…");
        task.setOnSucceeded(event -> {
            checking.set(false);
            check.set(task.getValue());
            checkText.set("Simulated " + (int) CHECK_SECONDS + " s: the estimate beside the run.");
        });
        task.setOnFailed(event -> {
            checking.set(false);
            Throwable t = task.getException();
            checkText.set("The check stopped: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
        });
        Thread thread = new Thread(task, "estimator check");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1); // the live run and the window come first
        thread.start();
    }

    /**
     * The estimate beside the run's report: the workers' utilisation (the mean over the instances'
     * busy share), the mean wait (mean response less the estimate's mean service time) and the p99.
     */
    static Check compare(Estimator.PoolEstimate estimate, JsonNode report) {
        double busy = 0;
        int instances = 0;
        for (JsonNode in : report.path("instances").path("live")) {
            busy += in.path("utilization").asDouble();
            instances++;
        }
        double utilization = instances == 0 ? Double.NaN : busy / instances;
        double meanWaitMs = Math.max(0, report.path("latencyMs").path("mean").asDouble() - estimate.serviceTimeMs());
        return new Check(estimate.utilization(), utilization, estimate.meanWaitMs(), meanWaitMs,
                estimate.p99ResponseMs(), report.path("latencyMs").path("p99").asDouble());
    }

    /** A scenario run headless to its end, as {@code simulate} does, and its report. */
    private static JsonNode report(Scenario scenario) {
        long wallStart = System.nanoTime();
        World world = new World(scenario);
        world.advanceTo(Simulation.secondsToNanos(scenario.durationSeconds()));
        return Report.of(world, (System.nanoTime() - wallStart) / 1_000_000);
    }

    ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The last check's figures, or null before one (and once a pool field changes). */
    ReadOnlyObjectProperty<Check> checkProperty() {
        return check.getReadOnlyProperty();
    }

    ReadOnlyStringProperty checkTextProperty() {
        return checkText.getReadOnlyProperty();
    }
}
