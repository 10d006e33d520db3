package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Action;
import dev.scalelab.world.Scenario;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The screenshots of a running box's faults (docs/canvas-faults-menu.png, the database's menu on the
 * API gateway design at 10x; docs/canvas-faults-decisions.png, after a primary was killed and an
 * outage given to payments; docs/canvas-crash-consumer.png, the live-scores design after a push
 * consumer crashed: its group's rebalance in the decisions; docs/canvas-outlier-ejection.png, two balancers in front
 * of one service whose instance fails: only the one with outlier ejection keeps it out). Not part of the build (its name is not a test's); run it by hand:
 * {@code Xvfb :77 -screen 0 1600x1000x24 & DISPLAY=:77 mvn -o test -Dtest=DesignFaultsScreenshots
 * -Dsurefire.failIfNoSpecifiedTests=false}. It needs ImageMagick's {@code import}.
 */
class DesignFaultsScreenshots {
    @BeforeAll
    static void onTheDisplay() {
        dev.scalelab.ui.XDisplay.use();
    }

    @Test
    void aDatabasesFaultsAndTheDecisionsTheyCause() throws Exception {
        DesignWindow w = CanvasShots.running(Path.of("docs/designs/api-gateway.json"), 10, null);
        Thread.sleep(12_000);
        onFx(() -> {
            w.editor().select(List.of("orders-db"));
            Point2D at = w.view().localToScreen(w.view().nodeCenter("orders-db"));
            w.faults().show(w.stage(), w.editor().topology(), w.editor().topology().node("orders-db"), w.run().latest(), at.getX(), at.getY());
            return null;
        });
        Thread.sleep(500);
        // The pointer on "Kill primary of" opens its submenu of the shards running now.
        Point2D item = onFx(() -> {
            javafx.scene.Node n = w.faults().showing().getItems().stream().filter(i -> "Kill primary of".equals(i.getText()))
                    .findFirst().orElseThrow().getStyleableNode();
            javafx.geometry.Bounds b = n.localToScreen(n.getBoundsInLocal());
            return new Point2D(b.getMinX() + 40, b.getCenterY());
        });
        new ProcessBuilder("xdotool", "mousemove", String.valueOf((int) item.getX()), String.valueOf((int) item.getY()))
                .inheritIO().start().waitFor();
        Thread.sleep(1_500);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-faults-menu.png"));
        onFx(() -> {
            w.faults().showing().hide();
            w.faults().give(Scenario.TimelineEntry.action(0, Action.KILL_PRIMARY, "orders-db/0", null, 0));
            w.faults().give(Scenario.TimelineEntry.action(0, Action.OUTAGE, "payments", null, 20));
            return null;
        });
        Thread.sleep(8_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-faults-decisions.png"));
        CanvasShots.close(w);
    }

    @Test
    void aCrashedConsumersPartitionsMoveAfterTheSessionTimeout() throws Exception {
        DesignWindow w = CanvasShots.running(Path.of("docs/designs/live-scores.json"), 1, "push");
        Thread.sleep(20_000);
        onFx(() -> {
            w.faults().give(Scenario.TimelineEntry.action(0, Action.CRASH_CONSUMER, "push-1", null, 0));
            return null;
        });
        Thread.sleep(15_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-crash-consumer.png"));
        CanvasShots.close(w);
    }

    /** docs/canvas-outlier-ejection.png: the edge balancer keeps the failing instance out, the internal one does not. */
    @Test
    void oneBalancerEjectsTheFailingInstanceAndTheOtherDoesNot() throws Exception {
        DesignWindow w = CanvasShots.running(Path.of("docs/designs/outlier-ejection.json"), 5, "edge-lb");
        Thread.sleep(16_000);
        dev.scalelab.ui.XDisplay.shoot(Path.of("docs/canvas-outlier-ejection.png"));
        CanvasShots.close(w);
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, 60);
    }
}
