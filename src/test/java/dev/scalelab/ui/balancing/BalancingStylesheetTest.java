package dev.scalelab.ui.balancing;

import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class BalancingStylesheetTest {

    /** JavaFX only logs a stylesheet it cannot parse and drops the rest of it: the panel would lose its look. */
    @Test
    void theStylesheetParsesWithoutErrors() throws Exception {
        URL css = BalancingView.class.getResource("/styles/balancing.css");
        assertNotNull(css);
        CssParser.errorsProperty().clear();
        new CssParser().parse(css);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).collect(Collectors.toList());
        assertEquals(List.of(), errors);
    }
}
