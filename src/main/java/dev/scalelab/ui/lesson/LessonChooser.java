package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.Lesson;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The list of lessons to choose from: each with its title, the pattern it teaches and its summary.
 * Double-click or Enter chooses one. {@link #node()} can sit in any pane; {@link #choose} shows it in
 * a dialog with Start and Cancel. FX thread only.
 */
public final class LessonChooser {
    private final ListView<Lesson> list = new ListView<>();
    private final VBox root = new VBox();

    /** @param onChoose receives the lesson the user double-clicks or presses Enter on */
    public LessonChooser(List<Lesson> lessons, Consumer<Lesson> onChoose) {
        root.getStyleClass().add("lesson-chooser");
        root.getStylesheets().add(LessonChooser.class.getResource("/styles/lesson.css").toExternalForm());
        list.setId("lessonList");
        list.setAccessibleText("Lessons");
        list.getItems().setAll(lessons);
        list.setCellFactory(view -> new LessonCell(view));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected() != null) {
                onChoose.accept(selected());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) {
                onChoose.accept(selected());
            }
        });
        if (!lessons.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        root.getChildren().setAll(list);
    }

    public Region node() {
        return root;
    }

    /** The lesson selected in the list, or null. */
    public Lesson selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    /**
     * Shows the lessons in a dialog owned by {@code owner}; the lesson chosen with Start (or a double
     * click), or empty on Cancel.
     */
    public static Optional<Lesson> choose(Window owner, List<Lesson> lessons) {
        Dialog<Lesson> dialog = new Dialog<>();
        ButtonType start = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);
        LessonChooser chooser = new LessonChooser(lessons, lesson -> {
            dialog.setResult(lesson);
            dialog.close();
        });
        dialog.initOwner(owner);
        dialog.setTitle("Lessons");
        dialog.setHeaderText("Choose a lesson: the app loads its system and leads you through it step by step.");
        dialog.getDialogPane().setContent(chooser.node());
        dialog.getDialogPane().getButtonTypes().setAll(start, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(start).disableProperty().bind(chooser.list.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResizable(true);
        dialog.setResultConverter(button -> button == start ? chooser.selected() : null);
        return dialog.showAndWait();
    }

    /** Title in bold, then the pattern, then the summary, wrapping to the list's width. */
    private static final class LessonCell extends ListCell<Lesson> {
        private final Label title = new Label();
        private final Label pattern = new Label();
        private final Label summary = new Label();
        private final VBox box = new VBox(title, pattern, summary);

        LessonCell(ListView<Lesson> view) {
            title.getStyleClass().add("lesson-chooser-title");
            pattern.getStyleClass().add("lesson-chooser-pattern");
            summary.getStyleClass().add("lesson-chooser-summary");
            for (Label l : List.of(title, pattern, summary)) {
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            box.getStyleClass().add("lesson-chooser-cell");
            // Room for the vertical scroll bar, so the text wraps rather than hides behind it.
            box.prefWidthProperty().bind(view.widthProperty().subtract(40));
            box.setMaxWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(Lesson lesson, boolean empty) {
            super.updateItem(lesson, empty);
            if (empty || lesson == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            title.setText(lesson.title());
            pattern.setText(lesson.pattern());
            summary.setText(lesson.summary());
            setGraphic(box);
            setAccessibleText(lesson.title() + ": " + lesson.pattern());
        }
    }
}
