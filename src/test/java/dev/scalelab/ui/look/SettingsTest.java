package dev.scalelab.ui.look;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void roundTrip() throws Exception {
        Path file = dir.resolve("nested/settings.json");
        Settings saved = new Settings(Theme.DARK, 1.25, new Settings.WindowBounds(40, 30, 1280, 800, false));
        saved.save(file);
        assertEquals(saved, Settings.load(file));
        assertTrue(Files.readString(file).contains("\"theme\" : \"dark\""), Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }

    @Test
    void aMissingFileGivesTheDefaultsSilently() {
        String err = stderrOf(() -> assertEquals(Settings.defaults(), Settings.load(dir.resolve("none.json"))));
        assertEquals("", err);
    }

    @Test
    void aDamagedFileIsIgnoredWithOneLine() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\": \"dark\", \"fontScale\": 1.5");
        String[] loaded = new String[1];
        String err = stderrOf(() -> loaded[0] = Settings.load(file).toString());
        assertEquals(Settings.defaults().toString(), loaded[0]);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("scalelab: " + file + ": ignored, not valid settings"), err);
    }

    @Test
    void fieldsOutOfRangeTakeTheirDefaultsOrLimits() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\": \"purple\", \"fontScale\": 9, \"window\": {\"width\": -5, \"height\": 700}}");
        Settings s = Settings.load(file);
        assertEquals(Theme.LIGHT, s.theme());
        assertEquals(Appearance.MAX_FONT_SCALE, s.fontScale());
        assertNull(s.window());
    }

    private static String stderrOf(Runnable action) {
        PrintStream old = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
