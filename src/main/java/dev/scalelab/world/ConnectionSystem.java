package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.caching.BackingStore;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.metrics.MetricsRegistry;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.engine.pools.Borrower;
import dev.scalelab.engine.pools.ConnectionPool;
import dev.scalelab.engine.pools.ConnectionPoolConfig;
import dev.scalelab.engine.pools.ConnectionSource;
import dev.scalelab.engine.pools.PooledConnection;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The instances' connection pools to the database (HikariCP), when {@code service.connectionPool}
 * is set and the scenario has a database. Each instance gets its pool when it is created; it closes
 * when the instance is gone, and its connections go back to the database. A request's query
 * borrows a connection from its instance's pool first: the request waits in
 * {@link Phase#CONNECTION_WAIT}, then runs in {@link Phase#DATABASE}, and the connection comes back
 * when the query ends. A cache miss's load borrows from the pool of the instance that missed;
 * writes and loads of no instance (a shared level's write-back) go without one.
 *
 * <p>Between the cache and the database it is the backing store: without pools it hands every
 * query straight on, so a scenario without the section runs exactly as before. Confined to the
 * simulation thread.
 */
final class ConnectionSystem implements Subsystem, BackingStore {
    /** A scenario field this part changes live, and the step that applies it: see {@link Live}. */
    @Live @Retention(RUNTIME) @Target(RECORD_COMPONENT)
    @interface Applies { Step value(); String[] fields() default {}; }

    enum Step implements ApplyStep {
        /** The pools take the new settings in place (the section is created with its defaults if absent). */
        RECONFIGURE_POOLS;
    }

    private static final long TIMEOUT_LINE_PERIOD_NANOS = 30 * Simulation.NANOS_PER_SECOND;

    private final World world;
    private final Simulation sim;
    private final DataSystem data;
    private final RandomStreams streams;
    private final MetricsRegistry monitor;
    /** The section in force, or null: no pools. */
    private ServiceResources.ConnectionPool config;
    /** Each instance's pool, in the pool's order of creation. */
    private final Map<Integer, InstancePool> pools = new LinkedHashMap<>();
    private ServicePool servicePool;

    private final LatencyRecorder waits = new LatencyRecorder();
    /** The waits summarised at the last sample: the panel reads them every frame, a summary walks the recorder. */
    private LatencySummary sampledWaits;
    private final RingSeries waitMsP99 = new RingSeries(World.SERIES_CAPACITY);
    private final RingSeries timeoutsPerSecond = new RingSeries(World.SERIES_CAPACITY);
    private final RingSeries refusedPerSecond = new RingSeries(World.SERIES_CAPACITY);
    private final RingSeries pendingSeries = new RingSeries(World.SERIES_CAPACITY);
    private long lastTimeouts;
    private long lastRefused;
    // Totals of pools closed with their instances, so the report never goes backwards.
    private long retiredAcquired;
    private long retiredTimeouts;
    private long retiredRefused;
    private long retiredLeaked;
    private int maxPending;

    /** leak-connections: the fraction of queries that keep their connection, until when. */
    private double leakFraction;
    private long leakUntilNanos;
    private final SplittableRandom leakRandom;
    private long nextTimeoutLineNanos;
    private long timeoutsSinceLine;
    /** Queries ran on more than twice the database's cores at the last sample. */
    private boolean contended;
    private boolean overLimit;
    private boolean columns;

    private static final class InstancePool {
        final ServiceInstance instance;
        final ConnectionPool pool;

        InstancePool(ServiceInstance instance, ConnectionPool pool) {
            this.instance = instance;
            this.pool = pool;
        }
    }

    ConnectionSystem(World world, Simulation sim, Scenario initial, DataSystem data, RandomStreams streams,
                     MetricsRegistry monitor) {
        this.world = world;
        this.sim = sim;
        this.data = data;
        this.streams = streams;
        this.monitor = monitor;
        this.config = initial.service().connectionPool();
        this.leakRandom = streams.stream("connections.leak");
    }

    /** Gives the pool's first instances, made before this part, their connection pools. */
    void attach(ServicePool pool) {
        servicePool = pool;
        if (config != null) {
            int instances = pool.instances.size();
            int size = config.maximumPoolSize();
            world.log(Source.CONNECTIONS, String.format(Locale.ROOT,
                    "connection pools: %d instances × %d connections = %d of max_connections %d; a query waits at most %s ms",
                    instances, size, instances * size, world.currentScenario().database().maxConnections(),
                    Parameter.format(config.connectionTimeoutMs())));
        }
        for (ServiceInstance in : pool.instances) {
            instanceAdded(in);
        }
    }

    void instanceAdded(ServiceInstance in) {
        if (config == null) {
            return;
        }
        ConnectionSource source = new ConnectionSource() {
            @Override
            public boolean open() {
                return data.openClientConnection();
            }

            @Override
            public void close() {
                data.closeClientConnection();
            }
        };
        ConnectionPool pool = new ConnectionPool(sim, in.id, SectionConfigs.connectionPool(config), source,
                streams.stream("connections." + in.id), line -> world.log(Source.CONNECTIONS, line));
        pools.put(in.number, new InstancePool(in, pool));
        checkFleetFitsDatabase();
    }

    void instanceRemoved(ServiceInstance in) {
        InstancePool p = pools.remove(in.number);
        if (p == null) {
            return;
        }
        ConnectionPool pool = p.pool;
        pool.close();
        retiredAcquired += pool.acquired();
        retiredTimeouts += pool.timeouts();
        retiredRefused += pool.refused();
        retiredLeaked += pool.abandoned();
        monitor.removePrefix(in.id + ".");
        checkFleetFitsDatabase();
    }

    /**
     * Scaling out multiplies connections: the decision log says so when the fleet's pools come to
     * exceed the database's max_connections, and again when they fit once more.
     */
    private void checkFleetFitsDatabase() {
        int instances = pools.size();
        int size = config == null ? 0 : config.maximumPoolSize();
        int max = world.currentScenario().database().maxConnections();
        boolean over = instances * size > max;
        if (over && !overLimit) {
            world.log(Source.CONNECTIONS, String.format(Locale.ROOT,
                    "%d instances × %d connections = %d > max_connections %d: new connections are refused",
                    instances, size, instances * size, max));
        } else if (!over && overLimit) {
            world.log(Source.CONNECTIONS, String.format(Locale.ROOT,
                    "%d instances × %d connections = %d fit max_connections %d again",
                    instances, size, instances * size, max));
        }
        overLimit = over;
    }

    @Override
    public void apply(Parameter p, Source by) {
        switch ((Step) p.step()) {
            case RECONFIGURE_POOLS -> reconfigure(by);
        }
    }

    private void reconfigure(Source by) {
        ServiceResources.ConnectionPool next = world.currentScenario().service().connectionPool();
        boolean created = config == null;
        config = next;
        if (created) {
            for (ServiceInstance in : servicePool.instances) {
                instanceAdded(in);
            }
            world.log(by, "connection pools opened on " + pools.size() + " instances");
        } else {
            ConnectionPoolConfig engineConfig = SectionConfigs.connectionPool(next);
            for (InstancePool p : pools.values()) {
                p.pool.reconfigure(engineConfig);
            }
        }
        checkFleetFitsDatabase();
    }

    // ------------------------------------------------------------------ the request path

    /** A request's own query, through its instance's pool when there is one; {@code done} hears whether it succeeded. */
    void query(Request r, Consumer<Boolean> done) {
        InstancePool p = pools.get(r.instance.number);
        if (p == null) {
            r.enter(Phase.DATABASE, sim.nowNanos());
            data.query(r.key, r.read, r.session, done);
            return;
        }
        ConnectionPool pool = p.pool;
        r.enter(Phase.CONNECTION_WAIT, sim.nowNanos());
        pool.borrow(new Borrower() {
            @Override
            public void acquired(PooledConnection connection, long waitNanos) {
                waits.recordNanos(waitNanos);
                r.enter(Phase.DATABASE, sim.nowNanos());
                data.query(r.key, r.read, r.session, ok -> {
                    giveBack(pool, connection);
                    done.accept(ok);
                });
            }

            @Override
            public void failed(String message) {
                timedOut(message);
                done.accept(false);
            }
        });
    }

    @Override
    public void read(int key, Event done) {
        data.read(key, done);
    }

    @Override
    public void write(int key, Event done) {
        data.write(key, done);
    }

    /**
     * A cache miss's load for {@code instance}, through its pool. The store has no failure path
     * (the database's own rejections are not reported to the cache either): a load whose borrow
     * times out answers then, late, and is counted.
     */
    @Override
    public void read(int key, int instance, Event done) {
        InstancePool p = pools.isEmpty() ? null : pools.get(instance); // no boxed lookup per miss without pools
        if (p == null) {
            data.read(key, done);
            return;
        }
        p.pool.borrow(storeBorrower(p.pool, done, afterQuery -> data.read(key, afterQuery)));
    }

    @Override
    public void write(int key, int instance, Event done) {
        InstancePool p = pools.isEmpty() ? null : pools.get(instance);
        if (p == null) {
            data.write(key, done);
            return;
        }
        p.pool.borrow(storeBorrower(p.pool, done, afterQuery -> data.write(key, afterQuery)));
    }

    /** Borrows for a store query: runs it on the connection, gives the connection back, then answers. */
    private Borrower storeBorrower(ConnectionPool pool, Event done, Consumer<Event> query) {
        return new Borrower() {
            @Override
            public void acquired(PooledConnection connection, long waitNanos) {
                waits.recordNanos(waitNanos);
                query.accept(() -> {
                    giveBack(pool, connection);
                    done.fire();
                });
            }

            @Override
            public void failed(String message) {
                timedOut(message);
                done.fire();
            }
        };
    }

    /** Back to the pool, unless leak-connections is on and this query keeps it. */
    private void giveBack(ConnectionPool pool, PooledConnection connection) {
        if (sim.nowNanos() < leakUntilNanos && leakRandom.nextDouble() < leakFraction) {
            pool.abandon(connection);
        } else {
            pool.release(connection);
        }
    }

    /**
     * HikariCP's message for the first timeout, then at most one line every 30 s with the count
     * since the last: a saturated pool times out hundreds of requests a second. Every one is counted.
     */
    private void timedOut(String message) {
        timeoutsSinceLine++;
        if (sim.nowNanos() >= nextTimeoutLineNanos) {
            world.log(Source.CONNECTIONS, "request failed (connection timeout): " + message
                    + (timeoutsSinceLine > 1 ? "; " + timeoutsSinceLine + " timeouts since the last such line" : ""));
            timeoutsSinceLine = 0;
            nextTimeoutLineNanos = sim.nowNanos() + TIMEOUT_LINE_PERIOD_NANOS;
        }
    }

    // ------------------------------------------------------------------ actions

    /** leak-connections: for {@code seconds}, this fraction of queries never return their connection. */
    boolean leak(double fraction, double seconds, Source by) {
        if (config == null) {
            world.log(by, "leak-connections: this scenario has no connection pool");
            return false;
        }
        leakFraction = fraction;
        leakUntilNanos = sim.nowNanos() + Simulation.secondsToNanos(seconds);
        return true;
    }

    // ------------------------------------------------------------------ measures

    @Override
    public void sample() {
        if (config == null && pools.isEmpty()) {
            return;
        }
        double now = sim.nowSeconds();
        int active = 0;
        int idle = 0;
        int pending = 0;
        for (InstancePool p : pools.values()) {
            ConnectionPool pool = p.pool;
            String id = p.instance.id;
            monitor.record(id + ".connectionPool.active", pool.active(), now);
            monitor.record(id + ".connectionPool.idle", pool.idle(), now);
            monitor.record(id + ".connectionPool.pending", pool.pending(), now);
            active += pool.active();
            idle += pool.idle();
            pending += pool.pending();
            maxPending = Math.max(maxPending, pool.maxPending());
        }
        // Also catches a change of the database's maxConnections.
        checkFleetFitsDatabase();
        checkContention(active);
        sampledWaits = waits.total();
        monitor.record("fleet.connectionPool.active", active, now);
        monitor.record("fleet.connectionPool.idle", idle, now);
        monitor.record("fleet.connectionPool.pending", pending, now);
        waitMsP99.append(waits.takeIntervalPercentileMs(99));
        long timeouts = timeouts();
        long refused = refused();
        timeoutsPerSecond.append(timeouts - lastTimeouts);
        refusedPerSecond.append(refused - lastRefused);
        pendingSeries.append(pending);
        lastTimeouts = timeouts;
        lastRefused = refused;
    }

    /**
     * An oversized pool lets more queries into the database than it has cores, and each runs that
     * much slower: the decision log says so when queries on the cores pass twice the cores, and
     * when they are back under them.
     */
    private void checkContention(int connectionsInUse) {
        int cores = world.currentScenario().database().cores();
        int running = data.runningQueries();
        if (cores > 0 && !contended && running > 2 * cores) {
            world.log(Source.CONNECTIONS, String.format(Locale.ROOT,
                    "database contention: %d queries running on %d cores, each at %.0f%% of its speed (%d connections in use "
                            + "of %d instances × %d)", running, cores, 100.0 * cores / running, connectionsInUse, pools.size(),
                    config.maximumPoolSize()));
            contended = true;
        } else if (contended && running <= cores) {
            world.log(Source.CONNECTIONS, String.format(Locale.ROOT,
                    "database contention over: %d queries running on %d cores", running, cores));
            contended = false;
        }
    }

    @Override
    public void declareColumns(SampleColumns columns, Scenario initial) {
        if (initial.service().connectionPool() != null) {
            columns.add("conn_wait_ms_p99");
            columns.add("conn_timeouts_per_s");
            columns.add("conn_refused_per_s");
            columns.add("conn_pending");
            this.columns = true;
        }
    }

    @Override
    public void columnValues(List<String> cells) {
        if (!columns) {
            return;
        }
        double p99 = waitMsP99.size() == 0 ? Double.NaN : waitMsP99.last();
        cells.add(Double.isNaN(p99) ? "" : String.format(Locale.ROOT, "%.3f", p99));
        cells.add(SampleColumns.count(timeoutsPerSecond.last()));
        cells.add(SampleColumns.count(refusedPerSecond.last()));
        cells.add(SampleColumns.count(pendingSeries.last()));
    }

    private long acquired() {
        long n = retiredAcquired;
        for (InstancePool p : pools.values()) {
            n += p.pool.acquired();
        }
        return n;
    }

    private long timeouts() {
        long n = retiredTimeouts;
        for (InstancePool p : pools.values()) {
            n += p.pool.timeouts();
        }
        return n;
    }

    private long refused() {
        long n = retiredRefused;
        for (InstancePool p : pools.values()) {
            n += p.pool.refused();
        }
        return n;
    }

    private long leaked() {
        long n = retiredLeaked;
        for (InstancePool p : pools.values()) {
            n += p.pool.abandoned();
        }
        return n;
    }

    private int maxPendingNow() {
        int m = maxPending;
        for (InstancePool p : pools.values()) {
            m = Math.max(m, p.pool.maxPending());
        }
        return m;
    }

    @Override
    public void report(ObjectNode root) {
        if (config == null) {
            return;
        }
        JsonNode existing = root.get("pools");
        ObjectNode pools = existing instanceof ObjectNode o ? o : root.putObject("pools");
        ObjectNode c = pools.putObject("connections");
        LatencySummary w = waits.total();
        c.put("acquired", acquired());
        c.put("waitMsMean", w.count() == 0 ? 0 : w.meanMs());
        c.put("waitMsP50", w.count() == 0 ? 0 : w.p50Ms());
        c.put("waitMsP99", w.count() == 0 ? 0 : w.p99Ms());
        c.put("timeouts", timeouts());
        c.put("maxPending", maxPendingNow());
        c.put("refused", refused());
        c.put("leaked", leaked());
    }

    /** This second's wait p99, timeouts and refusals into the run's history; nothing without a pool. */
    void recordHistory(RunHistory h) {
        if (config == null) {
            return;
        }
        h.putLast(RunHistory.Keys.CONNECTION_WAIT_P99_MS, waitMsP99);
        h.putLast(RunHistory.Keys.CONNECTION_TIMEOUTS, timeoutsPerSecond);
        h.putLast(RunHistory.Keys.CONNECTION_REFUSED, refusedPerSecond);
    }

    PerformanceView.ConnectionsView view(int points) {
        if (config == null) {
            return null;
        }
        List<PerformanceView.ConnectionPoolView> instances = new ArrayList<>(pools.size());
        for (InstancePool p : pools.values()) {
            ConnectionPool pool = p.pool;
            instances.add(new PerformanceView.ConnectionPoolView(p.instance.id, pool.total(), pool.active(), pool.idle(),
                    pool.pending(), (int) pool.abandoned()));
        }
        Scenario.Database db = world.currentScenario().database();
        LatencySummary w = sampledWaits == null ? waits.total() : sampledWaits;
        return new PerformanceView.ConnectionsView(config.maximumPoolSize(), Math.min(config.minimumIdle(), config.maximumPoolSize()),
                config.connectionTimeoutMs(), List.copyOf(instances), data.clientConnections(), db.maxConnections(), db.cores(),
                data.runningQueries(), acquired(), timeouts(), refused(), maxPendingNow(), leaked(),
                w.count() == 0 ? 0 : w.p50Ms(), w.count() == 0 ? 0 : w.p99Ms(), waitMsP99.tail(points),
                timeoutsPerSecond.tail(points), refusedPerSecond.tail(points));
    }
}
