package dev.scalelab.runtime;

import dev.scalelab.sim.EventProfiler;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The runner's measure of itself: kernel events per wall second over half-second windows, and the
 * simulator's sampled profile, published once a wall second as an immutable {@link ProfileTable}.
 * Measured on the simulation thread; {@link #profile()} may be read from any thread.
 */
final class RunMeter {
    private static final long RATE_WINDOW_NANOS = 500_000_000L;
    private static final long PROFILE_INTERVAL_NANOS = 1_000_000_000L;

    /** Serves every world the runner runs (both in race mode), so the profile goes on across resets. */
    private final EventProfiler profiler = new EventProfiler(System::nanoTime, EventProfiler.DEFAULT_SAMPLE_EVERY);
    private final AtomicReference<ProfileTable> profile = new AtomicReference<>(ProfileTable.EMPTY);
    private EventProfiler.Profile profiledUntil = EventProfiler.Profile.EMPTY;
    private long profiledUntilWall = System.nanoTime();
    private long rateWindowStartWall;
    private long rateWindowStartEvents;
    private double eventsPerSecond;

    EventProfiler profiler() {
        return profiler;
    }

    /** The profile over the last wall second the simulator ran; never null. */
    ProfileTable profile() {
        return profile.get();
    }

    /** The first rate window starts now. */
    void start(long wallNow) {
        rateWindowStartWall = wallNow;
    }

    /**
     * At a publication: closes the rate window when half a second has passed and the profile's
     * when a second has. Returns the events per second to show, 0 while paused.
     */
    double measure(long wallNow, long eventsFired, boolean paused) {
        if (wallNow - rateWindowStartWall >= RATE_WINDOW_NANOS) {
            eventsPerSecond = (eventsFired - rateWindowStartEvents) * 1e9 / (wallNow - rateWindowStartWall);
            rateWindowStartWall = wallNow;
            rateWindowStartEvents = eventsFired;
        } else if (eventsFired < rateWindowStartEvents) { // after a reset
            rateWindowStartEvents = eventsFired;
        }
        if (paused) {
            eventsPerSecond = 0;
        }
        if (wallNow - profiledUntilWall >= PROFILE_INTERVAL_NANOS) {
            EventProfiler.Profile now = profiler.profile();
            profile.set(ProfileTable.of(now.since(profiledUntil), (wallNow - profiledUntilWall) / 1e9));
            profiledUntil = now;
            profiledUntilWall = wallNow;
        }
        return eventsPerSecond;
    }

    /**
     * What the user is shown when the simulation thread stops at {@code atSeconds}: a run that
     * outgrew this machine says what to lower in one line; anything else is a defect, shown with its
     * stack for the report.
     */
    static String describeFailure(Throwable t, double atSeconds) {
        if (t instanceof dev.scalelab.world.RunStoppedException) {
            return t.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            // The world that filled the heap is dropped on Reset; until then nothing more is allocated for it.
            return "the run stopped at t = " + Math.round(atSeconds) + " s: Java ran out of memory ("
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap); lower the arrival rate, the queue capacity "
                    + "or the number of instances, or give Java more memory (java -Xmx…)";
        }
        java.io.StringWriter text = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
