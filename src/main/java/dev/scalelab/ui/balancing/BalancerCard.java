package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.canvas.TileCards;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The balancer itself on the board: its card (strategy, decisions, rejections, excluded or ready
 * instances) and the panic banner across the top while it ignores health because too few instances
 * are healthy. FX thread only.
 */
final class BalancerCard {
    static final double BANNER_HEIGHT = 24;

    private BalancerCard() {
    }

    static void drawCard(GraphicsContext g, BalancerCanvas look, Snapshot snapshot, int readyCount, boolean compact,
                         double x, double top, double width, double height) {
        TileCards.draw(g, x, top, width, height, 10, look.cardFill(), look.cardBorder(), 1, null);
        double cx = x + width / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(look.textFill());
        g.setFont(BoardFonts.TITLE.font());
        g.fillText(compact ? "Balancer" : "Load balancer", cx, top + 18);
        g.setFont(compact ? BoardFonts.SMALL.font() : BoardFonts.LABEL.font());
        g.fillText(shortName(snapshot.current().balancer()), cx, top + 38);
        g.setFill(look.mutedTextFill());
        g.setFont(BoardFonts.SMALL.font());
        double y = top + (compact ? 56 : 60);
        g.fillText(Formats.count(snapshot.dispatches().total()) + (compact ? " picks" : " decisions"), cx, y);
        g.fillText(Formats.count(snapshot.rejected()) + " rejected", cx, y + 15);
        int excluded = snapshot.balancer().excluded().size();
        if (excluded > 0) {
            g.setFill(look.rejectFill());
            g.fillText(excluded + " excluded", cx, y + 30);
        } else if (!compact) {
            g.fillText(readyCount + " ready", cx, y + 30);
        }
    }

    /** Across the top, from {@code x}, {@code width} wide: the panic threshold and what the balancer does. */
    static void drawPanicBanner(GraphicsContext g, BalancerCanvas look, Snapshot snapshot, boolean compact,
                                double x, double y, double width) {
        TileCards.draw(g, x, y, width, BANNER_HEIGHT, 6, look.bannerFill(), look.rejectFill(), 1, null);
        g.setFill(look.rejectFill());
        g.setFont(BoardFonts.ID.font());
        g.setTextAlign(TextAlignment.LEFT);
        String threshold = Parameter.format(snapshot.current().balancer().panicThresholdPercent());
        g.fillText(compact
                        ? "PANIC: under " + threshold + "% healthy, health is ignored"
                        : "PANIC: fewer than " + threshold + "% of the instances are healthy, so the balancer ignores health "
                        + "and uses every ready instance",
                x + 10, y + BANNER_HEIGHT / 2);
    }

    /** The strategy as it fits on the balancer card. */
    static String shortName(Scenario.Balancer config) {
        Strategy s = config.strategy();
        switch (s) {
            case ROUND_ROBIN: return "round robin";
            case SMOOTH_WEIGHTED_ROUND_ROBIN: return "smooth weighted RR";
            case LEAST_CONNECTIONS: return "least connections";
            case RANDOM: return "random";
            case WEIGHTED_RANDOM: return "weighted random";
            case P2C: return "p2c, d = " + config.choices();
            case LEAST_REQUEST: return "least request";
            case PEAK_EWMA: return "peak EWMA";
            case RING_HASH: return "ring hash";
            case MAGLEV: return "Maglev";
            default: return s.id();
        }
    }
}
