package dev.scalelab.ui.export;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

import java.util.List;

/**
 * A small window beside the app while a long export runs: what it makes, a progress bar and Cancel.
 * Not modal: the live run goes on and can be watched meanwhile. FX thread.
 */
final class ProgressWindow {
    private final Stage stage = new Stage(StageStyle.UTILITY);

    ProgressWindow(Window owner, List<String> stylesheets, String what, ObservableDoubleValue progress, Runnable cancel) {
        stage.initOwner(owner);
        stage.setTitle("Exporting");
        Label text = new Label(what);
        text.setWrapText(true);
        text.getStyleClass().add("export-progress-text");
        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.progressProperty().bind(progress);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancelButton = new Button("Cancel");
        cancelButton.setId("exportCancel");
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(e -> {
            cancelButton.setDisable(true);
            text.setText("Cancelling…");
            cancel.run();
        });
        stage.setOnCloseRequest(e -> cancel.run());
        HBox row = new HBox(bar, cancelButton);
        row.getStyleClass().add("export-row");
        VBox root = new VBox(text, row);
        root.getStyleClass().add("export-progress");
        root.setPrefWidth(420);
        root.setMinHeight(Region.USE_PREF_SIZE);
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);
        scene.getStylesheets().add(ProgressWindow.class.getResource("/styles/export.css").toExternalForm());
        stage.setScene(scene);
    }

    void show() {
        stage.show();
    }

    void close() {
        stage.close();
    }
}
