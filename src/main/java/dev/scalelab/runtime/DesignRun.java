package dev.scalelab.runtime;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.network.Network;
import dev.scalelab.world.network.NetworkSnapshot;
import dev.scalelab.world.network.NodeChange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a drawn design ({@link Network}) on its own thread, advancing virtual time at speed x wall
 * time (1x, 10x, 100x, or as fast as it goes), paused when told.
 *
 * <p>Threads: the network is built on the caller's thread (so a design that cannot run fails there,
 * with the reason) and from {@link #start} on it never leaves the run's thread. Every public method
 * may be called from any thread. The newest {@link NetworkSnapshot} is published into an
 * {@link AtomicReference} at most once per {@link #PUBLISH_INTERVAL_NANOS}; the canvas reads it once
 * per frame. Pacing never changes what happens: the network runs in virtual time, so the same design
 * and seed give the same run at any speed.
 *
 * <p>What the user does while it runs is queued from any thread and run on the run's thread at its
 * next slice, paused or not, each at the first whole millisecond of virtual time at which no event
 * is due ({@link Network#advanceToCommandTime}): a change of a box's field ({@link #apply}), checked
 * on the caller's thread against the design as the changes before it leave it, and a fault on a box
 * ({@link #command}). Each is recorded: {@link #recordedScenario} is the design with them in its
 * timeline at the moments they ran, which runs headless into the same run.
 */
public final class DesignRun implements AutoCloseable {
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    public static final long PUBLISH_INTERVAL_NANOS = 16_000_000L;
    /** Virtual time one slice advances at max speed, between looks at the clock. */
    private static final double MAX_SPEED_SLICE_SECONDS = 0.05;
    /** How long the thread sleeps between slices when it is ahead of the wall clock. */
    private static final long IDLE_NANOS = 4_000_000L;
    /** At most this much virtual time per slice at a set speed, so one slow wall hiccup is not a jump. */
    private static final double MAX_CATCH_UP_SECONDS = 0.25;

    private final Scenario design;
    private final Network network;
    /** Commands given and not yet run, in the order given. */
    private final ConcurrentLinkedQueue<Scenario.TimelineEntry> commands = new ConcurrentLinkedQueue<>();
    /** Changes and commands run, each as a timeline entry at the moment it ran, in that order; guarded by itself. */
    private final List<Scenario.TimelineEntry> recorded = new ArrayList<>();
    /** Why the newest command could not run (the run ended first), until read. */
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final Thread thread;
    private final AtomicReference<NetworkSnapshot> latest = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile double speed = 1;
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile boolean finished;
    /** The design as the changes sent so far leave it: what the next change is checked against. */
    private Scenario planned;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    /** The kinds of box {@link #watch} takes (and so the canvas opens in a panel window of their own). */
    public static final java.util.Set<dev.scalelab.design.NodeKind> WATCHED = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(dev.scalelab.design.NodeKind.SERVICE, dev.scalelab.design.NodeKind.CACHE, dev.scalelab.design.NodeKind.CDN,
                    dev.scalelab.design.NodeKind.DATABASE, dev.scalelab.design.NodeKind.EXTERNAL, dev.scalelab.design.NodeKind.TOPIC,
                    dev.scalelab.design.NodeKind.QUEUE, dev.scalelab.design.NodeKind.BALANCER));
    /** Watches asked for or stopped and not yet taken by the run's thread, in the order asked; its lock guards {@link #watchers}. */
    private final ConcurrentLinkedQueue<Watch> watches = new ConcurrentLinkedQueue<>();
    /** How many watch each box and have not stopped: the run's thread's own (a caller's once the run ended), under {@link #watches}. */
    private final java.util.Map<String, Integer> watchers = new java.util.HashMap<>();
    /** Each watched box's newest view by id, in the order first watched, published with each snapshot; replaced whole, never changed. */
    private final AtomicReference<java.util.Map<String, dev.scalelab.world.Snapshot>> watched = new AtomicReference<>(java.util.Map.of());
    /** The report once the run reached its end; null before. */
    private volatile String finalReport;

    /** A change sent and not yet run, and who waits for it. */
    private record Pending(String path, Object value, CompletableFuture<Applied> done) {
    }

    /** A box to watch, or to stop watching ({@code stop}), and who waits for its first view (null for a stop). */
    private record Watch(String id, boolean stop, CompletableFuture<dev.scalelab.world.Snapshot> first) {
    }

    /**
     * A change as it ran.
     *
     * @param atSeconds the virtual time it took effect
     * @param node      the node's id, or the edge's place ({@code edges[2]})
     * @param change    what changed: {@code service.instances 3 -> 5}
     */
    public record Applied(double atSeconds, String node, String change) {
    }

    /** Builds the network of {@code design}; throws ScenarioException, naming the reason, when it cannot run. */
    public DesignRun(Scenario design) {
        this.design = design;
        network = new Network(design);
        this.planned = design;
        publish();
        thread = new Thread(this::loop, "design-run");
        thread.setDaemon(true);
    }

    /** The design it runs, as it started (its changes since are in {@link #recordedScenario}). */
    public Scenario design() {
        return design;
    }

    /** Starts the run's thread; call once. */
    public void start() {
        thread.start();
    }

    /** Virtual seconds per wall second: 1, 10, 100 or {@link #MAX_SPEED}. */
    public void setSpeed(double virtualSecondsPerWallSecond) {
        if (!(virtualSecondsPerWallSecond > 0)) {
            throw new IllegalArgumentException("speed must be above 0, got " + virtualSecondsPerWallSecond);
        }
        speed = virtualSecondsPerWallSecond;
    }

    public double speed() {
        return speed;
    }

    public void setPaused(boolean pause) {
        paused = pause;
    }

    public boolean paused() {
        return paused;
    }

    /** Whether the run reached the scenario's end (or failed). */
    public boolean finished() {
        return finished;
    }

    /** The newest snapshot: never null. */
    public NetworkSnapshot latest() {
        return latest.get();
    }

    /** Why the run stopped early, or null. */
    public String failure() {
        return failure.get();
    }

    /**
     * Gives a command (its time is ignored): checked now against the drawing, then run at the run's
     * next slice at the first free whole millisecond (see {@link Network#command}). What it did is in
     * the decisions of the next snapshots.
     *
     * @throws dev.scalelab.world.ScenarioException naming the command's field and why, when the drawing cannot run it
     */
    public void command(Scenario.TimelineEntry e) {
        Network.checkCommand(design, e);
        if (finished) {
            throw new dev.scalelab.world.ScenarioException("command", "the run has ended");
        }
        commands.add(e);
        LockSupport.unpark(thread);
    }

    /** Why the newest command could not run (the run had ended), once; null when none was refused since the last call. */
    public String takeRefusal() {
        return refusal.getAndSet(null);
    }

    /** The changes and commands run so far, each at the time it ran, in that order. */
    public List<Scenario.TimelineEntry> commandsRun() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * The design with the changes and commands run so far in its timeline, at the times they ran:
     * running it gives this run again, event for event.
     */
    public Scenario recordedScenario() {
        List<Scenario.TimelineEntry> all = new ArrayList<>(design.timeline());
        all.addAll(commandsRun());
        all.sort(Comparator.comparingDouble(Scenario.TimelineEntry::atSeconds)); // stable: the file's first at a tie
        return design.withTimeline(all);
    }

    /** Runs the commands given since the last slice, on the run's thread; true when one ran. */
    private boolean runCommands() {
        boolean ran = false;
        for (Scenario.TimelineEntry e; (e = commands.poll()) != null; ) {
            try {
                double at = network.command(e);
                synchronized (recorded) {
                    recorded.add(new Scenario.TimelineEntry(at, e.command(), e.path(), e.target(), e.value(),
                            e.durationSeconds()));
                }
                ran = true;
            } catch (dev.scalelab.world.ScenarioException x) {
                refusal.set(x.problem());
            }
        }
        return ran;
    }

    /**
     * Changes the field {@code path} ({@code nodes.<id>.<field>}) of the running design to
     * {@code value}: checked now, on the caller's thread, against the design as the changes sent before
     * leave it; run on the run's thread at the next free whole millisecond of virtual time (paused or not).
     * The future completes with what changed and when, or exceptionally when the run ended first.
     *
     * @throws dev.scalelab.world.ScenarioException naming the path and why it cannot change live; nothing is sent
     */
    public synchronized CompletableFuture<Applied> apply(String path, Object value) {
        planned = NodeChange.withChange(planned, path, value);
        CompletableFuture<Applied> done = new CompletableFuture<>();
        Pending p = new Pending(path, value, done);
        pending.add(p);
        if (finished && pending.remove(p)) {
            done.completeExceptionally(new IllegalStateException("the run has ended")); // the thread has stopped looking
        }
        LockSupport.unpark(thread);
        return done;
    }

    /**
     * Watches service, cache box, CDN, database, external API, topic, queue or balancer {@code nodeId} as the
     * pipeline's Scaling, Caching, Database, Resilience, Events or Load balancing panel sees its part ({@link Network#watch}),
     * from the run's next slice (paused or not). Several boxes may be watched at once, each with its own
     * view; a box watched twice is watched until both {@link #unwatch} it. The future completes with its
     * first view; {@link #watched} gives the newest from then on, published with each snapshot.
     *
     * @throws dev.scalelab.world.ScenarioException naming the node when it is none of those kinds of box of
     *         the design; one the run cannot show (an API no sidecar calls) fails the future with the reason
     */
    public CompletableFuture<dev.scalelab.world.Snapshot> watch(String nodeId) {
        dev.scalelab.world.Topology.Node n = design.topology().node(java.util.Objects.requireNonNull(nodeId, "nodeId"));
        if (n == null || !WATCHED.contains(n.nodeKind())) {
            throw new dev.scalelab.world.ScenarioException("nodes." + nodeId, n == null ? "no node of this design"
                    : nodeId + " is of kind " + n.nodeKind().id() + ": " + dev.scalelab.world.network.Network.WATCHED);
        }
        Watch w = new Watch(nodeId, false, new CompletableFuture<>());
        ask(w);
        return w.first;
    }

    /** Stops one {@link #watch} of box {@code nodeId} at the run's next slice: the other boxes' watches go on. */
    public void unwatch(String nodeId) {
        ask(new Watch(java.util.Objects.requireNonNull(nodeId, "nodeId"), true, null));
    }

    private void ask(Watch w) {
        watches.add(w);
        if (finished && watches.remove(w)) {
            takeWatch(w); // the thread has stopped: the network is the caller's now
        }
        LockSupport.unpark(thread);
    }

    /** Box {@code nodeId}'s newest view ({@link #watch}); null while it is not watched. */
    public dev.scalelab.world.Snapshot watched(String nodeId) {
        return watched.get().get(nodeId);
    }

    /** The boxes watched now, in the order first watched. */
    public java.util.Set<String> watchedIds() {
        return watched.get().keySet();
    }

    /** Runs the watches asked for since the last look. */
    private void runWatches() {
        for (Watch w; (w = watches.poll()) != null; ) {
            takeWatch(w);
        }
    }

    /** Guarded: at the run's end its thread and a caller may each take one (each removed from the queue once). */
    private void takeWatch(Watch w) {
        synchronized (watches) {
            if (w.stop) {
                int left = watchers.getOrDefault(w.id, 0) - 1;
                if (left > 0) {
                    watchers.put(w.id, left);
                } else if (watchers.remove(w.id) != null) {
                    network.unwatch(w.id);
                    publishWatched();
                }
                return;
            }
            try {
                network.watch(w.id);
            } catch (dev.scalelab.world.ScenarioException refused) {
                w.first.completeExceptionally(refused); // the box has nothing to show now (an API no sidecar calls): nothing is watched for it
                return;
            }
            watchers.merge(w.id, 1, Integer::sum);
            publishWatched();
            w.first.complete(watched(w.id));
        }
    }

    /** Publishes the newest snapshot, and each watched box's view with it; a run watching nothing pays one check. */
    private void publish() {
        latest.set(network.snapshot());
        if (!watchers.isEmpty()) { // the run's thread's own until the run ended; a caller's stop then publishes itself
            synchronized (watches) {
                publishWatched();
            }
        }
    }

    /** Each watched box's view now, under the lock of {@link #watches}. */
    private void publishWatched() {
        java.util.Map<String, dev.scalelab.world.Snapshot> views = new java.util.LinkedHashMap<>();
        for (String id : network.watchedIds()) {
            views.put(id, network.watchedView(id));
        }
        watched.set(java.util.Collections.unmodifiableMap(views));
    }

    /** The run's report (as {@code simulate} prints it) once it reached its end; null before. */
    public String finalReport() {
        return finalReport;
    }

    /** Runs the changes sent since the last look, all at the next free whole millisecond of virtual time. */
    private void runPending() {
        if (pending.isEmpty()) {
            return;
        }
        double at;
        try {
            at = network.advanceToCommandTime();
        } catch (dev.scalelab.world.ScenarioException ended) {
            for (Pending p; (p = pending.poll()) != null; ) {
                p.done.completeExceptionally(new IllegalStateException("the run has ended"));
            }
            return;
        }
        for (Pending p; (p = pending.poll()) != null; ) {
            try {
                String said = network.apply(p.path, p.value);
                synchronized (recorded) {
                    recorded.add(Scenario.TimelineEntry.set(at, p.path, p.value));
                }
                String node = p.path.startsWith("nodes.") ? p.path.substring("nodes.".length(), p.path.indexOf('.', "nodes.".length()))
                        : p.path.substring(0, p.path.indexOf(']') + 1);
                p.done.complete(new Applied(at, node, said));
            } catch (RuntimeException refused) {
                p.done.completeExceptionally(refused);
            }
        }
        publish();
    }

    /** Stops the thread and waits for it (briefly). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            long lastWall = System.nanoTime();
            long lastPublish = 0;
            double target = network.nowSeconds();
            while (!closed && !network.finished()) {
                long now = System.nanoTime();
                double wallSeconds = (now - lastWall) / 1e9;
                lastWall = now;
                runWatches();
                runPending();
                if (runCommands()) {
                    publish();
                    lastPublish = now;
                }
                if (paused) {
                    target = network.nowSeconds();
                    LockSupport.parkNanos(IDLE_NANOS * 4);
                    continue;
                }
                double s = speed;
                if (Double.isInfinite(s)) {
                    target = network.nowSeconds() + MAX_SPEED_SLICE_SECONDS;
                } else {
                    target = Math.min(target + wallSeconds * s, network.nowSeconds() + MAX_CATCH_UP_SECONDS * s);
                }
                if (target > network.nowSeconds()) {
                    network.runUntil(target);
                }
                if (now - lastPublish >= PUBLISH_INTERVAL_NANOS) {
                    publish();
                    lastPublish = now;
                }
                if (!Double.isInfinite(s)) {
                    LockSupport.parkNanos(IDLE_NANOS);
                }
            }
            runCommands(); // given as it ended: each is refused, and says so
            publish();
            if (network.finished()) {
                finalReport = network.reportJson();
            }
        } catch (RuntimeException e) {
            failure.set(e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            finished = true;
            runWatches(); // asked as it ended: taken here, the last the thread does with the network
            for (Pending p; (p = pending.poll()) != null; ) {
                p.done.completeExceptionally(new IllegalStateException("the run has ended"));
            }
        }
    }
}
