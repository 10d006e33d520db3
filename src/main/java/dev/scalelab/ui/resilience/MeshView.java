package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.BreakerTransition;
import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.engine.resilience.CallOutcome;
import dev.scalelab.ui.TextFit;
import dev.scalelab.world.Sample;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * The animated picture of the Resilience panel: the calling service on the left and, for each
 * dependency, a row with its mesh client's circuit breaker (a state machine with the current state
 * lit, and its sliding window as a ring of recent outcomes around the failure rate) in front of the
 * dependency itself (its workers, its queue, its faults). Dots sample the attempts: they fly from
 * the service through the breaker to the dependency, flash red where the dependency fails them, and
 * bounce off an open breaker.
 *
 * <p>Drawn on one {@link Canvas} that follows the region's size; colours are CSS properties
 * ({@code -sl-…} in {@code styles/resilience.css}). FX thread only; {@link #draw} allocates nothing:
 * the texts are made when a frame arrives.
 */
final class MeshView extends Region {
    private static final StyleablePropertyFactory<MeshView> STYLE = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private static final double MARGIN = 14;
    private static final double MIN_WIDTH = 560;
    private static final double MIN_HEIGHT = 200;
    private static final double SERVICE_WIDTH = 104;
    private static final double SERVICE_HEIGHT = 96;
    private static final double LEGEND_HEIGHT = 22;
    private static final double ROW_HEADER = 24;
    private static final double ROW_FOOTER = 22;
    private static final double MAX_CARD_HEIGHT = 196;
    private static final double MAX_BREAKER_WIDTH = 500;
    private static final double NODE_WIDTH = 96;
    /** The state machine is drawn as a triangle from this height of its area, as a row below it. */
    private static final double TRIANGLE_HEIGHT = 120;
    private static final double BREAKER_TITLE = 26;
    /** Narrowest state machines that stay legible, as a triangle and as a row. */
    private static final double MIN_TRIANGLE_WIDTH = 230;
    private static final double MIN_ROW_WIDTH = 3 * 74 + 2 * 40;
    private static final double BREAKER_FOOTER = 24;
    private static final double NODE_HEIGHT = 26;
    private static final double RING_THICKNESS = 10;
    private static final double MAX_RING_RADIUS = 60;
    private static final double DOT_RADIUS = 3.2;
    /** Ring segments drawn at most; a time window with more calls is drawn in groups. */
    private static final int MAX_RING_SEGMENTS = 180;
    /** Up to this many segments the ring shows each call apart. */
    private static final int SEPARATE_SEGMENTS = 30;

    private static final long TO_BREAKER_NANOS = 320_000_000L;
    private static final long BOUNCE_NANOS = 300_000_000L;
    private static final long TO_DEPENDENCY_NANOS = 320_000_000L;
    private static final long FLASH_NANOS = 260_000_000L;
    static final long DOT_LIFETIME_NANOS = TO_BREAKER_NANOS + TO_DEPENDENCY_NANOS + FLASH_NANOS;
    /**
     * The picture changes a little with every frame (counters, busy workers, the countdown), but ten
     * redraws a second read as live and cost a sixth of sixty; only the dots need every pulse.
     */
    static final long PICTURE_INTERVAL_NANOS = 100_000_000L;
    /** A frame's new dots leave spread over at most this long, not as one clump. */
    private static final long MAX_SPREAD_NANOS = 50_000_000L;

    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 13);
    private static final Font BOLD_FONT = Font.font("System", FontWeight.BOLD, 12);
    private static final Font LABEL_FONT = Font.font("System", 12);
    private static final Font SMALL_FONT = Font.font("System", 10.5);
    private static final Font NODE_FONT = Font.font("System", FontWeight.BOLD, 11);
    private static final Font BIG_FONT = Font.font("System", FontWeight.BOLD, 18);

    private final StyleableProperty<Color> textFill = color("textFill", "-sl-text-fill", v -> v.textFill, Color.BLACK);
    private final StyleableProperty<Color> mutedTextFill = color("mutedTextFill", "-sl-muted-text-fill", v -> v.mutedTextFill, Color.GRAY);
    private final StyleableProperty<Color> cardFill = color("cardFill", "-sl-card-fill", v -> v.cardFill, Color.WHITE);
    private final StyleableProperty<Color> cardBorder = color("cardBorder", "-sl-card-border", v -> v.cardBorder, Color.LIGHTGRAY);
    private final StyleableProperty<Color> closedFill = color("closedFill", "-sl-closed-fill", v -> v.closedFill, Color.SEAGREEN);
    private final StyleableProperty<Color> openFill = color("openFill", "-sl-open-fill", v -> v.openFill, Color.CRIMSON);
    private final StyleableProperty<Color> halfOpenFill = color("halfOpenFill", "-sl-half-open-fill", v -> v.halfOpenFill, Color.ORANGE);
    private final StyleableProperty<Color> onStateText = color("onStateText", "-sl-on-state-text", v -> v.onStateText, Color.WHITE);
    private final StyleableProperty<Color> busyFill = color("busyFill", "-sl-busy-fill", v -> v.busyFill, Color.STEELBLUE);
    private final StyleableProperty<Color> idleFill = color("idleFill", "-sl-idle-fill", v -> v.idleFill, Color.GAINSBORO);
    private final StyleableProperty<Color> queueFill = color("queueFill", "-sl-queue-fill", v -> v.queueFill, Color.ORANGE);
    private final StyleableProperty<Color> dotFill = color("dotFill", "-sl-dot-fill", v -> v.dotFill, Color.STEELBLUE);
    private final StyleableProperty<Color> retryFill = color("retryFill", "-sl-retry-fill", v -> v.retryFill, Color.MEDIUMPURPLE);
    private final StyleableProperty<Color> failFill = color("failFill", "-sl-fail-fill", v -> v.failFill, Color.CRIMSON);
    private final StyleableProperty<Color> slowFill = color("slowFill", "-sl-slow-fill", v -> v.slowFill, Color.ORANGE);
    private final StyleableProperty<Color> successFill = color("successFill", "-sl-success-fill", v -> v.successFill, Color.SEAGREEN);
    private final StyleableProperty<Color> linkStroke = color("linkStroke", "-sl-link-stroke", v -> v.linkStroke, Color.SILVER);
    private final StyleableProperty<Color> faultFill = color("faultFill", "-sl-fault-fill", v -> v.faultFill, Color.MISTYROSE);

    private static final String[] LEGEND = {"first attempt", "retry", "failed at the dependency", "rejected by the breaker",
            "window: success", "failure", "slow"};
    private static final double[] LEGEND_WIDTHS = TextFit.widths(LEGEND, SMALL_FONT);
    private static final double FAIL_WIDTH = TextFit.width("fail", SMALL_FONT);
    private static final double PASS_WIDTH = TextFit.width("pass", SMALL_FONT);

    /** The picture: cards, breakers, rings, texts. Redrawn at most {@link #PICTURE_INTERVAL_NANOS} apart. */
    private final Canvas picture = new Canvas();
    /** The dots on top, redrawn every pulse while any is in flight: a small fraction of the picture's cost. */
    private final Canvas dotLayer = new Canvas();
    private final Text measure = new Text();
    private final double[] arrowX = new double[3];
    private final double[] arrowY = new double[3];
    private final AttemptDots dots = new AttemptDots();
    private static final int FIRST_SPRITE = 0;
    private static final int RETRY_SPRITE = 1;
    private static final int REJECTED_SPRITE = 2;
    private static final int BULKHEAD_SPRITE = 3;
    private static final int FLASH_SPRITE = 4;
    /** Drawn larger than shown, so scaled-down dots and the growing flash stay round. */
    private static final double SPRITE_SIZE = 24;
    private final Image[] sprites = new Image[5];
    private final Color[] spriteColors = new Color[5];

    private Snapshot snapshot;
    private List<DependencyTrack> tracks = List.of();
    private double attemptsPerDot = 1;
    private boolean pictureDirty = true;
    /** Set when something must show at once rather than at the next tenth of a second: a breaker changed state. */
    private boolean pictureUrgent = true;
    private long pictureDrawnNanos = Long.MIN_VALUE;
    private byte[] drawnStates = new byte[0];
    private boolean dotsShown;
    private long lastLaunchNanos;

    // Geometry of the last layout; texts are fitted to it.
    private double laidOutWidth = -1;
    private double laidOutHeight = -1;
    private double rowHeight;
    private double cardHeight;
    private double breakerX;
    private double breakerWidth;
    private double dependencyX;
    private double dependencyWidth;
    private double ringRadius;
    private boolean compact;
    private boolean textsFitted;

    // Texts per dependency, made when a frame arrives, fitted to the layout.
    private String serviceRate = "";
    private String legendScale = "";
    private String[] headers = new String[0];
    private String[] summaries = new String[0];
    private String[] breakerSummaries = new String[0];
    private String[] statuses = new String[0];
    private String[] rates = new String[0];
    private String[] thresholds = new String[0];
    private String[] windowFills = new String[0];
    private String[] tripConditions = new String[0];
    private String[] waits = new String[0];
    private String[] workers = new String[0];
    private String[] queues = new String[0];
    private String[] loads = new String[0];
    private double[] amplificationWidths = new double[0];
    private String[] amplifications = new String[0];
    private String[] faults = new String[0];
    private String[] counters = new String[0];
    private String[] openNodeTexts = new String[0];
    private String[] halfOpenNodeTexts = new String[0];
    private String[] compactTexts = new String[0];
    private String[] ringCaptions = new String[0];
    private String[] workersAndQueues = new String[0];
    private String[] attemptsOnly = new String[0];
    private String[] busyOnly = new String[0];
    private String[] busyAndQueues = new String[0];
    private boolean[] amplified = new boolean[0];
    private String[] noBreakerTexts = new String[0];
    private double[] headerWidths = new double[0];
    private double legendScaleWidth;

    MeshView() {
        getStyleClass().add("mesh-view");
        getChildren().addAll(picture, dotLayer);
        measure.setFont(SMALL_FONT);
        // A canvas never shrinks on its own; let the region be as small as its parent wants.
        setMinSize(0, 0);
    }

    private StyleableProperty<Color> color(String name, String property, java.util.function.Function<MeshView, StyleableProperty<Color>> get, Color initial) {
        return STYLE.createStyleableColorProperty(this, name, property, get, initial);
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (picture.getWidth() != width || picture.getHeight() != height) {
            picture.setWidth(width);
            picture.setHeight(height);
            dotLayer.setWidth(width);
            dotLayer.setHeight(height);
            pictureDirty = true; // redrawn at the next pulse, not here
            pictureUrgent = true;
        }
    }

    /** Takes in a new frame; drawn at the next {@link #draw}. */
    void show(Snapshot newSnapshot, List<DependencyTrack> newTracks, double newAttemptsPerDot, boolean restarted) {
        if (restarted) {
            dots.clear();
        }
        snapshot = newSnapshot;
        tracks = newTracks;
        attemptsPerDot = newAttemptsPerDot;
        pictureDirty = true;
        List<Snapshot.DependencyView> views = newSnapshot.dependencies();
        if (restarted || drawnStates.length != views.size()) {
            pictureUrgent = true;
        } else {
            for (int i = 0; i < views.size(); i++) {
                if (drawnStates[i] != views.get(i).breaker().state().ordinal()) {
                    pictureUrgent = true;
                }
            }
        }
    }

    /** Launches this frame's dots, sampled by each track's {@link DotSampler}, spread over the time since the last frame. */
    void launch(long nowNanos) {
        long spread = Math.min(MAX_SPREAD_NANOS, Math.max(0, nowNanos - lastLaunchNanos));
        lastLaunchNanos = nowNanos;
        for (int d = 0; d < tracks.size(); d++) {
            DotSampler s = tracks.get(d).dots();
            int total = s.sent() + s.rejectedByBreaker() + s.rejectedByBulkhead();
            int n = 0;
            int failedLeft = s.failed();
            int retriesLeft = s.retries();
            for (int i = 0; i < s.sent(); i++, n++) {
                // Failed and retry dots are spread through the frame's dots rather than bunched at the start.
                boolean failed = failedLeft > 0 && (long) (i + 1) * s.failed() / s.sent() > s.failed() - failedLeft;
                boolean retry = retriesLeft > 0 && (long) (i + 1) * s.retries() / s.sent() > s.retries() - retriesLeft;
                if (failed) {
                    failedLeft--;
                }
                if (retry) {
                    retriesLeft--;
                }
                dots.add(start(nowNanos, spread, n, total), d, failed ? AttemptDots.FAILED : AttemptDots.SENT, retry);
            }
            for (int i = 0; i < s.rejectedByBreaker(); i++, n++) {
                dots.add(start(nowNanos, spread, n, total), d, AttemptDots.REJECTED_BY_BREAKER, false);
            }
            for (int i = 0; i < s.rejectedByBulkhead(); i++, n++) {
                dots.add(start(nowNanos, spread, n, total), d, AttemptDots.REJECTED_BY_BULKHEAD, false);
            }
        }
    }

    private static long start(long nowNanos, long spread, int index, int count) {
        return nowNanos - spread * (count - 1 - index) / Math.max(1, count);
    }

    /** Redraws the picture when a frame changed it and its time has come, and the dots while any moves. Once per pulse. */
    void draw(long nowNanos) {
        if (snapshot == null) {
            return;
        }
        if (pictureDirty && (pictureUrgent || nowNanos - pictureDrawnNanos >= PICTURE_INTERVAL_NANOS)) {
            makeTexts();
            renderPicture(picture.getGraphicsContext2D());
            pictureDirty = false;
            pictureUrgent = false;
            pictureDrawnNanos = nowNanos;
            List<Snapshot.DependencyView> views = snapshot.dependencies();
            if (drawnStates.length != views.size()) {
                drawnStates = new byte[views.size()];
            }
            for (int i = 0; i < views.size(); i++) {
                drawnStates[i] = (byte) views.get(i).breaker().state().ordinal();
            }
        }
        dots.expire(nowNanos, DOT_LIFETIME_NANOS);
        if (dots.size() > 0 || dotsShown) {
            GraphicsContext g = dotLayer.getGraphicsContext2D();
            g.clearRect(0, 0, dotLayer.getWidth(), dotLayer.getHeight());
            if (laidOut()) {
                makeSprites();
                drawDots(g, serviceY(), nowNanos);
            }
            dotsShown = dots.size() > 0;
        }
    }

    // ------------------------------------------------------------------ texts

    private void makeTexts() {
        int n = snapshot.dependencies().size();
        if (headers.length != n) {
            headers = new String[n];
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
            amplificationWidths = new double[n];
            amplifications = new String[n];
            faults = new String[n];
            counters = new String[n];
            openNodeTexts = new String[n];
            halfOpenNodeTexts = new String[n];
            compactTexts = new String[n];
            ringCaptions = new String[n];
            workersAndQueues = new String[n];
            attemptsOnly = new String[n];
            busyOnly = new String[n];
            busyAndQueues = new String[n];
            amplified = new boolean[n];
            noBreakerTexts = new String[n];
            headerWidths = new double[n];
        }
        Sample sample = snapshot.lastSample();
        serviceRate = sample == null ? "–" : Math.round(sample.offeredPerSecond()) + " req/s";
        textsFitted = false;
        legendScale = attemptsPerDot <= 1 ? "1 dot = 1 attempt" : "1 dot = " + Math.round(attemptsPerDot) + " attempts";
        legendScaleWidth = width(legendScale, SMALL_FONT);
        for (int i = 0; i < n; i++) {
            Snapshot.DependencyView v = snapshot.dependencies().get(i);
            Scenario.Dependency d = snapshot.current().dependencies().get(i);
            BreakerView b = v.breaker();
            headers[i] = v.name();
            headerWidths[i] = width(headers[i], TITLE_FONT);
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
            workers[i] = d.instances() + " × " + d.workersPerInstance() + " workers · " + v.busyWorkers() + " busy";
            queues[i] = "queue " + v.queueLength() + " / " + d.queueCapacity();
            SecondHistory h = i < tracks.size() ? tracks.get(i).history() : null;
            int last = h == null ? -1 : h.size() - 1;
            double attempts = last < 0 ? Double.NaN : h.value(SecondHistory.ATTEMPTS, last);
            double requests = last < 0 ? Double.NaN : h.value(SecondHistory.REQUESTS, last);
            loads[i] = Double.isNaN(attempts) ? "– attempts/s" : Math.round(attempts) + " attempts/s for " + Math.round(requests) + " req/s";
            // For a narrow card: the attempts, which the dots show; the requests only when they fit.
            attemptsOnly[i] = Double.isNaN(attempts) ? loads[i] : Math.round(attempts) + " attempts/s";
            amplifications[i] = ResilienceTexts.amplification(last < 0 ? Double.NaN : h.value(SecondHistory.AMPLIFICATION, last));
            amplificationWidths[i] = width(amplifications[i], BIG_FONT);
            faults[i] = v.activeFaults().isEmpty() ? "" : String.join(", ", v.activeFaults());
            counters[i] = ResilienceTexts.counters(v.stats());
            compactTexts[i] = "failure rate " + rates[i] + " · " + thresholds[i];
            ringCaptions[i] = thresholds[i] + " · " + windowFills[i];
            workersAndQueues[i] = workers[i] + " · " + queues[i];
            busyOnly[i] = v.busyWorkers() + " of " + d.instances() * d.workersPerInstance() + " workers busy";
            busyAndQueues[i] = v.busyWorkers() + " busy · " + queues[i];
            noBreakerTexts[i] = "None: every attempt is sent";
            // Red from one and a half attempts per request: retries are multiplying the load.
            amplified[i] = last >= 0 && h.value(SecondHistory.AMPLIFICATION, last) >= 1.5;
        }
    }

    /** Shortens the texts that could overflow their place to the width the last layout gives them. */
    private void fitTexts() {
        for (int i = 0; i < headers.length; i++) {
            summaries[i] = fit(summaries[i], SMALL_FONT, laidOutWidth - MARGIN - breakerX - 10 - headerWidths[i]);
            counters[i] = fit(counters[i], SMALL_FONT, dependencyX + dependencyWidth - breakerX);
            breakerSummaries[i] = fit(breakerSummaries[i], SMALL_FONT, breakerWidth - 130);
            ringCaptions[i] = fit(ringCaptions[i], SMALL_FONT, breakerWidth * 0.55);
            statuses[i] = fit(statuses[i], SMALL_FONT, compact ? breakerWidth - 24 : breakerWidth - 34 - width(ringCaptions[i], SMALL_FONT));
            thresholds[i] = fit(thresholds[i], SMALL_FONT, breakerWidth - 40 - 2 * ringRadius);
            windowFills[i] = fit(windowFills[i], SMALL_FONT, breakerWidth - 40 - 2 * ringRadius);
            workersAndQueues[i] = TextFit.fit(s -> width(s, SMALL_FONT), dependencyWidth - 20, workersAndQueues[i],
                    busyAndQueues[i], queues[i]);
            noBreakerTexts[i] = fit(noBreakerTexts[i], LABEL_FONT, breakerWidth - 20);
            compactTexts[i] = fit(compactTexts[i], BOLD_FONT, breakerWidth - NODE_WIDTH - 64);

            // The badge's text starts 16 px into the card and must end before the badge's round end:
            // when the whole fault does not fit, it loses its remark ("(connections refused)") rather
            // than its end ("until 141.5 s").
            faults[i] = TextFit.fit(s -> width(s, SMALL_FONT), dependencyWidth - 34, faults[i], TextFit.withoutParentheses(faults[i]));
            loads[i] = TextFit.fit(s -> width(s, SMALL_FONT), dependencyWidth - 20, loads[i], attemptsOnly[i]);
            workers[i] = TextFit.fit(s -> width(s, SMALL_FONT), dependencyWidth - 20, workers[i], busyOnly[i]);
        }
        textsFitted = true;
    }

    private String fit(String text, Font font, double maxWidth) {
        return TextFit.cut(t -> width(t, font), maxWidth, text);
    }

    private double width(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    // ------------------------------------------------------------------ layout

    private void layoutRows(double width, double height, int n) {
        if (width == laidOutWidth && height == laidOutHeight) {
            return;
        }
        laidOutWidth = width;
        laidOutHeight = height;
        textsFitted = false;
        double available = width - 2 * MARGIN - SERVICE_WIDTH;
        dependencyWidth = clamp(available * 0.27, 170, 270);
        double gapToBreaker = clamp(available * 0.09, 30, 120);
        double gapToDependency = clamp(available * 0.11, 36, 150);
        breakerWidth = available - dependencyWidth - gapToBreaker - gapToDependency;
        if (breakerWidth > MAX_BREAKER_WIDTH) {
            double extra = breakerWidth - MAX_BREAKER_WIDTH;
            breakerWidth = MAX_BREAKER_WIDTH;
            gapToBreaker += extra * 0.4;
            gapToDependency += extra * 0.6;
        }
        breakerX = MARGIN + SERVICE_WIDTH + gapToBreaker;
        dependencyX = breakerX + breakerWidth + gapToDependency;
        rowHeight = (height - 2 * MARGIN - LEGEND_HEIGHT) / Math.max(1, n);
        cardHeight = Math.min(MAX_CARD_HEIGHT, rowHeight - ROW_HEADER - ROW_FOOTER - 6);
        double middleHeight = cardHeight - BREAKER_TITLE - BREAKER_FOOTER;
        // The state machine needs this much width in the layout its height allows; the ring takes the rest.
        double machineWidth = middleHeight >= TRIANGLE_HEIGHT ? MIN_TRIANGLE_WIDTH : MIN_ROW_WIDTH;
        ringRadius = clamp(Math.min((middleHeight - 4) / 2, (breakerWidth - 24 - machineWidth - 30) / 2), 0, MAX_RING_RADIUS);
        if (ringRadius < 18) {
            ringRadius = 0; // too small to read: the rate is in the caption
        }
        // Without room for the machine itself, a breaker is drawn as its lit state beside the ring.
        compact = breakerWidth - 24 < machineWidth;
        if (compact) {
            ringRadius = clamp(Math.min((middleHeight - 4) / 2, (breakerWidth - 24 - 130) / 2), 0, MAX_RING_RADIUS);
            ringRadius = ringRadius < 18 ? 0 : ringRadius;
        }
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private double rowTop(int i) {
        return MARGIN + i * rowHeight;
    }

    private double cardTop(int i) {
        double areaTop = rowTop(i) + ROW_HEADER;
        double area = rowHeight - ROW_HEADER - ROW_FOOTER;
        return areaTop + Math.max(0, (area - cardHeight) / 2);
    }

    /** The wire's height in row i: through the middle of its cards. */
    private double wireY(int i) {
        return cardTop(i) + cardHeight / 2;
    }

    // ------------------------------------------------------------------ drawing

    /** True when the last picture laid out rows, so the dots know where to fly. */
    private boolean laidOut() {
        return laidOutWidth > 0 && drawnStates.length == snapshot.dependencies().size() && !snapshot.dependencies().isEmpty()
                && picture.getWidth() >= MIN_WIDTH && picture.getHeight() >= MIN_HEIGHT;
    }

    private double serviceY() {
        return (MARGIN + laidOutHeight - MARGIN - LEGEND_HEIGHT) / 2;
    }

    private void renderPicture(GraphicsContext g) {
        double width = picture.getWidth();
        double height = picture.getHeight();
        g.clearRect(0, 0, width, height);
        int n = snapshot.dependencies().size();
        if (n == 0 || width < MIN_WIDTH || height < MIN_HEIGHT) {
            return; // nothing to draw, or too small to be legible: the region is being collapsed
        }
        layoutRows(width, height, n);
        if (!textsFitted) {
            fitTexts();
        }
        g.setTextBaseline(VPos.CENTER);
        double serviceY = serviceY();
        for (int i = 0; i < n; i++) {
            drawLink(g, MARGIN + SERVICE_WIDTH, serviceY, breakerX, wireY(i));
            drawLink(g, breakerX + breakerWidth, wireY(i), dependencyX, wireY(i));
        }
        drawService(g, serviceY);
        for (int i = 0; i < n; i++) {
            Snapshot.DependencyView v = snapshot.dependencies().get(i);
            Scenario.Dependency d = snapshot.current().dependencies().get(i);
            drawRowHeader(g, i);
            drawBreaker(g, i, v, d, compact);
            drawDependency(g, i, v, d, cardHeight < 96);
            g.setFont(SMALL_FONT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(mutedTextFill.getValue());
            g.fillText(counters[i], breakerX, rowTop(i) + rowHeight - ROW_FOOTER / 2 - 2);
        }
        drawLegend(g, height - MARGIN - LEGEND_HEIGHT / 2 + 4, width - MARGIN);
    }

    private void drawCard(GraphicsContext g, double x, double y, double w, double h, Color border, double borderWidth) {
        g.setFill(cardFill.getValue());
        g.fillRoundRect(x, y, w, h, 10, 10);
        g.setStroke(border);
        g.setLineWidth(borderWidth);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 10, 10);
    }

    private void drawLink(GraphicsContext g, double fromX, double fromY, double toX, double toY) {
        g.setStroke(linkStroke.getValue());
        g.setLineWidth(2);
        double dx = toX - fromX;
        double dy = toY - fromY;
        double length = Math.hypot(dx, dy);
        double ux = dx / length;
        double uy = dy / length;
        g.strokeLine(fromX + 3 * ux, fromY + 3 * uy, toX - 9 * ux, toY - 9 * uy);
        arrowHead(g, toX - 2 * ux, toY - 2 * uy, ux, uy, linkStroke.getValue());
    }

    private void arrowHead(GraphicsContext g, double tipX, double tipY, double ux, double uy, Color fill) {
        arrowX[0] = tipX;
        arrowY[0] = tipY;
        arrowX[1] = tipX - 9 * ux - 4.5 * uy;
        arrowY[1] = tipY - 9 * uy + 4.5 * ux;
        arrowX[2] = tipX - 9 * ux + 4.5 * uy;
        arrowY[2] = tipY - 9 * uy - 4.5 * ux;
        g.setFill(fill);
        g.fillPolygon(arrowX, arrowY, 3);
    }

    private void drawService(GraphicsContext g, double centerY) {
        double top = centerY - SERVICE_HEIGHT / 2;
        drawCard(g, MARGIN, top, SERVICE_WIDTH, SERVICE_HEIGHT, cardBorder.getValue(), 1);
        double cx = MARGIN + SERVICE_WIDTH / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(textFill.getValue());
        g.setFont(TITLE_FONT);
        g.fillText("Service", cx, top + 22);
        g.setFont(LABEL_FONT);
        g.fillText(serviceRate, cx, top + 46);
        g.setFill(mutedTextFill.getValue());
        g.setFont(SMALL_FONT);
        g.fillText("calls each service", cx, top + 68);
        g.fillText("via its mesh client", cx, top + 82);
    }

    private void drawRowHeader(GraphicsContext g, int i) {
        double y = rowTop(i) + ROW_HEADER / 2;
        double x = breakerX;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(textFill.getValue());
        g.setFont(TITLE_FONT);
        g.fillText(headers[i], x, y);
        g.setFill(mutedTextFill.getValue());
        g.setFont(SMALL_FONT);
        g.fillText(summaries[i], x + headerWidths[i] + 10, y + 1);
    }

    private Color stateColor(BreakerState state) {
        switch (state) {
            case CLOSED: return closedFill.getValue();
            case OPEN:
            case FORCED_OPEN: return openFill.getValue();
            case HALF_OPEN: return halfOpenFill.getValue();
            default: return idleFill.getValue();
        }
    }

    /**
     * The breaker card: title and settings on top, the state machine on the left, the window ring on
     * the right, and along the bottom what the breaker does now and what the ring is measured against.
     */
    private void drawBreaker(GraphicsContext g, int i, Snapshot.DependencyView v, Scenario.Dependency d, boolean compact) {
        double x = breakerX;
        double y = cardTop(i);
        double w = breakerWidth;
        double h = cardHeight;
        BreakerView b = v.breaker();
        drawCard(g, x, y, w, h, d.breaker() == null ? cardBorder.getValue() : stateColor(b.state()), d.breaker() == null ? 1 : 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(textFill.getValue());
        g.setFont(BOLD_FONT);
        g.fillText("Circuit breaker", x + 10, y + 15);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(mutedTextFill.getValue());
        g.setFont(SMALL_FONT);
        g.fillText(breakerSummaries[i], x + w - 10, y + 15);
        if (d.breaker() == null) {
            drawNoBreaker(g, i, x, y, w, h);
            return;
        }
        if (cardHeight < 96) {
            // Too little height for the machine: one lit pill and the rate.
            drawNode(g, x + 10, y + 26, NODE_WIDTH + 30, stateText(i, b.state()), true, b.state(), nodeFraction(b, d));
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(BOLD_FONT);
            g.setFill(textFill.getValue());
            g.fillText(compactTexts[i], x + NODE_WIDTH + 54, y + 26 + NODE_HEIGHT / 2);
            return;
        }
        if (compact) {
            // Too narrow for the machine: the lit state with what it is measured against, beside the ring.
            double pillWidth = Math.min(NODE_WIDTH + 30, w - 24 - (ringRadius > 0 ? 2 * ringRadius + 20 : 0));
            double top = y + BREAKER_TITLE + 6;
            drawNode(g, x + 12, top, pillWidth, stateText(i, b.state()), true, b.state(), nodeFraction(b, d));
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(SMALL_FONT);
            g.setFill(mutedTextFill.getValue());
            g.fillText(thresholds[i], x + 12, top + NODE_HEIGHT + 20);
            g.fillText(windowFills[i], x + 12, top + NODE_HEIGHT + 34);
            if (ringRadius > 0) {
                drawRing(g, b, v.transitions(), d, rates[i], x + w - 14 - ringRadius, y + BREAKER_TITLE + (h - BREAKER_TITLE - BREAKER_FOOTER) / 2);
            }
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(SMALL_FONT);
            g.setFill(textFill.getValue());
            g.fillText(statuses[i], x + 12, y + h - BREAKER_FOOTER / 2 - 2);
            return;
        }
        double middleTop = y + BREAKER_TITLE;
        double middleHeight = h - BREAKER_TITLE - BREAKER_FOOTER;
        double ringSpace = ringRadius > 0 ? 2 * ringRadius + 30 : 0;
        drawStateMachine(g, i, b, d, x + 12, middleTop, w - 24 - ringSpace, middleHeight);
        if (ringRadius > 0) {
            drawRing(g, b, v.transitions(), d, rates[i], x + w - 14 - ringRadius, middleTop + middleHeight / 2);
        }
        double footerY = y + h - BREAKER_FOOTER / 2 - 2;
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(textFill.getValue());
        g.fillText(statuses[i], x + 12, footerY);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(mutedTextFill.getValue());
        g.fillText(ringCaptions[i], x + w - 10, footerY);
    }

    /** A client without a breaker: nothing stops its attempts, so the card shows how many it sends per request. */
    private void drawNoBreaker(GraphicsContext g, int i, double x, double y, double w, double h) {
        double cx = x + w / 2;
        double top = y + BREAKER_TITLE;
        double bottom = y + h - 8;
        boolean hint = bottom - top >= 110;
        double cy = (top + bottom - (hint ? 20 : 0)) / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(mutedTextFill.getValue());
        g.setFont(LABEL_FONT);
        g.fillText(noBreakerTexts[i], cx, cy - 24);
        g.setFill(amplified[i] ? failFill.getValue() : textFill.getValue());
        g.setFont(BIG_FONT);
        g.fillText(amplifications[i], cx, cy + 2);
        g.setFill(mutedTextFill.getValue());
        g.setFont(SMALL_FONT);
        g.fillText("attempts per request in the last second", cx, cy + 22);
        if (hint) {
            g.fillText("“Add a circuit breaker” on the right gives it one", cx, bottom - 8);
        }
    }

    private String stateText(int i, BreakerState state) {
        switch (state) {
            case OPEN: return openNodeTexts[i];
            case HALF_OPEN: return halfOpenNodeTexts[i];
            case CLOSED: return "CLOSED";
            case FORCED_OPEN: return "FORCED OPEN";
            case METRICS_ONLY: return "METRICS ONLY";
            default: return "DISABLED";
        }
    }

    /** How much of the wait in OPEN is left (the lit node empties as it runs out), or 1. */
    private static double nodeFraction(BreakerView b, Scenario.Dependency d) {
        if (b.state() != BreakerState.OPEN || d.breaker() == null) {
            return 1;
        }
        double waitNanos = d.breaker().waitDurationInOpenStateMs() * 1e6;
        return waitNanos <= 0 ? 0 : clamp(b.remainingWaitNanos() / waitNanos, 0, 1);
    }

    /**
     * The state machine: CLOSED, OPEN and HALF_OPEN with the four transitions as arrows (the trip,
     * labelled with the threshold; the wait; the trial calls passing or failing). With room, a
     * triangle (HALF_OPEN below between the others); in a low card, a row with the way back from
     * HALF_OPEN drawn underneath. The arrow of the last transition is drawn in the colour of the
     * state it led to.
     */
    private void drawStateMachine(GraphicsContext g, int i, BreakerView b, Scenario.Dependency d,
                                  double x, double y, double w, double h) {
        BreakerState state = b.state();
        boolean moved = b.transitionCount() > 0;
        Color idle = linkStroke.getValue();
        Color trip = state == BreakerState.OPEN && moved ? openFill.getValue() : idle;
        Color wait = state == BreakerState.HALF_OPEN ? halfOpenFill.getValue() : idle;
        Color pass = state == BreakerState.CLOSED && moved ? closedFill.getValue() : idle;
        g.setFont(SMALL_FONT);
        g.setFill(mutedTextFill.getValue());
        double closedX;
        double openX;
        double halfX;
        double topY;
        double halfY;
        double nodeW;
        if (h >= TRIANGLE_HEIGHT) {
            nodeW = Math.min(NODE_WIDTH + 14, (w - 40) / 2);
            closedX = x;
            openX = x + w - nodeW;
            topY = y + 12;
            halfX = x + (w - nodeW) / 2;
            halfY = y + h - NODE_HEIGHT - 2;
            double topBottom = topY + NODE_HEIGHT + 6; // below the countdown bar of OPEN
            double midY = topY + NODE_HEIGHT / 2;
            arrow(g, closedX + nodeW + 4, midY, openX - 4, midY, trip);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(tripConditions[i], (closedX + nodeW + openX) / 2, midY - 11);
            // OPEN -> HALF_OPEN after the wait (outer arrow), HALF_OPEN -> OPEN when the trials fail (inner one).
            double ax0 = openX + nodeW * 0.66;
            double ax1 = halfX + nodeW * 0.92;
            arrow(g, ax0, topBottom + 3, ax1, halfY - 3, wait);
            double bx0 = halfX + nodeW * 0.72;
            double bx1 = openX + nodeW * 0.42;
            arrow(g, bx0, halfY - 3, bx1, topBottom + 3, idle);
            double labelY = (topBottom + halfY) / 2;
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(waits[i], (ax0 + ax1) / 2 + 8, labelY);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("fail", (bx0 + bx1) / 2 - 8, labelY);
            // HALF_OPEN -> CLOSED when the trials pass.
            double cx0 = halfX + nodeW * 0.12;
            double cx1 = closedX + nodeW * 0.5;
            arrow(g, cx0, halfY - 3, cx1, topBottom + 3, pass);
            g.fillText("pass", (cx0 + cx1) / 2 - 8, labelY);
        } else {
            nodeW = Math.min(NODE_WIDTH + 4, (w - 2 * 44) / 3);
            double gap = (w - 3 * nodeW) / 2;
            closedX = x;
            openX = x + nodeW + gap;
            halfX = x + 2 * (nodeW + gap);
            topY = y + Math.max(16, (h - NODE_HEIGHT - 20) / 2 + 8);
            halfY = topY;
            double midY = topY + NODE_HEIGHT / 2;
            arrow(g, closedX + nodeW + 3, midY, openX - 3, midY, trip);
            arrow(g, openX + nodeW + 3, midY, halfX - 3, midY, wait);
            // The labels of the arrows sit above the pills' top edge, clear of the lines.
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(tripConditions[i], closedX + nodeW + gap / 2, topY - 6);
            g.fillText(waits[i], openX + nodeW + gap / 2, topY - 6);
            // The way back, underneath: to OPEN when the trials fail, to CLOSED when they pass.
            double under = topY + NODE_HEIGHT + 9; // below the countdown bar
            returnPath(g, halfX + nodeW * 0.35, openX + nodeW * 0.65, topY + NODE_HEIGHT + 1, under, idle);
            returnPath(g, halfX + nodeW * 0.15, closedX + nodeW * 0.5, topY + NODE_HEIGHT + 1, under + 9, pass);
            inlineLabel(g, "fail", FAIL_WIDTH, (halfX + openX + nodeW) / 2, under);
            inlineLabel(g, "pass", PASS_WIDTH, (closedX + nodeW + openX) / 2, under + 9);
        }
        drawNode(g, closedX, topY, nodeW, "CLOSED", state == BreakerState.CLOSED, BreakerState.CLOSED, 1);
        drawNode(g, openX, topY, nodeW, openNodeTexts[i], state == BreakerState.OPEN || state == BreakerState.FORCED_OPEN,
                BreakerState.OPEN, nodeFraction(b, d));
        drawNode(g, halfX, halfY, nodeW, halfOpenNodeTexts[i], state == BreakerState.HALF_OPEN, BreakerState.HALF_OPEN, 1);
        if (state == BreakerState.DISABLED || state == BreakerState.METRICS_ONLY) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(NODE_FONT);
            g.setFill(textFill.getValue());
            g.fillText(stateText(i, state), x + w / 2, y + h / 2);
        }
    }

    /** A label on a line, with the card's colour behind it so that the line stops either side of it. */
    private void inlineLabel(GraphicsContext g, String text, double textWidth, double cx, double cy) {
        g.setFill(cardFill.getValue());
        g.fillRect(cx - textWidth / 2 - 3, cy - 6, textWidth + 6, 12);
        g.setFill(mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(text, cx, cy);
    }

    /** A way back under a row of states: down from {@code fromX}, across at {@code depth}, up into {@code toX}. */
    private void returnPath(GraphicsContext g, double fromX, double toX, double top, double depth, Color color) {
        g.setStroke(color);
        g.setLineWidth(1.4);
        g.strokeLine(fromX, top + 6, fromX, depth);
        g.strokeLine(fromX, depth, toX, depth);
        g.strokeLine(toX, depth, toX, top + 9);
        arrowHead(g, toX, top + 6, 0, -1, color);
    }

    /**
     * A state as a pill: lit in its colour, else an outline. Under a lit OPEN, a bar empties as the
     * wait runs out ({@code fraction} is the part left).
     */
    private void drawNode(GraphicsContext g, double x, double y, double w, String text, boolean lit, BreakerState state, double fraction) {
        Color color = stateColor(state);
        if (lit) {
            g.setFill(color);
            g.fillRoundRect(x, y, w, NODE_HEIGHT, NODE_HEIGHT, NODE_HEIGHT);
            if (state == BreakerState.OPEN) {
                g.setFill(idleFill.getValue());
                g.fillRect(x + NODE_HEIGHT / 2, y + NODE_HEIGHT + 3, w - NODE_HEIGHT, 3);
                g.setFill(color);
                g.fillRect(x + NODE_HEIGHT / 2, y + NODE_HEIGHT + 3, (w - NODE_HEIGHT) * fraction, 3);
            }
        } else {
            g.setFill(cardFill.getValue());
            g.fillRoundRect(x, y, w, NODE_HEIGHT, NODE_HEIGHT, NODE_HEIGHT);
            g.setStroke(cardBorder.getValue());
            g.setLineWidth(1);
            g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, NODE_HEIGHT - 1, NODE_HEIGHT, NODE_HEIGHT);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(NODE_FONT);
        g.setFill(lit ? onStateText.getValue() : mutedTextFill.getValue());
        g.fillText(text, x + w / 2, y + NODE_HEIGHT / 2);
    }

    private void arrow(GraphicsContext g, double fromX, double fromY, double toX, double toY, Color color) {
        double dx = toX - fromX;
        double dy = toY - fromY;
        double length = Math.hypot(dx, dy);
        if (length < 12) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        g.setStroke(color);
        g.setLineWidth(1.6);
        g.strokeLine(fromX, fromY, toX - 7 * ux, toY - 7 * uy);
        arrowX[0] = toX;
        arrowY[0] = toY;
        arrowX[1] = toX - 8 * ux - 4 * uy;
        arrowY[1] = toY - 8 * uy + 4 * ux;
        arrowX[2] = toX - 8 * ux + 4 * uy;
        arrowY[2] = toY - 8 * uy - 4 * ux;
        g.setFill(color);
        g.fillPolygon(arrowX, arrowY, 3);
    }

    /**
     * The sliding window as a ring read clockwise from the top, oldest first: one segment per call
     * the window can hold (count-based) or holds (time-based), coloured by outcome, the rest empty.
     * In the middle the failure rate, red once it has reached the threshold with enough calls.
     */
    private void drawRing(GraphicsContext g, BreakerView b, List<BreakerTransition> transitions, Scenario.Dependency d,
                          String rate, double cx, double cy) {
        CallOutcome[] outcomes = b.recentOutcomes();
        int slots = Math.max(BreakerWindow.capacity(b, transitions, d.breaker()), Math.max(1, outcomes.length));
        int segments = Math.min(slots, MAX_RING_SEGMENTS);
        double thickness = Math.min(RING_THICKNESS, ringRadius / 3);
        double r = ringRadius - thickness / 2;
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineWidth(thickness);
        g.setStroke(idleFill.getValue());
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        // Few segments are drawn apart; many are drawn as runs of one colour, a handful of arcs per ring.
        double gap = segments <= SEPARATE_SEGMENTS ? 2 : 0; // degrees
        double sweep = 360.0 / segments;
        int runStart = 0;
        Color runColor = null;
        for (int s = 0; s <= segments; s++) {
            Color color = s < segments ? segmentColor(outcomes, s, slots, segments) : null;
            if (s > 0 && (color != runColor || gap > 0 || s == segments)) {
                if (runColor != null) {
                    g.setStroke(runColor);
                    // JavaFX arcs run counter-clockwise from 3 o'clock; the ring runs clockwise from 12.
                    g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, 90 - runStart * sweep - gap / 2,
                            -((s - runStart) * sweep - gap), ArcType.OPEN);
                }
                runStart = s;
            }
            runColor = color;
        }
        boolean evaluated = b.bufferedCalls() >= b.minimumCalls();
        boolean tripping = evaluated && !Float.isNaN(b.failureRatePercent()) && d.breaker().mode().equals("resilience4j")
                && b.failureRatePercent() >= d.breaker().failureRateThreshold();
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(ringRadius >= 34 ? BIG_FONT : BOLD_FONT);
        g.setFill(tripping ? failFill.getValue() : evaluated ? textFill.getValue() : mutedTextFill.getValue());
        if (ringRadius >= 34) {
            g.fillText(rate, cx, cy - 7);
            g.setFont(SMALL_FONT);
            g.setFill(mutedTextFill.getValue());
            g.fillText("failed", cx, cy + 10);
        } else {
            g.fillText(rate, cx, cy);
        }
    }

    /** Segment s covers outcomes [from, to); with more outcomes than segments, the worst one shows. Null: empty. */
    private Color segmentColor(CallOutcome[] outcomes, int segment, int slots, int segments) {
        int from = (int) ((long) segment * slots / segments);
        int to = (int) ((long) (segment + 1) * slots / segments);
        Color color = null;
        for (int k = from; k < to && k < outcomes.length; k++) {
            Color c = outcomeColor(outcomes[k]);
            if (color == null || c == failFill.getValue() || (c == slowFill.getValue() && color == successFill.getValue())) {
                color = c;
            }
        }
        return color;
    }

    private Color outcomeColor(CallOutcome outcome) {
        switch (outcome) {
            case SUCCESS: return successFill.getValue();
            case SLOW_SUCCESS: return slowFill.getValue();
            default: return failFill.getValue();
        }
    }

    /**
     * The dependency: what it is offered and the amplification at the top; its fault as a red badge
     * at the bottom; its queue above that; its workers in between while there is room for them.
     */
    private void drawDependency(GraphicsContext g, int i, Snapshot.DependencyView v, Scenario.Dependency d, boolean compact) {
        double x = dependencyX;
        double y = cardTop(i);
        double w = dependencyWidth;
        double h = cardHeight;
        boolean faulty = !faults[i].isEmpty();
        drawCard(g, x, y, w, h, faulty ? failFill.getValue() : cardBorder.getValue(), faulty ? 2 : 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(textFill.getValue());
        g.setFont(BOLD_FONT);
        g.fillText(headers[i], x + 10, y + 15);
        g.setFont(BIG_FONT);
        g.setFill(amplified[i] ? failFill.getValue() : textFill.getValue());
        g.fillText(amplifications[i], x + 10, y + 38);
        g.setFont(SMALL_FONT);
        g.setFill(mutedTextFill.getValue());
        g.fillText("attempts per request", x + 16 + amplificationWidths[i], y + 40);
        g.setFill(textFill.getValue());
        g.fillText(loads[i], x + 10, y + 59);
        double bottom = y + h - 8;
        if (faulty) {
            // The fault badge: what is injected and until when.
            double badgeH = 18;
            bottom -= badgeH + 4;
            g.setFill(faultFill.getValue());
            g.fillRoundRect(x + 8, bottom + 4, w - 16, badgeH, badgeH, badgeH);
            g.setFill(failFill.getValue());
            g.setFont(SMALL_FONT);
            g.fillText(faults[i], x + 16, bottom + 4 + badgeH / 2);
        }
        if (compact) {
            return;
        }
        double barY = bottom - 6;
        g.setFill(idleFill.getValue());
        g.fillRect(x + 10, barY, w - 20, 6);
        double fraction = d.queueCapacity() > 0 ? Math.min(1, v.queueLength() / (double) d.queueCapacity()) : 0;
        if (fraction > 0) {
            g.setFill(fraction >= 1 ? failFill.getValue() : queueFill.getValue());
            g.fillRect(x + 10, barY, Math.max(2, (w - 20) * fraction), 6);
        }
        g.setFill(mutedTextFill.getValue());
        double gridTop = y + 86;
        double gridBottom = barY - 20;
        if (gridBottom - gridTop >= 8) {
            g.fillText(queues[i], x + 10, barY - 9);
            g.fillText(workers[i], x + 10, y + 76);
            drawWorkers(g, v, x + 10, gridTop, w - 20, gridBottom - gridTop);
        } else {
            // No room for the cells: the workers and the queue share the line above the bar.
            g.fillText(workersAndQueues[i], x + 10, barY - 9);
        }
    }

    private void drawWorkers(GraphicsContext g, Snapshot.DependencyView v, double x, double y, double w, double h) {
        int servers = v.servers();
        if (h < 4 || w < 4 || servers <= 0) {
            return;
        }
        double gapPx = 2;
        double cell = 0;
        for (double c = 14; c >= 3; c -= 1) {
            int perRow = (int) ((w + gapPx) / (c + gapPx));
            int rows = (int) ((h + gapPx) / (c + gapPx));
            if ((long) perRow * rows >= servers) {
                cell = c;
                break;
            }
        }
        if (cell == 0) {
            g.setFill(idleFill.getValue());
            g.fillRect(x, y, w, Math.min(h, 10));
            g.setFill(busyFill.getValue());
            g.fillRect(x, y, w * Math.min(1, v.busyWorkers() / (double) servers), Math.min(h, 10));
            return;
        }
        int perRow = (int) ((w + gapPx) / (cell + gapPx));
        for (int k = 0; k < servers; k++) {
            g.setFill(k < v.busyWorkers() ? busyFill.getValue() : idleFill.getValue());
            g.fillRect(x + (k % perRow) * (cell + gapPx), y + (k / perRow) * (cell + gapPx), cell, cell);
        }
    }

    /**
     * Each dot flies from the service to its breaker; one the breaker (or the bulkhead) rejects
     * bounces back and fades, the others go on to the dependency, where a failed one flashes red.
     */
    private void drawDots(GraphicsContext g, double serviceY, long nowNanos) {
        double fromX = MARGIN + SERVICE_WIDTH;
        for (int k = 0; k < dots.size(); k++) {
            long age = nowNanos - dots.startNanos(k);
            int i = dots.dependency(k);
            if (age < 0 || i >= snapshot.dependencies().size()) {
                continue;
            }
            byte kind = dots.kind(k);
            Image sprite = sprites[dots.retry(k) ? RETRY_SPRITE : FIRST_SPRITE];
            double wire = wireY(i);
            if (age < TO_BREAKER_NANOS) {
                double t = age / (double) TO_BREAKER_NANOS;
                sprite(g, sprite, fromX + (breakerX - fromX) * t, serviceY + (wire - serviceY) * t, DOT_RADIUS, 1);
                continue;
            }
            long after = age - TO_BREAKER_NANOS;
            if (kind == AttemptDots.REJECTED_BY_BREAKER || kind == AttemptDots.REJECTED_BY_BULKHEAD) {
                if (after < BOUNCE_NANOS) {
                    double t = after / (double) BOUNCE_NANOS;
                    double back = 0.35 * (1 - (1 - t) * (1 - t)); // eases out: a bounce, not a return trip
                    sprite(g, sprites[kind == AttemptDots.REJECTED_BY_BREAKER ? REJECTED_SPRITE : BULKHEAD_SPRITE],
                            breakerX - (breakerX - fromX) * back, wire - (wire - serviceY) * back, DOT_RADIUS, 1 - t);
                }
                continue;
            }
            double gateX = breakerX + breakerWidth;
            if (after < TO_DEPENDENCY_NANOS) {
                double t = after / (double) TO_DEPENDENCY_NANOS;
                sprite(g, sprite, gateX + (dependencyX - gateX) * t, wire, DOT_RADIUS, 1);
            } else if (kind == AttemptDots.FAILED) {
                double t = (after - TO_DEPENDENCY_NANOS) / (double) FLASH_NANOS;
                sprite(g, sprites[FLASH_SPRITE], dependencyX, wire, 4 + 7 * t, 1 - t);
            }
        }
    }

    /** Draws a dot's image centred on (x, y) with the given radius and opacity. */
    private static void sprite(GraphicsContext g, Image image, double x, double y, double radius, double alpha) {
        g.setGlobalAlpha(Math.max(0, alpha));
        g.drawImage(image, x - radius, y - radius, 2 * radius, 2 * radius);
        g.setGlobalAlpha(1);
    }

    /**
     * The dots as small images, drawn once per colour: copying an image costs far less than
     * rasterizing hundreds of ovals every pulse. Remade when the theme's colours change.
     */
    private void makeSprites() {
        Color[] colors = {dotFill.getValue(), retryFill.getValue(), failFill.getValue(), mutedTextFill.getValue(), failFill.getValue()};
        boolean same = true;
        for (int k = 0; k < colors.length; k++) {
            same &= colors[k].equals(spriteColors[k]);
        }
        if (same) {
            return;
        }
        Canvas scratch = new Canvas(SPRITE_SIZE, SPRITE_SIZE);
        GraphicsContext g = scratch.getGraphicsContext2D();
        SnapshotParameters transparent = new SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        for (int k = 0; k < colors.length; k++) {
            g.clearRect(0, 0, SPRITE_SIZE, SPRITE_SIZE);
            if (k == REJECTED_SPRITE || k == BULKHEAD_SPRITE) {
                // A rejected attempt is hollow, so a bounce reads apart from a failure at the dependency.
                g.setStroke(colors[k]);
                g.setLineWidth(SPRITE_SIZE * 0.2);
                g.strokeOval(SPRITE_SIZE * 0.12, SPRITE_SIZE * 0.12, SPRITE_SIZE * 0.76, SPRITE_SIZE * 0.76);
            } else {
                g.setFill(colors[k]);
                g.fillOval(0, 0, SPRITE_SIZE, SPRITE_SIZE);
            }
            sprites[k] = scratch.snapshot(transparent, null);
            spriteColors[k] = colors[k];
        }
    }

    private void drawLegend(GraphicsContext g, double y, double maxX) {
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(mutedTextFill.getValue());
        g.fillText(legendScale, MARGIN, y);
        double x = MARGIN + legendScaleWidth + 18;
        for (int k = 0; k < LEGEND.length && x + 12 + LEGEND_WIDTHS[k] <= maxX; k++) {
            Color swatch = legendSwatch(k);
            g.setFill(swatch);
            if (k == 3) {
                g.setStroke(swatch);
                g.setLineWidth(1.8);
                g.strokeOval(x + 1, y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
            } else if (k < 3) {
                g.fillOval(x, y - DOT_RADIUS - 1, 2 * DOT_RADIUS + 2, 2 * DOT_RADIUS + 2);
            } else {
                g.fillRect(x, y - 4, 10, 8);
            }
            x += 14;
            g.setFill(mutedTextFill.getValue());
            g.fillText(LEGEND[k], x, y);
            x += LEGEND_WIDTHS[k] + 14;
        }
    }

    private Color legendSwatch(int entry) {
        switch (entry) {
            case 0: return dotFill.getValue();
            case 1: return retryFill.getValue();
            case 2:
            case 3: return failFill.getValue();
            case 4: return successFill.getValue();
            case 5: return failFill.getValue();
            default: return slowFill.getValue();
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
