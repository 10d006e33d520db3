package dev.scalelab.ui.performance;

import dev.scalelab.runtime.JvmMonitor;
import dev.scalelab.runtime.JvmSample;
import dev.scalelab.ui.charts.LiveCharts;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.ui.charts.TimeWindow;
import javafx.scene.chart.XYChart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "This app" charts over the monitor's whole history ({@link JvmMonitor#HISTORY_SAMPLES} wall
 * seconds): heap used and committed; collections and collection time per second, a line per
 * collector; threads; the simulation thread's allocation; simulated events per second; the frame
 * interval's p95 and maximum. Each update appends the samples not shown yet and drops those that slid
 * out of the window. A figure the JVM does not measure (NaN) leaves a gap.
 *
 * <p>FX thread only.
 */
final class ThisAppCharts {
    static final double WINDOW_SECONDS = JvmMonitor.HISTORY_SAMPLES;
    private static final double TICK_SECONDS = 60;

    private final List<TimeLineChart> charts;
    private final TimeLineChart collectionsChart;
    private final TimeLineChart collectionTimeChart;
    private final XYChart.Series<Number, Number> heapUsed = LiveCharts.series("used");
    private final XYChart.Series<Number, Number> heapCommitted = LiveCharts.series("committed");
    private final XYChart.Series<Number, Number> threads = LiveCharts.series("threads");
    private final XYChart.Series<Number, Number> allocation = LiveCharts.series("simulation thread");
    private final XYChart.Series<Number, Number> events = LiveCharts.series("simulated events");
    private final XYChart.Series<Number, Number> frameP95 = LiveCharts.series("p95");
    private final XYChart.Series<Number, Number> frameMax = LiveCharts.series("max");
    private final Map<String, XYChart.Series<Number, Number>> collections = new LinkedHashMap<>();
    private final Map<String, XYChart.Series<Number, Number>> collectionTime = new LinkedHashMap<>();
    private final TimeWindow window = new TimeWindow(WINDOW_SECONDS, TICK_SECONDS);

    ThisAppCharts(TimeLineChart heap, TimeLineChart collectionsChart, TimeLineChart collectionTimeChart, TimeLineChart threadsChart,
                  TimeLineChart allocationChart, TimeLineChart eventsChart, TimeLineChart frameChart) {
        this.collectionsChart = collectionsChart;
        this.collectionTimeChart = collectionTimeChart;
        charts = List.of(heap, collectionsChart, collectionTimeChart, threadsChart, allocationChart, eventsChart, frameChart);
        heap.getData().addAll(List.of(heapUsed, heapCommitted));
        threadsChart.getData().add(threads);
        allocationChart.getData().add(allocation);
        eventsChart.getData().add(events);
        frameChart.getData().addAll(List.of(frameP95, frameMax));
        for (TimeLineChart chart : charts) {
            chart.timeAxis().setLabel("wall time (s)");
        }
    }

    /** Brings the charts up to the newest of {@code history} (oldest first). */
    void show(List<JvmSample> history) {
        int n = history.size();
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = history.get(i).wallSeconds();
        }
        window.advance(times, n); // the wall clock never starts over
        for (int i = window.firstNew(); i < n; i++) {
            append(history.get(i));
        }
        window.shown(n);
        for (TimeLineChart chart : charts) {
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                LiveCharts.dropBefore(s, window.startSeconds());
            }
            chart.timeAxis().setLowerBound(window.startSeconds());
            chart.timeAxis().setUpperBound(window.endSeconds());
        }
    }

    private void append(JvmSample s) {
        double t = s.wallSeconds();
        point(heapUsed, t, s.heapUsedMib());
        point(heapCommitted, t, s.heapCommittedMib());
        for (JvmSample.CollectorRate c : s.collectors()) {
            point(line(collections, collectionsChart, c.name()), t, c.collectionsPerSecond());
            point(line(collectionTime, collectionTimeChart, c.name()), t, c.collectionMsPerSecond());
        }
        point(threads, t, s.threads());
        point(allocation, t, s.allocationMibPerSecond());
        point(events, t, s.eventsPerSecond());
        point(frameP95, t, s.frameP95Ms());
        point(frameMax, t, s.frameMaxMs());
    }

    /** A collector's line, made when it first appears: "G1 Young Generation" reads "G1 Young". */
    private static XYChart.Series<Number, Number> line(Map<String, XYChart.Series<Number, Number>> lines, TimeLineChart chart,
                                                      String collector) {
        return lines.computeIfAbsent(collector, name -> {
            XYChart.Series<Number, Number> s = LiveCharts.series(name.replace(" Generation", ""));
            chart.getData().add(s);
            return s;
        });
    }

    private static void point(XYChart.Series<Number, Number> s, double t, double value) {
        if (!Double.isNaN(value)) {
            s.getData().add(new XYChart.Data<>(t, value));
        }
    }
}
