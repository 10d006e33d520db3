package dev.scalelab.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams. Each stream is seeded from the scenario seed and the stream's name, so a
 * component that draws more or fewer numbers (or a component added later) never shifts the
 * numbers another component sees.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public SplittableRandom stream(String name) {
        return new SplittableRandom(seedOf(name));
    }

    /** The seed of stream {@code name}: {@link #stream} is {@code new SplittableRandom(seedOf(name))}. */
    public long seedOf(String name) {
        return mix(seed ^ mix(fnv1a64(name)));
    }

    /** {@link SplittableRandom}'s increment for a generator made from a seed alone: its seed moves by it each draw. */
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /**
     * Stream {@code name} as it stands after {@code draws} draws (each a nextLong, nextDouble or
     * nextInt without a bound): a generator made from a seed adds the golden gamma to it per draw, so
     * the stream can be put back to any point of its sequence, as {@link KeyStream} does.
     */
    public SplittableRandom streamAfter(String name, long draws) {
        return new SplittableRandom(seedOf(name) + draws * GOLDEN_GAMMA);
    }

    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a bijective mix with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
