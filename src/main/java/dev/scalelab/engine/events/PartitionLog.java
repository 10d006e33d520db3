package dev.scalelab.engine.events;

/**
 * One partition's ordered log: offsets from {@link #logStartOffset()} (the oldest record retention
 * kept) to {@link #logEndOffset()} (the offset the next record gets). Held in primitive ring
 * arrays, so a long backlog costs a few dozen bytes a record.
 *
 * <p>Retention deletes from the head: a record is deleted by the first retention pass at least
 * the retention time after it was published (Kafka's retention by record timestamp). Records
 * every subscribed group has committed are never read again (a group restarts at most from its
 * committed offset), so the topic releases them from memory early, keeping the newest
 * {@link #TAIL_KEPT} for the view: the records held in memory are those from
 * {@link #firstHeldOffset()}. Memory is thus bounded by what some group has not yet committed,
 * not by the retention time. The log start of released records follows retention through a few
 * marks (offset, newest publish time below it): exact while there are at most {@link #MARKS} of
 * them, later than exact (never earlier) beyond.
 */
public final class PartitionLog {
    /** Newest records kept in memory whatever the groups committed, for the view's tail of keys. */
    public static final int TAIL_KEPT = 64;
    /** Release marks kept; beyond, the newest mark absorbs the next release. */
    static final int MARKS = 64;
    private static final int INITIAL_CAPACITY = 16;

    private long[] ids = new long[INITIAL_CAPACITY];
    private long[] keys = new long[INITIAL_CAPACITY];
    private long[] publishNanos = new long[INITIAL_CAPACITY];
    private int[] attempts = new int[INITIAL_CAPACITY];
    private boolean[] poison = new boolean[INITIAL_CAPACITY];
    /** Ring index of {@link #firstHeld}. */
    private int head;
    private int held;
    private long firstHeld;
    private long logStart;

    private final long[] markOffsets = new long[MARKS];
    private final long[] markNanos = new long[MARKS];
    private int markHead;
    private int marks;

    PartitionLog() {
    }

    public long logStartOffset() {
        return logStart;
    }

    public long logEndOffset() {
        return firstHeld + held;
    }

    /** The oldest record still held in memory: records below it were committed by every group (or deleted). */
    public long firstHeldOffset() {
        return firstHeld;
    }

    /** Records retention has not deleted. */
    public long size() {
        return logEndOffset() - logStart;
    }

    /** The record at {@code offset}, which must lie in [firstHeldOffset, logEndOffset). */
    public EventRecord record(long offset) {
        int i = index(offset);
        return new EventRecord(ids[i], keys[i], publishNanos[i], attempts[i], poison[i]);
    }

    /** The key of the record at {@code offset} ({@link EventRecord#NO_KEY} if unkeyed), without building a record. */
    public long keyAt(long offset) {
        return keys[index(offset)];
    }

    public boolean poisonAt(long offset) {
        return poison[index(offset)];
    }

    public long idAt(long offset) {
        return ids[index(offset)];
    }

    public long publishNanosAt(long offset) {
        return publishNanos[index(offset)];
    }

    public int attemptAt(long offset) {
        return attempts[index(offset)];
    }

    /** Appends {@code r}; returns its offset. */
    long append(EventRecord r) {
        if (held == ids.length) {
            resize(ids.length * 2);
        }
        int i = (head + held) & (ids.length - 1);
        ids[i] = r.id();
        keys[i] = r.key();
        publishNanos[i] = r.publishNanos();
        attempts[i] = r.attempt();
        poison[i] = r.poison();
        held++;
        return logEndOffset() - 1;
    }

    /**
     * Deletes from the head every record published at or before {@code cutoffNanos}, stopping at the
     * first younger one; returns how far the log start moved.
     */
    long deleteThrough(long cutoffNanos) {
        long before = logStart;
        while (marks > 0 && markNanos[markHead] <= cutoffNanos) {
            logStart = Math.max(logStart, markOffsets[markHead]);
            markHead = (markHead + 1) % MARKS;
            marks--;
        }
        if (logStart >= firstHeld) {
            long drop = Math.min(logStart - firstHeld, held);
            dropHeld((int) drop);
            while (held > 0 && publishNanos[head] <= cutoffNanos) {
                dropHeld(1);
            }
            logStart = firstHeld;
        }
        shrinkIfSparse();
        return logStart - before;
    }

    /** Frees the records below {@code offset} (all groups committed them), keeping the newest {@link #TAIL_KEPT}. */
    void release(long offset) {
        long upTo = Math.min(offset, logEndOffset() - TAIL_KEPT);
        if (upTo <= firstHeld) {
            return;
        }
        long newest = Long.MIN_VALUE;
        int n = (int) (upTo - firstHeld);
        for (int k = 0; k < n; k++) {
            newest = Math.max(newest, publishNanos[(head + k) & (ids.length - 1)]);
        }
        dropHeld(n);
        if (logStart < upTo) {
            if (marks == MARKS) {
                int last = (markHead + marks - 1) % MARKS;
                markOffsets[last] = upTo;
                markNanos[last] = Math.max(markNanos[last], newest);
            } else {
                int at = (markHead + marks) % MARKS;
                markOffsets[at] = upTo;
                markNanos[at] = marks == 0 ? newest : Math.max(newest, markNanos[(at + MARKS - 1) % MARKS]);
                marks++;
            }
        }
        shrinkIfSparse();
    }

    private void dropHeld(int n) {
        head = (head + n) & (ids.length - 1);
        held -= n;
        firstHeld += n;
    }

    private int index(long offset) {
        if (offset < firstHeld || offset >= logEndOffset()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside [" + firstHeld + ", " + logEndOffset()
                    + ")");
        }
        return (int) ((head + (offset - firstHeld)) & (ids.length - 1));
    }

    private void shrinkIfSparse() {
        if (ids.length > INITIAL_CAPACITY && held < ids.length / 4) {
            resize(ids.length / 2);
        }
    }

    /** Copies the held records to rings of {@code capacity} (a power of two), head first. */
    private void resize(int capacity) {
        ids = unroll(ids, capacity);
        keys = unroll(keys, capacity);
        publishNanos = unroll(publishNanos, capacity);
        int[] a = new int[capacity];
        boolean[] p = new boolean[capacity];
        for (int k = 0; k < held; k++) {
            int i = (head + k) & (attempts.length - 1);
            a[k] = attempts[i];
            p[k] = poison[i];
        }
        attempts = a;
        poison = p;
        head = 0;
    }

    private long[] unroll(long[] ring, int capacity) {
        long[] out = new long[capacity];
        int first = Math.min(held, ring.length - head);
        System.arraycopy(ring, head, out, 0, first);
        System.arraycopy(ring, 0, out, first, held - first);
        return out;
    }
}
