package dev.scalelab.ui.performance;

import dev.scalelab.ui.Formats;
import dev.scalelab.world.PerformanceView.SpanView;
import dev.scalelab.world.PerformanceView.TraceView;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/**
 * One request as a tracing UI's waterfall: a row per span, its bar placed at its start on a time
 * axis in ms from the request's arrival and as long as the span, in its phase's colour (the
 * colours of the latency-breakdown charts), labelled with the phase and its duration. Short spans
 * keep a visible sliver; many spans share the height, down to thin rows.
 *
 * <p>FX thread only.
 */
final class TraceWaterfall extends PerformanceCanvas {
    private static final double LABEL_WIDTH = 150;
    private static final double HEADER = 24;
    private static final double AXIS = 22;
    private static final double MAX_ROW = 24;
    private static final double PAD = 10;

    private TraceView trace;

    TraceWaterfall() {
        super("trace-waterfall");
        setPrefSize(520, 260);
    }

    /** Shows {@code trace}; null shows the hint to pick one. */
    void show(TraceView trace) {
        this.trace = trace;
        invalidate();
    }

    TraceView trace() {
        return trace;
    }

    @Override
    void paint(GraphicsContext g, double width, double height) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        if (trace == null) {
            g.setFont(LABEL_FONT.font());
            g.setFill(mutedTextFill.getValue());
            g.fillText(fit("Pick a request on the left to see where its time went.", LABEL_FONT.font(), width - 2 * PAD), PAD, height / 2);
            return;
        }
        g.setFont(TITLE_FONT.font());
        g.setFill(textFill.getValue());
        g.fillText(fit("Request " + trace.requestId() + " · " + Formats.millis(trace.latencyMs()) + " ms · " + trace.instanceId()
                + " · arrived at " + Formats.clock(trace.startSeconds()), TITLE_FONT.font(), width - 2 * PAD), PAD, HEADER / 2 + 2);

        double plotX = PAD + LABEL_WIDTH;
        double plotW = width - plotX - PAD;
        int n = trace.spans().size();
        double rowH = n == 0 ? MAX_ROW : Math.min(MAX_ROW, (height - HEADER - AXIS - 6) / n);
        double top = HEADER + 6;
        double latency = Math.max(trace.latencyMs(), 1e-9);
        double msPerPx = latency / Math.max(1, plotW);
        drawGrid(g, plotX, plotW, top, top + n * rowH, latency);
        for (int i = 0; i < n; i++) {
            SpanView span = trace.spans().get(i);
            double y = top + i * rowH;
            double cy = y + rowH / 2;
            if (rowH >= 11) {
                g.setFont(SMALL_FONT.font());
                g.setFill(textFill.getValue());
                String label = phaseLabel(span.phase().id()) + "  " + Formats.millis(span.durationMs()) + " ms";
                g.fillText(fit(label, SMALL_FONT.font(), LABEL_WIDTH - 8), PAD, cy);
            }
            double x = plotX + span.startMs() / msPerPx;
            double w = Math.max(1.5, span.durationMs() / msPerPx);
            double h = Math.max(2, rowH - Math.max(2, rowH * 0.3));
            g.setFill(phaseColor(span.phase()));
            g.fillRect(Math.min(x, plotX + plotW - w), cy - h / 2, w, h);
        }
    }

    /** Vertical lines and ms labels at round steps, from the arrival (0) to the answer. */
    private void drawGrid(GraphicsContext g, double plotX, double plotW, double top, double bottom, double latencyMs) {
        double step = niceStep(latencyMs / 5);
        g.setFont(SMALL_FONT.font());
        g.setTextAlign(TextAlignment.CENTER);
        g.setLineWidth(1);
        for (double ms = 0; ms <= latencyMs * 1.0001; ms += step) {
            double x = Math.round(plotX + ms / latencyMs * plotW) + 0.5;
            g.setStroke(trackFill.getValue());
            g.strokeLine(x, top, x, bottom);
            g.setFill(mutedTextFill.getValue());
            g.fillText(tick(ms, step), x, bottom + 9);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("ms after arrival", PAD, bottom + 9);
    }

    /** A tick's label with as many decimals as the step has: 0, 200, 400 or 0, 0.5, 1.0. */
    static String tick(double ms, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%,." + decimals + "f", ms);
    }

    /** The step nearest {@code raw} among 1, 2 and 5 times a power of ten, so the axis has about five round ticks. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * magnitude;
    }

    /** {@code connectionWait} → {@code connection wait}: the phase as the legend writes it. */
    static String phaseLabel(String id) {
        return kebab(id).replace('-', ' ');
    }
}
