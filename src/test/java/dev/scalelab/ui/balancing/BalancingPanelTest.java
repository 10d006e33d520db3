package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.ScaleLabApp;
import dev.scalelab.world.Snapshot;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Robot tests of the Load balancing panel on the slow-instance preset: real clicks, checked in the simulation. */
class BalancingPanelTest {
    private static final long TIMEOUT_SECONDS = 8;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @BeforeEach
    void startAppOnThePanel() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--scenario", "slow-instance", "--panel", "Load balancing");
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void raceModeRunsRoundRobinAgainstP2cAndP2cRoutesLessToTheSlowInstance() throws TimeoutException {
        // Virtual seconds pass quickly, so both sides have data within a wall second.
        runner().setSpeed(20);
        assertEquals("Round robin", label("#leftStrategy").getText());
        robot.clickOn("#raceToggle");
        waitUntil(() -> {
            Frame f = runner().latest();
            return f.race() != null && f.race().timeSeconds() >= 10 && f.race().series().size() >= 5;
        });
        Frame frame = runner().latest();
        Snapshot left = frame.snapshot();
        Snapshot right = frame.race();
        assertEquals("round-robin", left.current().balancer().strategy().id());
        assertEquals("p2c", right.current().balancer().strategy().id());
        assertEquals(left.timeSeconds(), right.timeSeconds(), 1e-9, "the worlds run in lockstep");
        long leftToSlow = left.instances().get(3).routed();
        long rightToSlow = right.instances().get(3).routed();
        assertTrue(rightToSlow < leftToSlow, "p2c sent i-3 " + rightToSlow + ", round robin " + leftToSlow);
        waitUntil(() -> robot.lookup("#rightLiveView").tryQuery().map(Node::isVisible).orElse(false));
        waitUntil(() -> label("#rightStrategy").getText().equals("Power of d choices"));

        // The right strategy switches the right world at once; the left keeps its own.
        robot.clickOn("#rightStrategyChoice");
        robot.clickOn(Strategy.PEAK_EWMA.label());
        waitUntil(() -> runner().latest().race() != null
                && runner().latest().race().current().balancer().strategy() == Strategy.PEAK_EWMA);
        assertEquals(Strategy.ROUND_ROBIN, runner().latest().snapshot().current().balancer().strategy());

        robot.clickOn("#raceToggle");
        waitUntil(() -> runner().latest().race() == null);
        waitUntil(() -> robot.lookup("#rightLiveView").tryQuery().isEmpty());
        assertFalse(robot.lookup("#raceToggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    @Test
    void clickingAnInstanceSelectsItForWeightSpeedAndMakeSlow() throws TimeoutException {
        waitUntil(() -> snapshot().timeSeconds() > 0.3);
        BalancerCanvas live = robot.lookup("#leftLiveView").queryAs(BalancerCanvas.class);
        Point2D center = live.tileCenter("i-5");
        robot.clickOn(live.localToScreen(center));
        waitUntil(() -> "i-5".equals(robot.lookup("#instanceChoice").queryComboBox().getValue()));

        dev.scalelab.ui.ScrollIntoView.of(robot, "#makeSlowButton"); // under the menu bar and the notes it may be below the fold
        robot.clickOn("#makeSlowButton");
        waitUntil(() -> instance("i-5").speedFactor() == 0.25);

        replaceText("#instanceWeightField", "3");
        waitUntil(() -> instance("i-5").weight() == 3.0);

        replaceText("#instanceWeightField", "-1");
        Label error = label("#instanceWeightError");
        waitUntil(error::isVisible);
        assertTrue(error.getText().startsWith("Weight: -1 is out of range"), error.getText());
        assertEquals(3.0, instance("i-5").weight());
    }

    @Test
    void atAFontScaleOf150PercentTheTilesGrowWithTheirTextsAndAClickStillFindsItsInstance() throws Exception {
        waitUntil(() -> snapshot().timeSeconds() > 0.3);
        BalancerCanvas live = robot.lookup("#leftLiveView").queryAs(BalancerCanvas.class);
        double widthAt100 = WaitForAsyncUtils.asyncFx(() -> live.tileBounds("i-2").getWidth()).get();
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                // A projector's window: at 150 % the panel needs the room a 1600 × 1000 window gives it.
                javafx.stage.Window window = live.getScene().getWindow();
                window.setWidth(1600);
                window.setHeight(1000);
                dev.scalelab.ui.look.Appearance.get().fontScaleProperty().set(1.5);
            }).get();
            // The board is laid out in 100 % units over a canvas 1.5 times smaller and drawn magnified.
            waitUntil(() -> {
                try {
                    // Once the larger font has laid the panel out again and the board followed its new size.
                    return WaitForAsyncUtils.asyncFx(() -> {
                        javafx.geometry.Bounds b = live.tileBounds("i-2");
                        return b != null && b.getWidth() != widthAt100 && b.getMaxX() <= live.getWidth() + 1 && b.getMaxY() <= live.getHeight() + 1;
                    }).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // A click at the tile's centre, in the view's own coordinates (the window is larger than the
            // headless screen, so the robot's pointer cannot reach every point of it).
            WaitForAsyncUtils.asyncFx(() -> {
                javafx.geometry.Bounds tile = live.tileBounds("i-2");
                Point2D center = live.tileCenter("i-2");
                assertEquals(tile.getCenterX(), center.getX(), 1e-6);
                assertEquals(tile.getCenterY(), center.getY(), 1e-6);
                Point2D screen = live.localToScreen(center);
                Point2D inScene = live.localToScene(center); // a fired event finds its local point from the scene's
                javafx.event.Event.fireEvent(live, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                        inScene.getX(), inScene.getY(), screen.getX(), screen.getY(), javafx.scene.input.MouseButton.PRIMARY, 1,
                        false, false, false, false, true, false, false, true, false, true, null));
            }).get();
            waitUntil(() -> "i-2".equals(robot.lookup("#instanceChoice").queryComboBox().getValue()));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> dev.scalelab.ui.look.Appearance.get().fontScaleProperty().set(1.0)).get();
        }
    }

    @Test
    void eachStepShowsTheNewestDecision() throws TimeoutException {
        robot.clickOn("#balancerStrategyChoice");
        robot.clickOn("p2c");
        waitUntil(() -> snapshot().current().balancer().strategy() == Strategy.P2C && snapshot().balancer().lastPick() != null);
        robot.clickOn("#playButton");
        waitUntil(() -> runner().latest().status().paused());
        Label decision = label("#leftDecision");
        waitUntil(() -> decision.getText().contains("sampled"));
        String before = decision.getText();
        double time = snapshot().timeSeconds();
        robot.clickOn("#stepButton");
        waitUntil(() -> snapshot().timeSeconds() > time + 0.05);
        waitUntil(() -> !decision.getText().equals(before));
        assertNotEquals(before, decision.getText());
        assertTrue(decision.getText().matches("#[0-9,]+ {2}sampled i-\\d+ \\(\\d+ active\\) and i-\\d+ \\(\\d+ active\\) → i-\\d+"),
                decision.getText());
    }

    @Test
    void requestDotsFlyUnderTheBoardSoTheyNeverCoverAnInstancesName() throws Exception {
        BalancerCanvas canvas = robot.lookup("#leftLiveView").queryAs(BalancerCanvas.class);
        int dots = WaitForAsyncUtils.asyncFx(() -> canvas.getChildrenUnmodifiable().indexOf(canvas.dotLayer())).get();
        int board = WaitForAsyncUtils.asyncFx(() -> canvas.getChildrenUnmodifiable().indexOf(canvas.boardLayer())).get();
        assertTrue(dots >= 0 && dots < board, "the dot layer is drawn first, under the rows and tiles");
    }

    @Test
    void inARaceEachSidesFourFiguresStayOnOneRowAndShowTheirWholeValue() throws Exception {
        runner().setSpeed(20);
        robot.clickOn("#raceToggle");
        // Round robin drops requests at the slow instance's full queue: a number several digits long.
        waitUntil(() -> runner().latest().race() != null && snapshot().rejected() >= 1000);
        String[] sides = {"left", "right"};
        String[] figures = {"P50", "P99", "MaxQueue", "Drops"};
        Callable<String> layout = () -> {
            StringBuilder problems = new StringBuilder();
            for (String side : sides) {
                double rowY = Double.NaN;
                for (String figure : figures) {
                    Label value = label("#" + side + figure);
                    Bounds box = value.getParent().localToScene(value.getParent().getLayoutBounds());
                    if (Double.isNaN(rowY)) {
                        rowY = box.getMinY();
                    } else if (Math.abs(box.getMinY() - rowY) > 0.5) {
                        problems.append(side).append(figure).append(" wrapped to y ").append(box.getMinY()).append("; ");
                    }
                    Node row = value.getParent().getParent();
                    Node sideNode = row.getParent().getParent();
                    double rowRight = row.localToScene(row.getLayoutBounds()).getMaxX();
                    double sideRight = sideNode.localToScene(sideNode.getLayoutBounds()).getMaxX();
                    if (rowRight > sideRight + 0.5) {
                        problems.append(side).append(" figures overflow their side by ").append(rowRight - sideRight).append(" px; ");
                    }
                    if (value.getWidth() + 0.5 < value.prefWidth(-1)) {
                        problems.append(side).append(figure).append(" \"").append(value.getText()).append("\" cut to ")
                                .append(value.getWidth()).append(" px; ");
                    }
                }
            }
            return problems.toString();
        };
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(layout).get().isEmpty()
                    && !WaitForAsyncUtils.asyncFx(() -> label("#leftDrops").getText()).get().equals("–"));
        } catch (TimeoutException e) {
            fail(WaitForAsyncUtils.asyncFx(layout).get());
        }
    }

    private void replaceText(String query, String text) {
        dev.scalelab.ui.ScrollIntoView.of(robot, query);
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    private SimulationRunner runner() {
        return app.runner();
    }

    private Snapshot snapshot() {
        return runner().latest().snapshot();
    }

    private Snapshot.InstanceView instance(String id) {
        return snapshot().instances().stream().filter(in -> in.id().equals(id)).findFirst().orElseThrow();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
