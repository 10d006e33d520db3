package dev.scalelab.ui.resilience;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.ui.TextFit;
import dev.scalelab.world.Sample;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The texts of the {@link MeshView}, per dependency: made when a frame arrives ({@link #make}), then
 * shortened to the places the layout gives them ({@link #fit}), so that drawing a frame makes no
 * strings. The fonts of the picture live here, beside the measures that fit texts in them.
 * FX thread only.
 */
final class MeshTexts {
    static final CanvasFont TITLE_FONT = CanvasFont.of("System", FontWeight.BOLD, 13);
    static final CanvasFont BOLD_FONT = CanvasFont.of("System", FontWeight.BOLD, 12);
    static final CanvasFont LABEL_FONT = CanvasFont.of("System", 12);
    static final CanvasFont SMALL_FONT = CanvasFont.of("System", 10.5);
    static final CanvasFont NODE_FONT = CanvasFont.of("System", FontWeight.BOLD, 11);
    static final CanvasFont BIG_FONT = CanvasFont.of("System", FontWeight.BOLD, 18);
    /** Room a breaker card keeps beside its texts for its state pill. */
    private static final double NODE_WIDTH = 96;

    private final ToDoubleFunction<String> small = TextFit.measure(SMALL_FONT.font());
    private final ToDoubleFunction<String> label = TextFit.measure(LABEL_FONT.font());
    private final ToDoubleFunction<String> bold = TextFit.measure(BOLD_FONT.font());
    private final ToDoubleFunction<String> title = TextFit.measure(TITLE_FONT.font());
    private final ToDoubleFunction<String> big = TextFit.measure(BIG_FONT.font());

    String serviceRate = "";
    String legendScale = "";
    double legendScaleWidth;
    String[] headers = new String[0];
    double[] headerWidths = new double[0];
    String[] summaries = new String[0];
    String[] breakerSummaries = new String[0];
    String[] statuses = new String[0];
    String[] rates = new String[0];
    String[] thresholds = new String[0];
    String[] windowFills = new String[0];
    String[] tripConditions = new String[0];
    String[] waits = new String[0];
    String[] workers = new String[0];
    String[] queues = new String[0];
    String[] loads = new String[0];
    String[] amplifications = new String[0];
    double[] amplificationWidths = new double[0];
    /** Red from one and a half attempts per request: retries are multiplying the load. */
    boolean[] amplified = new boolean[0];
    String[] faults = new String[0];
    String[] counters = new String[0];
    String[] openNodeTexts = new String[0];
    String[] halfOpenNodeTexts = new String[0];
    String[] compactTexts = new String[0];
    String[] ringCaptions = new String[0];
    String[] workersAndQueues = new String[0];
    String[] noBreakerTexts = new String[0];
    private String[] attemptsOnly = new String[0];
    private String[] busyOnly = new String[0];
    private String[] busyAndQueues = new String[0];
    private boolean fitted;
    /** The box on the left: the pipeline's service, or a drawn API's callers; its two small lines. */
    String serviceTitle = "Service";
    private double callerRequests;
    String[] serviceLines = {"calls each service", "via its mesh client"};

    /** Makes the texts of a new frame; they need {@link #fit} before they are drawn. */
    void make(Snapshot snapshot, List<DependencyTrack> tracks, double attemptsPerDot) {
        int n = snapshot.dependencies().size();
        if (headers.length != n) {
            allocate(n);
        }
        Sample sample = snapshot.lastSample();
        serviceRate = sample == null ? "–" : Math.round(sample.offeredPerSecond()) + " req/s";
        // A drawn external API's dependencies are the edges calling it ("checkout->pay"; a pipeline dependency's name has no '>'):
        // the box on the left is their callers, not one service.
        java.util.List<String> callers = new java.util.ArrayList<>();
        for (Snapshot.DependencyView v : snapshot.dependencies()) {
            int arrow = v.name().indexOf("->");
            if (arrow > 0 && !callers.contains(v.name().substring(0, arrow))) {
                callers.add(v.name().substring(0, arrow));
            }
        }
        boolean drawn = n > 0 && snapshot.dependencies().stream().allMatch(v -> v.name().contains("->"));
        String joined = String.join(", ", callers);
        serviceTitle = drawn ? (callers.size() == 1 ? "Caller" : "Callers") : "Service";
        serviceLines = drawn ? new String[] {joined.length() <= 20 ? joined : callers.size() + " services", "via their sidecars"}
                : new String[] {"calls each service", "via its mesh client"};
        fitted = false;
        legendScale = attemptsPerDot <= 1 ? "1 dot = 1 attempt" : "1 dot = " + Math.round(attemptsPerDot) + " attempts";
        legendScaleWidth = small.applyAsDouble(legendScale);
        for (int i = 0; i < n; i++) {
            Snapshot.DependencyView v = snapshot.dependencies().get(i);
            Scenario.Dependency d = snapshot.current().dependencies().get(i);
            BreakerView b = v.breaker();
            headers[i] = v.name();
            headerWidths[i] = title.applyAsDouble(headers[i]);
            summaries[i] = ResilienceTexts.clientSummary(d);
            breakerSummaries[i] = d.breaker() == null ? "" : ResilienceTexts.breakerSummary(d.breaker());
            statuses[i] = ResilienceTexts.status(b, d.breaker());
            rates[i] = ResilienceTexts.percent(b.failureRatePercent());
            thresholds[i] = d.breaker() == null ? "" : d.breaker().mode().equals("consecutive")
                    ? "opens at " + d.breaker().consecutiveFailures() + " failures in a row"
                    : "opens at " + ResilienceTexts.tripCondition(d.breaker());
            windowFills[i] = d.breaker() != null && d.breaker().mode().equals("consecutive")
                    ? ResilienceTexts.calls(b.bufferedCalls()) + " recent" : ResilienceTexts.calls(b.bufferedCalls()) + ", min " + b.minimumCalls();
            tripConditions[i] = d.breaker() == null ? "" : ResilienceTexts.tripCondition(d.breaker());
            waits[i] = d.breaker() == null ? "" : "wait " + ResilienceTexts.duration(d.breaker().waitDurationInOpenStateMs());
            openNodeTexts[i] = b.state() == BreakerState.OPEN ? "OPEN " + ResilienceTexts.seconds(b.remainingWaitNanos()) : "OPEN";
            halfOpenNodeTexts[i] = b.state() == BreakerState.HALF_OPEN && d.breaker() != null
                    ? "HALF-OPEN " + b.halfOpenPermitsLeft() + "/" + ResilienceTexts.halfOpenCalls(d.breaker()) : "HALF-OPEN";
            // A drawn external API of unknown capacity (0 instances) takes every call at once: no workers, no queue.
            boolean unlimited = v.servers() == 0;
            workers[i] = unlimited ? "no capacity limit · " + v.busyWorkers() + " in flight"
                    : d.instances() + " × " + d.workersPerInstance() + " workers · " + v.busyWorkers() + " busy";
            queues[i] = unlimited ? "no queue" : "queue " + v.queueLength() + " / " + d.queueCapacity();
            SecondHistory h = i < tracks.size() ? tracks.get(i).history() : null;
            int last = h == null ? -1 : h.size() - 1;
            double attempts = last < 0 ? Double.NaN : h.value(SecondHistory.ATTEMPTS, last);
            double requests = last < 0 ? Double.NaN : h.value(SecondHistory.REQUESTS, last);
            loads[i] = Double.isNaN(attempts) ? "– attempts/s" : Math.round(attempts) + " attempts/s for " + Math.round(requests) + " req/s";
            // For a narrow card: the attempts, which the dots show; the requests only when they fit.
            attemptsOnly[i] = Double.isNaN(attempts) ? loads[i] : Math.round(attempts) + " attempts/s";
            amplifications[i] = ResilienceTexts.amplification(last < 0 ? Double.NaN : h.value(SecondHistory.AMPLIFICATION, last));
            amplificationWidths[i] = big.applyAsDouble(amplifications[i]);
            faults[i] = v.activeFaults().isEmpty() ? "" : String.join(", ", v.activeFaults());
            counters[i] = ResilienceTexts.counters(v.stats());
            compactTexts[i] = "failure rate " + rates[i] + " · " + thresholds[i];
            ringCaptions[i] = thresholds[i] + " · " + windowFills[i];
            workersAndQueues[i] = workers[i] + " · " + queues[i];
            busyOnly[i] = unlimited ? v.busyWorkers() + " in flight" : v.busyWorkers() + " of " + d.instances() * d.workersPerInstance()
                    + " workers busy";
            busyAndQueues[i] = v.busyWorkers() + " busy · " + queues[i];
            noBreakerTexts[i] = "None: every attempt is sent";
            amplified[i] = last >= 0 && h.value(SecondHistory.AMPLIFICATION, last) >= 1.5;
            if (drawn) {
                callerRequests = i == 0 ? requests : callerRequests + requests;
            }
        }
        if (drawn) {
            serviceRate = Double.isNaN(callerRequests) ? "–" : Math.round(callerRequests) + " req/s";
        }
    }

    private void allocate(int n) {
        headers = new String[n];
        headerWidths = new double[n];
        summaries = new String[n];
        breakerSummaries = new String[n];
        statuses = new String[n];
        rates = new String[n];
        thresholds = new String[n];
        windowFills = new String[n];
        tripConditions = new String[n];
        waits = new String[n];
        workers = new String[n];
        queues = new String[n];
        loads = new String[n];
        amplifications = new String[n];
        amplificationWidths = new double[n];
        amplified = new boolean[n];
        faults = new String[n];
        counters = new String[n];
        openNodeTexts = new String[n];
        halfOpenNodeTexts = new String[n];
        compactTexts = new String[n];
        ringCaptions = new String[n];
        workersAndQueues = new String[n];
        noBreakerTexts = new String[n];
        attemptsOnly = new String[n];
        busyOnly = new String[n];
        busyAndQueues = new String[n];
    }

    /** Marks the texts for fitting again, to a new layout. */
    void unfit() {
        fitted = false;
    }

    /** Shortens the texts that could overflow their place to the width the layout gives them; once per frame and layout. */
    void fit(MeshLayout layout) {
        if (fitted) {
            return;
        }
        double breakerWidth = layout.breakerWidth;
        double dependencyWidth = layout.dependencyWidth;
        double ringRadius = layout.ringRadius;
        for (int i = 0; i < headers.length; i++) {
            summaries[i] = TextFit.cut(small, layout.width() - MeshLayout.MARGIN - layout.breakerX - 10 - headerWidths[i], summaries[i]);
            counters[i] = TextFit.cut(small, layout.dependencyX + dependencyWidth - layout.breakerX, counters[i]);
            breakerSummaries[i] = TextFit.cut(small, breakerWidth - 130, breakerSummaries[i]);
            ringCaptions[i] = TextFit.cut(small, breakerWidth * 0.55, ringCaptions[i]);
            statuses[i] = TextFit.cut(small, layout.compact ? breakerWidth - 24
                    : breakerWidth - 34 - small.applyAsDouble(ringCaptions[i]), statuses[i]);
            thresholds[i] = TextFit.cut(small, breakerWidth - 40 - 2 * ringRadius, thresholds[i]);
            windowFills[i] = TextFit.cut(small, breakerWidth - 40 - 2 * ringRadius, windowFills[i]);
            workersAndQueues[i] = TextFit.fit(small, dependencyWidth - 20, workersAndQueues[i], busyAndQueues[i], queues[i]);
            noBreakerTexts[i] = TextFit.cut(label, breakerWidth - 20, noBreakerTexts[i]);
            compactTexts[i] = TextFit.cut(bold, breakerWidth - NODE_WIDTH - 64, compactTexts[i]);
            // The badge's text starts 16 px into the card and must end before the badge's round end:
            // when the whole fault does not fit, it loses its remark ("(connections refused)") rather
            // than its end ("until 141.5 s").
            faults[i] = TextFit.fit(small, dependencyWidth - 34, faults[i], TextFit.withoutParentheses(faults[i]));
            loads[i] = TextFit.fit(small, dependencyWidth - 20, loads[i], attemptsOnly[i]);
            workers[i] = TextFit.fit(small, dependencyWidth - 20, workers[i], busyOnly[i]);
        }
        fitted = true;
    }
}
