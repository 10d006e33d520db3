package dev.scalelab.engine.balancing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Finagle's peak EWMA balancer ({@code PeakEwma.scala} with {@code P2CPick}), the idea Linkerd
 * uses too. Each backend keeps an RTT estimate that jumps to peaks at once and decays towards
 * smaller samples with time constant tau, and a count of its outstanding requests. A pick samples
 * two distinct backends that accept traffic and takes the one with the lower
 * load = cost * (pending + 1); as Finagle's {@code if (a.load < b.load) a else b}, a tie goes to
 * the second.
 *
 * <p>State is kept by {@link Backend#id()}, so it survives the list changing. Pending counts run
 * from {@link #pick} to {@link #onComplete}, so the world must report every picked request's end.
 */
public final class PeakEwma implements LoadBalancingStrategy {
    private final double tauNanos;
    private final Map<String, Metric> metrics = new HashMap<>();
    private final int[] sample = new int[2];
    // The last pick, kept for explainLastPick.
    private final Backend[] lastSampled = new Backend[2];
    private final double[] lastLoad = new double[2];
    private int lastCount;
    private Backend lastChosen;

    public PeakEwma(long decayNanos) {
        if (decayNanos <= 0) {
            throw new IllegalArgumentException("decay time must be positive");
        }
        this.tauNanos = decayNanos;
    }

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        int k = Sampling.distinctAcceptingTraffic(backends, 2, random, sample);
        if (k == 0) {
            return -1;
        }
        int chosen = sample[0];
        lastCount = k;
        lastSampled[0] = backends.get(sample[0]);
        lastLoad[0] = Double.NaN;
        if (k == 2) {
            double loadA = metric(backends.get(sample[0]).id(), nowNanos).load(nowNanos);
            double loadB = metric(backends.get(sample[1]).id(), nowNanos).load(nowNanos);
            chosen = loadA < loadB ? sample[0] : sample[1];
            lastSampled[1] = backends.get(sample[1]);
            lastLoad[0] = loadA;
            lastLoad[1] = loadB;
        }
        lastChosen = backends.get(chosen);
        metric(backends.get(chosen).id(), nowNanos).start();
        return chosen;
    }

    @Override
    public void onComplete(Backend backend, long latencyNanos, long nowNanos) {
        metric(backend.id(), nowNanos).end(Math.max(latencyNanos, 0), nowNanos);
    }

    @Override
    public String id() {
        return Strategy.PEAK_EWMA.id();
    }

    @Override
    public PickExplanation explainLastPick() {
        if (lastChosen == null) {
            return null;
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Double> loads = new java.util.ArrayList<>();
        for (int j = 0; j < lastCount; j++) {
            names.add(lastSampled[j].id());
            loads.add(lastLoad[j] / 1e6); // ns -> ms
        }
        return new PickExplanation(id(), names, loads, "peak EWMA load: RTT ms x (pending + 1)", lastChosen.id());
    }

    private Metric metric(String id, long nowNanos) {
        return metrics.computeIfAbsent(id, unused -> new Metric(tauNanos, nowNanos));
    }

    /** Finagle's {@code Metric}: cost (RTT estimate, ns), pending requests and the last observation's time. */
    static final class Metric {
        /** Finagle's penalty for a backend with requests out and no RTT yet: Long.MaxValue >> 16 = 2^47 - 1. */
        static final double PENALTY = Long.MAX_VALUE >> 16;

        private final double tauNanos;
        private long stampNanos;
        private int pending;
        private double costNanos;

        Metric(double tauNanos, long nowNanos) {
            this.tauNanos = tauNanos;
            this.stampNanos = nowNanos;
        }

        void observe(double rttNanos, long nowNanos) {
            double w = Math.exp(-Math.max(nowNanos - stampNanos, 0) / tauNanos);
            costNanos = rttNanos > costNanos ? rttNanos : costNanos * w + rttNanos * (1.0 - w);
            stampNanos = nowNanos;
        }

        double load(long nowNanos) {
            observe(0.0, nowNanos);
            return costNanos == 0.0 && pending != 0 ? PENALTY + pending : costNanos * (pending + 1);
        }

        void start() {
            pending++;
        }

        /**
         * A request ends. Pending never goes below 0: a request picked by a balancer that the world
         * has since replaced by this one ends here without having been counted.
         */
        void end(long rttNanos, long nowNanos) {
            pending = Math.max(pending - 1, 0);
            observe(rttNanos, nowNanos);
        }

        double costNanos() {
            return costNanos;
        }

        int pending() {
            return pending;
        }
    }
}
