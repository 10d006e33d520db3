package dev.scalelab.ui.balancing;

import dev.scalelab.ui.canvas.CanvasFont;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** The fonts of the balancer's board, one set for the card, the rows, the tiles and the strip. */
final class BoardFonts {
    static final CanvasFont TITLE = CanvasFont.of("System", FontWeight.BOLD, 13);
    static final CanvasFont ID = CanvasFont.of("System", FontWeight.BOLD, 12);
    static final CanvasFont LABEL = CanvasFont.of("System", 12);
    static final CanvasFont SMALL = CanvasFont.of("System", 10.5);
    static final CanvasFont SMALL_ID = CanvasFont.of("System", FontWeight.BOLD, 10.5);

    private BoardFonts() {
    }
}
