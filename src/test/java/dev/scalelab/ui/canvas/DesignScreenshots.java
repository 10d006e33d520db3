package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import dev.scalelab.ui.FxWait;
import dev.scalelab.world.network.Insight;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Takes the design canvas's walkthrough screenshots on a virtual X display: an API gateway drawn
 * from an empty canvas with the palette and port drags, run until an insight names its bottleneck,
 * the planner's plan, the planned design running, and the exports (Mermaid, PNG, the Markdown report
 * with its diagram and charts) under docs/design-walkthrough. Not part of the build (its name is not a
 * test's); run it by hand: {@code Xvfb :77 -screen 0 1600x1000x24 & DISPLAY=:77 mvn -o test
 * -Dtest=DesignScreenshots -Dsurefire.failIfNoSpecifiedTests=false}. It needs ImageMagick's {@code import}.
 */
class DesignScreenshots {
    private static final Path OUT = Path.of("docs/design-walkthrough");
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void onTheDisplay() {
        dev.scalelab.ui.XDisplay.use();
    }

    @Test
    void drawRunFollowAnInsightPlanAndExport() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        DesignWindow w = onFx(() -> {
            DesignWindow d = new DesignWindow(owner);
            d.stage().setX(0);
            d.stage().setY(0);
            d.stage().setWidth(1600);
            d.stage().setHeight(1000);
            d.show();
            return d;
        });
        Files.createDirectories(OUT);
        // Drawn from nothing: each box from the palette, each connection dragged from a port.
        for (String kind : List.of("clients", "gateway", "balancer", "service", "cache", "database", "external")) {
            robot.doubleClickOn("#palette-" + kind);
        }
        onFx(() -> {
            w.editor().clearSelection();
            return null;
        });
        String[][] edges = {{"clients-1", "gateway-1"}, {"gateway-1", "balancer-1"}, {"balancer-1", "service-1"},
                {"service-1", "cache-1"}, {"cache-1", "database-1"}, {"service-1", "external-1"}};
        for (String[] e : edges) {
            onFx(() -> {
                w.view().fit();
                return null;
            });
            Thread.sleep(300);
            Point2D from = onFx(() -> w.view().localToScreen(w.view().portOf(e[0])));
            Point2D to = onFx(() -> w.view().localToScreen(w.view().nodeCenter(e[1])));
            robot.drag(from, MouseButton.PRIMARY).moveTo(from.midpoint(to)).moveTo(to).release(MouseButton.PRIMARY);
        }
        // The inspector's fields, set as its rows set them.
        onFx(() -> {
            DesignEditor ed = w.editor();
            ed.setField("topology.nodes[0].workload.arrival.ratePerSecond", 900.0);
            ed.setField("topology.nodes[3].service.instances", 2L);
            ed.setField("topology.nodes[3].service.workersPerInstance", 8L);
            ed.setField("topology.nodes[3].service.serviceTime.distribution", "exponential");
            ed.setField("topology.nodes[3].service.serviceTime.meanMs", 16.0);
            ed.setField("topology.edges[5].traffic", "writes");
            ed.setField("topology.edges[5].timeoutMs", 800.0);
            ed.autoLayout();
            w.view().fit();
            return null;
        });
        Thread.sleep(800);
        shoot("1-drawn.png");

        onFx(() -> {
            w.run().startAt(10);
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> w.insights().shown().stream().anyMatch(i -> i.kind() == Insight.Kind.HOT_NODE)), 120);
        Thread.sleep(4000);
        String finding = onFx(() -> w.insights().shown().stream().filter(i -> i.kind() == Insight.Kind.HOT_NODE).findFirst()
                .orElseThrow().finding());
        robot.clickOn(finding);
        Thread.sleep(800);
        shoot("2-insight.png");

        onFx(() -> {
            w.planCapacity();
            w.planner().stage().setX(520);
            w.planner().stage().setY(200);
            return null;
        });
        robot.clickOn("#designPlanP99").eraseText(3).write("300");
        robot.clickOn("#designPlanRun");
        FxWait.waitUntil(() -> onFx(() -> !robot.lookup("#designPlanApply").queryAs(Button.class).isDisabled()), 300);
        Thread.sleep(800);
        shoot("3-planner.png");
        robot.clickOn("#designPlanApply");

        onFx(() -> {
            w.run().startAt(10);
            return null;
        });
        Thread.sleep(12000);
        shoot("4-planned.png");
        onFx(() -> {
            w.run().stop();
            w.files().saveDialog = chooser -> OUT.resolve("api-gateway.mmd").toFile();
            w.files().exportMermaid();
            w.files().saveDialog = chooser -> OUT.resolve("api-gateway.svg").toFile();
            w.files().exportSvg();
            return null;
        });
        javafx.scene.image.WritableImage picture = onFx(() -> w.view().snapshot(null, null));
        int pw = (int) picture.getWidth();
        int ph = (int) picture.getHeight();
        int[] argb = new int[pw * ph];
        picture.getPixelReader().getPixels(0, 0, pw, ph, javafx.scene.image.WritablePixelFormat.getIntArgbInstance(),
                java.nio.IntBuffer.wrap(argb), pw);
        DesignReportExport.write(onFx(() -> w.editor().scenario()), argb, pw, ph, OUT.resolve("report.md"));
        dev.scalelab.world.ScenarioFiles.writeAtomically(OUT.resolve("api-gateway.json"),
                dev.scalelab.world.ScenarioFiles.write(onFx(() -> w.editor().scenario())));
        onFx(() -> {
            w.editor().markSaved();
            w.stage().close();
            return null;
        });
    }

    private static void shoot(String name) throws Exception {
        dev.scalelab.ui.XDisplay.shoot(OUT.resolve(name));
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, 60);
    }
}
