package dev.scalelab.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

import java.util.List;

/**
 * Gives every control of a panel that has no accessible text one, for screen readers: the text of
 * the label that names it ({@code labelFor}, else the label just before it in its parent), else its
 * tooltip's first sentence. Run once, when a panel is first shown. FX thread only.
 */
final class AccessibleTexts {
    private AccessibleTexts() {
    }

    /** Fills in the controls under {@code root}; returns how many it named. */
    static int fill(Node root) {
        if (root == null) {
            return 0;
        }
        int named = 0;
        if (root instanceof Control control && isBlank(control.getAccessibleText()) && !hasOwnText(control)) {
            String text = nameOf(control);
            if (text != null) {
                control.setAccessibleText(text);
                named++;
            }
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                named += fill(child);
            }
        }
        // Before a control has its skin (a panel not yet on screen), its content is not among its children.
        if (root instanceof javafx.scene.control.ScrollPane scroll) {
            named += fill(scroll.getContent());
        } else if (root instanceof javafx.scene.control.TitledPane titled) {
            named += fill(titled.getContent());
        } else if (root instanceof javafx.scene.control.SplitPane split) {
            for (Node item : split.getItems()) {
                named += fill(item);
            }
        } else if (root instanceof javafx.scene.control.TabPane tabs) {
            for (javafx.scene.control.Tab tab : tabs.getTabs()) {
                named += fill(tab.getContent());
            }
        }
        return named;
    }

    /** A labelled control with text (a button, a check box) already says what it is. */
    private static boolean hasOwnText(Control control) {
        return control instanceof Labeled labeled && !(control instanceof Label) && !isBlank(labeled.getText());
    }

    private static String nameOf(Control control) {
        if (control instanceof Label) {
            return null; // a label is read as its text
        }
        Parent parent = control.getParent();
        if (parent != null) {
            for (Node sibling : parent.getChildrenUnmodifiable()) {
                if (sibling instanceof Label label && label.getLabelFor() == control && !isBlank(label.getText())) {
                    return label.getText();
                }
            }
            // The label just before it, past spacers (a row: name, gap, field, unit).
            List<Node> siblings = parent.getChildrenUnmodifiable();
            for (int i = siblings.indexOf(control) - 1; i >= 0; i--) {
                Node before = siblings.get(i);
                if (before instanceof Label label) {
                    if (label.getLabelFor() == null && !isBlank(label.getText())) {
                        return label.getText();
                    }
                    break;
                }
                if (before instanceof Control) {
                    break;
                }
            }
        }
        Tooltip tip = control.getTooltip();
        if (tip != null && !isBlank(tip.getText())) {
            String text = tip.getText().trim();
            int end = text.indexOf(". ");
            return end < 0 ? text : text.substring(0, end + 1);
        }
        return null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
