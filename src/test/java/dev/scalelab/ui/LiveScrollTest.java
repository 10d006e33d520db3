package dev.scalelab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scroll panes around live content draw their viewport straight, not through a cache rebuilt every pulse. */
class LiveScrollTest {
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
    }

    @Test
    void theViewportIsCachedByJavaFxAndNotOnceUncached() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        boolean[] cached = WaitForAsyncUtils.asyncFx(() -> {
            ScrollPane plain = new ScrollPane(new StackPane());
            ScrollPane live = new ScrollPane(new StackPane());
            LiveScroll.uncache(live); // before its skin exists, as an FXML field is
            ScrollPane late = new ScrollPane(new StackPane());
            stage.setScene(new Scene(new StackPane(plain, live, late), 300, 200));
            stage.show();
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            LiveScroll.uncache(late); // after its skin exists
            return new boolean[] {viewport(plain).isCache(), viewport(live).isCache(), viewport(late).isCache()};
        }).get();
        assertEquals(3, cached.length);
        assertTrue(cached[0], "JavaFX's ScrollPaneSkin caches its viewport (the premise of LiveScroll)");
        assertFalse(cached[1]);
        assertFalse(cached[2]);
    }

    private static Node viewport(ScrollPane scroll) {
        return scroll.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("viewport")).findFirst()
                .orElseThrow(() -> new AssertionError("no viewport in " + scroll.getChildrenUnmodifiable()));
    }
}
