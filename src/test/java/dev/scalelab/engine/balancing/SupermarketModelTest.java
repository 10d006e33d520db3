package dev.scalelab.engine.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mitzenmacher's supermarket model (IEEE TPDS 12(10), 2001) run through the strategies: n FIFO
 * servers with Exp(1) service, Poisson arrivals at rate lambda * n, each arrival routed by the
 * strategy under test. The n -> infinity limits of the mean time in system are
 * T_1 = 1 / (1 - lambda) (random) and T_d = sum over i >= 1 of lambda^((d^i - d) / (d - 1)).
 */
class SupermarketModelTest {
    private static final int SERVERS = 100;
    private static final double LAMBDA = 0.9;
    private static final double WARM_UP_SECONDS = 2_000;
    private static final double MEASURE_SECONDS = 40_000;

    @Test
    void powerOfTwoChoicesMatchesMitzenmachersLimitWithinFivePercent() {
        double t2 = 0;
        for (int i = 1; i < 20; i++) {
            t2 += Math.pow(LAMBDA, Math.pow(2, i) - 2);
        }
        assertEquals(2.6141, t2, 1e-4); // Mitzenmacher's table for lambda = 0.9, d = 2
        double mean = meanTimeInSystem(LoadBalancingStrategy.create(Strategy.P2C), 11);
        System.out.printf("p2c mean time in system %.4f (T_2 = %.4f)%n", mean, t2);
        assertEquals(t2, mean, 0.05 * t2);
    }

    @Test
    void randomMatchesTheMm1SojournWithinFivePercent() {
        double t1 = 1 / (1 - LAMBDA);
        double mean = meanTimeInSystem(LoadBalancingStrategy.create(Strategy.RANDOM), 12);
        System.out.printf("random mean time in system %.4f (1/(1-lambda) = %.4f)%n", mean, t1);
        assertEquals(t1, mean, 0.05 * t1);
    }

    /** Mean time in system, in units of the mean service time, of customers leaving after the warm-up. */
    private static double meanTimeInSystem(LoadBalancingStrategy strategy, long seed) {
        Simulation sim = new Simulation();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom arrivalRandom = root.split();
        SplittableRandom serviceRandom = root.split();
        SplittableRandom balancerRandom = root.split();
        long measureFromNanos = Simulation.secondsToNanos(WARM_UP_SECONDS);
        long endNanos = measureFromNanos + Simulation.secondsToNanos(MEASURE_SECONDS);
        double[] sojourn = new double[2]; // sum of seconds, count
        List<FifoServer> servers = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            servers.add(new FifoServer("s-" + i, 1.0, sim, serviceRandom, (s, arrivedNanos) -> {
                long now = sim.nowNanos();
                strategy.onComplete(s, now - arrivedNanos, now);
                if (now >= measureFromNanos) {
                    sojourn[0] += (now - arrivedNanos) / 1e9;
                    sojourn[1]++;
                }
            }));
        }
        double meanInterArrivalSeconds = 1 / (LAMBDA * SERVERS);
        Event arrival = new Event() {
            @Override
            public void fire() {
                long now = sim.nowNanos();
                int i = strategy.pick(servers, 0, now, balancerRandom);
                servers.get(i).arrive(now);
                sim.scheduleIn(FifoServer.exponentialNanos(arrivalRandom, meanInterArrivalSeconds), this);
            }
        };
        sim.schedule(0, arrival);
        sim.runUntil(endNanos);
        return sojourn[0] / sojourn[1];
    }
}
