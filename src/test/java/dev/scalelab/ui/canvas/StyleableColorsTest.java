package dev.scalelab.ui.canvas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StyleableColorsTest {

    @Test
    void aColoursCssNameIsItsNameInKebabCaseAfterTheHousePrefix() {
        assertEquals("-sl-muted-text-fill", StyleableColors.cssName("mutedTextFill"));
        assertEquals("-sl-half-open-fill", StyleableColors.cssName("halfOpenFill"));
        assertEquals("-sl-text-fill", StyleableColors.cssName("textFill"));
    }
}
