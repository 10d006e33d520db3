package dev.scalelab.ui.parameters;

import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * Marks a refused field with the {@code :invalid} pseudo-class that the stylesheets colour; the
 * reason is the line under the row. ControlsFX's own decorations would wrap the scene's root in a
 * decoration pane, which the main window's layout and stylesheets do not expect.
 */
final class InvalidMark implements ValidationDecoration {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    /** A ValidationSupport that marks with this decoration. */
    static ValidationSupport newSupport() {
        ValidationSupport support = new ValidationSupport();
        support.setValidationDecorator(new InvalidMark());
        return support;
    }

    @Override
    public void removeDecorations(Control target) {
        target.pseudoClassStateChanged(INVALID, false);
    }

    @Override
    public void applyValidationDecoration(ValidationMessage message) {
        message.getTarget().pseudoClassStateChanged(INVALID, message.getSeverity() == Severity.ERROR);
    }

    @Override
    public void applyRequiredDecoration(Control target) {
        // Every field of a form always holds a value, so none is marked as required.
    }
}
