package dev.scalelab.ui;

import dev.scalelab.ui.charts.TimeLineChart;
import javafx.scene.Node;

import java.util.List;

/** Finds the time charts of a panel, where the scenario's markers go. FX thread only. */
final class ChartMarkers {
    private ChartMarkers() {
    }

    /** Every time chart the panel shows, in its view and its charts. */
    static List<TimeLineChart> chartsOf(Panel panel) {
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
