package dev.scalelab.ui.controls;

import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A key the menu shows beside an item but never matches: the window's key handler does what the key
 * does, once, and leaves Space, the arrows and the edit keys to a focused text field.
 */
public final class ShownKey extends KeyCombination {
    private final String text;

    public ShownKey(String text) {
        this.text = text;
    }

    @Override
    public boolean match(KeyEvent event) {
        return false;
    }

    @Override
    public String getDisplayText() {
        return text;
    }

    @Override
    public String getName() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
