package dev.scalelab.sim;

import java.util.Arrays;

/**
 * The pending events, ordered by (time, sequence number): the sequence number makes events
 * scheduled for the same instant run in the order they were scheduled, which keeps runs
 * reproducible. Nothing here allocates per event; keys live in primitive arrays.
 *
 * <p>A binary heap of everything costs about log2(n) unpredictable comparisons per event, which
 * dominated the kernel. Instead, time is cut into buckets of 2^{@code shift} ns, and three parts
 * hold the events, each strictly earlier than the next:
 * <ol>
 *   <li>{@code current}: a small heap on (time, sequence) with every event of the bucket being run
 *       and any event added earlier than it. Every event leaves the queue through it, so the order is
 *       exactly that of one heap of everything, ties included.
 *   <li>the wheel: the next {@code N - 1} buckets, each an unordered linked list in a node pool, with
 *       a bitmap of the occupied ones. Adding is O(1); when {@code current} runs dry the next occupied
 *       bucket (found in the bitmap) is moved into it.
 *   <li>{@code overflow}: a heap of the events beyond the wheel (timeouts, expiries minutes ahead);
 *       they move into the wheel once, when it comes within reach.
 * </ol>
 * The bucket width follows the observed time between events (one or two events a bucket) and the
 * wheel has several buckets per pending event; both are re-tuned, rebuilding the queue in O(n),
 * after every {@code max(4096, n)} polls when they are off by more than a factor of 4, so the cost
 * is O(1) amortised. The bad cases stay bounded: many equal times (ticks at whole seconds) or a
 * wrong width only make {@code current} a bigger heap, O(log n) an event, and finding the next
 * occupied bucket reads at most N / 64 words of the bitmap. The order never depends on the tuning.
 *
 * <p>Unlike the run loop, the queue accepts any time, earlier than the last polled one too: such
 * an event goes into {@code current} and comes out next, as it would from a plain heap.
 */
public final class EventQueue {
    private static final int NIL = -1;
    private static final int MIN_SHIFT = 1; // keeps (time >> shift) differences free of overflow
    private static final int MAX_SHIFT = 40; // buckets of about 18 minutes at most
    private static final int MIN_BUCKETS = 64;
    private static final int MAX_BUCKETS = 1 << 20;

    private final Heap current = new Heap(16);
    private final Heap overflow = new Heap(16);

    // The wheel: bucket number b = time >> shift lives in slot b & mask while currentBucket < b <
    // currentBucket + mask + 1. Lists run through the node pool by index.
    private int shift = 10;
    private int mask = MIN_BUCKETS - 1;
    private int[] heads;
    private long[] occupied;
    private long currentBucket;
    private int inWheel;

    private long[] nodeTimes;
    private long[] nodeSeqs;
    private Event[] nodeEvents;
    private int[] nodeNext;
    private int freeNode = NIL;

    private int size;
    private long nextSeq;

    // Tuning: the time and the count of polls since the last look at the bucket width.
    private long lastPolledTime;
    private long tuneStartTime;
    private int pollsSinceTune;
    private int pollsUntilTune = 4096;
    private boolean tuneStarted;

    public EventQueue() {
        this(1024);
    }

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        allocateWheel(MIN_BUCKETS);
        nodeTimes = new long[capacity];
        nodeSeqs = new long[capacity];
        nodeEvents = new Event[capacity];
        nodeNext = new int[capacity];
        linkFree(0, capacity);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest event, or {@link Long#MAX_VALUE} when the queue is empty. */
    public long peekTime() {
        if (current.size == 0) {
            if (size == 0) {
                return Long.MAX_VALUE;
            }
            advance();
        }
        return current.keys[0];
    }

    public void add(long timeNanos, Event event) {
        size++;
        insert(timeNanos, nextSeq++, event);
    }

    /** Removes the earliest event and returns it; its time was {@link #peekTime()}. */
    public Event poll() {
        if (current.size == 0) {
            advance(); // as peekTime() does; polling an empty queue fails here, as it always did
        }
        lastPolledTime = current.keys[0];
        size--;
        Event e = current.poll();
        if (++pollsSinceTune == pollsUntilTune) {
            tune();
        }
        return e;
    }

    public void clear() {
        current.clear();
        overflow.clear();
        for (int slot = 0; slot <= mask; slot++) {
            freeList(slot);
        }
        Arrays.fill(occupied, 0);
        inWheel = 0;
        size = 0;
    }

    private void insert(long time, long seq, Event event) {
        long d = (time >> shift) - currentBucket;
        if (d <= 0) {
            current.add(time, seq, event); // this bucket, or earlier than it
        } else if (d <= mask) {
            pushToWheel(time, seq, event);
        } else {
            overflow.add(time, seq, event);
        }
    }

    private void pushToWheel(long time, long seq, Event event) {
        int node = freeNode;
        if (node == NIL) {
            node = growPool();
        }
        freeNode = nodeNext[node];
        int slot = (int) (time >> shift) & mask;
        nodeTimes[node] = time;
        nodeSeqs[node] = seq;
        nodeEvents[node] = event;
        nodeNext[node] = heads[slot];
        heads[slot] = node;
        occupied[slot >>> 6] |= 1L << slot;
        inWheel++;
    }

    /**
     * {@code current} is empty and the queue is not: makes the next occupied bucket (or, with an
     * empty wheel, the overflow's first) the current one, then pulls in the overflow the wheel now reaches.
     */
    private void advance() {
        if (inWheel > 0) {
            int from = (int) (currentBucket + 1) & mask;
            int word = from >>> 6;
            long bits = occupied[word] & (-1L << from);
            int lastWord = occupied.length - 1;
            while (bits == 0) { // ends: some bucket is occupied, at worst the words wrap round to it
                word = (word + 1) & lastWord;
                bits = occupied[word];
            }
            int slot = (word << 6) + Long.numberOfTrailingZeros(bits);
            currentBucket += ((slot - from) & mask) + 1;
            drain(slot);
        } else {
            currentBucket = overflow.keys[0] >> shift;
        }
        Heap o = overflow;
        while (o.size > 0) {
            long time = o.keys[0];
            long d = (time >> shift) - currentBucket;
            if (d > mask) {
                break;
            }
            long seq = o.keys[1];
            Event e = o.poll();
            if (d <= 0) {
                current.add(time, seq, e);
            } else {
                pushToWheel(time, seq, e);
            }
        }
    }

    /** Moves the events of one wheel bucket into {@code current}. */
    private void drain(int slot) {
        occupied[slot >>> 6] &= ~(1L << slot);
        int node = heads[slot];
        heads[slot] = NIL;
        Heap c = current;
        while (node != NIL) {
            int next = nodeNext[node];
            c.add(nodeTimes[node], nodeSeqs[node], nodeEvents[node]);
            nodeEvents[node] = null;
            nodeNext[node] = freeNode;
            freeNode = node;
            node = next;
            inWheel--;
        }
    }

    private void freeList(int slot) {
        int node = heads[slot];
        heads[slot] = NIL;
        while (node != NIL) {
            int next = nodeNext[node];
            nodeEvents[node] = null;
            nodeNext[node] = freeNode;
            freeNode = node;
            node = next;
        }
    }

    private int growPool() {
        int old = nodeTimes.length;
        int capacity = old * 2;
        nodeTimes = Arrays.copyOf(nodeTimes, capacity);
        nodeSeqs = Arrays.copyOf(nodeSeqs, capacity);
        nodeEvents = Arrays.copyOf(nodeEvents, capacity);
        nodeNext = Arrays.copyOf(nodeNext, capacity);
        linkFree(old, capacity);
        return freeNode;
    }

    private void linkFree(int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            nodeNext[i] = freeNode;
            freeNode = i;
        }
    }

    private void allocateWheel(int buckets) {
        mask = buckets - 1;
        heads = new int[buckets];
        Arrays.fill(heads, NIL);
        occupied = new long[buckets >>> 6];
    }

    /**
     * Looks at the bucket width and the wheel's size. The width is twice the mean time between the
     * polls since the last look, rounded down to a power of two: one or two events a bucket, so
     * {@code current} stays tiny and few empty buckets are skipped. The wheel has 8 to 16 buckets per
     * pending event, so on a hold-like load it reaches 8 or more mean delays ahead and next to nothing
     * goes through the overflow heap (measured on the hold model: 2 buckets per event or a width of one
     * mean gap cost 20 to 50 %; wider or bigger gained nothing). Rebuilds only when one is off by more
     * than a factor of 4, so a steady load never rebuilds.
     */
    private void tune() {
        long polls = pollsSinceTune;
        long span = lastPolledTime - tuneStartTime;
        boolean measured = tuneStarted;
        tuneStarted = true;
        tuneStartTime = lastPolledTime;
        pollsSinceTune = 0;
        pollsUntilTune = Math.max(4096, size);
        if (!measured) {
            return; // the first look only starts the clock
        }
        long width = span <= 0 ? 1 : 2 * Math.max(1, Math.min(span / polls, Long.MAX_VALUE / 4));
        int wantShift = Math.max(MIN_SHIFT, Math.min(MAX_SHIFT, 63 - Long.numberOfLeadingZeros(width)));
        int target = (int) Math.min(MAX_BUCKETS, 8L * size);
        int wantBuckets = Math.max(MIN_BUCKETS, Integer.highestOneBit(Math.max(1, target - 1)) << 1);
        int buckets = mask + 1;
        if (Math.abs(wantShift - shift) >= 2 || wantBuckets >= 4 * buckets || 4 * wantBuckets <= buckets) {
            rebuild(wantShift, wantBuckets);
        }
    }

    /** Re-files every pending event, keeping its sequence number, under a new width and wheel size. */
    private void rebuild(int newShift, int buckets) {
        int n = size;
        long[] times = new long[n];
        long[] seqs = new long[n];
        Event[] events = new Event[n];
        int k = 0;
        while (current.size > 0) {
            times[k] = current.keys[0];
            seqs[k] = current.keys[1];
            events[k++] = current.poll();
        }
        while (overflow.size > 0) {
            times[k] = overflow.keys[0];
            seqs[k] = overflow.keys[1];
            events[k++] = overflow.poll();
        }
        for (int slot = 0; slot <= mask; slot++) {
            for (int node = heads[slot]; node != NIL; node = nodeNext[node]) {
                times[k] = nodeTimes[node];
                seqs[k] = nodeSeqs[node];
                events[k++] = nodeEvents[node];
            }
            freeList(slot);
        }
        inWheel = 0;
        shift = newShift;
        allocateWheel(buckets);
        currentBucket = lastPolledTime >> shift;
        for (int i = 0; i < k; i++) {
            insert(times[i], seqs[i], events[i]);
        }
    }

    /** A binary min-heap on (time, sequence), the two keys of an entry side by side in one array. */
    private static final class Heap {
        long[] keys;
        Event[] events;
        int size;

        Heap(int capacity) {
            keys = new long[2 * capacity];
            events = new Event[capacity];
        }

        void add(long time, long seq, Event event) {
            if (size == events.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
                events = Arrays.copyOf(events, events.length * 2);
            }
            long[] k = keys;
            Event[] ev = events;
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                long pt = k[2 * parent];
                if (pt < time || (pt == time && k[2 * parent + 1] < seq)) {
                    break;
                }
                k[2 * i] = pt;
                k[2 * i + 1] = k[2 * parent + 1];
                ev[i] = ev[parent];
                i = parent;
            }
            k[2 * i] = time;
            k[2 * i + 1] = seq;
            ev[i] = event;
        }

        Event poll() {
            long[] k = keys;
            Event[] ev = events;
            Event top = ev[0];
            int last = --size;
            long t = k[2 * last];
            long s = k[2 * last + 1];
            Event e = ev[last];
            ev[last] = null;
            if (last > 0) {
                int i = 0;
                int half = last >>> 1;
                while (i < half) {
                    int child = 2 * i + 1;
                    long ct = k[2 * child];
                    long cs = k[2 * child + 1];
                    int right = child + 1;
                    if (right < last) {
                        long rt = k[2 * right];
                        if (rt < ct || (rt == ct && k[2 * right + 1] < cs)) {
                            child = right;
                            ct = rt;
                            cs = k[2 * right + 1];
                        }
                    }
                    if (t < ct || (t == ct && s < cs)) {
                        break;
                    }
                    k[2 * i] = ct;
                    k[2 * i + 1] = cs;
                    ev[i] = ev[child];
                    i = child;
                }
                k[2 * i] = t;
                k[2 * i + 1] = s;
                ev[i] = e;
            }
            return top;
        }

        void clear() {
            Arrays.fill(events, 0, size, null);
            size = 0;
        }
    }
}
