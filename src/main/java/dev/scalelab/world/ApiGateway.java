package dev.scalelab.world;

import dev.scalelab.sim.HasId;

/**
 * The API gateway as the scenario file holds it ({@code gateway}), and the workload's client
 * classes ({@code workload.clients}) it tells apart. The gateway sits in front of the balancer: a
 * request first passes the global limit, then its client's limit (each a token bucket or a sliding
 * window counter, engines.md §8; over the limit: HTTP 429, counted as {@code limited}, apart from
 * overload), then load shedding (the lowest priority first when the service is overloaded: HTTP
 * 503, counted as {@code shed}). Absent, requests go straight to the balancer, as before.
 */
public final class ApiGateway {

    private ApiGateway() {
    }

    /** The algorithm of a rate limit. */
    public enum LimitKind implements HasId {
        /** Tokens accrue at the rate up to the burst; a request takes one or is rejected (Envoy, AWS API Gateway). */
        TOKEN_BUCKET("token-bucket"),
        /** Cloudflare's estimate: previous window × (1 − elapsed fraction) + current window, against the limit. */
        SLIDING_WINDOW("sliding-window");

        private final String id;

        LimitKind(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** What tells the gateway the service is overloaded. */
    public enum SheddingMode implements HasId {
        NONE("none"),
        /** The pool's queued requests per ready instance at or above {@code queueThreshold}. */
        QUEUE_LENGTH("queue-length"),
        /** CoDel-style: the smallest queueing delay over the last {@code intervalMs} above {@code targetDelayMs}. */
        LATENCY("latency");

        private final String id;

        SheddingMode(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** A client class's priority: under overload {@code low} is shed first, then {@code normal}; {@code high} never. */
    public enum Priority implements HasId {
        HIGH("high"), NORMAL("normal"), LOW("low");

        private final String id;

        Priority(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /**
     * A class of clients in the workload: it sends {@code share} of the arrival rate (shares are
     * weights, normalised over all clients), each request drawn from a seeded stream of its own.
     */
    public record Client(
            @Field(description = "The client's name (an API key's owner), used by the report and the timeline.",
                    pattern = "[a-z0-9][a-z0-9.-]{0,30}", patternHint = "must be lower-case letters, digits, dots and dashes "
                    + "(at most 31)", example = "acme", unique = true) String name,
            @WorkloadSystem.Applies(WorkloadSystem.Step.CLIENT_SHARES)
            @Field(description = "The client's weight in the arrival rate: it sends share / (sum of shares) of the requests.",
                    min = 0, max = 1_000_000) double share,
            @Field(description = "Under overload the gateway sheds low first, then normal; high is never shed.")
            Priority priority) {
        public static final Client DEFAULT = new Client(null, 1, Priority.NORMAL);
    }

    /** A rate limit: {@code ratePerSecond} sustained, {@code burst} above it. */
    public record Limit(
            @Field(description = "token-bucket: tokens accrue at the rate up to the burst, one per request; sliding-window: "
                    + "at most rate × window requests in any window, estimated from the previous and current window.")
            LimitKind kind,
            @Field(description = "Requests per second the limit lets through, sustained.", unit = "req/s", min = 0.001,
                    max = 10_000_000) double ratePerSecond,
            @Field(description = "token-bucket: the bucket's size, the most requests let through at once after a quiet spell.",
                    unit = "requests", min = 1, max = 10_000_000, when = "kind=token-bucket") double burst,
            @Field(description = "sliding-window: the window's length; the limit is rate × window requests per window.",
                    unit = "s", min = 0.001, max = 3600, when = "kind=sliding-window") double windowSeconds) {
        public static final Limit DEFAULT = new Limit(LimitKind.TOKEN_BUCKET, 100, 100, 1);
    }

    /** Load shedding: reject early, lowest priority first, when the service is overloaded. */
    public record Shedding(
            @GatewaySystem.Applies(GatewaySystem.Step.SHEDDING)
            @Field(description = "none; queue-length: shed when the queued requests per ready instance reach the threshold "
                    + "(low at it, normal at twice it); latency: CoDel-style, shed while the smallest queueing delay over the "
                    + "interval is above the target (low first; normal after a second interval in a row).") SheddingMode mode,
            @GatewaySystem.Applies(GatewaySystem.Step.SHEDDING)
            @Field(description = "queue-length: queued requests per ready instance at which low-priority requests are shed "
                    + "(normal at twice it).", unit = "requests", min = 1, max = 10_000_000, when = "mode=queue-length")
            double queueThreshold,
            @GatewaySystem.Applies(GatewaySystem.Step.SHEDDING)
            @Field(description = "latency: the queueing delay the service should stay under (CoDel's target, 5 ms).",
                    unit = "ms", min = 0.001, max = 3_600_000, when = "mode=latency") double targetDelayMs,
            @Field(description = "latency: how long the delay must stay above the target before shedding starts "
                    + "(CoDel's interval, 100 ms).", unit = "ms", min = 1, max = 3_600_000, when = "mode=latency")
            double intervalMs) {
        public static final Shedding DEFAULT = new Shedding(SheddingMode.NONE, 20, 5, 100);
    }

    public record Gateway(
            @GatewaySystem.Applies(value = GatewaySystem.Step.GLOBAL_LIMIT, fields = {"ratePerSecond", "burst"})
            @Field(description = "A limit on all requests together, checked first (a request it lets through counts "
                    + "against it even when its client's own limit then refuses it); absent for none.") Limit global,
            @GatewaySystem.Applies(value = GatewaySystem.Step.CLIENT_LIMITS, fields = {"ratePerSecond", "burst"})
            @Field(description = "A limit each client has of its own (its API key's quota); absent for none.") Limit perClient,
            @Field(description = "Load shedding when the service is overloaded.") Shedding shedding,
            @Field(description = "Time the gateway adds to every request it lets through (TLS, auth, routing).", unit = "ms",
                    min = 0, max = 60_000) double latencyMs) {
        public static final Gateway DEFAULT = new Gateway(null, null, Shedding.DEFAULT, 1);
    }
}
