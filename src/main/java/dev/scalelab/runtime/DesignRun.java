package dev.scalelab.runtime;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.network.Network;
import dev.scalelab.world.network.NetworkSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * <p>Commands given while it runs (a fault on a box: {@link #command}) are run on the run's thread at
 * its next slice, paused or not, and recorded: {@link #recordedScenario()} is the design with them in
 * its timeline, which replays this run exactly.
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
    /** Commands run, each at the time it ran; guarded by itself. */
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

    /** Builds the network of {@code design}; throws ScenarioException, naming the reason, when it cannot run. */
    public DesignRun(Scenario design) {
        this.design = design;
        network = new Network(design);
        latest.set(network.snapshot());
        thread = new Thread(this::loop, "design-run");
        thread.setDaemon(true);
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

    /** The commands run so far, each at the time it ran, in that order. */
    public List<Scenario.TimelineEntry> commandsRun() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * The design with the commands run so far in its timeline, at the times they ran: running it
     * gives this run again, event for event.
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
                if (runCommands()) {
                    latest.set(network.snapshot());
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
                    latest.set(network.snapshot());
                    lastPublish = now;
                }
                if (!Double.isInfinite(s)) {
                    LockSupport.parkNanos(IDLE_NANOS);
                }
            }
            runCommands(); // given as it ended: each is refused, and says so
            latest.set(network.snapshot());
        } catch (RuntimeException e) {
            failure.set(e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            finished = true;
        }
    }
}
