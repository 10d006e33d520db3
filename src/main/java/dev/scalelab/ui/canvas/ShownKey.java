package dev.scalelab.ui.canvas;

import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** A key the menu shows beside an item but never matches: the window's key handler does it, and leaves text fields theirs. */
final class ShownKey extends KeyCombination {
    private final String text;

    ShownKey(String text) {
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
