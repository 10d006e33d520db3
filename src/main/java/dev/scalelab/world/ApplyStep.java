package dev.scalelab.world;

/**
 * How a subsystem applies a live change: each subsystem has an enum of these, one constant per
 * thing it does on a change, and each {@link Parameter} names the step that applies it. The
 * subsystem's {@code apply} switches over its own enum without a default, so neither a parameter
 * without a step nor a step without code compiles.
 */
interface ApplyStep {
}
