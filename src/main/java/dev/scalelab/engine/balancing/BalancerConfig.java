package dev.scalelab.engine.balancing;

/**
 * Parameters of the balancing strategies, each named after the real setting it stands for.
 * Immutable; {@link #DEFAULTS} holds the real systems' defaults.
 *
 * @param choiceCount        d, the backends sampled per pick by {@code p2c} and by {@code least-request}
 *                           with equal weights (Envoy {@code choice_count}, default 2)
 * @param activeRequestBias  Envoy {@code active_request_bias}: least-request's dynamic weight is
 *                           weight / (active + 1)^bias (default 1.0)
 * @param peakEwmaDecayNanos Finagle {@code decayTime}, the time constant of the RTT average (10 s)
 * @param ringMinimumSize    Envoy {@code minimum_ring_size} (1024)
 * @param ringMaximumSize    Envoy {@code maximum_ring_size} (8 Mi, also the cap of both)
 * @param ringVirtualNodes   0 sizes the ring as Envoy does, from {@code minimum_ring_size}, so the
 *                           points per host change with the number of hosts; n &gt; 0 gives the
 *                           least-weighted host n points whatever the number of hosts, as libketama's
 *                           fixed 160 points per server, so adding a host moves keys only to it
 * @param maglevTableSize    Envoy/Maglev {@code table_size}, a prime (65537)
 * @param slowStart          Envoy slow start for least-request weights (off by default)
 */
public record BalancerConfig(
        int choiceCount,
        double activeRequestBias,
        long peakEwmaDecayNanos,
        long ringMinimumSize,
        long ringMaximumSize,
        int ringVirtualNodes,
        int maglevTableSize,
        SlowStart slowStart) {

    public static final long RING_SIZE_CAP = 8L * 1024 * 1024;

    public static final BalancerConfig DEFAULTS = new BalancerConfig(
            2, 1.0, 10_000_000_000L, 1024, RING_SIZE_CAP, 0, 65537, SlowStart.OFF);

    public BalancerConfig {
        if (choiceCount < 1) {
            throw new IllegalArgumentException("choice count must be at least 1");
        }
        if (!(activeRequestBias >= 0) || Double.isInfinite(activeRequestBias)) {
            throw new IllegalArgumentException("active request bias must be finite and not negative");
        }
        if (peakEwmaDecayNanos <= 0) {
            throw new IllegalArgumentException("peak EWMA decay time must be positive");
        }
        if (ringMinimumSize < 1 || ringMinimumSize > ringMaximumSize || ringMaximumSize > RING_SIZE_CAP) {
            throw new IllegalArgumentException("ring sizes need 1 <= minimum <= maximum <= " + RING_SIZE_CAP);
        }
        if (ringVirtualNodes < 0) {
            throw new IllegalArgumentException("ring virtual nodes must not be negative");
        }
        if (!isPrime(maglevTableSize)) {
            // As Envoy: the permutation (offset + j * skip) mod M visits every slot only for a prime M.
            throw new IllegalArgumentException("the Maglev table size must be prime: " + maglevTableSize);
        }
        if (slowStart == null) {
            throw new IllegalArgumentException("slow start must be given (SlowStart.OFF turns it off)");
        }
    }

    public BalancerConfig withChoiceCount(int d) {
        return new BalancerConfig(d, activeRequestBias, peakEwmaDecayNanos, ringMinimumSize, ringMaximumSize,
                ringVirtualNodes, maglevTableSize, slowStart);
    }

    public BalancerConfig withActiveRequestBias(double bias) {
        return new BalancerConfig(choiceCount, bias, peakEwmaDecayNanos, ringMinimumSize, ringMaximumSize,
                ringVirtualNodes, maglevTableSize, slowStart);
    }

    public BalancerConfig withRingVirtualNodes(int virtualNodes) {
        return new BalancerConfig(choiceCount, activeRequestBias, peakEwmaDecayNanos, ringMinimumSize,
                ringMaximumSize, virtualNodes, maglevTableSize, slowStart);
    }

    public BalancerConfig withMaglevTableSize(int tableSize) {
        return new BalancerConfig(choiceCount, activeRequestBias, peakEwmaDecayNanos, ringMinimumSize,
                ringMaximumSize, ringVirtualNodes, tableSize, slowStart);
    }

    public BalancerConfig withSlowStart(SlowStart start) {
        return new BalancerConfig(choiceCount, activeRequestBias, peakEwmaDecayNanos, ringMinimumSize,
                ringMaximumSize, ringVirtualNodes, maglevTableSize, start);
    }

    private static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int f = 2; (long) f * f <= n; f++) {
            if (n % f == 0) {
                return false;
            }
        }
        return true;
    }
}
