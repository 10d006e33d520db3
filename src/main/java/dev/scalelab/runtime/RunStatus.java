package dev.scalelab.runtime;

/**
 * The runner's own state, published with each snapshot.
 *
 * @param frame            increases with every publication; a view redraws when it changes
 * @param speed            virtual seconds per wall second; {@code Double.POSITIVE_INFINITY} is "max"
 * @param eventsPerSecond  kernel events fired per wall second, measured over the last half second
 * @param lagging          the requested speed is more than this machine can simulate in real time
 * @param failure          the exception that stopped the simulation thread, with its stack, or null
 */
public record RunStatus(long frame, boolean paused, boolean finished, double speed, double eventsPerSecond,
                        boolean lagging, String failure) {
}
