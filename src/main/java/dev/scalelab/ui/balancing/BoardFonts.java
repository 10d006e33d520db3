package dev.scalelab.ui.balancing;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** The fonts of the balancer's board, one set for the card, the rows, the tiles and the strip. */
final class BoardFonts {
    static final Font TITLE = Font.font("System", FontWeight.BOLD, 13);
    static final Font ID = Font.font("System", FontWeight.BOLD, 12);
    static final Font LABEL = Font.font("System", 12);
    static final Font SMALL = Font.font("System", 10.5);
    static final Font SMALL_ID = Font.font("System", FontWeight.BOLD, 10.5);

    private BoardFonts() {
    }
}
