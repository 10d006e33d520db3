package dev.scalelab.ui.charts;

/** A panel whose charts can show the whole run as well as the live window. FX thread only. */
public interface RunCharts {
    /** Its charts' range: live window or whole run, and the zoomed slice. */
    RunRange range();
}
