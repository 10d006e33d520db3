package dev.scalelab.ui;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every keyboard shortcut of the main window, in one table: the window's key handler, the menus'
 * accelerators and the F1 help overlay all read it, so what the overlay says is what the keys do.
 */
public final class Shortcuts {

    /** What a shortcut does. */
    public enum Action {
        PLAY_PAUSE, STEP, FASTER, SLOWER, OPEN, SAVE, EXPORT, UNDO, REDO, HELP, PRESENTER, QUIT, LESSON_NEXT, LESSON_BACK,
        PANEL_1, PANEL_2, PANEL_3, PANEL_4, PANEL_5, PANEL_6, PANEL_7, PANEL_8, PANEL_9, PANEL_10;

        /** The 0-based index in the navigation list of a PANEL_n action, else -1. */
        public int panelIndex() {
            return name().startsWith("PANEL_") ? Integer.parseInt(name().substring(6)) - 1 : -1;
        }
    }

    /**
     * One row of the table.
     *
     * @param action      what it does
     * @param keys        the key combinations that trigger it (+ has two: the main row and the keypad)
     * @param keyText     how the help overlay writes the key: "Ctrl+O", "Space"
     * @param description what the help overlay says it does
     * @param typing      a key that text fields, spinners and sliders use themselves: it does nothing
     *                    while one of them has the focus
     */
    public record Shortcut(Action action, List<KeyCombination> keys, String keyText, String description, boolean typing) {
        public Shortcut {
            keys = List.copyOf(keys);
        }

        public boolean matches(KeyEvent event) {
            for (KeyCombination k : keys) {
                if (k.match(event)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Shortcut> ALL = build();

    private Shortcuts() {
    }

    /** Every shortcut, in the order the help overlay lists them. */
    public static List<Shortcut> all() {
        return ALL;
    }

    /** The row of {@code action}. */
    public static Shortcut of(Action action) {
        for (Shortcut s : ALL) {
            if (s.action() == action) {
                return s;
            }
        }
        throw new IllegalArgumentException("no shortcut for " + action);
    }

    /** The shortcut {@code event} triggers, or null. */
    public static Shortcut find(KeyEvent event) {
        for (Shortcut s : ALL) {
            if (s.matches(event)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The action {@code event} asks of the window, or null: when it is no shortcut, when the focused
     * control uses the key itself, or when it is a lesson's key and no lesson is open (Page Down and
     * Page Up then scroll as usual).
     */
    public static Action actionFor(KeyEvent event, Node focused, boolean lessonOpen) {
        Shortcut shortcut = find(event);
        if (shortcut == null || leftToFocused(shortcut, focused)) {
            return null;
        }
        boolean lessonKey = shortcut.action() == Action.LESSON_NEXT || shortcut.action() == Action.LESSON_BACK;
        return lessonKey && !lessonOpen ? null : shortcut.action();
    }

    /**
     * Whether a typing key should be left to {@code focused}: text fields, spinners, editable combo
     * boxes and sliders use Space, the arrows, + and − themselves, and Space presses a focused button,
     * check box or menu (the keyboard's way to use them).
     */
    public static boolean leftToFocused(Shortcut shortcut, Node focused) {
        if (!shortcut.typing() || focused == null) {
            return false;
        }
        if (focused instanceof TextInputControl || focused instanceof Spinner || focused instanceof Slider
                || (focused instanceof ComboBoxBase<?> box && box.isEditable())
                || focused.getParent() instanceof Spinner) {
            return true;
        }
        return shortcut.action() == Action.PLAY_PAUSE
                && (focused instanceof ButtonBase || focused instanceof ComboBoxBase<?> || focused instanceof ChoiceBox<?>);
    }

    private static List<Shortcut> build() {
        List<Shortcut> rows = new ArrayList<>();
        rows.add(row(Action.PLAY_PAUSE, "Space", "Play or pause the run", true, plain(KeyCode.SPACE)));
        rows.add(row(Action.STEP, "→", "Pause, then step 100 ms of virtual time", true, plain(KeyCode.RIGHT)));
        rows.add(row(Action.FASTER, "+", "Next speed up the speed menu", true,
                plain(KeyCode.PLUS), plain(KeyCode.ADD), new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHIFT_ANY)));
        rows.add(row(Action.SLOWER, "−", "Next speed down the speed menu", true, plain(KeyCode.MINUS), plain(KeyCode.SUBTRACT)));
        rows.add(row(Action.OPEN, "Ctrl+O", "Open a scenario file", false, ctrl(KeyCode.O)));
        rows.add(row(Action.SAVE, "Ctrl+S", "Save the scenario with your changes", false, ctrl(KeyCode.S)));
        rows.add(row(Action.EXPORT, "Ctrl+E", "Export a picture, a GIF, the series or the report", false, ctrl(KeyCode.E)));
        rows.add(row(Action.UNDO, "Ctrl+Z", "Undo your last parameter change", false, ctrl(KeyCode.Z)));
        rows.add(row(Action.REDO, "Ctrl+Y", "Redo the change you undid", false, ctrl(KeyCode.Y)));
        for (int i = 1; i <= 10; i++) {
            int digit = i % 10;
            KeyCode code = KeyCode.valueOf("DIGIT" + digit);
            rows.add(row(Action.valueOf("PANEL_" + i), "Ctrl+" + digit, i <= PanelCatalog.entries().size()
                    ? "Show " + PanelCatalog.entries().get(i - 1).title() : "Show panel " + i + " of the navigation list", false,
                    ctrl(code), ctrl(KeyCode.valueOf("NUMPAD" + digit))));
        }
        // A presentation clicker sends Page Down and Page Up.
        rows.add(row(Action.LESSON_NEXT, "Page Down", "In a lesson: Next (run the step, then go on)", false, plain(KeyCode.PAGE_DOWN)));
        rows.add(row(Action.LESSON_BACK, "Page Up", "In a lesson: Back to the start of the step before", false, plain(KeyCode.PAGE_UP)));
        rows.add(row(Action.PRESENTER, "F11", "Presenter mode: full screen, larger font, high contrast", false, plain(KeyCode.F11)));
        rows.add(row(Action.HELP, "F1", "Show or hide this list (Esc hides it too)", false, plain(KeyCode.F1)));
        rows.add(row(Action.QUIT, "Ctrl+Q", "Quit ScaleLab", false, ctrl(KeyCode.Q)));
        return Collections.unmodifiableList(rows);
    }

    private static Shortcut row(Action action, String keyText, String description, boolean typing, KeyCombination... keys) {
        return new Shortcut(action, List.of(keys), keyText, description, typing);
    }

    private static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    private static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
