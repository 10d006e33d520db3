package dev.scalelab.ui.export;

/**
 * What the export dialog asked for.
 *
 * @param scale       1 or 2 (pictures)
 * @param panelTitle  the GIF's panel
 * @param fromSeconds the GIF's span in virtual time, and its frame rate
 */
record ExportRequest(Kind kind, int scale, String panelTitle, double fromSeconds, double toSeconds, int fps) {

    /** The things the app exports, as the dialog names them, with their file type. */
    enum Kind {
        PANEL_PNG("PNG of the panel", "PNG image", "png"),
        WINDOW_PNG("PNG of the whole window", "PNG image", "png"),
        GIF("Animated GIF of a panel", "GIF animation", "gif"),
        CSV("CSV of every series, the whole run", "CSV table", "csv"),
        REPORT("Report of the run so far (JSON)", "JSON report", "json");

        final String label;
        final String fileType;
        final String extension;

        Kind(String label, String fileType, String extension) {
            this.label = label;
            this.fileType = fileType;
            this.extension = extension;
        }

        boolean picture() {
            return this == PANEL_PNG || this == WINDOW_PNG || this == GIF;
        }
    }
}
