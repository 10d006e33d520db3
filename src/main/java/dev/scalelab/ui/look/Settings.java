package dev.scalelab.ui.look;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.world.AtomicFiles;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What the app remembers between runs: the theme, the font scale and the main window's bounds, in
 * {@code ~/.scalelab/settings.json}. A missing file gives the defaults; a damaged one too, with one
 * line on stderr: settings are never worth failing a start for.
 *
 * @param theme     the colour theme
 * @param fontScale 1.0 to 2.0
 * @param window    the main window's last bounds, or null when none were saved
 */
public record Settings(Theme theme, double fontScale, WindowBounds window) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Settings {
        theme = theme == null ? Theme.LIGHT : theme;
        fontScale = Appearance.clampScale(fontScale);
    }

    /** The settings of a first start. */
    public static Settings defaults() {
        return new Settings(Theme.LIGHT, 1.0, null);
    }

    /** {@code ~/.scalelab/settings.json}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".scalelab", "settings.json");
    }

    /**
     * The settings in {@code file}: the defaults when it does not exist, or when it cannot be read (one
     * line to stderr naming the file and the problem). A field missing or out of range takes its default.
     */
    public static Settings load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException absent) {
            return defaults();
        } catch (IOException | RuntimeException e) {
            System.err.println("scalelab: " + file + ": ignored, cannot be read: " + e.getMessage());
            return defaults();
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new IOException("not a JSON object");
            }
            Theme theme = Theme.byId(root.path("theme").asText(""));
            double scale = root.path("fontScale").isNumber() ? root.path("fontScale").asDouble() : 1.0;
            return new Settings(theme, scale, WindowBounds.from(root.path("window")));
        } catch (IOException e) {
            System.err.println("scalelab: " + file + ": ignored, not valid settings: " + firstLine(e.getMessage()));
            return defaults();
        }
    }

    /** Writes these settings to {@code file} atomically. */
    public void save(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", 1);
        root.put("theme", theme.id());
        root.put("fontScale", fontScale);
        if (window != null) {
            ObjectNode w = root.putObject("window");
            w.put("x", window.x());
            w.put("y", window.y());
            w.put("width", window.width());
            w.put("height", window.height());
            w.put("maximized", window.maximized());
        }
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(theme, fontScale, bounds);
    }

    /** The appearance's theme and font scale with these settings' window. */
    public Settings withAppearance(Appearance appearance) {
        return new Settings(appearance.themeProperty().get(), appearance.fontScaleProperty().get(), window);
    }

    /**
     * At the main window's close: saves the appearance and {@code stage}'s bounds to the default file.
     * In full screen (presenter mode) nothing is saved: its theme, font and bounds are the room's, not
     * the user's. A failure to write is one line on stderr.
     */
    public static void rememberWindow(Stage stage) {
        if (stage.isFullScreen()) {
            return;
        }
        Path file = defaultFile();
        Settings settings = load(file).withAppearance(Appearance.get()).withWindow(WindowBounds.of(stage));
        try {
            settings.save(file);
        } catch (IOException | RuntimeException e) {
            System.err.println("scalelab: " + file + ": settings not saved: " + e.getMessage());
        }
    }

    /**
     * At start, before the stage shows: the saved appearance, and the saved window bounds when they
     * still fit on a screen (a monitor may have gone since).
     */
    public static Settings restore(Stage stage) {
        Settings settings = load(defaultFile());
        Appearance.get().apply(settings);
        if (settings.window() != null) {
            settings.window().applyTo(stage);
        }
        return settings;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A window's position and size, in screen pixels. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        static WindowBounds of(Stage stage) {
            return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        }

        static WindowBounds from(JsonNode node) {
            if (!node.isObject() || !node.path("width").isNumber() || !node.path("height").isNumber()) {
                return null;
            }
            double width = node.path("width").asDouble();
            double height = node.path("height").asDouble();
            if (!(width > 0 && height > 0 && width < 100_000 && height < 100_000)) {
                return null;
            }
            return new WindowBounds(node.path("x").asDouble(0), node.path("y").asDouble(0), width, height,
                    node.path("maximized").asBoolean(false));
        }

        /** Sets {@code stage}'s bounds if its top-left part lies on some screen; else only the size. */
        void applyTo(Stage stage) {
            stage.setWidth(Math.max(width, stage.getMinWidth()));
            stage.setHeight(Math.max(height, stage.getMinHeight()));
            if (!Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 40)).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
            }
            stage.setMaximized(maximized);
        }
    }
}
