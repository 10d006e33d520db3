package dev.scalelab.world;

/**
 * How a subsystem applies a live change: each subsystem has an enum of these, one constant per
 * thing it does on a change, and its {@code Applies} mark on a scenario field names the step that
 * applies it ({@link Live}). The subsystem's {@code apply} switches over its own enum without a
 * default, so neither a live field without a step nor a step without code compiles.
 */
interface ApplyStep {
}
