package dev.scalelab.ui.compare;

import dev.scalelab.compare.LiveFigures;
import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.seeds.HeadlineText;
import dev.scalelab.ui.ScaleLabApp;
import dev.scalelab.ui.look.Appearance;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.scalelab.ui.FxWait.onFx;
import static dev.scalelab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Run › Compare designs… on full-stack with B = more instances: the dialog refuses a bad line, then
 * starts; every panel shows its view twice with the difference table above; Stop compare returns to
 * one view. Real clicks and typing; nodes read on the FX thread; every wait is on a condition. The
 * window is saved as {@code target/compare-PANEL.png} on the way, for a person to look at.
 */
class CompareRobotTest {
    private static final long TIMEOUT_SECONDS = 30;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;
    private Stage stage;

    @BeforeEach
    void startApp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "full-stack", "--panel", "Overview");
        onFx(() -> {
            Appearance.get().install(stage.getScene());
            stage.setWidth(1200);
            stage.setHeight(760);
            return null;
        }, 10);
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    private SimulationRunner runner() {
        return app.runner();
    }

    @Test
    void aComparisonStartedFromTheDialogShowsEveryPanelTwiceWithTheDifferenceTable() throws Exception {
        waitUntil(() -> runner().latest().snapshot().timeSeconds() > 0.5, TIMEOUT_SECONDS); // the window is up and running
        Node run = onFx(() -> robot.lookup("#menuBar .menu").queryAll().stream()
                .filter(n -> n instanceof Labeled l && "Run".equals(l.getText().replace("_", ""))).findFirst().orElseThrow(), 5);
        robot.clickOn(run);
        robot.clickOn("Compare designs…");
        waitUntil(() -> onFx(() -> robot.lookup("#compareChanges").tryQuery().isPresent(), 5), TIMEOUT_SECONDS);
        robot.clickOn("#compareChanges");
        robot.write("service.instancez=8");
        waitUntil(() -> problem().startsWith("line 1, service.instancez: "), TIMEOUT_SECONDS);
        assertTrue(onFx(() -> robot.lookup("#compareStart").query().isDisabled(), 5), "Start waits for a good line");
        onFx(() -> {
            robot.lookup("#compareChanges").queryAs(TextArea.class).clear();
            return null;
        }, 5);
        robot.write("# more instances\nservice.instances=0");
        waitUntil(() -> problem().startsWith("line 2, service.instances: 0"), TIMEOUT_SECONDS);
        robot.push(KeyCode.BACK_SPACE);
        robot.write("8");
        waitUntil(() -> problem().isEmpty(), TIMEOUT_SECONDS);
        robot.clickOn("#compareStart");

        waitUntil(() -> runner().latest().comparison() != null && onFx(() -> robot.lookup("#compareBar").query().isVisible(), 5),
                TIMEOUT_SECONDS);
        assertEquals("A: as is", text("#compareBarA"));
        assertEquals("B: service.instances=8", text("#compareBarB"));
        assertEquals(8, runner().latest().race().current().service().instances());
        assertEquals(4, runner().latest().snapshot().current().service().instances(), "A runs as it was");
        Node overviewA = assertTwoViews();

        // Run on a little, pause, and the table shows the last frame's figures: B − A of the two snapshots.
        waitUntil(() -> runner().latest().snapshot().timeSeconds() > 5, TIMEOUT_SECONDS);
        runner().pause();
        waitUntil(() -> runner().latest().status().paused(), TIMEOUT_SECONDS);
        Frame last = runner().latest();
        double[] a = LiveFigures.of(last.snapshot());
        double[] b = LiveFigures.of(last.race());
        for (Headline h : new Headline[] {Headline.THROUGHPUT, Headline.P99_MS, Headline.CACHE_HIT_RATIO}) {
            // The table catches up with the last frame within a refresh (a quarter of a second).
            String wantA = HeadlineText.value(h, a[h.ordinal()]);
            String wantB = HeadlineText.value(h, b[h.ordinal()]);
            String wantDiff = HeadlineText.change(h, b[h.ordinal()] - a[h.ordinal()]);
            waitUntil(() -> wantA.equals(text("#compareA-" + h.key())) && wantB.equals(text("#compareB-" + h.key()))
                    && wantDiff.equals(text("#compareDiff-" + h.key())), TIMEOUT_SECONDS);
        }
        assertTrue(b[Headline.COST_PER_HOUR.ordinal()] > a[Headline.COST_PER_HOUR.ordinal()], "eight instances cost more than four");
        runner().play();
        save("overview");

        // Another panel keeps compare mode: its own view, twice.
        for (String panel : new String[] {"Scaling", "Caching", "Database"}) {
            select(panel);
            Node viewA = assertTwoViews();
            assertNotSame(overviewA, viewA);
            save(panel.toLowerCase(java.util.Locale.ROOT));
        }

        // The minimum window: each copy as wide as the centre at most (the two stack), nothing past its right edge.
        onFx(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
            return null;
        }, 5);
        for (String panel : new String[] {"Overview", "Caching"}) {
            select(panel);
            assertTwoViews();
            waitUntil(() -> onFx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                ScrollPane scroll = robot.lookup("#panelScroll").queryAs(ScrollPane.class);
                Node twins = robot.lookup("#panelHost").queryAs(Pane.class).getChildren().get(0);
                return twins.getLayoutBounds().getWidth() <= scroll.getViewportBounds().getWidth() + 1
                        && twins.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("stacked"));
            }, 5), TIMEOUT_SECONDS);
        }
        Node bar = robot.lookup("#compareStop").query();
        assertTrue(onFx(() -> bar.localToScene(bar.getLayoutBounds()).getMaxX() <= 1024, 5), "Stop compare is on screen");

        robot.clickOn("#compareStop");
        waitUntil(() -> !onFx(() -> robot.lookup("#compareBar").query().isVisible(), 5), TIMEOUT_SECONDS);
        Pane host = robot.lookup("#panelHost").queryAs(Pane.class);
        assertEquals(1, onFx(() -> host.getChildren().size(), 5));
        assertTrue(onFx(() -> robot.lookup("#compareViewA").tryQuery().isEmpty(), 5), "one view again");
    }

    /** Both sides hold a caption and a view; returns A's view. */
    private Node assertTwoViews() throws Exception {
        waitUntil(() -> onFx(() -> robot.lookup("#compareViewB").tryQuery().map(n -> ((VBox) n).getChildren().size() == 2)
                .orElse(false), 5), TIMEOUT_SECONDS);
        VBox sideA = robot.lookup("#compareViewA").queryAs(VBox.class);
        VBox sideB = robot.lookup("#compareViewB").queryAs(VBox.class);
        return onFx(() -> {
            assertEquals(2, sideA.getChildren().size());
            Node a = sideA.getChildren().get(1);
            Node b = sideB.getChildren().get(1);
            assertNotSame(a, b, "B is a second instance of the panel");
            assertSame(a.getClass(), b.getClass());
            assertTrue(((Label) sideA.getChildren().get(0)).getText().startsWith("A  as is"));
            assertTrue(((Label) sideB.getChildren().get(0)).getText().startsWith("B  service.instances=8"));
            return a;
        }, 5);
    }

    private void select(String title) throws Exception {
        onFx(() -> {
            ListView<?> list = robot.lookup("#panelList").queryAs(ListView.class);
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).toString().equals(title)) {
                    list.getSelectionModel().select(i);
                }
            }
            return null;
        }, 5);
    }

    private String problem() throws Exception {
        return text("#compareProblem");
    }

    private String text(String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse(""), 5);
    }

    /** The window as {@code target/compare-NAME.png}, after a few pulses so the panel has drawn. */
    private void save(String name) throws Exception {
        long frame = runner().latest().status().frame();
        waitUntil(() -> runner().latest().status().frame() > frame + 20, TIMEOUT_SECONDS);
        WritableImage image = onFx(() -> stage.getScene().snapshot(null), 10);
        PixelReader pixels = image.getPixelReader();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = Path.of("target", "compare-" + name + ".png");
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new AssertionError("could not save " + file, e);
        }
    }
}
