package dev.scalelab.ui.look;

/** The app's colour themes. */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark"),
    /** Black on white with strong outlines, for projectors and low vision. */
    HIGH_CONTRAST("High contrast");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** The name the View menu shows. */
    public String label() {
        return label;
    }
}
