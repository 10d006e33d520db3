package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import dev.scalelab.world.network.NetworkSnapshot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A box's live line: what the canvas writes under a node's name. */
class DesignPainterFiguresTest {
    private static NetworkSnapshot.NodeState service(NetworkSnapshot.ServiceFigures f) {
        return new NetworkSnapshot.NodeState("web", NodeKind.SERVICE, 0.734, 12, 30, 3, 250, 0, 80, Double.NaN, false, f);
    }

    @Test
    void aServiceShowsItsPausesAndConnectionWaitOnlyOnceTheyMatter() {
        assertEquals("ρ 0.73 · q 12 · 3 inst", DesignPainter.figures(service(null)));
        assertEquals("ρ 0.73 · q 12 · 3 inst", DesignPainter.figures(service(
                new NetworkSnapshot.ServiceFigures(30, 2, 0.01, 4, 0, "medium"))), "1 % of pauses and a 4 ms wait are noise");
        assertEquals("ρ 0.73 · q 12 · 3 inst · GC 21 % · conn wait 420 ms", DesignPainter.figures(service(
                new NetworkSnapshot.ServiceFigures(630, 45, 0.21, 420, 17, "medium"))));
    }

    @Test
    void aCacheShowsItsHitRatioAndADownNodeSaysSo() {
        NetworkSnapshot.NodeState cache = new NetworkSnapshot.NodeState("redis", NodeKind.CACHE, Double.NaN, 0, 0, 0, 120, 0, 1,
                0.654, false, null);
        assertEquals("120/s · hit 65 %", DesignPainter.figures(cache));
        NetworkSnapshot.NodeState down = new NetworkSnapshot.NodeState("redis", NodeKind.CACHE, Double.NaN, 0, 0, 0, 0, 0, 1,
                Double.NaN, true, null);
        assertEquals("down (zone out)", DesignPainter.figures(down));
    }

    @Test
    void aBalancerShowsWhatItsHealthHandlingKeepsOut() {
        NetworkSnapshot.NodeState lb = new NetworkSnapshot.NodeState("lb", NodeKind.BALANCER, Double.NaN, 0, 0, 0, 100, 0, 1,
                Double.NaN, false, null, "1 ejected · panic");
        assertEquals("100/s · 1 ejected · panic", DesignPainter.figures(lb));
    }
}
