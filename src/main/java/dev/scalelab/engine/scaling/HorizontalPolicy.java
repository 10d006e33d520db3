package dev.scalelab.engine.scaling;

/** Decides, once per sync period, how many instances the pool should keep. */
public interface HorizontalPolicy {

    ScalingDecision decide(ScalingInputs inputs);

    String id();

    /** The Kubernetes HPA, as {@link HorizontalPodAutoscaler}. */
    static HorizontalPolicy hpa(HorizontalPodAutoscaler hpa) {
        return new HorizontalPolicy() {
            @Override
            public ScalingDecision decide(ScalingInputs in) {
                HorizontalPodAutoscaler.Decision d = hpa.reconcile(in.nowNanos(), in.specReplicas(), in.pods());
                return new ScalingDecision(in.nowNanos(), id(), in.specReplicas(), d.proposed(), d.desired(), null, d.explanation(),
                        d.inputs());
            }

            @Override
            public String id() {
                return "hpa";
            }
        };
    }
}
