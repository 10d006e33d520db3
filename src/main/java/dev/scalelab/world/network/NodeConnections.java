package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.design.EdgeMode;
import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.engine.metrics.LatencySummary;
import dev.scalelab.engine.pools.Borrower;
import dev.scalelab.engine.pools.ConnectionPool;
import dev.scalelab.engine.pools.ConnectionSource;
import dev.scalelab.engine.pools.PooledConnection;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.ServiceResources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A drawn service's HikariCP pools ({@code service.connectionPool}), run as the pipeline's
 * ConnectionSystem runs them: a pool per instance and per database its sync edges reach (a datasource
 * each, as an application has), all with the section's settings. A call to a database borrows a
 * connection first, waits for one up to connectionTimeout, and fails with the service's own error
 * when none comes. Part of {@link NodeResources}; confined to the simulation thread.
 */
final class NodeConnections {
    private static final long TIMEOUT_LINE_PERIOD_NANOS = 30 * Simulation.NANOS_PER_SECOND;

    private final ServiceNode node;
    private final Network net;
    private final Simulation sim;
    /** The section in force; null without pools (a live change may add it). */
    private ServiceResources.ConnectionPool connectionPool;
    /** The databases the service calls on its sync edges, in the order they were drawn: a pool each per instance. */
    private final List<DatabaseNode> databases = new ArrayList<>();
    private final LatencyRecorder waits = new LatencyRecorder();
    private long retiredAcquired;
    private long retiredTimeouts;
    private long retiredRefused;
    private int retiredMaxPending;
    private long nextTimeoutLineNanos;
    /** leak-connections: the fraction of queries that keep their connection, until when; its own stream. */
    private double leakFraction;
    private long leakUntilNanos;
    private final SplittableRandom leakRandom;
    private long timeoutsSinceLine;
    private boolean overMaxConnections;
    private int instancesWithPools;
    /** Connections in use, summed over pools at each second's end, and the pools counted: the planner's mean. */
    private double activeConnectionSum;
    private long poolSamples;
    /** The last second's p99 wait, for the snapshot. */
    double lastWaitMsP99 = Double.NaN;

    NodeConnections(ServiceNode node, ServiceResources.ConnectionPool connectionPool) {
        this.node = node;
        this.net = node.net;
        this.sim = node.sim;
        this.connectionPool = connectionPool;
        this.leakRandom = net.streams.stream("node." + node.id + ".leak");
        if (connectionPool != null) {
            findDatabases();
        }
    }

    private void findDatabases() {
        for (Link l : node.out) {
            if (l.mode == EdgeMode.SYNC && l.to instanceof DatabaseNode db && !databases.contains(db)) {
                databases.add(db);
            }
        }
    }

    /** A live change of the section: each pool takes the new settings in place, or the pools open now when it is new. */
    void reconfigure(ServiceResources.ConnectionPool next) {
        List<ServiceNode.Instance> instances = node.instances;
        boolean created = connectionPool == null;
        connectionPool = next;
        if (created) {
            findDatabases();
            if (databases.isEmpty()) {
                return;
            }
            for (ServiceNode.Instance in : instances) {
                in.resources.pools = openPools(in);
                instancesWithPools++;
            }
            net.decide(node, "connection pools opened on " + instances.size() + " instances");
            checkFleetFitsDatabases(0);
        } else {
            for (ServiceNode.Instance in : instances) {
                if (in.resources.pools != null) {
                    for (ConnectionPool p : in.resources.pools) {
                        p.reconfigure(SectionConfigs.connectionPool(connectionPool));
                    }
                }
            }
            checkFleetFitsDatabases(0);
        }
    }

    /** The pools of a new instance (they start filling now); null when the service has none. */
    ConnectionPool[] opened(ServiceNode.Instance in) {
        if (connectionPool == null || databases.isEmpty()) {
            return null;
        }
        ConnectionPool[] pools = openPools(in);
        checkFleetFitsDatabases(+1);
        return pools;
    }

    /** An instance is gone: its connections go back to the databases; its counts stay in the totals. */
    void closed(ConnectionPool[] pools) {
        if (pools == null) {
            return;
        }
        for (ConnectionPool p : pools) {
            p.close();
            retiredAcquired += p.acquired();
            retiredTimeouts += p.timeouts();
            retiredRefused += p.refused();
            retiredMaxPending = Math.max(retiredMaxPending, p.maxPending());
        }
        checkFleetFitsDatabases(-1);
    }

    /** The HikariCP pools of {@code in}, one per database of {@link #databases}: they start filling now. */
    private ConnectionPool[] openPools(ServiceNode.Instance in) {
        ConnectionPool[] pools = new ConnectionPool[databases.size()];
        for (int i = 0; i < databases.size(); i++) {
            DatabaseNode db = databases.get(i);
            ConnectionSource source = new ConnectionSource() {
                @Override
                public boolean open() {
                    return db.openClientConnection();
                }

                @Override
                public void close() {
                    db.closeClientConnection();
                }
            };
            pools[i] = new ConnectionPool(sim, in.name + "->" + db.id, SectionConfigs.connectionPool(connectionPool), source,
                    net.streams.stream("node." + node.id + ".connections." + in.name + "." + db.id),
                    line -> net.decide(node, line));
        }
        return pools;
    }

    /**
     * As the pipeline's log says when scaling out multiplies connections past what the database
     * admits: here per database this service reaches, with this service's pools (another service's
     * pools to the same database are its own).
     */
    private void checkFleetFitsDatabases(int change) {
        instancesWithPools += change;
        int instances = instancesWithPools;
        int size = connectionPool.maximumPoolSize();
        boolean over = false;
        String line = null;
        for (DatabaseNode db : databases) {
            int max = db.spec.database().maxConnections();
            if (instances * size > max) {
                over = true;
                line = String.format(Locale.ROOT, "%d instances × %d connections = %d > max_connections %d of %s: new connections "
                        + "are refused", instances, size, instances * size, max, db.id);
            }
        }
        if (over && !overMaxConnections) {
            net.decide(node, line);
        } else if (!over && overMaxConnections) {
            net.decide(node, String.format(Locale.ROOT, "%d instances × %d connections fit max_connections again", instances, size));
        }
        overMaxConnections = over;
    }

    /** The pool of {@code in} in front of the database {@code l} reaches; null when the call takes none. */
    ConnectionPool pool(ServiceNode.Instance in, Link l) {
        if (in.resources.pools == null || !(l.to instanceof DatabaseNode db)) {
            return null;
        }
        int i = databases.indexOf(db);
        return i < 0 ? null : in.resources.pools[i];
    }

    /**
     * The job's call on {@code l} through {@code pool}: it waits for a connection (HikariCP's fair
     * queue, up to connectionTimeout), makes the call on it and gives it back when the answer comes;
     * {@code done} hears the call's outcome, or false when no connection came in time.
     */
    void query(ServiceJob j, Link l, ConnectionPool pool, Reply done) {
        pool.borrow(new Borrower() {
            @Override
            public void acquired(PooledConnection connection, long waitNanos) {
                waits.recordNanos(waitNanos);
                if (j.generation != j.in.generation) {
                    pool.release(connection); // its request was lost with its zone meanwhile
                    return;
                }
                l.send(j.flow, ok -> {
                    giveBack(pool, connection);
                    done.done(ok);
                });
            }

            @Override
            public void failed(String message) {
                timedOut(message);
                node.ownErrors++;
                done.done(false);
            }
        });
    }

    /** Back to the pool, unless leak-connections is on and this query keeps it (the pipeline's rule and draw). */
    private void giveBack(ConnectionPool pool, PooledConnection connection) {
        if (sim.nowNanos() < leakUntilNanos && leakRandom.nextDouble() < leakFraction) {
            pool.abandon(connection);
        } else {
            pool.release(connection);
        }
    }

    /**
     * The {@code leak-connections} action: for {@code seconds}, this fraction of the service's queries
     * never return their connection; the pools drain, and leak detection logs each as HikariCP does.
     */
    void leak(double fraction, double seconds) {
        leakFraction = fraction;
        leakUntilNanos = sim.nowNanos() + Simulation.secondsToNanos(seconds);
    }

    /** Whether its instances have connection pools ({@code service.connectionPool} and a database on a sync edge). */
    boolean hasPools() {
        return connectionPool != null && !databases.isEmpty();
    }

    /** HikariCP's message for the first timeout, then at most a line every 30 s with the count since: every one is counted. */
    private void timedOut(String message) {
        timeoutsSinceLine++;
        if (sim.nowNanos() >= nextTimeoutLineNanos) {
            net.decide(node, "request failed (connection timeout): " + message
                    + (timeoutsSinceLine > 1 ? "; " + timeoutsSinceLine + " timeouts since the last such line" : ""));
            timeoutsSinceLine = 0;
            nextTimeoutLineNanos = sim.nowNanos() + TIMEOUT_LINE_PERIOD_NANOS;
        }
    }

    /** Once a simulated second: the pools' use for the planner's mean, and the second's p99 wait. */
    void tick() {
        if (connectionPool == null) {
            return;
        }
        for (ServiceNode.Instance in : node.instances) {
            if (in.resources.pools != null) {
                for (ConnectionPool p : in.resources.pools) {
                    activeConnectionSum += p.active();
                    poolSamples++;
                }
            }
        }
        lastWaitMsP99 = waits.takeIntervalPercentileMs(99);
    }

    /**
     * How long an acquired connection was held, on average, by Little's law over the seconds so far
     * (mean connections in use × pools ÷ acquisitions per second); NaN before any acquisition.
     */
    double holdSecondsPerBorrow(double seconds) {
        long acquired = acquiredTotal();
        int pools = 0;
        for (ServiceNode.Instance in : node.instances) {
            if (in.resources.pools != null) {
                pools += in.resources.pools.length;
            }
        }
        return acquired == 0 || pools == 0 ? Double.NaN : meanActivePerPool() * pools * seconds / acquired;
    }

    /** The mean wait for a connection since t = 0, in seconds (0 before any borrow). */
    double meanWaitSeconds() {
        var w = waits.total();
        return w.count() == 0 ? 0 : w.meanMs() / 1e3;
    }

    /** Connections acquired from its pools since t = 0, those of instances gone included. */
    long acquiredTotal() {
        long acquired = retiredAcquired;
        for (ServiceNode.Instance in : node.instances) {
            if (in.resources.pools != null) {
                for (ConnectionPool p : in.resources.pools) {
                    acquired += p.acquired();
                }
            }
        }
        return acquired;
    }

    /** Connections in use per pool, averaged over the seconds so far; 0 before any. */
    double meanActivePerPool() {
        return poolSamples == 0 ? 0 : activeConnectionSum / poolSamples;
    }

    /** The pools' settings in force; null without. */
    ServiceResources.ConnectionPool settings() {
        return connectionPool;
    }

    /** Borrowers waiting for a connection now, over its instances' pools. */
    int pending() {
        int n = 0;
        for (ServiceNode.Instance in : node.instances) {
            if (in.resources.pools != null) {
                for (ConnectionPool p : in.resources.pools) {
                    n += p.pending();
                }
            }
        }
        return n;
    }

    /** Connections in use now, over its instances' pools. */
    int active() {
        int n = 0;
        for (ServiceNode.Instance in : node.instances) {
            if (in.resources.pools != null) {
                for (ConnectionPool p : in.resources.pools) {
                    n += p.active();
                }
            }
        }
        return n;
    }

    long timeouts() {
        long n = retiredTimeouts;
        for (ServiceNode.Instance in : node.instances) {
            if (in.resources.pools != null) {
                for (ConnectionPool p : in.resources.pools) {
                    n += p.timeouts();
                }
            }
        }
        return n;
    }

    /** The report's {@code pools.connections}, as the pipeline's report names its figures; nothing without pools. */
    void report(ObjectNode pools) {
        if (connectionPool != null) {
            ObjectNode c = pools.putObject("connections");
            LatencySummary w = waits.total();
            long acquired = retiredAcquired;
            long refused = retiredRefused;
            int maxPending = retiredMaxPending;
            for (ServiceNode.Instance in : node.instances) {
                if (in.resources.pools != null) {
                    for (ConnectionPool p : in.resources.pools) {
                        acquired += p.acquired();
                        refused += p.refused();
                        maxPending = Math.max(maxPending, p.maxPending());
                    }
                }
            }
            c.put("acquired", acquired);
            c.put("waitMsMean", w.count() == 0 ? 0 : w.meanMs());
            c.put("waitMsP50", w.count() == 0 ? 0 : w.p50Ms());
            c.put("waitMsP99", w.count() == 0 ? 0 : w.p99Ms());
            c.put("timeouts", timeouts());
            c.put("maxPending", maxPending);
            c.put("refused", refused);
            c.put("pending", pending());
        }
    }
}
