package dev.scalelab.ui.look;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The app's colour themes. */
public enum Theme {
    LIGHT("Light", "light"),
    DARK("Dark", "dark"),
    /** Black on white with strong outlines, for projectors and low vision. */
    HIGH_CONTRAST("High contrast", "high-contrast");

    private final String label;
    private final String id;

    Theme(String label, String id) {
        this.label = label;
        this.id = id;
    }

    /** The name the View menu shows. */
    public String label() {
        return label;
    }

    /** The name in the settings file and in the root's style class ({@code theme-dark}). */
    public String id() {
        return id;
    }

    /** The theme named {@code id} in a settings file, or null. */
    public static Theme byId(String id) {
        for (Theme theme : values()) {
            if (theme.id.equals(id)) {
                return theme;
            }
        }
        return null;
    }

    /** AtlantaFX's theme under the app's stylesheets: its looked-up colours are what they refer to. */
    String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** The app's stylesheet for this theme, added after the panels' sheets so it wins; null for none. */
    String overrideStylesheet() {
        switch (this) {
            case DARK:
                return "/styles/dark.css";
            case HIGH_CONTRAST:
                return "/styles/high-contrast.css";
            default:
                return null;
        }
    }
}
