package dev.scalelab.engine.events;

/**
 * Kafka's default partitioner for keyed records (BuiltInPartitioner, Utils.murmur2): partition =
 * toPositive(murmur2(key bytes)) mod partitions. A ScaleLab key is serialised as Kafka's
 * StringSerializer would send its decimal form ("21" for key 21), so a key lands where Kafka puts it.
 */
public final class Partitioner {

    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;
    private static final int R = 24;

    private Partitioner() {
    }

    /** MurmurHash2, 32-bit, seed 0x9747b28c, exactly as Kafka's {@code Utils.murmur2}. */
    public static int murmur2(byte[] data) {
        int length = data.length;
        int h = SEED ^ length;
        int blocks = length >>> 2;
        for (int i = 0; i < blocks; i++) {
            int at = i << 2;
            int k = (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16
                    | (data[at + 3] & 0xff) << 24;
            h = mixBlock(h, k);
        }
        int tail = length & ~3;
        switch (length & 3) {
            case 3:
                h ^= (data[tail + 2] & 0xff) << 16;
                // fall through, as Kafka's switch does
            case 2:
                h ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                h ^= data[tail] & 0xff;
                h *= M;
                break;
            default:
                break;
        }
        return finish(h);
    }

    /** Kafka's {@code Utils.toPositive}: {@code n & 0x7fffffff}. */
    public static int toPositive(int n) {
        return n & 0x7fffffff;
    }

    /** The partition of a keyed record among {@code partitions}. */
    public static int partitionOf(long key, int partitions) {
        return toPositive(murmur2OfDecimal(key)) % partitions;
    }

    /**
     * {@code murmur2(Long.toString(value).getBytes(UTF_8))} without building the string: it runs once
     * per published record. The at most 20 ASCII bytes are packed little-endian into three longs
     * (byte p of the text at bits 8·(p mod 8) of word p / 8), so a 4-byte block is half a word.
     */
    static int murmur2OfDecimal(long value) {
        boolean negative = value < 0;
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int length = negative ? digits + 1 : digits;
        long w0 = 0;
        long w1 = 0;
        long w2 = 0;
        long rest = value;
        for (int p = length - 1; p >= length - digits; p--) {
            // Java's remainder keeps the dividend's sign, so the absolute value is the digit even for Long.MIN_VALUE.
            long ascii = '0' + Math.abs(rest % 10);
            rest /= 10;
            int shift = (p & 7) << 3;
            switch (p >>> 3) {
                case 0 -> w0 |= ascii << shift;
                case 1 -> w1 |= ascii << shift;
                default -> w2 |= ascii << shift;
            }
        }
        if (negative) {
            w0 |= '-';
        }
        int h = SEED ^ length;
        int blocks = length >>> 2;
        for (int i = 0; i < blocks; i++) {
            long word = switch (i >>> 1) {
                case 0 -> w0;
                case 1 -> w1;
                default -> w2;
            };
            h = mixBlock(h, (int) (word >>> ((i & 1) << 5)));
        }
        int remaining = length & 3;
        if (remaining > 0) {
            // The tail is the low bytes of the block that would follow; the bytes past the text are zero.
            long word = switch (blocks >>> 1) {
                case 0 -> w0;
                case 1 -> w1;
                default -> w2;
            };
            h ^= (int) (word >>> ((blocks & 1) << 5));
            h *= M;
        }
        return finish(h);
    }

    private static int mixBlock(int h, int k) {
        k *= M;
        k ^= k >>> R;
        k *= M;
        return h * M ^ k;
    }

    private static int finish(int h) {
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return h;
    }
}
