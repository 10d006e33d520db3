package dev.scalelab.ui;

import dev.scalelab.ui.charts.TimeLineChart;
import javafx.scene.Node;

import java.util.List;

/** Finds the charts over virtual time of a panel and puts the scenario's markers on them. FX thread only. */
public final class ChartMarkers {
    /** The style class of a time axis without a label (Scaling's small charts) that takes the markers too. */
    public static final String VIRTUAL_TIME_AXIS = "virtual-time-axis";

    private ChartMarkers() {
    }

    /**
     * Puts {@code markers} on every chart over virtual time that {@code panel} shows: a
     * {@link TimeLineChart} draws them itself, another line chart over a "time" axis gets a
     * {@link dev.scalelab.ui.charts.MarkerLayer}. Returns false while a chart is not yet skinned (try
     * again on a later frame).
     */
    public static boolean show(Panel panel, List<dev.scalelab.world.Scenario.Marker> markers) {
        boolean all = true;
        for (javafx.scene.chart.XYChart<?, ?> chart : timeChartsOf(panel)) {
            if (chart instanceof TimeLineChart line) {
                line.setMarkers(markers);
            } else {
                all &= dev.scalelab.ui.charts.MarkerLayer.set(chart, markers);
            }
        }
        return all;
    }

    /** Every XY chart the panel shows whose x axis is a number axis over time ("virtual time (s)"). */
    public static List<javafx.scene.chart.XYChart<?, ?>> timeChartsOf(Panel panel) {
        List<javafx.scene.chart.XYChart<?, ?>> charts = new java.util.ArrayList<>();
        for (Node root : new Node[] {panel.view(), panel.charts()}) {
            collect(root, charts);
        }
        charts.removeIf(c -> !(c.getXAxis() instanceof javafx.scene.chart.NumberAxis axis)
                || !(c instanceof TimeLineChart || (axis.getLabel() != null && axis.getLabel().contains("time"))
                        || axis.getStyleClass().contains(VIRTUAL_TIME_AXIS)));
        return charts;
    }

    private static void collect(Node node, List<javafx.scene.chart.XYChart<?, ?>> into) {
        if (node == null) {
            return;
        }
        if (node instanceof javafx.scene.chart.XYChart<?, ?> chart) {
            if (!into.contains(chart)) {
                into.add(chart);
            }
            return;
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
        if (node instanceof javafx.scene.control.TabPane tabs) {
            for (javafx.scene.control.Tab tab : tabs.getTabs()) {
                collect(tab.getContent(), into);
            }
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll) {
            collect(scroll.getContent(), into);
        }
    }

    /** Every time chart the panel shows, in its view and its charts. */
    public static List<TimeLineChart> chartsOf(Panel panel) {
        List<TimeLineChart> charts = new java.util.ArrayList<>();
        for (Node root : new Node[] {panel.view(), panel.charts()}) {
            collectCharts(root, charts);
        }
        return charts;
    }

    private static void collectCharts(Node node, List<TimeLineChart> into) {
        if (node instanceof TimeLineChart chart) {
            if (!into.contains(chart)) { // a tab's or a scroll pane's content is also among its children
                into.add(chart);
            }
            return;
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectCharts(child, into);
            }
        }
        if (node instanceof javafx.scene.control.TabPane tabs) {
            for (javafx.scene.control.Tab tab : tabs.getTabs()) {
                if (tab.getContent() != null) {
                    collectCharts(tab.getContent(), into);
                }
            }
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            collectCharts(scroll.getContent(), into);
        }
    }
}
