package dev.scalelab.ui.database;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.ui.TextFit;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A region holding canvases that follow its size, with the Database panel's colours as CSS
 * properties ({@code -sl-…} in {@code styles/database.css}, referring to the theme's looked-up
 * colours): a theme switch restyles the drawings too. Subclasses draw when {@link #dirty} is set;
 * a resize or a new style sets it. FX thread only.
 */
abstract class DatabaseCanvas extends Region {
    private static final StyleablePropertyFactory<DatabaseCanvas> STYLE = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    static final CanvasFont TITLE_FONT = CanvasFont.of("System", FontWeight.BOLD, 13);
    static final CanvasFont LABEL_FONT = CanvasFont.of("System", 12);
    static final CanvasFont BOLD_LABEL_FONT = CanvasFont.of("System", FontWeight.BOLD, 12);
    static final CanvasFont SMALL_FONT = CanvasFont.of("System", 10.5);
    static final CanvasFont SMALL_BOLD_FONT = CanvasFont.of("System", FontWeight.BOLD, 10.5);

    /** Distinct hues without red, which means "hot" and "stale" in this panel. */
    private static final Color[] DEFAULT_SHARD_COLORS = {Color.web("#2f6fdf"), Color.web("#23945f"), Color.web("#e89a1e"),
            Color.web("#7b5cd6"), Color.web("#1b9eb3"), Color.web("#c2549d"), Color.web("#8c6d31"), Color.web("#5a7d2a"),
            Color.web("#4b5fa8"), Color.web("#c9a100")};

    final StyleableProperty<Color> textFill = STYLE.createStyleableColorProperty(this, "textFill", "-sl-text-fill", v -> v.textFill, Color.BLACK);
    final StyleableProperty<Color> mutedTextFill = STYLE.createStyleableColorProperty(this, "mutedTextFill", "-sl-muted-text-fill", v -> v.mutedTextFill, Color.GRAY);
    final StyleableProperty<Color> cardFill = STYLE.createStyleableColorProperty(this, "cardFill", "-sl-card-fill", v -> v.cardFill, Color.WHITE);
    final StyleableProperty<Color> cardBorder = STYLE.createStyleableColorProperty(this, "cardBorder", "-sl-card-border", v -> v.cardBorder, Color.LIGHTGRAY);
    final StyleableProperty<Color> trackFill = STYLE.createStyleableColorProperty(this, "trackFill", "-sl-track-fill", v -> v.trackFill, Color.GAINSBORO);
    final StyleableProperty<Color> accentFill = STYLE.createStyleableColorProperty(this, "accentFill", "-sl-accent-fill", v -> v.accentFill, Color.STEELBLUE);
    final StyleableProperty<Color> dangerFill = STYLE.createStyleableColorProperty(this, "dangerFill", "-sl-danger-fill", v -> v.dangerFill, Color.CRIMSON);
    final StyleableProperty<Color> warningFill = STYLE.createStyleableColorProperty(this, "warningFill", "-sl-warning-fill", v -> v.warningFill, Color.ORANGE);
    final StyleableProperty<Color> successFill = STYLE.createStyleableColorProperty(this, "successFill", "-sl-success-fill", v -> v.successFill, Color.SEAGREEN);
    /** One property per shard colour ({@code -sl-shard-color-0} …): a CSS list of paints does not take looked-up colours. */
    private final StyleableProperty<Color>[] shardColors = shardColorProperties();

    /** Set when the drawing is out of date; the subclass clears it once it has drawn. */
    boolean dirty = true;

    DatabaseCanvas(String styleClass) {
        getStyleClass().add(styleClass);
        // A canvas never shrinks on its own, and its size would feed back into the region's: the region
        // is as small or as large as its parent wants, and the canvases follow it.
        setMinSize(0, 0);
        setPrefSize(200, 150);
        List<StyleableProperty<Color>> colors = new ArrayList<>(List.of(textFill, mutedTextFill, cardFill, cardBorder,
                trackFill, accentFill, dangerFill, warningFill, successFill));
        colors.addAll(Arrays.asList(shardColors));
        for (StyleableProperty<Color> color : colors) {
            // The factory's properties are observable; a new colour means drawing everything again.
            ((ObservableValue<?>) color).addListener((obs, old, now) -> styleChanged());
        }
        CanvasFont.redrawOnScaleChange(this, this::styleChanged); // its texts follow the font scale
    }

    /** A new style applies: everything is drawn again at the next pulse. */
    void styleChanged() {
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        for (Node child : getChildren()) {
            if (child instanceof Canvas && child.isManaged()) {
                Canvas canvas = (Canvas) child;
                if (canvas.getWidth() != width || canvas.getHeight() != height) {
                    canvas.setWidth(width);
                    canvas.setHeight(height);
                    styleChanged(); // redrawn at the next pulse, not here
                }
            }
        }
    }

    /** The colour of a shard, the same in the map, the bars and the charts. */
    Paint shardColor(int shardId) {
        return shardColors[Math.floorMod(shardId, shardColors.length)].getValue();
    }

    private final Text measurer = new Text();

    /** The width of {@code text} in {@code font}; reuses one Text node, so it is cheap enough per frame. */
    double width(String text, Font font) {
        measurer.setFont(font);
        measurer.setText(text);
        return measurer.getLayoutBounds().getWidth();
    }

    /** {@code text}, cut with an ellipsis to fit {@code maxWidth}. */
    String fit(String text, Font font, double maxWidth) {
        return TextFit.cut(t -> width(t, font), maxWidth, text);
    }

    @SuppressWarnings("unchecked")
    private StyleableProperty<Color>[] shardColorProperties() {
        StyleableProperty<Color>[] properties = new StyleableProperty[DEFAULT_SHARD_COLORS.length];
        for (int i = 0; i < properties.length; i++) {
            int index = i;
            properties[i] = STYLE.createStyleableColorProperty(this, "shardColor" + i, "-sl-shard-color-" + i,
                    v -> v.shardColors[index], DEFAULT_SHARD_COLORS[i]);
        }
        return properties;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
