package dev.scalelab.ui;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The decision log's list in the window: long lines wrap, and the newest line stays in view. FX thread only. */
final class LogList {
    private LogList() {
    }

    static void show(ListView<String> list, ObservableList<String> lines) {
        list.setItems(lines);
        list.setCellFactory(view -> {
            ListCell<String> cell = new ListCell<>() {
                @Override
                protected void updateItem(String line, boolean empty) {
                    super.updateItem(line, empty);
                    setText(empty ? null : line);
                }
            };
            // Long lines wrap rather than hide behind a horizontal scroll bar; room is left for the vertical one.
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(view.widthProperty().subtract(20));
            return cell;
        });
        lines.addListener((ListChangeListener<String>) change -> {
            if (!list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
    }
}
