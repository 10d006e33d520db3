package dev.scalelab.branches;

import dev.scalelab.world.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A {@link BranchComparison} as files: a Markdown table for a person (a pull request, a design
 * note) and a CSV for a spreadsheet, with the raw numbers. Each file is written atomically.
 */
public final class ComparisonExport {
    private ComparisonExport() {
    }

    /** The table as Markdown, with a heading that names both branches and the time compared. */
    public static String markdown(BranchComparison c) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(c.branchName())).append(" compared with ").append(escape(c.parentName())).append("\n\n");
        md.append("Both re-run on the same seed to ").append(dev.scalelab.runtime.Branches.clock(c.atSeconds())).append(" of virtual time (")
                .append(String.format(Locale.ROOT, "%.3f", c.atSeconds())).append(" s). Difference = branch − parent.\n\n");
        md.append("| Figure | ").append(escape(c.parentName())).append(" (parent) | ").append(escape(c.branchName()))
                .append(" (branch) | Difference | Change |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (BranchComparison.Row r : c.rows()) {
            md.append("| ").append(escape(r.figure())).append(" | ").append(r.unit().format(r.parent())).append(" | ")
                    .append(r.unit().format(r.branch())).append(" | ").append(r.unit().formatDifference(r.difference()))
                    .append(" | ").append(r.percentText()).append(" |\n");
        }
        return md.toString();
    }

    /** One line per figure with the raw numbers (ratios as fractions), empty where a run has no such figure. */
    public static String csv(BranchComparison c) {
        StringBuilder csv = new StringBuilder("section,key,figure,parent,branch,difference,percentChange,atSeconds\n");
        for (BranchComparison.Row r : c.rows()) {
            csv.append(r.section()).append(',').append(r.key()).append(',').append(quote(r.figure())).append(',')
                    .append(number(r.parent())).append(',').append(number(r.branch())).append(',')
                    .append(number(r.difference())).append(',').append(number(r.percentChange())).append(',')
                    .append(number(c.atSeconds())).append('\n');
        }
        return csv.toString();
    }

    /**
     * Writes {@code markdownFile} and, beside it, the CSV with the same name ending in {@code .csv};
     * returns the CSV's path.
     */
    public static Path write(BranchComparison c, Path markdownFile) throws IOException {
        String name = markdownFile.getFileName().toString();
        Path csvFile = markdownFile.resolveSibling(name.replaceFirst("(\\.md|\\.markdown)?$", "") + ".csv");
        AtomicFiles.write(markdownFile, markdown(c));
        AtomicFiles.write(csvFile, csv(c));
        return csvFile;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
