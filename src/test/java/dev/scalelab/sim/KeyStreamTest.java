package dev.scalelab.sim;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyStreamTest {
    private static final String NAME = "workload.keys";

    /** What the world did before keys were drawn ahead: one sample of the current law per key. */
    private static int[] oneAtATime(RandomStreams streams, KeySampler[] laws, int[] switchAt, int n) {
        SplittableRandom random = streams.stream(NAME);
        int[] keys = new int[n];
        int law = 0;
        for (int i = 0; i < n; i++) {
            while (law + 1 < laws.length && switchAt[law] == i) {
                law++;
            }
            keys[i] = laws[law].sample(random);
        }
        return keys;
    }

    private static int[] drawnAhead(RandomStreams streams, KeySampler[] laws, int[] switchAt, int n) {
        KeyStream stream = new KeyStream(streams, NAME, laws[0]);
        int[] keys = new int[n];
        int law = 0;
        for (int i = 0; i < n; i++) {
            while (law + 1 < laws.length && switchAt[law] == i) {
                stream.setSampler(laws[++law]);
            }
            keys[i] = stream.next();
        }
        return keys;
    }

    @Test
    void zipfKeysDrawnAheadAreTheKeysDrawnOneAtATime() {
        RandomStreams streams = new RandomStreams(99);
        KeySampler[] laws = {new KeySampler.Zipf(0.9, 50_000)};
        int[] expected = oneAtATime(streams, laws, new int[0], 10_007);
        assertArrayEquals(expected, drawnAhead(streams, laws, new int[0], 10_007));
    }

    @Test
    void aChangeOfLawMidBatchRedrawsTheKeysDrawnAheadUnderTheNewLaw() {
        RandomStreams streams = new RandomStreams(7);
        // Zipf → Zipf mid-batch (still counted), then uniform (rejection draws: no longer counted),
        // then Zipf again (one at a time from then on), then a hotspot.
        KeySampler[] laws = {new KeySampler.Zipf(0.9, 1000), new KeySampler.Zipf(1.2, 300),
                new KeySampler.Uniform(777), new KeySampler.Zipf(0.8, 5000), KeySampler.Hotspot.of(1000, 0.9, 0.1)};
        int[] switchAt = {45, 1013, 1500, 2222};
        int[] expected = oneAtATime(streams, laws, switchAt, 3000);
        assertArrayEquals(expected, drawnAhead(streams, laws, switchAt, 3000));
    }

    @Test
    void aStreamRewoundByItsSeedStandsWhereItsDrawsLeftIt() {
        // The rewind relies on SplittableRandom(seed) advancing its seed by the golden gamma per draw.
        RandomStreams streams = new RandomStreams(12345);
        SplittableRandom drawn = streams.stream(NAME);
        for (int i = 0; i < 1000; i++) {
            drawn.nextDouble();
        }
        SplittableRandom rewound = streams.streamAfter(NAME, 1000);
        assertEquals(drawn.nextLong(), rewound.nextLong());
    }
}
