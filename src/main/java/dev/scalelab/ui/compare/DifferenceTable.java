package dev.scalelab.ui.compare;

import dev.scalelab.compare.LiveFigures;
import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.Frame;
import dev.scalelab.seeds.HeadlineText;
import dev.scalelab.seeds.SeedBands;
import dev.scalelab.world.Snapshot;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The headline figures of both variants so far and their difference B − A, one column per figure,
 * read from the two snapshots at most {@link #REFRESHES_PER_SECOND} times a second (a few dozen
 * operations each, whatever the run's rate); under them, once "Run N seeds" has run, each
 * difference over the seeds with its 95 % interval, marked real or within the noise.
 *
 * <p>FX thread only.
 */
final class DifferenceTable {
    static final int REFRESHES_PER_SECOND = 4;
    private static final long REFRESH_NANOS = 1_000_000_000L / REFRESHES_PER_SECOND;

    /** One figure of both variants: B − A is {@link #difference()}. */
    record Row(Headline figure, double a, double b) {
        double difference() {
            return b - a;
        }

        /** "+8.1 %" of A, or "" where A is 0 or missing. */
        String relative() {
            double r = difference() / a;
            return Double.isFinite(r) && a != 0 ? String.format(java.util.Locale.ROOT, "%+.1f %%", r * 100).replace('-', '−') : "";
        }
    }

    /** Every figure either variant has now, in {@link Headline} order. */
    static List<Row> rows(Snapshot a, Snapshot b) {
        double[] fa = LiveFigures.of(a);
        double[] fb = LiveFigures.of(b);
        List<Row> rows = new ArrayList<>();
        for (Headline h : Headline.values()) {
            if (!Double.isNaN(fa[h.ordinal()]) || !Double.isNaN(fb[h.ordinal()])) {
                rows.add(new Row(h, fa[h.ordinal()], fb[h.ordinal()]));
            }
        }
        return rows;
    }

    private final GridPane grid = new GridPane();
    private final ScrollPane node = new ScrollPane(grid);
    private final Label nameA = rowName("variant-a");
    private final Label nameB = rowName("variant-b");
    private final Label nameDiff = rowName("difference-name");
    private final Label nameSeeds = rowName("difference-name");
    private final Map<Headline, Label[]> cells = new EnumMap<>(Headline.class);
    private List<Headline> shown = List.of();
    private Map<Headline, SeedBands.Difference> seeds = Map.of();
    private int seedCount;
    private long refreshedNanos;
    /** Whether {@link #refreshedNanos} holds a refresh: pulse times may be any long, 0 and negative ones too. */
    private boolean refreshed;
    private List<Row> rows = List.of();
    private Frame pending;
    private Frame last;

    DifferenceTable() {
        grid.getStyleClass().add("difference-table");
        grid.setId("differenceTable");
        node.getStyleClass().add("difference-scroll");
        node.setFitToHeight(true);
        node.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // A bar only when the table is wider than the window, and then below it, not over its last row.
        node.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Runnable bar = () -> node.setHbarPolicy(grid.prefWidth(-1) > node.getWidth() + 0.5
                ? ScrollPane.ScrollBarPolicy.ALWAYS : ScrollPane.ScrollBarPolicy.NEVER);
        node.widthProperty().addListener(o -> bar.run());
        grid.widthProperty().addListener(o -> bar.run());
        node.setFocusTraversable(false);
        nameDiff.setText("B − A");
        tip(nameDiff, "Variant B's figure minus variant A's, over the run so far on one seed; point at a difference for its share of A's.");
        tip(nameSeeds, "The difference B − A over N seeds, each design run to its duration on the same seeds: "
                + "its mean ± the half-width of its 95 % interval. ✓ and bold: real, the interval leaves out 0; "
                + "grey: within the noise, the interval contains 0.");
    }

    ScrollPane node() {
        return node;
    }

    /** The rows shown now, for tests. */
    List<Row> rows() {
        return rows;
    }

    /** A new frame of the comparison, shown at the next {@link #refresh} that is due. */
    void offer(Frame frame) {
        pending = frame;
    }

    /**
     * Every pulse: shows the newest frame offered, if there is one not yet shown and the last refresh
     * is {@link #REFRESH_NANOS} old (or {@code force}). So a paused run's last frame is shown too.
     */
    void refresh(long nowNanos, boolean force) {
        if (pending == null || !force && refreshed && nowNanos - refreshedNanos < REFRESH_NANOS) {
            return;
        }
        Frame frame = pending;
        pending = null;
        refreshedNanos = nowNanos;
        refreshed = true;
        last = frame;
        rows = rows(frame.snapshot(), frame.race());
        List<Headline> figures = new ArrayList<>();
        for (Row r : rows) {
            figures.add(r.figure());
        }
        for (Headline h : seeds.keySet()) {
            if (!figures.contains(h)) {
                figures.add(h);
            }
        }
        figures.sort(null);
        if (!figures.equals(shown)) {
            rebuild(figures);
        }
        for (Row r : rows) {
            Label[] c = cells.get(r.figure());
            c[1].setText(HeadlineText.value(r.figure(), r.a()));
            c[2].setText(HeadlineText.value(r.figure(), r.b()));
            String change = HeadlineText.change(r.figure(), r.difference());
            c[3].setText(change);
            String rel = r.relative();
            c[3].getTooltip().setText("B − A = " + change + (rel.isEmpty() ? "" : ", " + rel + " of A's") + ": the run so far, on one seed.");
        }
    }

    /** The variants' names, in the first column's tooltips (the bar above shows them). */
    void names(String labelA, String labelB) {
        nameA.setText("A");
        nameB.setText("B");
        tip(nameA, "Variant A: " + labelA + ". Its figures over the run so far.");
        tip(nameB, "Variant B: " + labelB + ". Its figures over the run so far.");
    }

    /** The paired differences over {@code n} seeds, or an empty map to hide the row. */
    void seeds(int n, Map<Headline, SeedBands.Difference> differences) {
        seedCount = n;
        seeds = Map.copyOf(differences);
        nameSeeds.setText(n + " seeds");
        shown = List.of(); // rebuilt on the next refresh, with or without the seeds' row
        if (pending == null) {
            pending = last;
        }
    }

    private void rebuild(List<Headline> figures) {
        shown = List.copyOf(figures);
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        cells.clear();
        boolean withSeeds = !seeds.isEmpty();
        grid.add(new Label(), 0, 0);
        grid.add(nameA, 0, 1);
        grid.add(nameB, 0, 2);
        grid.add(nameDiff, 0, 3);
        if (withSeeds) {
            grid.add(nameSeeds, 0, 4);
        }
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(names);
        int col = 1;
        for (Headline h : figures) {
            Label head = cell("difference-head", HeadlineText.label(h));
            Label[] c = {head, cell("difference-a", "–"), cell("difference-b", "–"), cell("difference-delta", "–"), null};
            c[1].setId("compareA-" + h.key());
            c[2].setId("compareB-" + h.key());
            c[3].setId("compareDiff-" + h.key());
            tip(c[3], "");
            tip(head, HeadlineText.label(h) + ": over the run so far; in rows A, B and their difference B − A.");
            for (int row = 0; row < 4; row++) {
                grid.add(c[row], col, row);
            }
            SeedBands.Difference d = seeds.get(h);
            if (withSeeds) {
                c[4] = cell(d == null ? "difference-noise" : d.significant() ? "difference-real" : "difference-noise",
                        d == null ? "–" : (d.significant() ? "✓ " : "") + HeadlineText.compactInterval(h, d.ofDifferences()));
                c[4].setId("compareSeeds-" + h.key());
                tip(c[4], d == null ? "Not measured on the seeds." : "B − A = " + HeadlineText.interval(h, d.ofDifferences())
                        + (d.significant() ? ": real, over " + seedCount + " seeds its 95 % interval leaves out 0."
                        : ": within the noise, over " + seedCount + " seeds its 95 % interval contains 0."));
                grid.add(c[4], col, 4);
            }
            cells.put(h, c);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.RIGHT);
            cc.setHgrow(Priority.SOMETIMES);
            cc.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(cc);
            col++;
        }
    }

    private static Label cell(String style, String text) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        return l;
    }

    private static Label rowName(String style) {
        Label l = new Label();
        l.getStyleClass().addAll("difference-row-name", style);
        l.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static void tip(Label l, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        l.setTooltip(t);
    }
}
