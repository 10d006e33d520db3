package dev.scalelab.ui;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The F1 card: every row of {@link Shortcuts}, key and what it does, on a translucent card over the
 * window. It lives in the window's overlay layer; Esc or F1 hides it, as does a click on it.
 * FX thread only.
 */
public final class HelpOverlay {
    private final Pane overlay;
    private final StackPane layer = new StackPane();

    public HelpOverlay(Pane overlay) {
        this.overlay = overlay;
        GridPane rows = new GridPane();
        rows.getStyleClass().add("help-rows");
        // Two pairs of columns, the run and file keys on the left and the panels' on the right, so
        // that the card fits a 700 px window.
        for (int pair = 0; pair < 2; pair++) {
            ColumnConstraints keyColumn = new ColumnConstraints();
            keyColumn.setHalignment(HPos.RIGHT);
            ColumnConstraints textColumn = new ColumnConstraints();
            textColumn.setHgrow(Priority.ALWAYS);
            rows.getColumnConstraints().addAll(keyColumn, textColumn);
        }
        int left = 0;
        int right = 0;
        for (Shortcuts.Shortcut s : Shortcuts.all()) {
            Label key = new Label(s.keyText());
            key.getStyleClass().add("help-key");
            key.setMinWidth(Label.USE_PREF_SIZE);
            Label text = new Label(s.description());
            text.getStyleClass().add("help-text");
            text.setWrapText(true);
            if (s.action().panelIndex() >= 0) {
                rows.add(key, 2, right);
                rows.add(text, 3, right++);
            } else {
                rows.add(key, 0, left);
                rows.add(text, 1, left++);
            }
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        Label note = new Label("Space, →, + and − go to a text field, spinner or slider while it has the focus. "
                + "Tab moves between controls. Esc or F1 closes this card.");
        note.getStyleClass().add("help-note");
        note.setWrapText(true);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("help-scroll");
        // At a large font the rows may be taller than the window: they then scroll inside the card.
        scroll.maxHeightProperty().bind(overlay.heightProperty().multiply(0.7));
        VBox card = new VBox(title, scroll, note);
        card.getStyleClass().add("help-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setPrefWidth(820);
        card.setAccessibleText("Keyboard shortcuts");
        layer.getChildren().add(card);
        layer.setAlignment(Pos.CENTER);
        layer.getStyleClass().add("help-overlay");
        layer.setId("helpOverlay");
        layer.setOnMouseClicked(e -> hide());
        // The overlay pane does not lay out its children: the card's layer follows its size.
        layer.prefWidthProperty().bind(overlay.widthProperty());
        layer.prefHeightProperty().bind(overlay.heightProperty());
    }

    public boolean isShowing() {
        return overlay.getChildren().contains(layer);
    }

    public void toggle() {
        if (isShowing()) {
            hide();
        } else {
            show();
        }
    }

    public void show() {
        if (!isShowing()) {
            overlay.getChildren().add(layer);
            // The overlay takes no mouse events for a lesson's outlines; the card takes them while shown.
            overlay.setMouseTransparent(false);
            layer.resizeRelocate(0, 0, overlay.getWidth(), overlay.getHeight());
        }
    }

    public void hide() {
        overlay.getChildren().remove(layer);
        overlay.setMouseTransparent(true);
    }

    /** The card's layer, for tests. */
    StackPane node() {
        return layer;
    }
}
