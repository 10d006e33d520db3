package dev.scalelab.engine.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The murmur2 vectors are those of Kafka's own {@code UtilsTest.testMurmur2}
 * ({@code clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java}); the partitions among
 * 8 follow {@code BuiltInPartitioner.partitionForKey}: toPositive(murmur2(key)) % 8.
 */
class PartitionerTest {

    private static int murmur2(String s) {
        return Partitioner.murmur2(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void murmur2MatchesKafkasUnitTestVectors() {
        assertEquals(-973932308, murmur2("21"));
        assertEquals(-790332482, murmur2("foobar"));
        assertEquals(-985981536, murmur2("a-little-bit-long-string"));
        assertEquals(-1486304829, murmur2("a-little-bit-longer-string"));
        assertEquals(-58897971, murmur2("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"));
        assertEquals(479470107, Partitioner.murmur2(new byte[] {'a', 'b', 'c'}));
    }

    @Test
    void theVectorsLandOnKafkasPartitionsAmongEight() {
        String[] keys = {"21", "foobar", "a-little-bit-long-string", "a-little-bit-longer-string",
                "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", "abc"};
        int[] expected = {4, 6, 0, 3, 5, 3};
        for (int i = 0; i < keys.length; i++) {
            assertEquals(expected[i], Partitioner.toPositive(murmur2(keys[i])) % 8, keys[i]);
        }
        assertEquals(4, Partitioner.partitionOf(21, 8));
    }

    @Test
    void aKeyIsHashedAsItsDecimalText() {
        long[] edges = {0, 1, 9, 10, 99, 100, 999, 1_000, 9_999, 12_345, 123_456, 1_234_567, 12_345_678,
                123_456_789, 1_234_567_890, Long.MAX_VALUE, -1, -7, -10, -1234, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long key : edges) {
            assertEquals(murmur2(Long.toString(key)), Partitioner.murmur2OfDecimal(key), Long.toString(key));
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            // Keys of every length from 1 to 19 digits, both signs.
            long key = random.nextLong() >> random.nextInt(64);
            assertEquals(murmur2(Long.toString(key)), Partitioner.murmur2OfDecimal(key), Long.toString(key));
            int partitions = 1 + random.nextInt(64);
            assertEquals(Partitioner.toPositive(murmur2(Long.toString(key))) % partitions,
                    Partitioner.partitionOf(key, partitions));
        }
    }

    @Test
    void addingPartitionsMovesKeysBecauseTheModulusChanges() {
        int moved = 0;
        for (long key = 0; key < 10_000; key++) {
            if (Partitioner.partitionOf(key, 8) != Partitioner.partitionOf(key, 12)) {
                moved++;
            }
        }
        // Modulo placement, not consistent hashing: a key stays only when h mod 8 = h mod 12, which
        // holds exactly when h mod 24 < 8 (8 of 24 residues), so about two thirds move.
        assertEquals(2.0 / 3, moved / 10_000.0, 0.02);
    }
}
