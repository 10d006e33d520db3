package dev.scalelab.practice;

import java.util.List;

/**
 * When and why a requirement broke, on the seed where it broke worst.
 *
 * @param seed      the seed of that run
 * @param atSeconds the first second its per-second view crossed the bound (the 1-s p99, the
 *                  second's error rate, the running count), or NaN when the metric has no
 *                  per-second view (then {@code what} says so)
 * @param what      "p99 of that second 2.1 s, target 500 ms"
 * @param why       the decision-log lines from the 30 s before that moment, oldest first, each
 *                  with its time ("3:05 breaker: payments CLOSED -> OPEN, failure rate 52% >= 50%"),
 *                  the timeline's faults and the breakers', scalers' and shedders' decisions first
 *                  when there are many; at most 6. Without a moment: the run's incidents and then
 *                  the other causes, the earliest first
 */
public record Breach(long seed, double atSeconds, String what, List<String> why) {
    public Breach {
        why = List.copyOf(why);
    }
}
