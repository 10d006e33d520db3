package dev.scalelab.ui.overview;

import dev.scalelab.ui.FxWait;
import dev.scalelab.ui.ScaleLabApp;
import dev.scalelab.world.GatewayView;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Overview's gateway card: there for a scenario with a gateway, one row per client with its last second; absent otherwise. */
class GatewayCardTest {
    private static final long TIMEOUT_SECONDS = 8;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    private void start(String preset) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", preset, "--panel", "Overview");
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) { // the formatting test starts none
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void theCardShowsEachClientsLastSecondAndTheShedder() throws Exception {
        start("api-gateway");
        GatewayCard card = robot.lookup("#gatewayCard").queryAs(GatewayCard.class);
        FxWait.waitUntil(() -> app.runner().latest().snapshot().timeSeconds() > 2
                && onFx(() -> card.isVisible() && rowTexts(card).size() == 3 * 3), TIMEOUT_SECONDS);
        List<String> texts = onFx(() -> rowTexts(card));
        assertEquals(List.of("mobile", "high", "partner", "normal", "scraper", "low"),
                List.of(texts.get(0), texts.get(1), texts.get(3), texts.get(4), texts.get(6), texts.get(7)));
        // The scraper's row: most of its thousand requests a second limited by its quota of 100.
        String[] scraper = texts.get(8).split(" · ");
        assertTrue(Double.parseDouble(scraper[1].replace(",", "")) > 700, texts.get(8));
        String shedder = onFx(() -> ((Label) robot.lookup("#gatewayShedder").query()).getText());
        assertTrue(shedder.matches("shedding (nothing|low|low and normal): .* queued per ready instance .*"), shedder);
    }

    @Test
    void aScenarioWithoutAGatewayHasNoCard() throws Exception {
        start("default");
        FxWait.waitUntil(() -> app.runner().latest().snapshot().timeSeconds() > 1, TIMEOUT_SECONDS);
        GatewayCard card = robot.lookup("#gatewayCard").queryAs(GatewayCard.class);
        assertFalse(onFx(card::isVisible));
        assertFalse(onFx(card::isManaged));
    }

    @Test
    void numbersReadAdmittedLimitedAndShedPerSecond() {
        assertEquals("75 · 900 · 25", GatewayCard.numbers(new GatewayView.ClientView("scraper", "low", 75, 900, 25, 0, 0, 0)));
    }

    /** The texts of the rows' labels, row by row: name, priority, numbers (the bar has none). */
    private static List<String> rowTexts(GatewayCard card) {
        GridPane rows = (GridPane) card.getChildren().get(1);
        return rows.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }
}
