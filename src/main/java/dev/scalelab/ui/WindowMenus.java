package dev.scalelab.ui;

import dev.scalelab.ui.look.Appearance;
import dev.scalelab.ui.look.Theme;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import dev.scalelab.ui.controls.ShownKey;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

import java.util.List;
import java.util.Locale;

/**
 * The main window's menu bar: File, Edit, Run, View, Lessons and Help. Items with a shortcut show
 * its key from {@link Shortcuts}; the window's own key handler does what the key does (so that
 * Space and the arrows can be left to a text field), and the key shown never fires a second time.
 * FX thread only.
 */
final class WindowMenus {
    /** The font sizes of the View menu, as a scale of the base font. */
    static final List<Double> FONT_SCALES = List.of(1.0, 1.25, 1.5, 1.75, 2.0);

    private final MainWindowController window;
    private final Menu lessons = new Menu("_Lessons");
    /**
     * The theme and font items' listeners on the app's one {@link Appearance}, which outlives this
     * window: it holds them weakly and this window strongly, so a window closed is not kept.
     */
    private final List<javafx.beans.value.ChangeListener<?>> appearanceListeners = new java.util.ArrayList<>();

    WindowMenus(MainWindowController window) {
        this.window = window;
    }

    void fill(MenuBar bar, List<Panel> panels, BooleanProperty notesShown) {
        bar.getMenus().setAll(file(), edit(), run(), view(panels, notesShown), help());
        // Run ▸ Design canvas…: a window of its own, over this one (issue 18).
        MenuItem canvas = item("_Design canvas…", null, () -> CanvasWindows.open(window, bar.getScene().getWindow()));
        canvas.setId("designCanvasItem");
        MenuItem drawThis = item("Draw _this system…", null, () -> CanvasWindows.drawThisSystem(window, window.runner(), bar.getScene().getWindow()));
        drawThis.setId("drawThisSystemItem");
        bar.getMenus().get(2).getItems().addAll(canvas, drawThis);
        // File ▸ Open… on a drawing of its own shape opens it in a canvas (its boxes' panels in this window).
        window.viewModel().setDrawnOpener(file -> CanvasWindows.open(window, bar.getScene().getWindow()).openFile(file));
        lessons.setId("lessonsMenu");
    }

    /** Adds the Lessons menu once the shipped lessons were read (off the FX thread), with "Open lesson file…" under them. */
    void showLessons(MenuBar bar, List<dev.scalelab.lesson.Lesson> all) {
        if (all.isEmpty()) {
            return;
        }
        lessons.getItems().clear();
        for (dev.scalelab.lesson.Lesson lesson : all) {
            MenuItem item = new MenuItem(lesson.title());
            item.setOnAction(e -> window.startLesson(lesson));
            lessons.getItems().add(item);
        }
        lessons.getItems().addAll(new SeparatorMenuItem(), item("Open lesson _file…", null, window::openLessonFile));
        if (!bar.getMenus().contains(lessons)) {
            bar.getMenus().add(bar.getMenus().size() - 1, lessons); // before Help
        }
    }

    private Menu file() {
        MenuItem open = item("_Open…", Shortcuts.Action.OPEN, window::open);
        MenuItem save = item("_Save…", Shortcuts.Action.SAVE, window::save);
        MenuItem revert = item("_Revert to preset", null, window::revert);
        revert.setId("revertItem");
        MenuItem export = item("_Export…", Shortcuts.Action.EXPORT, window::export);
        Menu exports = new Menu("Export _as");
        exports.getItems().addAll(
                item("PNG of the _panel…", null, () -> window.exportWith(x -> x.exportPng(false))),
                item("PNG of the _window…", null, () -> window.exportWith(x -> x.exportPng(true))),
                item("Animated _GIF of the panel…", null, () -> window.exportWith(x -> x.exportGif())),
                item("_CSV of every series…", null, () -> window.exportWith(x -> x.exportCsv())),
                item("JSON _report…", null, () -> window.exportWith(x -> x.exportReport())));
        MenuItem quit = item("_Quit", Shortcuts.Action.QUIT, window::quit);
        return menu("_File", open, save, revert, new SeparatorMenuItem(), export, exports, new SeparatorMenuItem(), quit);
    }

    private Menu edit() {
        MenuItem undo = item("_Undo", Shortcuts.Action.UNDO, window::undo);
        MenuItem redo = item("_Redo", Shortcuts.Action.REDO, window::redo);
        undo.setId("undoItem");
        redo.setId("redoItem");
        disableUnless(undo, window.viewModel().canUndoProperty());
        disableUnless(redo, window.viewModel().canRedoProperty());
        return menu("_Edit", undo, redo);
    }

    private Menu run() {
        MenuItem play = item("_Play / Pause", Shortcuts.Action.PLAY_PAUSE, window::togglePlay);
        MenuItem step = item("_Step", Shortcuts.Action.STEP, window::step);
        MenuItem faster = item("_Faster", Shortcuts.Action.FASTER, window.viewModel()::faster);
        MenuItem slower = item("S_lower", Shortcuts.Action.SLOWER, window.viewModel()::slower);
        MenuItem reset = item("_Reset", null, window::reset);
        MenuItem pauseWhen = item("Pause _when…", null, window::addBreakpoint);
        MenuItem seedBands = item("Seed _bands…", null, window::seedBands);
        MenuItem sweep = item("S_weep…", null, window::sweep);
        MenuItem compare = item("_Compare designs…", null, window::compareDesigns);
        return menu("_Run", play, step, faster, slower, reset, new SeparatorMenuItem(), pauseWhen, seedBands, sweep, compare);
    }

    private Menu view(List<Panel> panels, BooleanProperty notesShown) {
        Menu view = new Menu("_View");
        for (int i = 0; i < panels.size() && i < 10; i++) {
            int index = i;
            Shortcuts.Action action = Shortcuts.Action.valueOf("PANEL_" + (i + 1));
            view.getItems().add(item(panels.get(i).title(), action, () -> window.selectPanel(index)));
        }
        view.getItems().add(new SeparatorMenuItem());

        Menu theme = new Menu("_Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.label());
            r.setToggleGroup(themes);
            r.setSelected(Appearance.get().themeProperty().get() == t);
            r.setOnAction(e -> Appearance.get().themeProperty().set(t));
            javafx.beans.value.ChangeListener<Theme> follow = (obs, old, now) -> r.setSelected(now == t);
            appearanceListeners.add(follow);
            Appearance.get().themeProperty().addListener(new javafx.beans.value.WeakChangeListener<>(follow));
            theme.getItems().add(r);
        }
        Menu font = new Menu("_Font size");
        ToggleGroup fonts = new ToggleGroup();
        for (double scale : FONT_SCALES) {
            RadioMenuItem r = new RadioMenuItem(String.format(Locale.ROOT, "%.0f %%", scale * 100));
            r.setToggleGroup(fonts);
            r.setSelected(Math.abs(Appearance.get().fontScaleProperty().get() - scale) < 1e-9);
            r.setOnAction(e -> Appearance.get().fontScaleProperty().set(scale));
            javafx.beans.value.ChangeListener<Number> follow = (obs, old, now) -> r.setSelected(Math.abs(now.doubleValue() - scale) < 1e-9);
            appearanceListeners.add(follow);
            Appearance.get().fontScaleProperty().addListener(new javafx.beans.value.WeakChangeListener<>(follow));
            font.getItems().add(r);
        }
        MenuItem presenter = item("_Presenter mode", Shortcuts.Action.PRESENTER, window::togglePresenter);
        view.getItems().addAll(theme, font, presenter, new SeparatorMenuItem(),
                check("Show _navigation", window.navigationShownProperty()),
                check("Show p_arameters", window.parametersShownProperty()),
                check("Show _charts and log", window.bottomShownProperty()),
                check("Show scenario _notes", notesShown));
        return view;
    }

    private Menu help() {
        MenuItem keys = item("_Keyboard shortcuts", Shortcuts.Action.HELP, window::toggleHelp);
        MenuItem about = item("_About ScaleLab", null, window::about);
        return menu("_Help", keys, about);
    }

    private static Menu menu(String text, MenuItem... items) {
        Menu m = new Menu(text);
        m.getItems().addAll(items);
        return m;
    }

    private static MenuItem item(String text, Shortcuts.Action action, Runnable onAction) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(true);
        item.setOnAction(e -> onAction.run());
        if (action != null) {
            item.setAccelerator(new ShownKey(Shortcuts.of(action).keyText()));
        }
        return item;
    }

    private static CheckMenuItem check(String text, BooleanProperty shown) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.selectedProperty().bindBidirectional(shown);
        return item;
    }

    private static void disableUnless(MenuItem item, ObservableBooleanValue enabled) {
        item.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
    }
}
