package dev.scalelab.ui.canvas;

import dev.scalelab.design.Connections;
import dev.scalelab.design.NodeKind;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

import java.util.function.Consumer;
import java.util.stream.Collectors;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * The canvas's palette, on the left: one entry per node kind with its glyph, dragged onto the canvas
 * or double-clicked to add one. Its tooltip says what the kind is and what it may call. FX thread only.
 */
final class DesignPalette {
    private final VBox box = new VBox();

    /** @param add adds a node of a kind where the canvas has room (a double-click) */
    DesignPalette(Consumer<NodeKind> add) {
        box.getStyleClass().add("design-palette");
        box.setId("designPalette");
        Label title = new Label("Components");
        title.getStyleClass().add("pane-title");
        box.getChildren().add(title);
        for (NodeKind kind : NodeKind.values()) {
            box.getChildren().add(entry(kind, add));
        }
        Label hint = new Label("Drag onto the canvas or double-click to add. Drag from a box's blue dot to another box "
                + "to connect them.");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("design-note");
        box.getChildren().add(hint);
    }

    Node node() {
        return box;
    }

    private static Label entry(NodeKind kind, Consumer<NodeKind> add) {
        SVGPath glyph = new SVGPath();
        glyph.setContent(KindGlyphs.path(kind));
        glyph.getStyleClass().add("design-glyph");
        Label entry = new Label(kind.label(), glyph);
        entry.setId("palette-" + kind.id());
        entry.getStyleClass().add("design-palette-entry");
        entry.setMaxWidth(Double.MAX_VALUE);
        String targets = Connections.targetsOf(kind).stream().map(NodeKind::noun).collect(Collectors.joining(", "));
        entry.setTooltip(tooltip(kind.label() + ": " + kind.description() + "."
                + (targets.isEmpty() ? " It calls nothing: it ends a path." : " It may send requests to: " + targets + ".")));
        entry.setOnDragDetected(e -> {
            entry.startDragAndDrop(TransferMode.COPY).setContent(DesignView.dragContent(kind));
            e.consume();
        });
        entry.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                add.accept(kind);
            }
        });
        return entry;
    }
}
