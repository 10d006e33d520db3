package dev.scalelab.engine.runtime;

/**
 * The pattern notes' object pool: a buffered channel of {@code capacity} idle objects of
 * {@code objectBytes} each. {@link #get} takes an idle object if one is there, else a new one is
 * made (a miss, whose bytes the caller allocates on its heap); {@link #put} keeps the object if the
 * pool has room, else drops it (counted). Neither side ever blocks. Confined to the simulation thread.
 */
public final class ObjectPool {
    private int capacity;
    private long objectBytes;
    private int idle;
    /** Objects taken from the pool (hits) and not yet put back: with the idle ones, the pool's footprint. */
    private int borrowed;

    private long gets;
    private long hits;
    private long drops;
    private long bytesSaved;

    public ObjectPool(int capacity, long objectBytes) {
        reconfigure(capacity, objectBytes);
    }

    /**
     * New settings, in place: a smaller capacity drops the idle objects beyond it (counted as
     * drops, as a channel drained into a smaller one would lose them).
     */
    public void reconfigure(int capacity, long objectBytes) {
        if (capacity < 0 || objectBytes < 0) {
            throw new IllegalArgumentException("capacity " + capacity + ", objectBytes " + objectBytes);
        }
        this.capacity = capacity;
        this.objectBytes = objectBytes;
        if (idle > capacity) {
            drops += idle - capacity;
            idle = capacity;
        }
    }

    /** Takes one object: true when an idle one was there (a hit), false when a new one must be allocated (a miss). */
    public boolean get() {
        gets++;
        if (idle > 0) {
            idle--;
            borrowed++;
            hits++;
            bytesSaved += objectBytes;
            return true;
        }
        return false;
    }

    /** Takes {@code count} objects, as that many {@link #get} calls would; returns how many were idle (hits). */
    public int get(int count) {
        int pooled = Math.min(idle, count);
        gets += count;
        idle -= pooled;
        borrowed += pooled;
        hits += pooled;
        bytesSaved += pooled * objectBytes;
        return pooled;
    }

    /** Returns one object: true when the pool kept it, false when it was full and dropped it. */
    public boolean put() {
        boolean fromPool = borrowed > 0;
        if (fromPool) {
            borrowed--;
        }
        if (idle < capacity) {
            idle++;
            return true;
        }
        drops++;
        return false;
    }

    /** The bytes the pool holds on to: its idle objects and those lent out from it. */
    public long footprintBytes() {
        return (long) (idle + borrowed) * objectBytes;
    }

    public long objectBytes() {
        return objectBytes;
    }

    public int idle() {
        return idle;
    }

    public int borrowed() {
        return borrowed;
    }

    public long gets() {
        return gets;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return gets - hits;
    }

    public long drops() {
        return drops;
    }

    public long bytesSaved() {
        return bytesSaved;
    }

    /** Hits over gets, NaN before the first get. */
    public double hitRatio() {
        return gets == 0 ? Double.NaN : hits / (double) gets;
    }
}
