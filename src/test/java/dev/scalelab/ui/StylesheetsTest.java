package dev.scalelab.ui;

import javafx.css.CssMetaData;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every stylesheet under {@code styles/} as JavaFX reads it. JavaFX only logs a stylesheet it cannot
 * parse and drops the rest of it, and it ignores a property it does not know without a word: either
 * way a panel quietly loses part of its look.
 */
class StylesheetsTest {
    private static final Path STYLES = Path.of("styles");
    /** Where modena.css, the theme the app's colours are looked up in, lives in the JavaFX jar. */
    private static final String MODENA = "/com/sun/javafx/scene/control/skin/modena/modena.css";
    /** The node types our stylesheets style; their CSS properties are the {@code -fx-} names JavaFX knows. */
    private static final List<Class<?>> STYLED_TYPES = List.of(Region.class, HBox.class, VBox.class, StackPane.class,
            FlowPane.class, GridPane.class, TilePane.class, Labeled.class, ButtonBase.class, ToggleButton.class,
            ComboBoxBase.class, ListView.class, ScrollPane.class, Slider.class, TextInputControl.class, Tooltip.class,
            Shape.class, Text.class, TextFlow.class, LineChart.class, NumberAxis.class, CategoryAxis.class);

    /** The controls' CSS metadata is built when their classes load, which needs the toolkit. */
    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyStylesheetParsesWithoutErrors() throws IOException {
        List<Path> stylesheets = stylesheets();
        assertTrue(stylesheets.size() >= 8, "found " + stylesheets);
        for (Path css : stylesheets) {
            CssParser.errorsProperty().clear();
            new CssParser().parse(css.toUri().toURL());
            List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).collect(Collectors.toList());
            assertEquals(List.of(), errors, css.toString());
        }
    }

    @Test
    void everyFxPropertyIsOneJavaFxKnows() throws Exception {
        Set<String> known = knownFxProperties();
        for (Path css : stylesheets()) {
            List<String> unknown = new ArrayList<>();
            for (String property : declaredProperties(css.toUri().toURL())) {
                if (property.startsWith("-fx-") && !known.contains(property)) {
                    unknown.add(property);
                }
            }
            assertEquals(List.of(), unknown, css.toString());
        }
    }

    /**
     * A looked-up colour that no sheet declares is only a warning in the log, and the node keeps the
     * default look: every {@code -sl-...} (or other non-{@code -fx-}) name a value uses is declared by one
     * of our sheets, by modena.css or by the AtlantaFX themes the app uses.
     */
    @Test
    void everyLookedUpNameAValueUsesIsDeclared() throws Exception {
        Set<String> declared = new HashSet<>();
        for (Path css : stylesheets()) {
            declared.addAll(declaredProperties(css.toUri().toURL()));
        }
        declared.addAll(declaredProperties(Region.class.getResource(MODENA)));
        for (String theme : List.of("primer-light", "primer-dark")) {
            declared.addAll(declaredProperties(StylesheetsTest.class.getResource("/atlantafx/base/theme/" + theme + ".css")));
        }
        for (Path css : stylesheets()) {
            Set<String> undeclared = new java.util.TreeSet<>(lookedUpNames(Files.readString(css)));
            undeclared.removeAll(declared);
            assertEquals(Set.of(), undeclared, css.toString());
        }
        assertEquals(Set.of("-sl-missing", "-sl-fg"), lookedUpNames(".a { -fx-text-fill: -sl-missing; -fx-border-color: -sl-fg -fx-base; "
                + "-fx-padding: -1 0.5em; }"), "the check sees the names, and not -fx- names or numbers");
    }

    /** The non-{@code -fx-} names the declarations' values use. */
    private static Set<String> lookedUpNames(String css) {
        Set<String> names = new HashSet<>();
        String withoutComments = css.replaceAll("(?s)/\\*.*?\\*/", "");
        java.util.regex.Matcher declaration = java.util.regex.Pattern.compile("[-\\w]+\\s*:\\s*([^;{}]+);").matcher(withoutComments);
        while (declaration.find()) {
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("(?<![\\w-])-(?!fx-)[a-z][a-z0-9-]*").matcher(declaration.group(1));
            while (name.find()) {
                names.add(name.group());
            }
        }
        return names;
    }

    @Test
    void theCheckCatchesAMisspeltProperty() throws Exception {
        Path css = Files.createTempFile("misspelt", ".css");
        try {
            Files.writeString(css, ".figure { -fx-text-fil: red; -fx-text-fill: red; }");
            List<String> unknown = declaredProperties(css.toUri().toURL()).stream()
                    .filter(property -> !knownFxProperties().contains(property))
                    .collect(Collectors.toList());
            assertEquals(List.of("-fx-text-fil"), unknown);
        } finally {
            Files.delete(css);
        }
    }

    private static List<Path> stylesheets() throws IOException {
        try (Stream<Path> files = Files.list(STYLES)) {
            return files.filter(file -> file.toString().endsWith(".css")).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> declaredProperties(URL css) throws IOException {
        Stylesheet stylesheet = new CssParser().parse(css);
        List<String> properties = new ArrayList<>();
        for (Rule rule : stylesheet.getRules()) {
            for (Declaration declaration : rule.getDeclarations()) {
                properties.add(declaration.getProperty());
            }
        }
        return properties;
    }

    /**
     * The CSS properties of {@link #STYLED_TYPES}, and the names modena.css declares: its looked-up
     * colours ({@code -fx-base}, {@code -fx-accent}, ...) are {@code -fx-} names that no node has.
     */
    private static Set<String> knownFxProperties() {
        Set<String> known = new HashSet<>();
        for (Class<?> type : STYLED_TYPES) {
            try {
                @SuppressWarnings("unchecked")
                List<CssMetaData<?, ?>> metaData = (List<CssMetaData<?, ?>>) type.getMethod("getClassCssMetaData").invoke(null);
                addWithSubProperties(metaData, known);
            } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError(type + " has no CSS metadata", e);
            }
        }
        try {
            known.addAll(declaredProperties(Region.class.getResource(MODENA)));
        } catch (IOException e) {
            throw new AssertionError("modena.css", e);
        }
        return known;
    }

    private static void addWithSubProperties(List<? extends CssMetaData<?, ?>> metaData, Set<String> known) {
        for (CssMetaData<?, ?> property : metaData) {
            known.add(property.getProperty());
            if (property.getSubProperties() != null) {
                addWithSubProperties(property.getSubProperties(), known);
            }
        }
    }
}
