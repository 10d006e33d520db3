package dev.scalelab.engine.resilience;

/**
 * Puts the trace rows of one or more mesh clients in start order while they stream out. Each
 * attempt takes a sequence number when it starts ({@link #begin}); its row is complete only when
 * it ends ({@link #end}), possibly after later attempts have ended. Rows are written in sequence
 * order as soon as every earlier attempt has ended, so only the rows of attempts started while
 * an earlier one is still in flight are held: with a per-attempt timeout, those started within
 * one timeout. Memory is bounded by that, not by the run's length.
 *
 * <p>{@link #flush} writes every held row at the end of a run; attempts still in flight then have
 * no row, and a row that ends after the flush is dropped. Confined to the simulation thread.
 */
public final class AttemptTrace {
    private final MeshClient.AttemptListener out;
    /** The next sequence number to hand out. */
    private long issued;
    /** The lowest sequence number not yet written (or dropped). */
    private long written;
    /** Held rows of sequence numbers [written, issued), at index seq & (length - 1); null while in flight. */
    private AttemptRecord[] held = new AttemptRecord[256];

    public AttemptTrace(MeshClient.AttemptListener out) {
        this.out = out;
    }

    /** An attempt starts now: its sequence number. */
    public long begin() {
        if (issued - written == held.length) {
            grow();
        }
        return issued++;
    }

    /** The row of the attempt numbered {@code record.seq()} is complete. */
    public void end(AttemptRecord record) {
        long seq = record.seq();
        if (seq < written || seq >= issued) {
            return; // ended after a flush, or never begun here
        }
        held[index(seq)] = record;
        while (written < issued) {
            int i = index(written);
            AttemptRecord next = held[i];
            if (next == null) {
                return;
            }
            held[i] = null;
            written++;
            out.onAttempt(next);
        }
    }

    /** Writes every held row, in order; attempts still in flight are left out. */
    public void flush() {
        while (written < issued) {
            int i = index(written);
            AttemptRecord next = held[i];
            held[i] = null;
            written++;
            if (next != null) {
                out.onAttempt(next);
            }
        }
    }

    /** Attempts begun but not yet written: in flight, or ended and waiting for an earlier one. */
    public long pending() {
        return issued - written;
    }

    private int index(long seq) {
        return (int) (seq & (held.length - 1));
    }

    private void grow() {
        AttemptRecord[] bigger = new AttemptRecord[held.length * 2];
        for (long seq = written; seq < issued; seq++) {
            bigger[(int) (seq & (bigger.length - 1))] = held[index(seq)];
        }
        held = bigger;
    }
}
