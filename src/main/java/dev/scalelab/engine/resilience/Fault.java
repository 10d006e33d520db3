package dev.scalelab.engine.resilience;

/** Something wrong with a dependency for a window of time; see {@link DownstreamService#inject}. */
public sealed interface Fault {

    String describe();

    /** Served calls fail with this extra probability (added to the base error rate, at most 1 in total). */
    record ExtraErrorRate(double probability) implements Fault {
        public ExtraErrorRate {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("an extra error rate must be in [0, 1]: " + probability);
            }
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "+%.0f%% errors", probability * 100);
        }
    }

    /**
     * The dependency is slower: every call that starts service while the fault is on holds its
     * worker this much longer (a slow database, a GC pause), so queues grow too.
     */
    record AddedLatency(double millis) implements Fault {
        public AddedLatency {
            if (!(millis >= 0)) {
                throw new IllegalArgumentException("added latency must not be negative: " + millis);
            }
        }

        @Override
        public String describe() {
            return "+" + millis + " ms latency";
        }
    }

    /** The dependency is down and does no work. */
    record Outage(OutageMode mode) implements Fault {
        public Outage {
            if (mode == null) {
                throw new IllegalArgumentException("an outage needs a mode");
            }
        }

        @Override
        public String describe() {
            return mode == OutageMode.REFUSE ? "outage (connections refused)" : "outage (calls hang)";
        }
    }

    enum OutageMode {
        /**
         * The process is gone: a new call fails after the connect time (connection refused), and
         * calls queued or in service fail at once (connection reset). The default: fast failures
         * are what makes naive retries multiply the load.
         */
        REFUSE,
        /**
         * The host is unreachable (a black hole): a call gets no answer, so only the caller's
         * timeout ends it; if nothing else does, it fails with a reset when the outage ends.
         */
        HANG
    }
}
