package dev.scalelab.world;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What {@code --scenario} names, for the command line and the app alike: a scenario file if one is
 * there, else a preset. Every problem is a {@link ScenarioException} whose message is one line.
 *
 * @param scenario the scenario read
 * @param label    the preset's name or the file's name, for titles and menus
 */
public record ScenarioSource(Scenario scenario, String label) {

    public static ScenarioSource load(String nameOrFile) {
        if (nameOrFile.isEmpty()) {
            throw new ScenarioException("--scenario", "empty; give a scenario file or a preset name (presets: "
                    + String.join(", ", Presets.names()) + ")");
        }
        Path file;
        try {
            file = Path.of(nameOrFile);
        } catch (InvalidPathException e) {
            file = null; // not a file name, but it may still be a preset's
        }
        if (file != null && Files.exists(file) && !Files.isDirectory(file)) {
            try {
                return new ScenarioSource(ScenarioFiles.read(file), String.valueOf(file.getFileName()));
            } catch (ScenarioException e) {
                throw new ScenarioException(nameOrFile, e.getMessage());
            }
        }
        Scenario preset = Presets.load(nameOrFile);
        if (preset != null) {
            return new ScenarioSource(preset, nameOrFile);
        }
        if (file != null && Files.isDirectory(file)) {
            throw new ScenarioException("--scenario", Quote.shorten(nameOrFile)
                    + ": is a directory; give a scenario file (JSON) or a preset name");
        }
        throw new ScenarioException("--scenario", "no file or preset named " + Quote.of(nameOrFile) + " (presets: "
                + String.join(", ", Presets.names()) + ")");
    }
}
