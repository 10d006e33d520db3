package dev.scalelab.ui.canvas;

import dev.scalelab.design.Mermaid;
import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.image.WritablePixelFormat;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The canvas window's files: New, Open, Save and Save as of scenario files that hold a topology, and
 * the exports (Mermaid text, a PNG of the canvas, an SVG written from the geometry). Every file is
 * written atomically; a design with unsaved changes is never dropped without asking. FX thread only.
 */
final class DesignFiles {
    private static final FileChooser.ExtensionFilter SCENARIO = new FileChooser.ExtensionFilter("ScaleLab scenario (*.json)", "*.json");

    private final DesignEditor editor;
    private final Window owner;
    private final BiConsumer<String, Boolean> status;
    private Path file;
    /** Shows a chooser and returns the file, or null; a test replaces these. */
    Function<FileChooser, File> openDialog;
    Function<FileChooser, File> saveDialog;
    /** Asks what to do with unsaved changes: a test replaces it. */
    Function<String, Optional<ButtonType>> askUnsaved;
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Don't save", ButtonBar.ButtonData.NO);

    DesignFiles(DesignEditor editor, Window owner, BiConsumer<String, Boolean> status) {
        this.editor = editor;
        this.owner = owner;
        this.status = status;
        openDialog = chooser -> chooser.showOpenDialog(owner);
        saveDialog = chooser -> chooser.showSaveDialog(owner);
        askUnsaved = this::ask;
    }

    Path file() {
        return file;
    }

    /** What the title calls a design not saved yet. */
    private String untitled = "untitled design";

    /** The file's name for the title, or what the design is while it has none ("untitled design"). */
    String name() {
        return file == null ? untitled : file.getFileName().toString();
    }

    /** Starts over on {@code s}, not saved anywhere yet, called {@code name} until it is. */
    void startOn(Scenario s, String name) {
        file = null;
        untitled = name;
        editor.load(s);
    }

    void newDesign() {
        if (mayDiscard("Start a new design")) {
            file = null;
            editor.load(Scenario.DEFAULT.withTopology(null));
            status.accept("A new, empty design.", false);
        }
    }

    void open() {
        if (!mayDiscard("Open another design")) {
            return;
        }
        File chosen = openDialog.apply(chooser("Open a design"));
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    /** Opens {@code path}; a file without a topology, or a bad one, is refused with the reason and nothing changes. */
    boolean open(Path path) {
        Scenario s;
        try {
            s = ScenarioFiles.read(path);
        } catch (ScenarioException e) {
            status.accept("Cannot open " + path.getFileName() + ": " + e.getMessage(), true);
            return false;
        }
        if (s.topology() == null) {
            status.accept(path.getFileName() + " has no topology: it runs the fixed pipeline. Draw a design and save it "
                    + "to get a file the canvas opens.", true);
            return false;
        }
        file = path;
        editor.load(s);
        status.accept("Opened " + path.getFileName() + ".", false);
        return true;
    }

    /** Saves to the file it came from, or asks for one; returns whether it was saved. */
    boolean save() {
        return file == null ? saveAs() : saveTo(file);
    }

    boolean saveAs() {
        File chosen = saveDialog.apply(chooser("Save the design"));
        return chosen != null && saveTo(withExtension(chosen.toPath(), ".json"));
    }

    boolean saveTo(Path path) {
        if (editor.topology().nodes().isEmpty()) {
            status.accept("Nothing to save: the design has no nodes yet.", true);
            return false;
        }
        try {
            AtomicFiles.write(path, ScenarioFiles.write(editor.scenario()));
        } catch (IOException e) {
            status.accept("Cannot save " + path.getFileName() + ": " + e.getMessage(), true);
            return false;
        }
        file = path;
        editor.markSaved();
        status.accept("Saved " + path.getFileName() + ".", false);
        return true;
    }

    /**
     * Saves the running (or ended) design with the faults and setting changes given to it in its
     * timeline, at the times they ran: a scenario that replays the run exactly. The design's own file is left as it is.
     */
    void saveRun(dev.scalelab.runtime.DesignRun run) {
        if (run == null) {
            status.accept("No run to save: Run the design, give it faults from a box's menu (right-click) or change its "
                    + "boxes' settings, then save the run.", true);
            return;
        }
        File chosen = saveDialog.apply(chooser("Save the run with its faults and changes"));
        if (chosen == null) {
            return;
        }
        Path path = withExtension(chosen.toPath(), ".json");
        int given = run.commandsRun().size();
        try {
            AtomicFiles.write(path, ScenarioFiles.write(run.recordedScenario()));
            status.accept("Saved " + path.getFileName() + ": the design with the " + given + " fault" + (given == 1 ? "" : "s")
                    + " and change" + (given == 1 ? "" : "s") + " given to the run in its timeline; running it gives this run again.",
                    false);
        } catch (IOException e) {
            status.accept("Cannot save " + path.getFileName() + ": " + e.getMessage(), true);
        }
    }

    /** Whether unsaved changes may go: none, the user saved them, or said not to. */
    boolean mayDiscard(String doing) {
        if (!editor.isModified()) {
            return true;
        }
        Optional<ButtonType> answer = askUnsaved.apply(doing);
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() != SAVE || save();
    }

    private Optional<ButtonType> ask(String doing) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The design " + name() + " has changes that are not saved.",
                SAVE, DISCARD, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(doing);
        alert.setHeaderText("Save the changes first?");
        return alert.showAndWait();
    }

    void exportMermaid() {
        File chosen = saveDialog.apply(exportChooser("Export as Mermaid", "Mermaid flowchart (*.mmd)", "*.mmd"));
        if (chosen != null) {
            write(withExtension(chosen.toPath(), ".mmd"), Mermaid.write(editor.design()));
        }
    }

    /** Asks where the Markdown report goes; null when the user cancels. */
    Path chooseReport() {
        File chosen = saveDialog.apply(exportChooser("Export the report", "Markdown (*.md)", "*.md"));
        return chosen == null ? null : withExtension(chosen.toPath(), ".md");
    }

    void exportSvg() {
        File chosen = saveDialog.apply(exportChooser("Export as SVG", "SVG drawing (*.svg)", "*.svg"));
        if (chosen != null) {
            write(withExtension(chosen.toPath(), ".svg"), DesignSvg.of(editor.topology()));
        }
    }

    /** Writes {@code image} (the canvas as shown) as a PNG. */
    void exportPng(WritableImage image) {
        File chosen = saveDialog.apply(exportChooser("Export as PNG", "PNG image (*.png)", "*.png"));
        if (chosen == null) {
            return;
        }
        Path path = withExtension(chosen.toPath(), ".png");
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, WritablePixelFormat.getIntArgbInstance(), IntBuffer.wrap(pixels), w);
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, w, h, pixels, 0, w);
        try (AtomicFiles.Pending out = AtomicFiles.open(path)) {
            ImageIO.write(rgb, "png", out.stream());
            out.commit();
            status.accept("Exported " + path.getFileName() + " (" + w + " × " + h + ").", false);
        } catch (IOException e) {
            status.accept("Cannot write " + path.getFileName() + ": " + e.getMessage(), true);
        }
    }

    private void write(Path path, String content) {
        try {
            AtomicFiles.write(path, content);
            status.accept("Exported " + path.getFileName() + ".", false);
        } catch (IOException e) {
            status.accept("Cannot write " + path.getFileName() + ": " + e.getMessage(), true);
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(SCENARIO);
        if (file != null && file.getParent() != null) {
            chooser.setInitialDirectory(file.getParent().toFile());
            chooser.setInitialFileName(file.getFileName().toString());
        }
        return chooser;
    }

    private FileChooser exportChooser(String title, String what, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        if (file != null && file.getParent() != null) {
            chooser.setInitialDirectory(file.getParent().toFile());
        }
        return chooser;
    }

    private static Path withExtension(Path path, String extension) {
        String name = path.getFileName().toString();
        return name.contains(".") ? path : path.resolveSibling(name + extension);
    }
}
