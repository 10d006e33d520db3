package dev.scalelab.lesson;

import dev.scalelab.world.Breakpoint;

/**
 * Where a step's run pauses: at a virtual time, or when a breakpoint fires (at the latest at
 * {@code limitSeconds}; a lesson whose breakpoint does not fire by then is a defect its test finds).
 *
 * @param atSeconds    the virtual time to stop at, or 0 when {@code breakpoint} says
 * @param breakpoint   the condition to stop at, or null for a time
 * @param limitSeconds with a breakpoint: the virtual time by which it must have fired
 */
public record RunUntil(double atSeconds, Breakpoint breakpoint, double limitSeconds) {
}
