package dev.scalelab.runtime;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

/**
 * Worlds parked at moments of the run, so that a seek re-runs from the nearest one before its target
 * instead of from t = 0. A world cannot be copied (its events hold the objects they act on), so each
 * checkpoint is a world of its own, re-run from the start on a background thread up to its moment
 * and parked there; a seek takes it (it is then the run's world, and the builder makes that moment
 * again). Same scenario, same seed, same commands: a parked world is exactly where a re-run from
 * t = 0 would be, so a seek through a checkpoint arrives at the same world bit for bit.
 *
 * <p>Where: a moment is marked each time the run's world has fired {@link #eventsPerMark} events
 * past the last mark, so checkpoints are as far apart in work, not in virtual time: a seek replays
 * at most that many events. Past {@link #maxParked} marks, every other one is dropped and the spacing
 * doubles, which bounds memory (a full-stack world parked at one hour takes about 16 MB).
 *
 * <p>Which: the builder works for the scenario the run plays (its recorded scenario: the user's
 * commands on its timeline). A parked world serves a seek on any scenario it
 * {@linkplain World#canContinueAs can continue as}: one that agrees with it up to its moment, so a
 * change at 2:00 keeps every checkpoint before 2:00. The world a seek leaves behind is parked too
 * ({@link #offer}; the last two), so dragging the playhead back and forth goes on from it.
 *
 * <p>Memory: the parked worlds, their requests counted, stay within a budget (an eighth of the
 * heap); a world that does not fit is not parked and its mark goes.
 *
 * <p>Threads: {@link #played}, {@link #offer}, {@link #take} and {@link #setBusy} are called from
 * the simulation thread; the builder thread owns the world it is building; parked worlds are only
 * touched under {@link #lock}. The builder rests while the run is busy (a seek, a run at full speed
 * or behind, frames coming late) so it never slows what the user is waiting for.
 */
final class Checkpoints implements AutoCloseable {
    /** Events between two marks at first: on this machine's full-stack preset, about half a second of re-run. */
    static final long FIRST_EVENTS_PER_MARK = 1_500_000L;
    /** Wall time the builder works before it looks again at what to build and whether to rest. */
    private static final long BUILD_SLICE_NANOS = 10_000_000L;
    private static final int EVENTS_PER_CHUNK = 4096;
    /**
     * What a parked world takes beside its requests: the full-stack preset's world after one hour
     * (its caches, database, run history and decision log) measured about 16 MB of heap.
     */
    static final long WORLD_BYTES = 16L << 20;
    /** Worlds a seek left behind that are kept beside the marked ones: dragging the playhead back and forth reuses them. */
    private static final int MAX_LEFT_BEHIND = 2;

    private final Object lock = new Object();
    private final int maxParked;
    /** The most heap the parked worlds and the one being built may take together, their requests counted. */
    private final long budgetBytes;
    /** Guarded by {@link #lock}: the marked moments, the worlds parked at some of them, and the scenario to build. */
    private final TreeSet<Long> marks = new TreeSet<>();
    private final TreeMap<Long, World> parked = new TreeMap<>();
    /** The moments of worlds parked by {@link #offer}, oldest first. */
    private final ArrayDeque<Long> leftBehind = new ArrayDeque<>();
    private Scenario target;
    private final long firstEventsPerMark;
    private long eventsPerMark;
    private long builtCount;

    // Simulation-thread state for marking.
    private World watchedWorld;
    private int watchedCommands;
    private long watchedEvents;
    private long pendingEvents;
    /** How far the run's events have been counted towards marks; guarded by {@link #lock}. */
    private long countedUntilNanos = -1;

    private volatile boolean busy;
    private volatile boolean closed;
    private final Thread builder;

    /**
     * A builder for a Java heap of {@code maxHeapBytes}: at most {@link #parkedForHeap} worlds, in an
     * eighth of the heap, marked every {@link #FIRST_EVENTS_PER_MARK} events at first.
     */
    static Checkpoints forHeap(long maxHeapBytes, long firstEventsPerMark) {
        return new Checkpoints(parkedForHeap(maxHeapBytes), firstEventsPerMark, maxHeapBytes / 8, true);
    }

    /** {@code background} false leaves building to {@link #buildOne()}, called by a test. */
    Checkpoints(int maxParked, long firstEventsPerMark, long budgetBytes, boolean background) {
        this.maxParked = Math.max(2, maxParked);
        this.budgetBytes = budgetBytes;
        this.firstEventsPerMark = firstEventsPerMark;
        this.eventsPerMark = firstEventsPerMark;
        if (background) {
            builder = new Thread(this::buildLoop, "scalelab-checkpoints");
            builder.setDaemon(true);
            builder.setPriority(Thread.MIN_PRIORITY);
            builder.start();
        } else {
            builder = null;
        }
    }

    /** As many checkpoints as a quarter of the heap holds at 64 MB each (room for worlds much larger than full-stack's), 4 to 32. */
    static int parkedForHeap(long maxHeapBytes) {
        return (int) Math.max(4, Math.min(32, maxHeapBytes / 4 / (64L << 20)));
    }

    /**
     * The run's world after a slice of play or of a seek. A new world, or a command of the user's,
     * gives the builder its recorded scenario to build for; another design (not only another
     * timeline) forgets every mark and checkpoint. Marks the moment when the world has fired
     * {@link #eventsPerMark} events past the last mark; ground it plays again after a seek back is
     * not marked twice.
     */
    void played(World world) {
        long events = world.simulation().eventsFired();
        long now = world.simulation().nowNanos();
        int commands = world.userCommandCount();
        boolean newWorld = world != watchedWorld;
        if (newWorld || commands != watchedCommands) {
            follow(world.recordedScenario());
            watchedWorld = world;
            watchedCommands = commands;
            if (newWorld) {
                watchedEvents = events;
                return;
            }
        }
        long fired = events - watchedEvents;
        watchedEvents = events;
        synchronized (lock) {
            if (now <= countedUntilNanos) {
                return; // ground the run has played before (a seek back replays it): its events were counted then
            }
            countedUntilNanos = now;
            pendingEvents += fired;
            if (pendingEvents < eventsPerMark) {
                return;
            }
            pendingEvents = 0;
            marks.add(now);
            if (marks.size() > maxParked) {
                thinOut();
            }
        }
        wake();
    }

    /** From now on the builder builds for {@code scenario}; marks and checkpoints of another design are forgotten. */
    private void follow(Scenario scenario) {
        synchronized (lock) {
            if (target == null || !scenario.withTimeline(List.of()).equals(target.withTimeline(List.of()))) {
                marks.clear();
                parked.clear();
                leftBehind.clear();
                eventsPerMark = firstEventsPerMark;
                pendingEvents = 0;
                countedUntilNanos = -1;
            }
            target = scenario;
        }
        wake();
    }

    /** Keeps every other mark (the first, third, ...) and their worlds; marks come twice as far apart from now on. */
    private void thinOut() {
        List<Long> kept = new ArrayList<>();
        int i = 0;
        for (long m : marks) {
            if (i++ % 2 == 1) {
                kept.add(m);
            }
        }
        marks.clear();
        marks.addAll(kept);
        parked.keySet().retainAll(marks);
        leftBehind.clear();
        eventsPerMark *= 2;
    }

    /**
     * The parked world nearest before or at {@code atNanos} that can continue as {@code scenario},
     * taken out and set to go on as {@code scenario}; null when there is none (the seek starts from
     * t = 0).
     */
    World take(Scenario scenario, long atNanos) {
        synchronized (lock) {
            for (Map.Entry<Long, World> e = parked.floorEntry(atNanos); e != null; e = parked.lowerEntry(e.getKey())) {
                World w = e.getValue();
                if (w.canContinueAs(scenario)) {
                    parked.remove(e.getKey());
                    leftBehind.remove(e.getKey());
                    w.continueAs(scenario);
                    return w;
                }
            }
            return null;
        }
    }

    /**
     * The run's world, which a seek is about to replace: kept as a checkpoint at its moment when it
     * is one (the user changed nothing since it was made), so a seek forward again goes on from it.
     */
    void offer(World world) {
        if (!world.canContinueAs(world.recordedScenario())) {
            return; // the user's commands are in its past: a world of the recorded scenario would have them on its timeline
        }
        world.setBreakpoints(List.of()); // a seek runs through breakpoints
        world.takeBreakpointHit();
        long at = world.simulation().nowNanos();
        synchronized (lock) {
            if (parkedBytes() + bytes(world) > budgetBytes) {
                return;
            }
            parked.put(at, world);
            if (marks.contains(at)) {
                return;
            }
            leftBehind.remove(at);
            leftBehind.addLast(at);
            while (leftBehind.size() > MAX_LEFT_BEHIND) {
                long oldest = leftBehind.removeFirst();
                if (!marks.contains(oldest)) {
                    parked.remove(oldest);
                }
            }
        }
    }

    /** Whether the run is busy (seeking, or playing at full speed): the builder rests meanwhile. */
    void setBusy(boolean nowBusy) {
        boolean was = busy;
        busy = nowBusy;
        if (was && !nowBusy) {
            wake();
        }
    }

    /** The marked moments, in nanoseconds of virtual time (for tests and the bench). */
    List<Long> marks() {
        synchronized (lock) {
            return List.copyOf(marks);
        }
    }

    /** The moments a world is parked at now. */
    List<Long> parkedAt() {
        synchronized (lock) {
            return List.copyOf(parked.keySet());
        }
    }

    /** How many marked moments have no world parked at them: what the builder has left to do. */
    int missing() {
        synchronized (lock) {
            return (int) marks.stream().filter(m -> !parked.containsKey(m)).count();
        }
    }

    /** Events between two marks now. */
    long eventsPerMark() {
        synchronized (lock) {
            return eventsPerMark;
        }
    }

    /** How many worlds the builder has parked since it was made. */
    long built() {
        synchronized (lock) {
            return builtCount;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (builder != null) {
            LockSupport.unpark(builder);
            try {
                builder.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void wake() {
        if (builder != null) {
            LockSupport.unpark(builder);
        }
    }

    // ------------------------------------------------------------------ building

    private static long bytes(World w) {
        return WORLD_BYTES + w.requestsInSystem() * World.BYTES_PER_REQUEST;
    }

    /** Guarded by {@link #lock}. */
    private long parkedBytes() {
        long sum = 0;
        for (World w : parked.values()) {
            sum += bytes(w);
        }
        return sum;
    }

    /** The first marked moment with no world parked that can continue as the target, or -1. */
    private long nextToBuild() {
        synchronized (lock) {
            if (target == null) {
                return -1;
            }
            for (long m : marks) {
                World w = parked.get(m);
                if (w != null && !w.canContinueAs(target)) {
                    parked.remove(m); // another branch's past: the run no longer plays it
                    w = null;
                }
                if (w == null) {
                    return m;
                }
            }
            return -1;
        }
    }

    private void buildLoop() {
        while (!closed) {
            boolean builtOne;
            try {
                builtOne = !busy && buildOne();
            } catch (RuntimeException | OutOfMemoryError e) {
                // The run itself fails the same way and says so; the builder stops building for this scenario.
                synchronized (lock) {
                    target = null;
                    parked.clear();
                }
                builtOne = false;
            }
            if (!builtOne) {
                LockSupport.parkNanos(50_000_000L);
            }
        }
    }

    /**
     * Builds the next missing checkpoint: a new world of the target, run to its moment (resting
     * while the run is busy) and parked; returns false when there was nothing to build. A world
     * whose target changed on the way goes on if it can continue as the new one, else is dropped.
     */
    boolean buildOne() {
        long at = nextToBuild();
        if (at < 0) {
            return false;
        }
        Scenario building;
        synchronized (lock) {
            building = target;
        }
        World w = new World(building);
        while (!closed) {
            long sliceStart = System.nanoTime();
            boolean reached;
            do {
                reached = w.advance(at, EVENTS_PER_CHUNK);
            } while (!reached && System.nanoTime() - sliceStart < BUILD_SLICE_NANOS);
            synchronized (lock) {
                if (!marks.contains(at)) {
                    return true; // thinned out on the way
                }
                if (parkedBytes() + bytes(w) > budgetBytes) {
                    marks.remove(at); // a world this large (its queues) does not fit beside the others: seeks start earlier
                    return true;
                }
                if (target != building) {
                    if (!w.canContinueAs(target)) {
                        return true; // the run left this scenario before this moment
                    }
                    w.continueAs(target);
                    building = target;
                }
                if (reached) {
                    World there = parked.get(at);
                    if (there == null || !there.canContinueAs(target)) {
                        parked.put(at, w);
                        builtCount++;
                    }
                    return true;
                }
            }
            if (builder != null) {
                // A third of a core left between slices: the run and the window come first on two cores.
                LockSupport.parkNanos(BUILD_SLICE_NANOS / 2);
                while (busy && !closed) {
                    LockSupport.parkNanos(20_000_000L);
                }
            }
        }
        return true;
    }
}
