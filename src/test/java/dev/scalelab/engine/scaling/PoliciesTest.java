package dev.scalelab.engine.scaling;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoliciesTest {
    private static final long S = 1_000_000_000L;
    private static final long NOW = 3600 * S;

    private static ScalingInputs inputs(int spec, double p95, double queued, long... usages) {
        List<PodMetrics> pods = new java.util.ArrayList<>();
        for (int i = 0; i < usages.length; i++) {
            pods.add(HpaTest.ready("p" + i, usages[i], 1000));
        }
        return new ScalingInputs(NOW, spec, pods, p95, queued);
    }

    @Test
    void thresholdAddsOneAboveTargetRemovesTheLeastLoadedBelowHalfAndRespectsBounds() {
        ThresholdPolicy p = new ThresholdPolicy(2, 5, 60);
        assertEquals(4, p.decide(inputs(3, 0, 0, 700, 650, 700)).desired());
        ScalingDecision down = p.decide(inputs(3, 0, 0, 250, 100, 300));
        assertEquals(2, down.desired());
        assertEquals("p1", down.victim());
        assertEquals(3, p.decide(inputs(3, 0, 0, 400, 400, 400)).desired()); // 40%: between half and target
        assertEquals(5, p.decide(inputs(5, 0, 0, 900, 900, 900, 900, 900)).desired()); // at max
        ScalingDecision atMin = p.decide(inputs(2, 0, 0, 10, 10));
        assertEquals(2, atMin.desired());
        assertNull(atMin.victim());
    }

    @Test
    void targetTrackingScalesInProportionAndWaitsForTheCooldownToScaleIn() {
        TargetTrackingPolicy p = new TargetTrackingPolicy(1, 50, TargetTrackingPolicy.Metric.P95_LATENCY, 100, 0.1, 300 * S);
        // p95 250 ms vs 100 ms with 4 ready: ceil(4 x 2.5) = 10.
        ScalingDecision up = p.decide(inputs(4, 250, 0, 500, 500, 500, 500));
        assertEquals(10, up.desired());
        assertTrue(up.explanation().contains("p95 latency 250.0ms vs 100ms -> ratio 2.50"), up.explanation());
        // Right after, a low reading must wait for the cooldown.
        assertEquals(4, p.decide(inputs(4, 20, 0, 100, 100, 100, 100)).desired());
        TargetTrackingPolicy q = new TargetTrackingPolicy(1, 50, TargetTrackingPolicy.Metric.QUEUE_LENGTH, 5, 0.1, 0);
        assertEquals(2, q.decide(inputs(4, 0, 2, 100, 100, 100, 100)).desired()); // ceil(4 x 0.4)
        assertEquals(4, q.decide(inputs(4, 0, 5.2, 100, 100, 100, 100)).desired()); // within tolerance
    }

    @Test
    void verticalThresholdGoesOneSizeUpAboveTheThresholdAndDownBelowTheOther() {
        ThresholdResizePolicy p = new ThresholdResizePolicy(0.8, 0.3);
        assertEquals(InstanceSize.LARGE, p.decide(NOW, InstanceSize.MEDIUM, new double[0], 0.85).desired());
        assertEquals(InstanceSize.MEDIUM, p.decide(NOW, InstanceSize.MEDIUM, new double[0], 0.5).desired());
        assertEquals(InstanceSize.SMALL, p.decide(NOW, InstanceSize.MEDIUM, new double[0], 0.2).desired());
        assertEquals(InstanceSize.XLARGE, p.decide(NOW, InstanceSize.XLARGE, new double[0], 0.99).desired());
    }

    @Test
    void decayingHistogramHasVpaBucketsAndReturnsTheBucketEnd() {
        assertEquals(0.0, DecayingHistogram.bucketStart(0), 1e-15);
        assertEquals(0.01, DecayingHistogram.bucketStart(1), 1e-15);
        assertEquals(0.01 + 0.0105, DecayingHistogram.bucketStart(2), 1e-15);
        DecayingHistogram h = new DecayingHistogram(24 * 3600 * S, 0);
        for (int i = 1; i <= 100; i++) {
            h.add(i / 100.0, 1, 0); // 0.01 .. 1.00 cores, uniformly
        }
        // P90 falls in the bucket holding 0.90 cores; the answer is that bucket's end.
        int b = h.findBucket(0.90);
        assertTrue(DecayingHistogram.bucketStart(b) <= 0.90 && 0.90 < DecayingHistogram.bucketStart(b + 1));
        assertEquals(DecayingHistogram.bucketStart(b + 1), h.percentile(0.9), 1e-12);
        // A sample a half-life later weighs twice as much.
        DecayingHistogram d = new DecayingHistogram(10 * S, 0);
        d.add(0.1, 1, 0);
        d.add(2.0, 1, 10 * S);
        d.add(2.0, 1e-9, 10 * S);
        assertTrue(d.percentile(0.4) > 1.9, "2/3 of the weight is at 2 cores");
    }

    @Test
    void vpaGrowsAnUndersizedPodReadilyButHardlyShrinksWithLittleHistory() {
        VpaRecommender vpa = new VpaRecommender(0.9, 0.15, 24 * 3600 * S, 0);
        // Ten minutes of samples near 3 cores on a 2-vCPU medium: lower bound about 3 x 1.15 x 0.76 > 2.
        VerticalPolicy.VerticalDecision d = null;
        for (int m = 1; m <= 10; m++) {
            d = vpa.decide(m * 60 * S, InstanceSize.MEDIUM, new double[] {2.9, 3.0, 3.1}, 0.99);
        }
        assertEquals(InstanceSize.LARGE, d.desired());
        // Far too big (xlarge for 0.2 cores) but only minutes of history: the upper bound is still huge.
        VpaRecommender young = new VpaRecommender(0.9, 0.15, 24 * 3600 * S, 0);
        VerticalPolicy.VerticalDecision keep = young.decide(600 * S, InstanceSize.XLARGE, new double[] {0.2, 0.2}, 0.03);
        assertEquals(InstanceSize.XLARGE, keep.desired());
        double[] e = young.estimates(600 * S);
        assertTrue(e[2] > 8, "upper bound " + e[2]);
    }
}
