package dev.scalelab.world;

import java.util.List;

/**
 * How a subsystem applies a live change: each subsystem has an enum of these, one constant per
 * thing it does on a change, listing the parameters that take it. The subsystem's {@code apply}
 * switches over its own enum without a default, so a step without code does not compile.
 */
interface ApplyStep {
    List<Parameter> parameters();

    /** The step among {@code steps} that applies {@code p}. */
    static <S extends ApplyStep> S of(S[] steps, Parameter p) {
        for (S s : steps) {
            if (s.parameters().contains(p)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no step applies " + p);
    }
}
