package dev.scalelab.engine.scaling;

/** Decides the instance size. The pool rolls instances to a new size one at a time. */
public interface VerticalPolicy {

    /**
     * @param samples CPU usage of each ready instance since the last call, in cores
     * @param utilization summed usage over summed capacity of ready instances, as a fraction (NaN if none)
     */
    VerticalDecision decide(long nowNanos, InstanceSize current, double[] samples, double utilization);

    String id();

    /** The size to run, why, and the inputs that led there. */
    record VerticalDecision(long timeNanos, String policy, InstanceSize current, InstanceSize desired, String explanation) {
        public boolean resize() {
            return desired != current;
        }
    }
}
