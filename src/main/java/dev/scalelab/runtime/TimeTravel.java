package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A {@link SimulationRunner}'s moves in virtual time: a seek (the run started over and re-run, as fast
 * as it goes and from a world parked on the way when {@link Checkpoints} has one, to a virtual time,
 * paused there), Rewind on the current branch, a switch to another branch, and the fork that a
 * user's change makes at a moment the run went back to. It owns the seek in progress and the user's
 * commands held until it arrives, so every command of the user's passes through
 * {@link #userCommand}: it decides whether the command runs now, waits for a seek, or forks.
 *
 * <p>Confined to the simulation thread: the runner's public methods enqueue the commands that call
 * it, and its loop runs {@link #advanceSeek} one work slice at a time while a seek is in progress.
 */
final class TimeTravel {
    private final RunWorlds worlds;
    /** Worlds parked along the run, which a seek starts from instead of t = 0. */
    private final Checkpoints checkpoints;
    private final PlayState play;
    private final Pacing pacing;
    private final FramePublisher publisher;
    /** Whether a command waits in the runner's queue: a seek's work slice ends early for it. */
    private final BooleanSupplier commandWaiting;
    private final BooleanSupplier onSimulationThread;
    /** A seek in progress: its future and target; null when none. */
    private CompletableFuture<Frame> seekFuture;
    private long seekNanos;
    /** The user's commands given while a seek runs: they take effect where it arrives, not part-way. */
    private final List<Runnable> afterSeek = new ArrayList<>();
    /** A fork's seek: the run plays on where it arrives if it was playing when the user made the change. */
    private boolean playAfterSeek;

    /** {@code onSimulationThread} tells whether the caller is on the runner's simulation thread (or it has not started). */
    TimeTravel(RunWorlds worlds, Checkpoints checkpoints, PlayState play, Pacing pacing, FramePublisher publisher,
               BooleanSupplier commandWaiting, BooleanSupplier onSimulationThread) {
        this.worlds = worlds;
        this.checkpoints = checkpoints;
        this.play = play;
        this.pacing = pacing;
        this.publisher = publisher;
        this.commandWaiting = commandWaiting;
        this.onSimulationThread = onSimulationThread;
    }

    /** Whether a seek is in progress (the run waits for it: breakpoints are installed and commands applied where it arrives). */
    boolean seeking() {
        return seekFuture != null;
    }

    /**
     * What every start from a new scenario does before making its worlds: a seek in progress is
     * called off, and nothing is finished, failed or hit.
     */
    void startOver() {
        assert onSimulationThread.getAsBoolean();
        if (worlds.race() == null) {
            checkpoints.offer(worlds.main()); // a seek forward again may go on from it
        }
        cancelSeek();
        play.finished = false;
        play.failure = null;
        play.hit = null;
        play.stopAtNanos = PlayState.NO_STOP;
    }

    private void cancelSeek() {
        afterSeek.clear();
        playAfterSeek = false;
        if (seekFuture != null) {
            seekFuture.completeExceptionally(new CancellationException("another scenario was started before the seek arrived"));
            seekFuture = null;
        }
    }

    /** The run failed with {@code t}: a seek in progress never arrives and fails with it. */
    void failed(Throwable t) {
        if (seekFuture != null) {
            seekFuture.completeExceptionally(t);
            seekFuture = null;
        }
    }

    /** {@link SimulationRunner#seek}: {@code scenario} started over and run to {@code atSeconds}; {@code arrived} completes there. */
    void seek(Scenario scenario, double atSeconds, CompletableFuture<Frame> arrived) {
        startOver();
        worlds.startUnwatched(scenario, parkedFor(scenario, atSeconds)); // breakpoints are installed on arrival
        beginSeek(atSeconds, arrived);
    }

    /** {@link SimulationRunner#rewind}: a seek of the current branch's scenario to {@code atSeconds}. */
    void rewind(double atSeconds, CompletableFuture<Frame> arrived) {
        startOver();
        Scenario current = worlds.branches().current().scenario();
        worlds.startUnwatched(current, parkedFor(current, atSeconds));
        beginSeek(atSeconds, arrived);
    }

    /** {@link SimulationRunner#switchBranch}: branch {@code id} re-run to {@code atSeconds} or as far as it got. */
    void switchBranch(int id, double atSeconds, CompletableFuture<Frame> arrived) {
        if (worlds.branches().view().byId(id) == null) {
            arrived.completeExceptionally(new IllegalArgumentException("branch " + id + ": there is no such branch"));
            return;
        }
        startOver();
        Branch b = worlds.switchBranch(id, to -> parkedFor(to.scenario(), switchTime(to, atSeconds)));
        beginSeek(switchTime(b, atSeconds), arrived);
    }

    /** Where a switch to {@code b} arrives: {@code atSeconds}, or the furthest the branch got when that is earlier. */
    private static double switchTime(Branch b, double atSeconds) {
        return Math.min(atSeconds, Math.max(b.forkSeconds(), b.reachedSeconds()));
    }

    /** A world parked on the way to {@code atSeconds} that can go on as {@code scenario}, taken for a seek; null for none. */
    private World parkedFor(Scenario scenario, double atSeconds) {
        long at = Math.min(Simulation.secondsToNanos(atSeconds), Simulation.secondsToNanos(scenario.durationSeconds()));
        return checkpoints.take(scenario, at);
    }

    /** After the worlds start: the run pauses and goes, as fast as it can, to {@code atSeconds}; see {@link #advanceSeek()}. */
    private void beginSeek(double atSeconds, CompletableFuture<Frame> arrived) {
        assert onSimulationThread.getAsBoolean();
        play.paused = true;
        seekNanos = Math.min(Simulation.secondsToNanos(atSeconds), play.endNanos());
        seekFuture = arrived;
    }

    /** Runs a command of the user's on the worlds; a breakpoint passed on the way to its command time pauses. */
    void userCommand(Runnable command) {
        assert onSimulationThread.getAsBoolean();
        if (seekFuture != null) {
            afterSeek.add(command);
            return;
        }
        if (worlds.forkNeeded()) {
            // A change at a moment the run went back to: a new branch, its world re-run to this
            // moment as a seek does (frames on the way), and the change applied where it arrives.
            boolean playing = !play.paused;
            long now = worlds.fork((child, atNanos) -> parkedFor(child, atNanos / 1e9));
            if (now < 0) {
                // The run's world went on as the new branch (it had only replayed the parent's past): no re-run.
                command.run();
                play.takeHit();
                return;
            }
            beginSeek(now / 1e9, new CompletableFuture<>());
            playAfterSeek = playing;
            afterSeek.add(command);
            return;
        }
        command.run();
        play.takeHit();
    }

    /**
     * One work slice of a seek: as fast as the machine goes, publishing the time reached as it goes.
     * On arrival the breakpoints are installed, the frame there is published and the future completes with it.
     */
    void advanceSeek() {
        assert onSimulationThread.getAsBoolean();
        long sliceStart = System.nanoTime();
        World world = worlds.main();
        boolean reached;
        do {
            reached = world.advance(seekNanos, SimulationRunner.EVENTS_PER_CHUNK);
        } while (!reached && System.nanoTime() - sliceStart < SimulationRunner.WORK_SLICE_NANOS && !commandWaiting.getAsBoolean());
        checkpoints.played(world);
        long now = System.nanoTime();
        if (!reached) {
            if (now - publisher.lastPublishWall() >= SimulationRunner.PUBLISH_INTERVAL_NANOS) {
                publisher.publish(now);
            }
            return;
        }
        worlds.watch();
        play.finished = world.simulation().nowNanos() >= play.endNanos();
        CompletableFuture<Frame> arrived = seekFuture;
        seekFuture = null;
        List<Runnable> given = List.copyOf(afterSeek);
        afterSeek.clear();
        given.forEach(this::userCommand);
        if (playAfterSeek && !play.finished && play.hit == null) {
            play.paused = false;
        }
        playAfterSeek = false;
        pacing.reanchor();
        publisher.publish(now);
        arrived.complete(publisher.latest());
    }
}
