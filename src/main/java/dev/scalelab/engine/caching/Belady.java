package dev.scalelab.engine.caching;

/**
 * Belady's MIN (IBM Systems Journal, 1966): the most hits any cache of unit-size entries can get
 * on a trace, by evicting the resident whose next request lies farthest ahead. Follows Caffeine's
 * simulator ClairvoyantPolicy: on a miss the key is inserted, then if over capacity the resident
 * with the farthest next use is evicted, which may be the new key itself (a bypass).
 *
 * <p>O(n log n): a reverse pass gives each position the position of the same key's next request;
 * residents are represented by their next-request time, which is unique (a key never requested
 * again gets n + its last position), in a max-heap with lazy deletion.
 */
public final class Belady {
    private Belady() {
    }

    /** Hits of MIN on {@code trace} (non-negative keys) with room for {@code capacity} entries. */
    public static long hits(int[] trace, int capacity) {
        return hits(trace, capacity, 0);
    }

    /**
     * Hits of MIN counted from position {@code countFrom} on: the requests before it only warm the
     * cache. Compared with a cache that has been running for a while, a bound from a cold start
     * would be unfair to MIN, since its first misses are compulsory.
     */
    public static long hits(int[] trace, int capacity, int countFrom) {
        int n = trace.length;
        int[] nextUse = nextUses(trace);
        // resident[t]: a resident key's next request is at time t (t < n) or never (t >= n).
        boolean[] resident = new boolean[2 * n];
        int[] heap = new int[n + 1];
        int heapSize = 0;
        int residents = 0;
        long hits = 0;
        for (int i = 0; i < n; i++) {
            boolean hit = resident[i];
            resident[i] = false; // its entry of time i is used up; stale heap entries are skipped
            int next = nextUse[i];
            resident[next] = true;
            heapSize = push(heap, heapSize, next);
            if (hit) {
                if (i >= countFrom) {
                    hits++;
                }
                continue;
            }
            residents++;
            if (residents > capacity) {
                while (true) {
                    int farthest = heap[0];
                    heapSize = popMax(heap, heapSize);
                    if (resident[farthest]) {
                        resident[farthest] = false;
                        residents--;
                        break;
                    }
                }
            }
        }
        return hits;
    }

    /** For each position, the position of the key's next request, or n + position if none. */
    static int[] nextUses(int[] trace) {
        int n = trace.length;
        int[] nextUse = new int[n];
        IntIntMap seenAt = new IntIntMap(Math.min(n, 1 << 16));
        for (int i = n - 1; i >= 0; i--) {
            int later = seenAt.get(trace[i]);
            nextUse[i] = later == IntIntMap.MISSING ? n + i : later;
            seenAt.put(trace[i], i);
        }
        return nextUse;
    }

    private static int push(int[] heap, int size, int value) {
        int position = size;
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (heap[parent] >= value) {
                break;
            }
            heap[position] = heap[parent];
            position = parent;
        }
        heap[position] = value;
        return size + 1;
    }

    private static int popMax(int[] heap, int size) {
        int last = heap[--size];
        int position = 0;
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[child] <= last) {
                break;
            }
            heap[position] = heap[child];
            position = child;
        }
        if (size > 0) {
            heap[position] = last;
        }
        return size;
    }
}
