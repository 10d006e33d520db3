package dev.scalelab.ui;

import dev.scalelab.practice.ChallengeLibrary;
import dev.scalelab.ui.canvas.DesignWindow;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Takes the screenshots of answering a design challenge on the canvas: challenge 11's starting
 * system drawn, a cache box drawn between the service and the database with the reference's
 * settings, the drawing running, and the Practice panel's verdict on it. Not part of the build (its
 * name is not a test's); run it by hand: {@code Xvfb :77 -screen 0 1600x1000x24 & DISPLAY=:77 mvn -o
 * test -Dtest=PracticeCanvasScreenshots -Dsurefire.failIfNoSpecifiedTests=false}. It needs
 * ImageMagick's {@code import}.
 */
class PracticeCanvasScreenshots {
    private static final Path OUT = Path.of("docs");
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void onTheDisplay() {
        XDisplay.use();
    }

    @Test
    void answerChallengeElevenOnTheCanvas() throws Exception {
        FxToolkit.registerPrimaryStage();
        ScaleLabApp app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class, "--panel", "Practice");
        onFx(() -> {
            Window w = app.window().currentPanel().view().getScene().getWindow();
            w.setX(0);
            w.setY(0);
            w.setWidth(1600);
            w.setHeight(1000);
            return null;
        });
        var challenge = ChallengeLibrary.byId("scalable-web-app");
        FxWait.waitUntil(() -> onFx(() -> robot.lookup("#practiceChallengeList").tryQuery().isPresent()
                && !((ListView<?>) robot.lookup("#practiceChallengeList").query()).getItems().isEmpty()), 60);
        onFx(() -> {
            ListView<Object> list = robot.lookup("#practiceChallengeList").queryListView();
            Object item = list.getItems().stream().filter(i -> i instanceof dev.scalelab.practice.Challenge c
                    && c.id().equals(challenge.id())).findFirst().orElseThrow();
            list.getSelectionModel().select(item);
            ((Button) robot.lookup("#practiceDraw").query()).fire();
            return null;
        });
        Thread.sleep(1500);
        DesignWindow canvas = onFx(() -> {
            var panel = (dev.scalelab.ui.practice.PracticePanel) ((PanelCatalog.LazyPanel) app.window().currentPanel()).panel();
            DesignWindow w = panel.canvas(challenge.id());
            w.stage().setX(0);
            w.stage().setY(0);
            w.stage().setWidth(1600);
            w.stage().setHeight(1000);
            return w;
        });
        Thread.sleep(1500);
        shot("practice-canvas-start.png");
        // The answer: a cache between the service and the database, sized as the reference sizes it.
        var solution = challenge.solutionScenario();
        onFx(() -> {
            var ed = canvas.editor();
            // As the inspector would leave it: the cache's levels, the service's count and HPA, the balancer's strategy.
            var tree = dev.scalelab.world.ScenarioFiles.tree(ed.scenario());
            var answer = dev.scalelab.world.ScenarioFiles.tree(solution);
            var nodes = (com.fasterxml.jackson.databind.node.ArrayNode) tree.path("topology").path("nodes");
            for (var n : nodes) {
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) n;
                switch (node.path("kind").asText()) {
                    case "service" -> {
                        node.set("service", answer.get("service"));
                        node.set("autoscaler", answer.get("autoscaler"));
                    }
                    case "balancer" -> node.set("balancer", answer.get("balancer"));
                    case "database" -> node.set("database", answer.get("database"));
                    default -> {
                    }
                }
            }
            nodes.addObject().put("id", "cache").put("kind", "cache").set("cache", answer.get("cache"));
            var edges = (com.fasterxml.jackson.databind.node.ArrayNode) tree.path("topology").path("edges");
            for (int i = edges.size() - 1; i >= 0; i--) {
                if (edges.get(i).path("from").asText().equals("service") && edges.get(i).path("to").asText().equals("database")) {
                    edges.remove(i);
                }
            }
            edges.addObject().put("from", "service").put("to", "cache");
            edges.addObject().put("from", "cache").put("to", "database");
            ed.applyWhole(dev.scalelab.world.ScenarioFiles.parse(tree.toString()));
            ed.autoLayout();
            ed.select(List.of("cache"));
            ((Button) canvas.stage().getScene().getRoot().lookup("#designFit")).fire();
            return null;
        });
        onFx(() -> {
            ((Button) canvas.stage().getScene().getRoot().lookup("#designRun")).fire();
            return null;
        });
        Thread.sleep(25000);
        shot("practice-canvas-answer.png");
        onFx(() -> {
            ((Button) canvas.stage().getScene().getRoot().lookup("#designSubmit")).fire();
            return null;
        });
        Thread.sleep(1000);
        shot("practice-canvas-submitted.png");
        FxWait.waitUntil(() -> onFx(() -> ((javafx.scene.control.Label) robot.lookup("#practiceGradingText").query()).getText()
                .startsWith("Graded")), 180);
        onFx(() -> {
            canvas.editor().markSaved();
            canvas.stage().hide();
            return null;
        });
        Thread.sleep(1500);
        shot("practice-canvas-verdict.png");
        FxToolkit.cleanupApplication(app);
    }

    private static void shot(String name) throws Exception {
        XDisplay.shoot(OUT.resolve(name));
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, 60);
    }
}
