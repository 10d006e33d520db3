package dev.scalelab.runtime;

/**
 * The runner's own state, published with each snapshot.
 *
 * @param frame            increases with every publication; a view redraws when it changes
 * @param speed            virtual seconds per wall second; {@code Double.POSITIVE_INFINITY} is "max"
 * @param eventsPerSecond  kernel events fired per wall second, measured over the last half second
 * @param lagging          the requested speed is more than this machine can simulate in real time
 * @param failure          the exception that stopped the simulation thread, with its stack, or null
 * @param breakpointHit    the breakpoint that paused the run, until the run plays or steps again; else null
 * @param modified         the user changed something (a parameter, a dependency field, an action) since
 *                         this scenario started; Reset and Play after the end keep it while the restart
 *                         scenario (the user's settings folded in) differs from the original, and any
 *                         other scenario (a preset, a file, Revert, a seek) clears it
 * @param undoDepth        how many user changes {@link SimulationRunner#undo()} can take back
 * @param redoDepth        how many undone changes {@link SimulationRunner#redo()} can give again
 */
public record RunStatus(long frame, boolean paused, boolean finished, double speed, double eventsPerSecond,
                        boolean lagging, String failure, dev.scalelab.world.BreakpointHit breakpointHit, boolean modified,
                        int undoDepth, int redoDepth) {

    /** A status without breakpoint, changes or undo history (tests, offline runs). */
    public RunStatus(long frame, boolean paused, boolean finished, double speed, double eventsPerSecond,
                     boolean lagging, String failure) {
        this(frame, paused, finished, speed, eventsPerSecond, lagging, failure, null, false, 0, 0);
    }
}
