package dev.scalelab.practice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.engine.caching.CheApproximation;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimator against the textbook formulas it names, and against the simulator running its own estimate. */
class EstimatorTest {

    /** Erlang C by its defining sum: (a^c/c!)(c/(c−a)) / (Σ_{k<c} a^k/k! + (a^c/c!)(c/(c−a))). */
    private static double erlangCBySum(int c, double a) {
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double top = term * c / (c - a);
        return top / (sum + top);
    }

    @Test
    void erlangCMatchesItsDefiningSum() {
        assertEquals(1.0 / 3, Estimator.erlangC(2, 1), 1e-12, "M/M/2 at a = 1: (1/2 · 2) / (1 + 1 + 1)");
        for (int c : new int[] {1, 4, 10, 50}) {
            for (double rho : new double[] {0.1, 0.5, 0.8, 0.95}) {
                assertEquals(erlangCBySum(c, c * rho), Estimator.erlangC(c, c * rho), 1e-10, "c=" + c + " rho=" + rho);
            }
        }
        assertEquals(0.5, Estimator.erlangC(1, 0.5), 1e-12, "M/M/1 waits with probability rho");
        assertEquals(1, Estimator.erlangC(4, 4), "saturated");
    }

    @Test
    void responseQuantileOfOneServerIsTheExponentialOfRateMuMinusLambda() {
        // M/M/1: T ~ Exp(mu − lambda), so p99 = ln(100) / (mu − lambda).
        double mu = 10;
        double lambda = 8;
        assertEquals(1000 * Math.log(100) / (mu - lambda), Estimator.responseQuantileMs(1, lambda, 100, 0.99), 1e-6);
        // With no load the response is the service time alone: p99 = ln(100) × S.
        assertEquals(Math.log(100) * 40, Estimator.responseQuantileMs(8, 1e-9, 40, 0.99), 1e-4);
        assertEquals(Double.POSITIVE_INFINITY, Estimator.responseQuantileMs(2, 30, 100, 0.99));
    }

    @Test
    void poolSizesByTargetUtilisationAndPricesTheSize() {
        // 800 req/s × 40 ms = 32 busy workers; 16 workers at 60 % carry 9.6: ceil(3.33) = 4 instances.
        Estimator.PoolEstimate e = Estimator.pool(800, 40, 16, 0.6, InstanceSize.MEDIUM);
        assertEquals(4, e.instances());
        assertEquals(64, e.servers());
        assertEquals(0.5, e.utilization(), 1e-12);
        assertEquals(4 * 0.096, e.costPerHour(), 1e-12);
        double c = erlangCBySum(16, 8);
        assertEquals(c, e.probabilityOfWaiting(), 1e-10);
        assertEquals(1000 * c / (16 * 25.0 - 200), e.meanWaitMs(), 1e-9);
        assertTrue(e.arithmetic().get(0).text().contains("800 req/s × 40 ms = 32"), e.arithmetic().get(0).text());
        assertEquals("target utilisation: must be between 0 and 100 % (not 100)",
                assertThrows(IllegalArgumentException.class, () -> Estimator.pool(800, 40, 16, 1, InstanceSize.SMALL)).getMessage());
    }

    @Test
    void cacheCapacityIsTheSmallestWhoseCheHitRatioReachesTheTarget() {
        int keys = 20_000;
        Estimator.CacheEstimate e = Estimator.cache(keys, 0.9, 0.6);
        double[] p = new double[keys];
        double sum = 0;
        for (int k = 0; k < keys; k++) {
            sum += p[k] = 1 / Math.pow(k + 1, 0.9);
        }
        for (int k = 0; k < keys; k++) {
            p[k] /= sum;
        }
        assertTrue(CheApproximation.lruHitRatio(p, e.capacity()) >= 0.6);
        assertTrue(CheApproximation.lruHitRatio(p, e.capacity() - 1) < 0.6);
        assertEquals(CheApproximation.lruHitRatio(p, e.capacity()), e.hitRatio(), 1e-12);
    }

    @Test
    void aLargeKeySpaceSummedInGroupsAgreesWithCheOverEveryKey() {
        // 300,000 keys: the tail past the first 20,000 is summed in 1 % groups; Che over every key is the oracle.
        int keys = 300_000;
        Estimator.CacheEstimate e = Estimator.cache(keys, 0.8, 0.7);
        double[] p = new double[keys];
        double sum = 0;
        for (int k = 0; k < keys; k++) {
            sum += p[k] = 1 / Math.pow(k + 1, 0.8);
        }
        for (int k = 0; k < keys; k++) {
            p[k] /= sum;
        }
        assertEquals(CheApproximation.lruHitRatio(p, e.capacity()), e.hitRatio(), 1e-4);
        assertEquals(0.7, CheApproximation.lruHitRatio(p, e.capacity()), 1e-4, "the capacity reaches the target, and no more");
        assertEquals(CheApproximation.lruCharacteristicTime(p, e.capacity()), e.characteristicTime(),
                1e-3 * e.characteristicTime());
    }

    @Test
    void countsAndConnectionsFollowTheirArithmetic() {
        assertEquals(5, Estimator.shards(3000, 1000, 0.7).count(), "3000 / 700 = 4.3");
        Estimator.CountEstimate r = Estimator.replicas(12_000, 4, 1500, 0.75);
        assertEquals(3, r.count(), "3000 reads per shard / 1125 = 2.67");
        assertEquals(3000 / 4500.0, r.utilization(), 1e-12);
        Estimator.ConnectionEstimate c = Estimator.connections(400, 12.5, 1.5, 8);
        assertEquals(5, c.inUse(), 1e-12, "Little: 400/s × 12.5 ms");
        assertEquals(8, c.poolSize(), "ceil(7.5)");
        assertEquals(17, c.hikariRule());
    }

    @Test
    void theSimulatorRunningTheEstimateMeetsItsNumbers() {
        // 400 req/s × 20 ms = 8 busy; 4 workers at 70 %: 3 instances, each M/M/4 at 133.3 req/s.
        Estimator.PoolEstimate e = Estimator.pool(400, 20, 4, 0.7, InstanceSize.MEDIUM);
        assertEquals(3, e.instances());
        Scenario s = Estimator.checkScenario(e, 900);
        World world = new World(s);
        world.advanceTo(Simulation.secondsToNanos(s.durationSeconds()));
        JsonNode report = Report.of(world, 0);
        double meanMs = report.at("/latencyMs/mean").asDouble();
        double p99Ms = report.at("/latencyMs/p99").asDouble();
        // 360,000 requests: the sample mean is within a few percent of the queue's; HdrHistogram's p99 within its buckets.
        assertEquals(e.meanResponseMs(), meanMs, 0.03 * e.meanResponseMs(), "mean response");
        assertEquals(e.p99ResponseMs(), p99Ms, 0.05 * e.p99ResponseMs(), "p99 response");
    }
}
