package dev.scalelab.engine.events;

/**
 * Kafka's default partitioner for keyed records (BuiltInPartitioner, Utils.murmur2): partition =
 * toPositive(murmur2(key bytes)) mod partitions. A ScaleLab key is serialised as Kafka's
 * StringSerializer would send its decimal form ("21" for key 21), so a key lands where Kafka puts it.
 */
public final class Partitioner {

    private Partitioner() {
    }

    /** MurmurHash2, 32-bit, seed 0x9747b28c, exactly as Kafka's {@code Utils.murmur2}. */
    public static int murmur2(byte[] data) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Kafka's {@code Utils.toPositive}: {@code n & 0x7fffffff}. */
    public static int toPositive(int n) {
        return n & 0x7fffffff;
    }

    /** The partition of a keyed record among {@code partitions}. */
    public static int partitionOf(long key, int partitions) {
        throw new UnsupportedOperationException("not built yet");
    }
}
