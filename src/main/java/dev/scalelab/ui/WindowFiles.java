package dev.scalelab.ui;

import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.LessonException;
import dev.scalelab.lesson.LessonLibrary;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The window's file dialogs: open and save a scenario, open a lesson file. Each starts in the folder
 * of the last file chosen; a problem is a dialog with one line. FX thread only.
 */
final class WindowFiles {
    private static final FileChooser.ExtensionFilter SCENARIO = new FileChooser.ExtensionFilter("ScaleLab scenario (*.json)", "*.json");
    private static final FileChooser.ExtensionFilter LESSON = new FileChooser.ExtensionFilter("ScaleLab lesson (*.json)", "*.json");

    private final MainWindowViewModel viewModel;
    private final Supplier<Window> window;
    // Tests put recorders in the dialogs' place (a native file dialog cannot be driven headless).
    private Function<FileChooser, File> openDialog;
    private Function<FileChooser, File> saveDialog;
    private File lastDirectory;

    WindowFiles(MainWindowViewModel viewModel, Supplier<Window> window) {
        this.viewModel = viewModel;
        this.window = window;
        this.openDialog = chooser -> chooser.showOpenDialog(window.get());
        this.saveDialog = chooser -> chooser.showSaveDialog(window.get());
    }

    /** For tests: what the open and save dialogs return in place of asking. */
    void replaceDialogs(Function<FileChooser, File> open, Function<FileChooser, File> save) {
        openDialog = open;
        saveDialog = save;
    }

    /** Opens a scenario file; {@code opened} runs once it runs. */
    void openScenario(Runnable opened) {
        File file = choose(openDialog, "Open scenario", SCENARIO, null);
        if (file != null) {
            viewModel.open(file.toPath()).ifPresentOrElse(problem -> showError("The scenario was not opened", problem), () -> {
                if (!viewModel.openedInCanvas()) {
                    opened.run();
                }
            });
        }
    }

    /** Saves the scenario with the user's changes, under its label by default. */
    void saveScenario() {
        String name = viewModel.scenarioLabelProperty().get().replaceFirst("(\\.json)?$", ".json");
        File file = choose(saveDialog, "Save scenario", SCENARIO, name);
        if (file != null) {
            viewModel.save(file.toPath()).exceptionally(error -> {
                showError("The scenario was not saved", MainWindowViewModel.rootMessage(error));
                return null;
            });
        }
    }

    /** A lesson someone wrote (the format of the shipped ones), given to {@code start} once read. */
    void openLesson(Consumer<Lesson> start) {
        File file = choose(openDialog, "Open lesson", LESSON, null);
        if (file == null) {
            return;
        }
        Lesson lesson;
        try {
            lesson = LessonLibrary.read(file.toPath());
        } catch (LessonException e) {
            showError("The lesson was not opened", e.getMessage());
            return;
        }
        start.accept(lesson);
    }

    private File choose(Function<FileChooser, File> dialog, String title, FileChooser.ExtensionFilter filter, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        if (initialName != null) {
            chooser.setInitialFileName(initialName);
        }
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File file = dialog.apply(chooser);
        if (file != null) {
            lastDirectory = file.getParentFile();
        }
        return file;
    }

    private void showError(String header, String problem) {
        WindowDialogs.showError(window.get(), header, problem);
    }
}
