package dev.scalelab.ui.compare;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Variant A's and variant B's copy of one view, each under a caption in its variant's colour: side
 * by side where each half is at least as wide as its view needs, else one above the other (the
 * window's scroll pane then scrolls them). Used for the panels' views and for their charts.
 *
 * <p>FX thread only.
 */
final class TwinPane extends Pane {
    private static final PseudoClass STACKED = PseudoClass.getPseudoClass("stacked");
    /** A half narrower than this many em is too narrow for a panel's view: stack the two instead. */
    static final double VIEW_MIN_SIDE_EM = 26;
    /** Charts read at a smaller width than views, and side by side both stay on screen in the short chart area. */
    static final double CHARTS_MIN_SIDE_EM = 18;

    private final VBox sideA;
    private final VBox sideB;
    private final Label captionA = new Label();
    private final Label captionB = new Label();
    private final double minSideEm;
    private boolean stacked;

    /**
     * {@code idPrefix} names the parts for tests: {@code compareViewA}, {@code compareViewB};
     * {@code minSideEm} is the narrowest half that is not stacked.
     */
    TwinPane(String idPrefix, String styleClass, double minSideEm) {
        this.minSideEm = minSideEm;
        getStyleClass().addAll("compare-twins", styleClass);
        captionA.getStyleClass().addAll("compare-caption", "variant-a");
        captionB.getStyleClass().addAll("compare-caption", "variant-b");
        captionA.setMaxWidth(Double.MAX_VALUE);
        captionB.setMaxWidth(Double.MAX_VALUE);
        sideA = side(captionA, idPrefix + "A");
        sideB = side(captionB, idPrefix + "B");
        getChildren().setAll(sideA, sideB);
    }

    private static VBox side(Label caption, String id) {
        VBox side = new VBox(caption);
        side.setId(id);
        side.getStyleClass().add("compare-side");
        side.setFillWidth(true);
        return side;
    }

    /** Shows {@code a} and {@code b} (either may be null: an empty side) under their captions. */
    void show(Node a, String captionTextA, Node b, String captionTextB) {
        set(sideA, captionA, a, captionTextA);
        set(sideB, captionB, b, captionTextB);
    }

    private static void set(VBox side, Label caption, Node content, String text) {
        caption.setText(text);
        if (content == null) {
            side.getChildren().setAll(caption);
            return;
        }
        VBox.setVgrow(content, Priority.ALWAYS);
        side.getChildren().setAll(caption, content);
    }

    /** Takes the views out, so that the window can show them alone again. */
    void clear() {
        sideA.getChildren().setAll(captionA);
        sideB.getChildren().setAll(captionB);
    }

    /** Whether the last layout put B under A. */
    boolean isStacked() {
        return stacked;
    }

    private double minSide() {
        return minSideEm * captionA.getFont().getSize();
    }

    private boolean stackedAt(double width) {
        Insets in = getInsets();
        double inner = width - in.getLeft() - in.getRight();
        double need = Math.max(minSide(), Math.max(sideA.minWidth(-1), sideB.minWidth(-1)));
        return inner < 2 * need + gap();
    }

    private double gap() {
        return captionA.getFont().getSize() * 0.5;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + Math.max(sideA.minWidth(-1), sideB.minWidth(-1));
    }

    @Override
    protected double computeMinHeight(double width) {
        Insets in = getInsets();
        double a = sideA.minHeight(-1);
        double b = sideB.minHeight(-1);
        boolean stack = width < 0 ? stacked : stackedAt(width);
        return in.getTop() + in.getBottom() + (stack ? a + b + gap() : Math.max(a, b));
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + sideA.prefWidth(-1) + sideB.prefWidth(-1) + gap();
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        boolean stack = stackedAt(getWidth());
        if (stack != stacked) {
            stacked = stack;
            pseudoClassStateChanged(STACKED, stack);
        }
        double g = gap();
        if (stack) {
            // Each gets half the height, but never less than it needs: the window's scroll pane scrolls then.
            double half = Math.max((h - g) / 2, 0);
            double ha = Math.max(half, sideA.minHeight(w));
            double hb = Math.max(half, sideB.minHeight(w));
            layoutInArea(sideA, x, y, w, ha, 0, null, true, true, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
            layoutInArea(sideB, x, y + ha + g, w, hb, 0, null, true, true, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
        } else {
            double half = Math.floor((w - g) / 2);
            layoutInArea(sideA, x, y, half, h, 0, null, true, true, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
            layoutInArea(sideB, x + half + g, y, w - half - g, h, 0, null, true, true, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
        }
    }

    /** Keeps {@link Region} from caching a min height computed for another width. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }
}
