package dev.scalelab.engine.scaling;

import dev.scalelab.engine.events.KedaScaler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HPA on an External metric of target type AverageValue, as KEDA's Kafka scaler feeds it:
 * Kubernetes' GetExternalPerPodMetricReplicas, then the same normalisation as a CPU target.
 */
class HpaExternalMetricTest {
    private static final long S = 1_000_000_000L;
    private static final long THRESHOLD = 1_000;

    private static HorizontalPodAutoscaler hpa() {
        // The CPU target plays no part in an External metric's decision.
        return new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(1, 100, 80));
    }

    @Test
    void theProposalIsTheTotalOverTheTargetRoundedUp() {
        HpaReplicaCalculator.ExternalResult r = HpaReplicaCalculator.externalPerPodReplicas(8, 12_400, THRESHOLD,
                Tolerance.DEFAULT);
        assertEquals(12_400 / 8_000.0, r.usageRatio(), 0);
        assertFalse(r.withinTolerance());
        assertEquals(13, r.replicas());
    }

    @Test
    void kedasCapKeepsTheConsumersAtThePartitionCount() {
        long reported = KedaScaler.reportedLag(12_400, 8, 8, THRESHOLD, false, false);
        assertEquals(8_000, reported);
        HorizontalPodAutoscaler.Decision d = hpa().reconcileExternal(0, 4, reported, THRESHOLD);
        assertEquals(8, d.proposed());
        assertEquals(8, d.desired());
        assertNull(d.metric());
        assertEquals(8_000L, d.inputs().get("metricTotal"));
        assertEquals(1_000L, d.inputs().get("targetAverageValue"));
        assertEquals(2.0, d.inputs().get("usageRatio"));
    }

    @Test
    void withIdleConsumersAllowedTheLagAsksForThirteen() {
        long reported = KedaScaler.reportedLag(12_400, 8, 8, THRESHOLD, true, false);
        HorizontalPodAutoscaler.Decision d = hpa().reconcileExternal(0, 8, reported, THRESHOLD);
        assertEquals(13, d.desired());
        assertEquals("HPA: lag 12400 / target 1000 per consumer = 12.40, ratio 1.55 at 8 consumers -> desired 13 -> 13",
                d.explanation());
    }

    @Test
    void aRatioInsideTheToleranceKeepsTheCount() {
        // 1,050 over 1 consumer at 1,000 each: ratio 1.05, inside [0.9, 1.1].
        HorizontalPodAutoscaler.Decision d = hpa().reconcileExternal(0, 1, 1_050, THRESHOLD);
        assertEquals(1, d.desired());
        assertEquals("HPA: lag 1050 / target 1000 per consumer = 1.05, ratio 1.05 at 1 consumer within tolerance "
                + "[0.90, 1.10] -> desired 1 (no change)", d.explanation());
        assertEquals("within tolerance", d.inputs().get("calculation"));
        // Both ends are inclusive, as for CPU: 1,100 is exactly 1.1 and stays; 1,101 asks for ceil(1.101) = 2.
        assertEquals(1, HpaReplicaCalculator.externalPerPodReplicas(1, 1_100, THRESHOLD, Tolerance.DEFAULT).replicas());
        assertEquals(2, HpaReplicaCalculator.externalPerPodReplicas(1, 1_101, THRESHOLD, Tolerance.DEFAULT).replicas());
        assertEquals(10, HpaReplicaCalculator.externalPerPodReplicas(10, 9_000, THRESHOLD, Tolerance.DEFAULT).replicas());
        assertEquals(9, HpaReplicaCalculator.externalPerPodReplicas(10, 8_999, THRESHOLD, Tolerance.DEFAULT).replicas());
    }

    @Test
    void limitToPartitionsWithLagScalesToThePartitionsThatHaveLag() {
        long reported = KedaScaler.reportedLag(12_400, 8, 3, THRESHOLD, false, true);
        HorizontalPodAutoscaler.Decision d = hpa().reconcileExternal(0, 6, reported, THRESHOLD);
        // 3,000 over 6 consumers is a ratio of 0.5; the first sync's seed of 6 holds the scale-down.
        assertEquals(3, d.proposed());
        assertEquals(6, d.desired());
        HorizontalPodAutoscaler fresh = new HorizontalPodAutoscaler(new HorizontalPodAutoscaler.Config(1, 100, 80,
                Tolerance.DEFAULT, ScalingRules.defaultScaleUp(), new ScalingRules(0, ScalingRules.defaultScaleDown().policies(),
                ScalingRules.defaultScaleDown().selectPolicy()),
                true));
        assertEquals(3, fresh.reconcileExternal(0, 6, reported, THRESHOLD).desired());
    }

    @Test
    void scaleDownStabilizationKeepsTheHighestRecommendationOfTheWindow() {
        HorizontalPodAutoscaler hpa = hpa();
        assertEquals(10, hpa.reconcileExternal(0, 10, 10_000, THRESHOLD).desired());
        assertEquals(10, hpa.reconcileExternal(30 * S, 10, 2_000, THRESHOLD).desired());
        assertEquals(10, hpa.reconcileExternal(60 * S, 10, 5_000, THRESHOLD).desired());
        assertEquals(10, hpa.reconcileExternal(120 * S, 10, 3_000, THRESHOLD).desired());
        // At 299 s the seed and the 10 of t = 0 are still in the 300 s window.
        HorizontalPodAutoscaler.Decision held = hpa.reconcileExternal(299 * S, 10, 2_000, THRESHOLD);
        assertEquals(10, held.desired());
        assertTrue(held.explanation().contains("scale-down stabilization over 300 s keeps 10"), held.explanation());
        // Then the window's maximum falls step by step: 5 (t = 60), 3 (t = 120), 2.
        assertEquals(5, hpa.reconcileExternal(330 * S, 10, 2_000, THRESHOLD).desired());
        assertEquals(3, hpa.reconcileExternal(361 * S, 5, 2_000, THRESHOLD).desired());
        assertEquals(2, hpa.reconcileExternal(421 * S, 3, 2_000, THRESHOLD).desired());
    }

    @Test
    void theScaleUpRateLimitAppliesAsForCpu() {
        // From 3 consumers the default behavior allows max(3 + 4, 3 x 2) = 7 in 15 s.
        HorizontalPodAutoscaler.Decision d = hpa().reconcileExternal(0, 3, 40_000, THRESHOLD, "messages");
        assertEquals(40, d.proposed());
        assertEquals(7, d.desired());
        assertEquals("ScaleUpLimit", d.limitReason());
        assertTrue(d.explanation().startsWith("HPA: messages 40000 / target 1000 per consumer = 40.00, ratio 13.33 "
                + "at 3 consumers -> desired 40; scale-up limit allows 7"), d.explanation());
        assertEquals("messages", d.inputs().get("metric"));
    }

    @Test
    void withoutBehaviorTheLegacyCapDoublesAtMost() {
        HorizontalPodAutoscaler legacy = new HorizontalPodAutoscaler(new HorizontalPodAutoscaler.Config(1, 100, 80,
                Tolerance.DEFAULT, ScalingRules.defaultScaleUp(), ScalingRules.defaultScaleDown(), false));
        assertEquals(6, legacy.reconcileExternal(0, 3, 40_000, THRESHOLD).desired());
    }

    @Test
    void thePreChecksComeBeforeTheMetric() {
        HorizontalPodAutoscaler.Decision disabled = hpa().reconcileExternal(0, 0, 40_000, THRESHOLD);
        assertEquals("ScalingDisabled", disabled.limitReason());
        assertEquals(0, disabled.desired());
        assertEquals(40_000L, disabled.inputs().get("metricTotal"));
        assertEquals(100, hpa().reconcileExternal(0, 120, 0, THRESHOLD).desired());
        // With no replica the ratio is infinite, never within tolerance: the proposal is ceil(total / target).
        assertEquals(5, HpaReplicaCalculator.externalPerPodReplicas(0, 4_500, THRESHOLD, Tolerance.DEFAULT).replicas());
        assertEquals(0, HpaReplicaCalculator.externalPerPodReplicas(0, 0, THRESHOLD, Tolerance.DEFAULT).replicas());
    }
}
