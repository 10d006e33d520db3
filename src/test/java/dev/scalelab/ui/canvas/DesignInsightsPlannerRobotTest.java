package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.network.Insight;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canvas's insights follow the running design to its bottleneck; the planner's plan is applied as one undo step. */
class DesignInsightsPlannerRobotTest {
    private static final long TIMEOUT_SECONDS = 60;
    /** 600/s at 20 ms on 2 instances of 4 workers: twice what it can serve. */
    static final String OVERLOADED = """
            {"schema":1,"name":"shop","seed":21,"durationSeconds":60,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":600}}},
               {"id":"lb","kind":"balancer","zone":"a"},
               {"id":"web","kind":"service","zone":"a","service":{"instances":2,"workersPerInstance":4,"queueCapacity":200,
                 "serviceTime":{"distribution":"exponential","meanMs":20}}}],
              "edges":[{"from":"users","to":"lb"},{"from":"lb","to":"web"}]}}
            """;
    private final FxRobot robot = new FxRobot();
    private DesignWindow window;

    @BeforeEach
    void open() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        window = onFx(() -> {
            DesignWindow w = new DesignWindow(owner);
            w.show();
            w.editor().load(ScenarioFiles.parse(OVERLOADED));
            return w;
        });
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            window.run().stop();
            if (window.planner() != null) {
                window.planner().stage().close();
            }
            window.editor().markSaved();
            window.stage().close();
            return null;
        });
    }

    @Test
    void anInsightNamesTheBottleneckAndChoosingItSelectsTheNode() throws Exception {
        onFx(() -> {
            window.run().startAt(Double.POSITIVE_INFINITY);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> window.insights().shown().stream().anyMatch(i -> i.node().equals("web")
                && i.kind() == Insight.Kind.HOT_NODE)), TIMEOUT_SECONDS);
        Insight hot = onFx(() -> window.insights().shown().stream().filter(i -> i.kind() == Insight.Kind.HOT_NODE).findFirst()
                .orElseThrow());
        assertTrue(hot.finding().startsWith("web at ρ "), hot.finding());
        assertTrue(hot.fix().startsWith("add "), hot.fix());
        // Paused, the list holds still (a live figure in the text changes from second to second).
        robot.clickOn("#designPause");
        FxWait.waitUntil(() -> onFx(() -> window.run().current().paused()), TIMEOUT_SECONDS);
        Thread.sleep(200);
        javafx.scene.Node cell = robot.lookup("#designInsights .list-cell")
                .match(n -> ((javafx.scene.control.ListCell<?>) n).getItem() instanceof Insight i && i.kind() == Insight.Kind.HOT_NODE)
                .query();
        robot.clickOn(cell);
        assertEquals("web", onFx(() -> window.editor().selectedNode()));
        // ...and to the moment it began, marked on web's lines over the run.
        String since = dev.scalelab.world.Parameter.format(hot.sinceSeconds());
        long s = Math.round(hot.sinceSeconds());
        assertEquals("bottleneck since " + s / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", s % 60),
                onFx(() -> window.trendsView().markOn("web")), since);
        assertEquals(null, onFx(() -> window.trendsView().markOn("users")));
    }

    @Test
    void thePlannersPlanIsAppliedAsOneUndoStep() throws Exception {
        onFx(() -> {
            window.planCapacity();
            return null;
        });
        robot.clickOn("#designPlanP99").eraseText(3).write("250");
        robot.clickOn("#designPlanRun");
        FxWait.waitUntil(() -> onFx(() -> !robot.lookup("#designPlanApply").queryAs(Button.class).isDisabled()), TIMEOUT_SECONDS);
        String result = onFx(() -> robot.lookup("#designPlanResult").queryAs(TextArea.class).getText());
        assertTrue(result.startsWith("The plan meets the goals"), result);
        assertTrue(result.contains("web: instances 2 → "), result);
        robot.clickOn("#designPlanApply");
        int planned = onFx(() -> window.editor().topology().node("web").service().instances());
        assertTrue(planned >= 4 && planned <= 5, "instances " + planned);
        assertTrue(onFx(() -> window.statusLine().getText()).startsWith("Plan applied"));
        onFx(() -> {
            window.editor().undo();
            return null;
        });
        assertEquals(2, onFx(() -> window.editor().topology().node("web").service().instances()), "one undo takes the plan back");
    }

    @Test
    void aGoalThatIsNotANumberIsNamed() throws Exception {
        onFx(() -> {
            window.planCapacity();
            return null;
        });
        robot.clickOn("#designPlanP99").eraseText(3).write("soon");
        robot.clickOn("#designPlanRun");
        assertEquals("p99: \"soon\" is not a number", onFx(() -> robot.lookup("#designPlanProblem").queryLabeled().getText()));
        assertFalse(onFx(() -> robot.lookup("#designPlanRun").queryAs(Button.class).isDisabled()));
        assertEquals("soon", onFx(() -> robot.lookup("#designPlanP99").queryAs(TextField.class).getText()), "what was typed is kept");
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }
}
