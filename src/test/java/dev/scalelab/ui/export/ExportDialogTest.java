package dev.scalelab.ui.export;

import dev.scalelab.ui.FxWait;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export dialog's defaults and its one-line messages for a bad field. */
class ExportDialogTest {
    private static final long TIMEOUT_SECONDS = 20;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static ExportDialog dialog(ExportRequest.Kind kind, double now) throws Exception {
        return FxWait.onFx(() -> new ExportDialog(null, List.of(), kind, now, "Caching"), TIMEOUT_SECONDS);
    }

    private static <T> T field(ExportDialog d, String id) {
        @SuppressWarnings("unchecked")
        T node = (T) d.dialog().getDialogPane().lookup("#" + id);
        return node;
    }

    @Test
    void aGifDefaultsToTheCurrentPanelAndTheLastThirtySecondsAtTenFramesASecond() throws Exception {
        ExportDialog d = dialog(ExportRequest.Kind.GIF, 95);
        FxWait.onFx(() -> {
            assertEquals("Caching", ((ComboBox<?>) field(d, "exportPanel")).getValue());
            assertEquals("65", ((TextField) field(d, "exportFrom")).getText());
            assertEquals("95", ((TextField) field(d, "exportTo")).getText());
            assertTrue(((RadioButton) field(d, "exportGIF")).isSelected());
            assertTrue(((ComboBox<?>) field(d, "exportPanel")).isVisible());
            assertNull(d.check());
            return null;
        }, TIMEOUT_SECONDS);
    }

    @Test
    void aBadFieldIsNamedInOneLine() throws Exception {
        ExportDialog d = dialog(ExportRequest.Kind.GIF, 40);
        FxWait.onFx(() -> {
            TextField from = field(d, "exportFrom");
            TextField to = field(d, "exportTo");
            from.setText("soon");
            assertEquals("From: \"soon\" is not a number of seconds", d.check());
            from.setText("10");
            to.setText("50");
            assertEquals("To: 50 is out of range; after From, up to 40 s, the run so far", d.check());
            to.setText("5");
            assertEquals("To: 5 is out of range; after From, up to 40 s, the run so far", d.check());
            to.setText("40");
            assertNull(d.check());
            return null;
        }, TIMEOUT_SECONDS);
    }

    @Test
    void thePanelAndSpanAreShownForAGifOnly() throws Exception {
        ExportDialog d = dialog(ExportRequest.Kind.PANEL_PNG, 40);
        FxWait.onFx(() -> {
            assertFalse(((ComboBox<?>) field(d, "exportPanel")).isVisible());
            assertTrue(((RadioButton) field(d, "exportScale2")).getParent().isVisible());
            ((RadioButton) field(d, "exportCSV")).setSelected(true);
            assertFalse(((RadioButton) field(d, "exportScale2")).getParent().isVisible(), "a CSV has no scale");
            ((RadioButton) field(d, "exportGIF")).setSelected(true);
            assertTrue(((ComboBox<?>) field(d, "exportPanel")).isVisible());
            return null;
        }, TIMEOUT_SECONDS);
    }

    @Test
    void dataBeforeTheRunStartsIsRefused() throws Exception {
        ExportDialog d = dialog(ExportRequest.Kind.CSV, 0);
        FxWait.onFx(() -> {
            assertEquals("Export: the run has not started yet; play it, then export its data", d.check());
            return null;
        }, TIMEOUT_SECONDS);
    }
}
