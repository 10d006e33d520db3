package dev.scalelab.engine.scaling;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HPA against engines.md §1.1 and Kubernetes' replica_calculator.go / horizontal.go. */
class HpaTest {
    private static final long S = 1_000_000_000L;
    private static final long WINDOW = 15 * S;
    /** Far enough into the run that every pod is past its CPU initialization period. */
    private static final long T0 = 3600 * S;

    /** A pod Ready since long ago, using {@code usage} of {@code request} millicores. */
    static PodMetrics ready(String name, long usage, long request) {
        return new PodMetrics(name, Lifecycle.READY, true, 0, 60 * S, T0, WINDOW, usage, request);
    }

    static PodMetrics booting(String name, long nowNanos) {
        return new PodMetrics(name, Lifecycle.BOOTING, false, nowNanos - 20 * S, nowNanos - 20 * S, nowNanos, WINDOW, 0, 1000);
    }

    static List<PodMetrics> readyPods(int n, long usage) {
        List<PodMetrics> pods = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pods.add(ready("p" + i, usage, 1000));
        }
        return pods;
    }

    @Test
    void utilizationIsARatioOfSumsWithIntegerDivision() {
        // 100m used against 300m requested is 33%, not 33.3%: ratio 33/50 = 0.66.
        List<PodMetrics> pods = List.of(ready("a", 40, 100), ready("b", 60, 200));
        HpaReplicaCalculator.Result r = HpaReplicaCalculator.resourceReplicas(2, 50, Tolerance.DEFAULT, pods, T0);
        assertEquals(33, r.utilizationPercent());
        assertEquals(0.66, r.usageRatio(), 1e-12);
        assertEquals(2, r.replicas()); // ceil(0.66 x 2)
    }

    @Test
    void fiftyReplicasAt90PercentAgainst75Give60() {
        HpaReplicaCalculator.Result r = HpaReplicaCalculator.resourceReplicas(50, 75, Tolerance.DEFAULT, readyPods(50, 900), T0);
        assertEquals(1.2, r.usageRatio(), 1e-12);
        assertEquals(60, r.replicas());
    }

    @Test
    void toleranceBoundariesAreInclusive() {
        // 55% vs 50% is a ratio of exactly 1.1: no change. 56% is outside.
        assertEquals(4, HpaReplicaCalculator.resourceReplicas(4, 50, Tolerance.DEFAULT, readyPods(4, 550), T0).replicas());
        assertEquals(5, HpaReplicaCalculator.resourceReplicas(4, 50, Tolerance.DEFAULT, readyPods(4, 560), T0).replicas());
        // 45% vs 50% is exactly 0.9: no change. 44% is outside: ceil(0.88 x 4) = 4 still, so use 10 pods.
        assertEquals(10, HpaReplicaCalculator.resourceReplicas(10, 50, Tolerance.DEFAULT, readyPods(10, 450), T0).replicas());
        assertEquals(9, HpaReplicaCalculator.resourceReplicas(10, 50, Tolerance.DEFAULT, readyPods(10, 440), T0).replicas());
        // A configurable tolerance (KEP-4951) moves the band.
        assertEquals(4, HpaReplicaCalculator.resourceReplicas(4, 50, Tolerance.of(0.2), readyPods(4, 600), T0).replicas());
    }

    @Test
    void unreadyPodsCountAsZeroOnScaleUp() {
        long now = T0;
        List<PodMetrics> pods = readyPods(4, 800); // 80% vs 50%: ratio 1.6
        pods.add(booting("b1", now));
        pods.add(booting("b2", now));
        HpaReplicaCalculator.Result r = HpaReplicaCalculator.resourceReplicas(6, 50, Tolerance.DEFAULT, pods, now);
        assertEquals(1.6, r.usageRatio(), 1e-12);
        assertEquals(2, r.unready().size());
        // With the two unready pods filled in as 0: 3200m / 6000m = 53% -> 1.06, within tolerance.
        assertEquals(1.06, r.newUsageRatio(), 1e-12);
        assertEquals(6, r.replicas());
        // Without them the proposal would have been ceil(1.6 x 4) = 7.
        assertEquals(7, HpaReplicaCalculator.resourceReplicas(4, 50, Tolerance.DEFAULT, readyPods(4, 800), T0).replicas());
    }

    @Test
    void missingPodsCountAsFullOnScaleDownAndAsZeroOnScaleUp() {
        List<PodMetrics> down = readyPods(4, 100); // 10% vs 50%
        down.add(new PodMetrics("m", Lifecycle.BOOTING, false, T0 - S, -1, -1, WINDOW, 0, 1000));
        HpaReplicaCalculator.Result r = HpaReplicaCalculator.resourceReplicas(5, 50, Tolerance.DEFAULT, down, T0);
        // (400 + 1000) / 5000 = 28% -> 0.56 -> ceil(0.56 x 5) = 3.
        assertEquals(0.56, r.newUsageRatio(), 1e-12);
        assertEquals(3, r.replicas());
        List<PodMetrics> up = readyPods(4, 1000); // 100% vs 50%
        up.add(new PodMetrics("m", Lifecycle.BOOTING, false, T0 - S, -1, -1, WINDOW, 0, 1000));
        HpaReplicaCalculator.Result u = HpaReplicaCalculator.resourceReplicas(5, 50, Tolerance.DEFAULT, up, T0);
        // 4000 / 5000 = 80% -> 1.6 -> ceil(1.6 x 5) = 8.
        assertEquals(8, u.replicas());
    }

    @Test
    void aPodReadyForLessThanOneMetricWindowIsUnreadyDuringInitialization() {
        long now = 100 * S;
        PodMetrics fresh = new PodMetrics("f", Lifecycle.READY, true, 40 * S, now - 5 * S, now, WINDOW, 900, 1000);
        PodMetrics settled = new PodMetrics("s", Lifecycle.READY, true, 40 * S, now - 20 * S, now, WINDOW, 900, 1000);
        assertTrue(HpaReplicaCalculator.isUnreadyForCpu(fresh, now));
        assertTrue(!HpaReplicaCalculator.isUnreadyForCpu(settled, now));
    }

    private static HorizontalPodAutoscaler.Decision scaleTo(HorizontalPodAutoscaler hpa, long now, int current, int wanted) {
        // Every ready pod at wanted/current x target: the calculator proposes exactly `wanted`.
        int target = 50;
        long usage = (long) wanted * target * 10 / current; // millicores of 1000 for utilization wanted/current x 50%
        return hpa.reconcile(now, current, readyPods(current, usage));
    }

    @Test
    void defaultBehaviorLimitsTenToTwentyWhenThirtyAreWanted() {
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(1, 100, 50));
        HorizontalPodAutoscaler.Decision d = scaleTo(hpa, T0, 10, 30);
        assertEquals(30, d.proposed());
        assertEquals(20, d.desired()); // max(10 + 4, ceil(10 x 2))
        assertEquals("ScaleUpLimit", d.limitReason());
        // Pods: 10 + 4 = 14; Percent: ceil(10 x 2) = 20; selectPolicy Max takes the Percent policy.
        assertTrue(d.explanation().endsWith("; scale-up limit allows 20 (100% per 15 s from 10, the most of its policies) -> 20"),
                d.explanation());
    }

    @Test
    void threeReplicasGrowToSevenWithBehaviorAndSixWithout() {
        HorizontalPodAutoscaler withBehavior = new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(1, 100, 50));
        assertEquals(7, scaleTo(withBehavior, T0, 3, 30).desired()); // max(3 + 4, ceil(3 x 2))
        HorizontalPodAutoscaler.Config legacy = new HorizontalPodAutoscaler.Config(1, 100, 50, Tolerance.DEFAULT,
                ScalingRules.defaultScaleUp(), ScalingRules.defaultScaleDown(), false);
        assertEquals(6, scaleTo(new HorizontalPodAutoscaler(legacy), T0, 3, 30).desired()); // max(2 x 3, 4)
    }

    @Test
    void scaleUpPeriodCountsReplicasAlreadyAddedInThePeriod() {
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(1, 100, 50));
        assertEquals(20, scaleTo(hpa, T0, 10, 100).desired());
        // 10 s later the 15 s period still holds the +10: the period started at 10, so the limit is 20 again.
        HorizontalPodAutoscaler.Decision d = scaleTo(hpa, T0 + 10 * S, 20, 100);
        assertEquals(20, d.desired());
        // Once the period has passed, the pool may double again.
        assertEquals(40, scaleTo(hpa, T0 + 16 * S, 20, 100).desired());
    }

    @Test
    void scaleDownStabilizationTakesTheMaximumOverTheWindow() {
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(1, 100, 50));
        long t = T0;
        assertEquals(10, scaleTo(hpa, t, 10, 10).desired()); // seeds the window with 10
        assertEquals(10, scaleTo(hpa, t += 15 * S, 10, 8).desired());
        assertEquals(10, scaleTo(hpa, t += 15 * S, 10, 6).desired());
        assertEquals(10, scaleTo(hpa, t += 15 * S, 10, 4).desired());
        // 300 s after the last 10 was recommended (the seed and the first sync, both at T0): max is now 8.
        t = T0 + 300 * S + 1;
        HorizontalPodAutoscaler.Decision d = scaleTo(hpa, t, 10, 4);
        assertEquals(8, d.stabilized());
        assertEquals(8, d.desired());
        assertTrue(d.explanation().contains("scale-down stabilization over 300 s keeps 8"), d.explanation());
    }

    @Test
    void selectPolicyMinTakesTheLeastPermissiveAndDisabledForbidsTheDirection() {
        ScalingRules upMin = new ScalingRules(0, ScalingRules.defaultScaleUp().policies(), ScalingRules.SelectPolicy.MIN);
        HorizontalPodAutoscaler min = new HorizontalPodAutoscaler(new HorizontalPodAutoscaler.Config(1, 100, 50,
                Tolerance.DEFAULT, upMin, ScalingRules.defaultScaleDown(), true));
        assertEquals(14, scaleTo(min, T0, 10, 30).desired()); // min(10 + 4, 20)
        ScalingRules upOff = new ScalingRules(0, ScalingRules.defaultScaleUp().policies(), ScalingRules.SelectPolicy.DISABLED);
        HorizontalPodAutoscaler off = new HorizontalPodAutoscaler(new HorizontalPodAutoscaler.Config(1, 100, 50,
                Tolerance.DEFAULT, upOff, ScalingRules.defaultScaleDown(), true));
        assertEquals(10, scaleTo(off, T0, 10, 30).desired());
    }

    @Test
    void percentScaleDownTruncatesAndPodsPolicyCountsFromThePeriodStart() {
        ScalingRules down = new ScalingRules(0, List.of(new ScalingRules.Policy(ScalingRules.PolicyType.PERCENT, 10, 60)),
                ScalingRules.SelectPolicy.MAX);
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(new HorizontalPodAutoscaler.Config(1, 100, 50,
                Tolerance.DEFAULT, ScalingRules.defaultScaleUp(), down, true));
        // floor(15 x 0.9) = 13.
        assertEquals(13, scaleTo(hpa, T0, 15, 2).desired());
        // Within the same 60 s period the start is still 15: the limit stays 13.
        assertEquals(13, scaleTo(hpa, T0 + 30 * S, 13, 2).desired());
    }

    @Test
    void clampsToMinAndMaxReplicas() {
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(2, 12, 50));
        assertEquals(12, scaleTo(hpa, T0, 10, 30).desired());
        assertEquals("TooManyReplicas", scaleTo(new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(2, 12, 50)),
                T0, 10, 30).limitReason());
        HorizontalPodAutoscaler fresh = new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(3, 12, 50));
        assertEquals(3, fresh.reconcile(T0, 1, readyPods(1, 10)).desired()); // below min: no metrics read
    }

    // ------------------------------------------------------------------ the decision's inputs

    @Test
    void theDecisionCarriesItsRawInputsAsFields() {
        // 4 ready pods, each requesting 500m and using 420m, against a 60% target:
        // usage 4 x 420 = 1680m, request 4 x 500 = 2000m, utilization floor(100 x 1680 / 2000) = 84%,
        // ratio 84 / 60 = 1.4, proposal ceil(4 x 1.4) = ceil(5.6) = 6; the default scale-up limit is
        // max(4 + 4, ceil(4 x 2)) = 8, so 6 stands.
        List<PodMetrics> pods = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pods.add(ready("p" + i, 420, 500));
        }
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(1, 20, 60));
        HorizontalPodAutoscaler.Decision d = hpa.reconcile(T0, 4, pods);
        Map<String, Object> in = d.inputs();
        assertEquals(1680L, in.get("cpuUsageMillicores"));
        assertEquals(2000L, in.get("cpuRequestMillicores"));
        assertEquals(84, in.get("utilizationPercent"));
        assertEquals(1.4, (Double) in.get("usageRatio"), 1e-12);
        assertEquals(60, in.get("targetUtilizationPercent"));
        assertEquals(4, in.get("readyPods"));
        assertEquals(0, in.get("unreadyPods"));
        assertEquals(0, in.get("missingPods"));
        assertEquals(0, in.get("ignoredPods"));
        assertEquals(0.1, in.get("scaleUpTolerance"));
        assertEquals(0.1, in.get("scaleDownTolerance"));
        assertEquals(6, in.get("proposedReplicas"));
        assertEquals(6, in.get("stabilizedReplicas"));
        assertEquals(8, in.get("allowedMaxReplicas"));
        assertEquals("DesiredWithinRange", in.get("limitReason"));
        assertEquals(6, d.desired());
        // The policy layer passes them on to the world.
        ScalingDecision s = HorizontalPolicy.hpa(new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(1, 20, 60)))
                .decide(new ScalingInputs(T0, 4, pods, Double.NaN, 0));
        assertEquals(1680L, s.inputs().get("cpuUsageMillicores"));
        assertEquals(6, s.desired());
    }

    @Test
    void unreadyMissingAndIgnoredPodsAreCountedAndOnlyReadyPodsAreSummed() {
        // The same 4 ready pods, plus one booting (unready: its sample began before it was Ready), one
        // without a metric (missing) and one draining (ignored). Spec is 7.
        List<PodMetrics> pods = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pods.add(ready("p" + i, 420, 500));
        }
        pods.add(new PodMetrics("booting", Lifecycle.BOOTING, false, T0 - 20 * S, T0 - 20 * S, T0, WINDOW, 300, 500));
        pods.add(new PodMetrics("missing", Lifecycle.BOOTING, false, T0 - S, -1, -1, WINDOW, 0, 500));
        pods.add(new PodMetrics("draining", Lifecycle.DRAINING, true, 0, 60 * S, T0, WINDOW, 490, 500));
        Map<String, Object> in = new HorizontalPodAutoscaler(HorizontalPodAutoscaler.Config.defaults(1, 20, 60))
                .reconcile(T0, 7, pods).inputs();
        assertEquals(4, in.get("readyPods"));
        assertEquals(1, in.get("unreadyPods"));
        assertEquals(1, in.get("missingPods"));
        assertEquals(1, in.get("ignoredPods"));
        assertEquals(1680L, in.get("cpuUsageMillicores"));
        assertEquals(2000L, in.get("cpuRequestMillicores"));
        // Ratio 1.4 > 1 with unready pods: the unready and the missing pod count as 0 of their 500m:
        // 1680 / 3000 = 56% -> 56 / 60 = 0.9333, within tolerance, so the proposal is the current 7.
        assertEquals(56 / 60.0, (Double) in.get("filledInUsageRatio"), 1e-12);
        assertEquals(7, in.get("proposedReplicas"));
    }

    @Test
    void perDirectionTolerancesAreFieldsAndTheMessageGivesTheBand() {
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(new HorizontalPodAutoscaler.Config(1, 20, 50,
                new Tolerance(0.2, 0.05), ScalingRules.defaultScaleUp(), ScalingRules.defaultScaleDown(), true));
        // 58% vs 50%: ratio 1.16, inside [0.95, 1.20].
        HorizontalPodAutoscaler.Decision d = hpa.reconcile(T0, 4, readyPods(4, 580));
        assertEquals(0.2, d.inputs().get("scaleUpTolerance"));
        assertEquals(0.05, d.inputs().get("scaleDownTolerance"));
        assertEquals(4, d.desired());
        assertTrue(d.explanation().contains("ratio 1.16 within tolerance [0.95, 1.20]"), d.explanation());
    }

    // ------------------------------------------------------------------ which rule limited the result

    @Test
    void aScaleUpFromFourToFiveByAnEarlierRecommendationDoesNotBlameScaleDownStabilization() {
        // Without behavior (legacy normalization): at T0, 2 pods at 125% of a 50% target ask for
        // ceil(2.5 x 2) = 5, but the legacy limit max(2 x 2, 4) = 4 allows 4.
        HorizontalPodAutoscaler.Config legacy = new HorizontalPodAutoscaler.Config(1, 100, 50, Tolerance.DEFAULT,
                ScalingRules.defaultScaleUp(), ScalingRules.defaultScaleDown(), false);
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(legacy);
        HorizontalPodAutoscaler.Decision first = scaleTo(hpa, T0, 2, 5);
        assertEquals(5, first.proposed());
        assertEquals(4, first.desired());
        assertTrue(first.explanation().endsWith("; scale-up limit allows 4 (at most max(2 x 2, 4) without behavior) -> 4"),
                first.explanation());
        // 15 s later, 4 pods at exactly the target: within tolerance, the metric asks for 4. The
        // recommendation of 5 is still inside the 300 s window, whose highest value is taken: 4 -> 5.
        HorizontalPodAutoscaler.Decision d = scaleTo(hpa, T0 + 15 * S, 4, 4);
        assertEquals(4, d.proposed());
        assertEquals(5, d.stabilized());
        assertEquals(5, d.desired());
        assertTrue(!d.explanation().contains("scale-down"), d.explanation());
        assertTrue(d.explanation().endsWith("-> desired 4; a recommendation of 5 within the last 300 s stands "
                + "(without behavior the highest recent recommendation is taken) -> 5"), d.explanation());
    }

    @Test
    void aScaleUpLimitedByAPodsPolicyNamesThatPolicy() {
        // Scale up by at most 1 pod per 60 s: 4 -> 6 wanted, 5 allowed.
        ScalingRules up = new ScalingRules(0, List.of(new ScalingRules.Policy(ScalingRules.PolicyType.PODS, 1, 60)),
                ScalingRules.SelectPolicy.MAX);
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(new HorizontalPodAutoscaler.Config(1, 100, 50,
                Tolerance.DEFAULT, up, ScalingRules.defaultScaleDown(), true));
        HorizontalPodAutoscaler.Decision d = scaleTo(hpa, T0, 4, 6);
        assertEquals(6, d.proposed());
        assertEquals(5, d.desired());
        assertEquals("ScaleUpLimit", d.limitReason());
        assertTrue(!d.explanation().contains("stabilization"), d.explanation());
        assertTrue(d.explanation().endsWith("-> desired 6; scale-up limit allows 5 (1 pod per 60 s from 4) -> 5"), d.explanation());
        // A second step within the period: the period started at 4, so 5 is still the limit.
        HorizontalPodAutoscaler.Decision again = scaleTo(hpa, T0 + 30 * S, 5, 7);
        assertEquals(5, again.desired());
        assertTrue(again.explanation().endsWith("(no change)"), again.explanation());
    }
}
