package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One part of the world (the workload, the balancer, the pool and its scalers, the cache, the
 * database, the dependencies, and the shared request metrics and decision log). Each owns its
 * state and gives the world four things:
 * <ul>
 *   <li>its live parameters: an enum of its apply steps ({@link ApplyStep}), listed by its
 *       {@link Part}, and an {@code Applies} annotation with which the scenario records mark each
 *       field it changes live and the step that applies it ({@link Live}); {@link #apply} runs
 *       that step, switching over the enum without a default;</li>
 *   <li>its per-second sample, {@link #sample}, taken after the world's own, and its columns of
 *       the time-series file, {@link #declareColumns} and {@link #columnValues};</li>
 *   <li>its section of the report, {@link #report};</li>
 *   <li>its lines in the decision log, written with its own {@link Source}.</li>
 * </ul>
 * Its part of the {@link Snapshot} is a typed view each subsystem makes for the panel that draws it.
 */
interface Subsystem {
    /**
     * Takes the step of a change of {@code p}, one of this part's parameters, that the world's
     * current scenario already holds. A part without live parameters is never asked.
     */
    default void apply(Parameter p, Source by) {
        throw new IllegalArgumentException(p + " is not a parameter of " + getClass().getSimpleName());
    }

    /** Takes this part's sample of the second that just ended. */
    default void sample() {
    }

    /**
     * Declares this part's columns of the time-series file, from the scenario at the start (and
     * its timeline); called once, when the world is built.
     */
    default void declareColumns(SampleColumns columns, Scenario initial) {
    }

    /** Adds this second's values of the columns it declared, in their order ("" for nothing to say). */
    default void columnValues(List<String> cells) {
    }

    /** Writes this part's section of the report. */
    default void report(ObjectNode root) {
    }
}
