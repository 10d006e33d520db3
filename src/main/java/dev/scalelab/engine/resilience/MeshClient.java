package dev.scalelab.engine.resilience;

import dev.scalelab.engine.metrics.LatencyRecorder;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;

import java.util.SplittableRandom;

/**
 * The sidecar in front of one dependency: calls go through a retry loop, a circuit breaker, a
 * per-attempt timeout and a bulkhead, asynchronously in virtual time.
 *
 * <h2>Order</h2>
 * The issue lists timeout → breaker → retry → bulkhead. Read literally, outermost first, the timeout
 * would bound the whole call outside the breaker, so a hanging dependency would never count as a
 * breaker failure, and the breaker, outside the retry, would see one outcome per request however
 * many attempts hit the dependency. We keep what the list asks for (timeouts are breaker failures,
 * the bulkhead bounds what is in flight) and compose as Resilience4j's documented aspect order,
 * also Polly's and Envoy's router, outermost first:
 * <pre>
 *   Retry( CircuitBreaker( TimeLimiter per attempt( Bulkhead( call ))))
 * </pre>
 * For each attempt: the breaker is asked first (a rejection ends the call: it is not retried, see
 * {@link RetryPolicy}); then the bulkhead (full: the breaker permission is given back unrecorded,
 * because our own limit says nothing about the dependency's health, and the call ends); then the
 * attempt is sent with a timer. The first of answer or timeout ends it: the bulkhead slot is freed
 * (Envoy resets the upstream request on timeout), and the breaker records the attempt, an error or
 * a timeout as a failure with its duration, so slow calls count too. A retryable failure with
 * attempts left asks the retry budget, then waits the back-off and starts the next attempt.
 *
 * <p>Measures: requests, attempts and attempts sent (amplification), retries, retries denied by
 * the budget, breaker and bulkhead rejections, timeouts, errors, whole-call latency (HdrHistogram),
 * and requests and attempts sent per virtual second (a retry storm shows as attempts above
 * requests). An optional {@link AttemptTrace} (see {@link #setTrace}) gets one {@link AttemptRecord} per attempt.
 * Confined to the simulation thread.
 */
public final class MeshClient {
    /** Seconds of per-second history kept. */
    public static final int HISTORY_SECONDS = 3600;

    /** Hears how each call ended. */
    @FunctionalInterface
    public interface Callback {
        void onComplete(CallResult result);
    }

    /** The trace hook: one record per attempt, in start order (see {@link AttemptTrace}). */
    @FunctionalInterface
    public interface AttemptListener {
        void onAttempt(AttemptRecord record);
    }

    private final Simulation sim;
    /** The pipeline's dependency; null when the client calls a node of a drawn system. */
    private final DownstreamService dependency;
    private final Callee callee;
    private final MeshConfig config;
    private final SplittableRandom random;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final RetryBudget budget;
    private final long timeoutNanos;
    private final LatencyRecorder latency;
    private final PerSecondCounter requestsPerSecond;
    private final PerSecondCounter attemptsSentPerSecond;
    private AttemptTrace trace;
    private final long slowCallDurationThresholdNanos;

    private long requests;
    private long succeeded;
    private long failed;
    private long attempts;
    private long attemptsSent;
    private long retries;
    private long retriesDeniedByBudget;
    private long breakerRejections;
    private long bulkheadRejections;
    private long timeouts;
    private long errors;
    private int attemptsInFlight;

    /**
     * @param random this client's own stream: back-off jitter and a jittered breaker wait
     */
    public MeshClient(Simulation sim, DownstreamService dependency, MeshConfig config, SplittableRandom random) {
        this(sim, dependency, config, random, null);
    }

    /**
     * A client with new settings that goes on from {@code predecessor}'s measurements: the latency
     * histogram and the per-second histories describe the dependency, not one configuration of its
     * client, so a settings change keeps them (and does not pay for new histograms each time).
     * Breaker, bulkhead and budget start afresh, as a rebuilt Resilience4j client's do.
     */
    public MeshClient(Simulation sim, DownstreamService dependency, MeshConfig config, SplittableRandom random,
                      MeshClient predecessor) {
        this(sim, dependency, dependency, config, random, predecessor);
    }

    /** A client in front of any {@code callee}: a node of a drawn system. */
    public MeshClient(Simulation sim, Callee callee, MeshConfig config, SplittableRandom random) {
        this(sim, null, callee, config, random, null);
    }

    /** A client in front of {@code callee} with new settings, going on from {@code predecessor}'s measurements (see above). */
    public MeshClient(Simulation sim, Callee callee, MeshConfig config, SplittableRandom random, MeshClient predecessor) {
        this(sim, null, callee, config, random, predecessor);
    }

    private MeshClient(Simulation sim, DownstreamService dependency, Callee callee, MeshConfig config, SplittableRandom random,
                       MeshClient predecessor) {
        this.sim = sim;
        this.dependency = dependency;
        this.callee = callee;
        this.config = config;
        this.random = random;
        this.breaker = new CircuitBreaker(callee.name(), config.breaker(), sim, random);
        this.bulkhead = new Bulkhead(config.maxConcurrentCalls());
        this.budget = config.retryBudget().create(sim.nowNanos());
        this.timeoutNanos = config.timeoutMillis() * Simulation.NANOS_PER_MILLI;
        this.slowCallDurationThresholdNanos = config.breaker().slowCallDurationThresholdMillis() * Simulation.NANOS_PER_MILLI;
        this.latency = predecessor == null ? new LatencyRecorder() : predecessor.latency;
        this.requestsPerSecond = predecessor == null ? new PerSecondCounter(HISTORY_SECONDS, sim.nowNanos()) : predecessor.requestsPerSecond;
        this.attemptsSentPerSecond = predecessor == null ? new PerSecondCounter(HISTORY_SECONDS, sim.nowNanos())
                : predecessor.attemptsSentPerSecond;
    }

    /** Starts one call; {@code callback} hears its end from a later event, never from inside this method. */
    public void call(long requestId, Callback callback) {
        long now = sim.nowNanos();
        requests++;
        requestsPerSecond.add(now);
        budget.onRequest(now);
        Call call = new Call(requestId, callback, now);
        // Through the event queue, so that a rejection, too, reaches the callback after call() returns.
        sim.scheduleIn(0, call);
    }

    /** One request's retry loop; firing it starts the next attempt. */
    private final class Call implements Event {
        final long requestId;
        final Callback callback;
        final long startNanos;
        int attemptsMade;
        long previousDelayNanos;
        boolean holdsRetry;
        boolean retryDenied;

        Call(long requestId, Callback callback, long startNanos) {
            this.requestId = requestId;
            this.callback = callback;
            this.startNanos = startNanos;
        }

        @Override
        public void fire() {
            startAttempt(this);
        }
    }

    /** One attempt in flight; it ends on the first of the answer and the timeout. */
    private final class Attempt implements Event, DownstreamService.ResponseHandler {
        final Call call;
        final int number;
        final long startNanos;
        final BreakerState breakerBefore;
        /** The trace that numbered this attempt, and its number there; null and -1 when untraced. */
        final AttemptTrace tracedBy;
        final long seq;
        boolean ended;

        Attempt(Call call, int number, long startNanos, BreakerState breakerBefore, AttemptTrace tracedBy, long seq) {
            this.call = call;
            this.number = number;
            this.startNanos = startNanos;
            this.breakerBefore = breakerBefore;
            this.tracedBy = tracedBy;
            this.seq = seq;
        }

        @Override
        public void onResponse(boolean success) {
            if (!ended) {
                ended = true;
                endAttempt(this, success);
            }
        }

        /** The timeout. */
        @Override
        public void fire() {
            if (!ended) {
                ended = true;
                endAttempt(this, null);
            }
        }
    }

    private void startAttempt(Call call) {
        long now = sim.nowNanos();
        call.attemptsMade++;
        attempts++;
        AttemptTrace tracedBy = trace;
        long seq = tracedBy == null ? -1 : tracedBy.begin();
        BreakerState before = breaker.state();
        if (!breaker.tryAcquirePermission()) {
            breakerRejections++;
            reject(call, before, AttemptOutcome.REJECTED_BY_BREAKER, CallResult.Failure.BREAKER_OPEN, tracedBy, seq);
            return;
        }
        if (!bulkhead.tryAcquire()) {
            breaker.releasePermission();
            bulkheadRejections++;
            reject(call, before, AttemptOutcome.REJECTED_BY_BULKHEAD, CallResult.Failure.BULKHEAD_FULL, tracedBy, seq);
            return;
        }
        attemptsSent++;
        attemptsSentPerSecond.add(now);
        attemptsInFlight++;
        Attempt attempt = new Attempt(call, call.attemptsMade, now, before, tracedBy, seq);
        callee.submit(call.requestId, attempt);
        if (timeoutNanos > 0) {
            sim.scheduleIn(timeoutNanos, attempt);
        }
    }

    private void reject(Call call, BreakerState before, AttemptOutcome outcome, CallResult.Failure failure,
                        AttemptTrace tracedBy, long seq) {
        releaseRetry(call);
        if (tracedBy != null) {
            long now = sim.nowNanos();
            tracedBy.end(new AttemptRecord(seq, now, now, callee.name(), call.requestId, call.attemptsMade, outcome,
                    null, before, breaker.state()));
        }
        finish(call, failure);
    }

    /** @param success null for a timeout */
    private void endAttempt(Attempt attempt, Boolean success) {
        long now = sim.nowNanos();
        long durationNanos = now - attempt.startNanos;
        Call call = attempt.call;
        attemptsInFlight--;
        bulkhead.release();
        releaseRetry(call);
        AttemptOutcome outcome;
        CallResult.Failure failure;
        if (success == null) {
            timeouts++;
            breaker.onError(durationNanos);
            outcome = AttemptOutcome.TIMEOUT;
            failure = CallResult.Failure.TIMEOUT;
        } else if (success) {
            breaker.onSuccess(durationNanos);
            outcome = durationNanos > slowCallDurationThresholdNanos ? AttemptOutcome.SLOW_SUCCESS : AttemptOutcome.SUCCESS;
            failure = CallResult.Failure.NONE;
        } else {
            errors++;
            breaker.onError(durationNanos);
            outcome = AttemptOutcome.FAILURE;
            failure = CallResult.Failure.ERROR;
        }
        if (attempt.tracedBy != null) {
            // Slow as the breaker counts it: strictly above the threshold, failures and timeouts included.
            attempt.tracedBy.end(new AttemptRecord(attempt.seq, attempt.startNanos, now, callee.name(), call.requestId,
                    attempt.number, outcome, durationNanos > slowCallDurationThresholdNanos, attempt.breakerBefore,
                    breaker.state()));
        }

        if (failure == CallResult.Failure.NONE || !RetryPolicy.isRetryable(outcome)
                || call.attemptsMade >= config.retry().maxAttempts()) {
            finish(call, failure);
        } else if (!budget.tryAcquireRetry(now, attemptsInFlight)) {
            retriesDeniedByBudget++;
            call.retryDenied = true;
            finish(call, failure);
        } else {
            retries++;
            call.holdsRetry = true;
            long delayNanos = config.retry().backoff().delayNanos(call.attemptsMade, call.previousDelayNanos, random);
            call.previousDelayNanos = delayNanos;
            sim.scheduleIn(delayNanos, call);
        }
    }

    /** The attempt a granted retry was for has ended (Envoy counts a retry active until then). */
    private void releaseRetry(Call call) {
        if (call.holdsRetry) {
            call.holdsRetry = false;
            budget.onRetryFinished();
        }
    }

    private void finish(Call call, CallResult.Failure failure) {
        long durationNanos = sim.nowNanos() - call.startNanos;
        boolean success = failure == CallResult.Failure.NONE;
        if (success) {
            succeeded++;
        } else {
            failed++;
        }
        latency.recordNanos(durationNanos);
        call.callback.onComplete(new CallResult(call.requestId, callee.name(), success, failure, durationNanos,
                call.attemptsMade, call.retryDenied));
    }

    // ---------------------------------------------------------------- views and hooks

    /** Traces into {@code trace}, which may be shared with other clients; null turns it off. */
    public void setTrace(AttemptTrace trace) {
        this.trace = trace;
    }

    public String dependencyName() {
        return callee.name();
    }

    public DownstreamService dependency() {
        return dependency;
    }

    /** The breaker, for its view, its transitions and the explicit transitions. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    public Bulkhead bulkhead() {
        return bulkhead;
    }

    public RetryBudget retryBudget() {
        return budget;
    }

    /** Whole-call latency of finished calls; {@code takeInterval()} gives per-interval percentiles. */
    public LatencyRecorder latency() {
        return latency;
    }

    /** Calls started; like the next four, a plain counter, cheaper than {@link #stats()}'s latency summary. */
    public long requests() {
        return requests;
    }

    public long attemptsSent() {
        return attemptsSent;
    }

    /** Attempts that failed: answered with an error, or timed out. */
    public long failedAttempts() {
        return errors + timeouts;
    }

    public long retries() {
        return retries;
    }

    public long retriesDeniedByBudget() {
        return retriesDeniedByBudget;
    }

    public long breakerRejections() {
        return breakerRejections;
    }

    public MeshStats stats() {
        return new MeshStats(callee.name(), requests, succeeded, failed, attempts, attemptsSent, retries,
                retriesDeniedByBudget, breakerRejections, bulkheadRejections, timeouts, errors, attemptsInFlight,
                breaker.state(), latency.total());
    }

    /** Requests per completed virtual second, oldest first (at most {@link #HISTORY_SECONDS}). */
    public double[] requestsPerSecond() {
        return requestsPerSecond.completedSeconds(sim.nowNanos());
    }

    /** The newest of {@link #requestsPerSecond()} (NaN before a second has completed), for once-a-second readers. */
    public double lastRequestsPerSecond() {
        return requestsPerSecond.lastCompletedSecond(sim.nowNanos());
    }

    /** The newest of {@link #offeredLoadPerSecond()} (NaN before a second has completed). */
    public double lastOfferedLoadPerSecond() {
        return attemptsSentPerSecond.lastCompletedSecond(sim.nowNanos());
    }

    /** Attempts sent to the dependency per completed virtual second: the load offered to it. */
    public double[] offeredLoadPerSecond() {
        return attemptsSentPerSecond.completedSeconds(sim.nowNanos());
    }
}
