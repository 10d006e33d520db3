package dev.scalelab.ui.export;

import dev.scalelab.runtime.OfflineRun;
import dev.scalelab.world.AtomicFiles;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The whole run's data, from a re-run of the recorded scenario (the live app keeps only the charts'
 * recent window): every per-second sample as CSV, and the report. Both run on the caller's thread,
 * never the FX thread: an hour of traffic takes seconds.
 */
final class DataExport {
    private DataExport() {
    }

    /**
     * Writes every sample from t = 0 to the provenance's virtual time: a comment line naming the
     * scenario, its seed and the span with the scenario on one line, then the header, then one row per
     * simulated second. Returns the number of rows.
     */
    static long writeCsv(Provenance p, Path file, BooleanSupplier cancelled) throws IOException {
        try (AtomicFiles.Pending pending = AtomicFiles.open(file)) {
            Writer w = pending.writer();
            w.write("# ScaleLab " + oneLine(p.label()) + ", seed " + p.seed() + ", 0-" + Provenance.seconds(p.virtualSeconds())
                    + "; scenario: " + p.scenarioOneLine() + "\n");
            RowCounter rows = new RowCounter(w);
            OfflineRun run = new OfflineRun(p.scenario());
            run.sampleCsv(rows);
            if (!run.advanceTo(p.virtualSeconds(), cancelled)) {
                throw new CancellationException("cancelled");
            }
            pending.commit();
            return rows.lines - 1; // the header is not a row
        }
    }

    /** Writes the report of the run from t = 0 to the provenance's virtual time, as {@code simulate --out} does. */
    static void writeReport(Provenance p, Path file, BooleanSupplier cancelled) throws IOException {
        OfflineRun run = new OfflineRun(p.scenario());
        if (!run.advanceTo(p.virtualSeconds(), cancelled)) {
            throw new CancellationException("cancelled");
        }
        AtomicFiles.write(file, run.reportJson());
    }

    /** A label on one line: a comment line must not end early. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    /** Counts the lines passing through, so the status line can say how many rows were written. */
    private static final class RowCounter extends java.io.FilterWriter {
        long lines;

        RowCounter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            if (c == '\n') {
                lines++;
            }
            super.write(c);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (s.charAt(i) == '\n') {
                    lines++;
                }
            }
            super.write(s, off, len);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines++;
                }
            }
            super.write(buf, off, len);
        }
    }
}
