package dev.scalelab.world.network;

/**
 * One bottleneck or risk of a running design, in plain words: what shows it, since when, and a fix
 * with its predicted effect.
 *
 * @param node         the node it is about (empty for the design as a whole)
 * @param kind         what sort of finding it is
 * @param sinceSeconds the virtual time it started and has held since
 * @param finding      the figure that shows it ("orders-db at ρ 0.97")
 * @param fix          what to do and what the formulas predict ("add 2 replicas → ρ 0.65")
 * @param severity     0 to 1, for the order of the list: the most pressing first
 */
public record Insight(String node, Kind kind, double sinceSeconds, String finding, String fix, double severity) {
    public enum Kind {
        HOT_NODE("bottleneck"),
        GROWING_QUEUE("growing queue"),
        GROWING_LAG("growing lag"),
        FAILING_INSTANCE("failing instance"),
        RETRY_AMPLIFICATION("retry amplification"),
        REFUSING("refusing requests"),
        CONNECTION_LIMIT("connection limit"),
        GC_PAUSES("GC pauses"),
        POOL_STARVED("connection pool starved"),
        CACHE_BELOW_PREDICTION("cache below prediction"),
        SINGLE_INSTANCE("single instance"),
        IDLE("idle capacity"),
        SINGLE_ZONE("single zone");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The insight as one line: finding, then fix. */
    public String sentence() {
        return finding + ": " + fix;
    }
}
