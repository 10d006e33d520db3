package dev.scalelab.ui.canvas;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * A region drawn on canvas layers that follow its size, as the animated views of the panels are.
 * Resizing only marks the drawing stale ({@link #resized}); the view redraws at its next pulse, never
 * inside {@link #layoutChildren}. Its colours are {@link StyleableColors}.
 *
 * <p>FX thread only.
 */
public abstract class CanvasRegion extends Region {
    private final Canvas[] layers;

    /** @param layers the canvases, bottom first; each gets the region's size */
    protected CanvasRegion(String styleClass, Canvas... layers) {
        this.layers = layers.clone();
        getStyleClass().add(styleClass);
        getChildren().addAll(layers);
        // A canvas never shrinks on its own; let the region be as small as its parent wants.
        setMinSize(0, 0);
        // Its texts are drawn at the font scale: a new scale lays them out and draws them again.
        CanvasFont.redrawOnScaleChange(this, this::resized);
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (layers[0].getWidth() != width || layers[0].getHeight() != height) {
            for (Canvas layer : layers) {
                layer.setWidth(width);
                layer.setHeight(height);
            }
            resized();
        }
    }

    /** The canvases took a new size: redraw at the next pulse. */
    protected abstract void resized();

    /** The colours this control's stylesheet may set. */
    protected abstract StyleableColors<?> colors();

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return colors().cssMetaData();
    }
}
