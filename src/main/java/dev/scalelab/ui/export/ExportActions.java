package dev.scalelab.ui.export;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.Panel;
import dev.scalelab.ui.PanelCatalog;
import dev.scalelab.world.Scenario;
import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The File menu's exports (and Ctrl+E): a PNG of the current panel or the whole window at 1× or 2×,
 * an animated GIF of a panel over a span of virtual time (re-run off screen), every series of the
 * whole run as CSV, and the report as JSON. Each asks for what it needs in one dialog, works off the
 * FX thread where it can, and names the scenario and seed in what it writes. FX thread only.
 */
public final class ExportActions {
    /** How long to wait for the simulation thread to hand over the recorded scenario. */
    private static final long SCENARIO_TIMEOUT_SECONDS = 10;

    private final Window owner;
    private final SimulationRunner runner;
    private final Supplier<Panel> currentPanel;
    private final Supplier<Node> windowRoot;
    private final Supplier<String> scenarioLabel;
    private final Consumer<String> message;
    /** Where the last file went: the next chooser opens there. */
    private File lastDirectory;
    /** Asks where to write; tests answer without a native chooser. */
    private Function<ExportRequest, Path> fileChooser = this::chooseFile;

    /**
     * @param owner         the window dialogs belong to
     * @param runner        the run to export
     * @param currentPanel  the panel on screen
     * @param windowRoot    the window's content, for a PNG of the whole window
     * @param scenarioLabel the preset's or file's name
     * @param message       the status bar's message line
     */
    public ExportActions(Window owner, SimulationRunner runner, Supplier<Panel> currentPanel, Supplier<Node> windowRoot,
                         Supplier<String> scenarioLabel, Consumer<String> message) {
        this.owner = owner;
        this.runner = runner;
        this.currentPanel = currentPanel;
        this.windowRoot = windowRoot;
        this.scenarioLabel = scenarioLabel;
        this.message = message;
    }

    /** Ctrl+E: the export dialog, PNG of the panel selected. */
    public void showDialog() {
        showDialog(ExportRequest.Kind.PANEL_PNG);
    }

    public void exportPng(boolean wholeWindow) {
        showDialog(wholeWindow ? ExportRequest.Kind.WINDOW_PNG : ExportRequest.Kind.PANEL_PNG);
    }

    public void exportGif() {
        showDialog(ExportRequest.Kind.GIF);
    }

    /** Needs nothing but a file: straight to the chooser. */
    public void exportCsv() {
        run(new ExportRequest(ExportRequest.Kind.CSV, 1, null, 0, nowSeconds(), 10));
    }

    public void exportReport() {
        run(new ExportRequest(ExportRequest.Kind.REPORT, 1, null, 0, nowSeconds(), 10));
    }

    private void showDialog(ExportRequest.Kind selected) {
        Panel panel = currentPanel.get();
        ExportDialog dialog = new ExportDialog(owner, stylesheets(), selected, nowSeconds(), panel == null ? null : panel.title());
        dialog.showAndWait().ifPresent(this::run);
    }

    /** Asks for the file, then exports into it. */
    private void run(ExportRequest request) {
        String problem = cannotExport(request);
        if (problem != null) {
            message.accept("Export: " + problem);
            return;
        }
        Path file = fileChooser.apply(request);
        if (file == null) {
            return;
        }
        switch (request.kind()) {
            case PANEL_PNG, WINDOW_PNG -> exportPicture(request, file);
            case GIF -> startGif(request, file);
            case CSV, REPORT -> exportData(request, file);
        }
    }

    /** Tests: answers the file question instead of the native chooser, and exports {@code request} at once. */
    void exportWith(ExportRequest request, Function<ExportRequest, Path> chooser) {
        fileChooser = chooser;
        run(request);
    }

    /** Why {@code request} cannot be made now, or null. */
    private String cannotExport(ExportRequest request) {
        switch (request.kind()) {
            case PANEL_PNG:
                return currentPanel.get() == null || currentPanel.get().view().getScene() == null ? "no panel is on screen" : null;
            case WINDOW_PNG:
                return windowRoot.get() == null || windowRoot.get().getScene() == null ? "the window is not shown" : null;
            case GIF:
                return PanelCatalog.find(request.panelTitle()) == null ? "no panel titled " + request.panelTitle() : null;
            default:
                return request.toSeconds() <= 0 ? "the run has not started yet; play it, then export its data" : null;
        }
    }

    private Path chooseFile(ExportRequest request) {
        ExportRequest.Kind kind = request.kind();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind.fileType);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                kind.fileType + " (*." + kind.extension + ")", "*." + kind.extension));
        chooser.setInitialFileName(suggestedName(request));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return null;
        }
        lastDirectory = chosen.getParentFile();
        String name = chosen.getName();
        // Some platforms' choosers do not add the filter's extension.
        if (!name.toLowerCase(Locale.ROOT).endsWith("." + kind.extension)) {
            chosen = new File(chosen.getParentFile(), name + "." + kind.extension);
        }
        return chosen.toPath();
    }

    /** "flash-sale-scaling-95s.png": the scenario, what, and when. */
    String suggestedName(ExportRequest request) {
        String what = switch (request.kind()) {
            case PANEL_PNG -> currentPanel.get() == null ? "panel" : currentPanel.get().title();
            case WINDOW_PNG -> "window";
            case GIF -> request.panelTitle();
            case CSV -> "series";
            case REPORT -> "report";
        };
        String label = scenarioLabel.get().replaceFirst("(?i)\\.json$", "");
        String name = label + "-" + what + "-" + Math.round(request.toSeconds()) + "s";
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-") + "." + request.kind().extension;
    }

    // ---------------------------------------------------------------- PNG

    private void exportPicture(ExportRequest request, Path file) {
        double scale = request.scale();
        BufferedImage image;
        String title;
        try {
            if (request.kind() == ExportRequest.Kind.WINDOW_PNG) {
                Node root = windowRoot.get();
                image = Pictures.rgb(Pictures.snapshot(root, scale, Pictures.background(root)));
                title = "ScaleLab window";
            } else {
                Panel panel = currentPanel.get();
                image = panelPicture(panel, scale, Pictures.background(panel.view()));
                title = panel.title();
            }
        } catch (RuntimeException e) {
            failed(file, e);
            return;
        }
        double atSeconds = nowSeconds();
        String label = scenarioLabel.get();
        withRecordedScenario(file, scenario -> {
            PngFile.write(image, new Provenance(label, scenario, atSeconds).pngText(title), file);
            return "Exported " + file.getFileName() + " (" + image.getWidth() + "×" + image.getHeight() + ")";
        }, () -> { });
    }

    /** The panel as on screen: its view, with its charts under it when they are shown. */
    static BufferedImage panelPicture(Panel panel, double scale, Color background) {
        List<Image> parts = new ArrayList<>();
        parts.add(Pictures.snapshot(panel.view(), scale, background));
        Node charts = panel.charts();
        if (shown(charts)) {
            parts.add(Pictures.snapshot(charts, scale, background));
        }
        return Pictures.stack(parts, background);
    }

    private static boolean shown(Node node) {
        if (node == null || node.getScene() == null || !node.isVisible()) {
            return false;
        }
        Bounds b = node.getLayoutBounds();
        return b.getWidth() >= 1 && b.getHeight() >= 1;
    }

    // ---------------------------------------------------------------- GIF

    private void startGif(ExportRequest request, Path file) {
        PanelCatalog.Entry entry = PanelCatalog.find(request.panelTitle());
        // The offscreen panel gets the sizes the panel has in the window now.
        Panel live = currentPanel.get();
        Bounds view = live == null ? null : live.view().getLayoutBounds();
        Node charts = live == null ? null : live.charts();
        double viewWidth = view == null || view.getWidth() < 1 ? 1000 : view.getWidth();
        double viewHeight = view == null || view.getHeight() < 1 ? 600 : view.getHeight();
        double chartsWidth = shown(charts) ? charts.getLayoutBounds().getWidth() : 0;
        double chartsHeight = shown(charts) ? charts.getLayoutBounds().getHeight() : 0;
        List<String> sheets = stylesheets();
        Color background = Pictures.background(live == null ? windowRoot.get() : live.view());
        String label = scenarioLabel.get();
        message.accept("Exporting " + file.getFileName() + ": re-running the scenario to " + Provenance.seconds(request.fromSeconds()) + "…");
        recordedScenario().whenComplete((scenario, error) -> Platform.runLater(() -> {
            if (error != null) {
                failed(file, error);
                return;
            }
            GifExport.Request r = new GifExport.Request(entry, new Provenance(label, scenario, request.toSeconds()),
                    request.fromSeconds(), request.toSeconds(), request.fps(), request.scale(), viewWidth, viewHeight,
                    chartsWidth, chartsHeight, sheets, background, file);
            GifExport gif;
            CompletableFuture<GifExport.Result> done;
            try {
                gif = new GifExport(r);
                done = gif.start();
            } catch (RuntimeException e) {
                failed(file, e);
                return;
            }
            ProgressWindow progress = new ProgressWindow(owner, sheets, String.format(Locale.ROOT,
                    "%s: the %s panel from %s to %s, %,d frames at %d fps, drawn from a re-run of the scenario.",
                    file.getFileName(), entry.title(), Provenance.seconds(request.fromSeconds()),
                    Provenance.seconds(request.toSeconds()), r.frames(), request.fps()), gif.progressProperty(), gif::cancel);
            progress.show();
            done.whenComplete((result, failure) -> {
                progress.close();
                if (failure == null) {
                    message.accept(String.format(Locale.ROOT, "Exported %s (%,d frames, %d×%d)", file.getFileName(),
                            result.frames(), result.width(), result.height()));
                } else {
                    failed(file, failure);
                }
            });
        }));
    }

    // ---------------------------------------------------------------- CSV and report

    private void exportData(ExportRequest request, Path file) {
        double toSeconds = request.toSeconds();
        String label = scenarioLabel.get();
        // An hour of a large scenario re-runs in seconds: show that it works, and let it be stopped.
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressWindow progress = new ProgressWindow(owner, stylesheets(), file.getFileName() + ": re-running the scenario from 0 to "
                + Provenance.seconds(toSeconds) + ", changes included.", new SimpleDoubleProperty(-1), () -> cancelled.set(true));
        progress.show();
        withRecordedScenario(file, scenario -> {
            Provenance p = new Provenance(label, scenario, toSeconds);
            if (request.kind() == ExportRequest.Kind.CSV) {
                long rows = DataExport.writeCsv(p, file, cancelled::get);
                return String.format(Locale.ROOT, "Exported %s (%,d rows, 0-%s)", file.getFileName(), rows, Provenance.seconds(toSeconds));
            }
            DataExport.writeReport(p, file, cancelled::get);
            return "Exported " + file.getFileName() + " (the run 0-" + Provenance.seconds(toSeconds) + ")";
        }, progress::close);
    }

    // ---------------------------------------------------------------- shared

    /** Work on the recorded scenario, on a background thread; its one-line outcome goes to the status line. */
    private interface ScenarioWork {
        String apply(Scenario scenario) throws Exception;
    }

    /** Runs {@code work} in the background, then {@code whenDone} and the outcome's message on the FX thread. */
    private void withRecordedScenario(Path file, ScenarioWork work, Runnable whenDone) {
        recordedScenario().thenApplyAsync(scenario -> {
            try {
                return work.apply(scenario);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, ExportActions::inBackground).whenComplete((done, error) -> Platform.runLater(() -> {
            whenDone.run();
            if (error != null) {
                failed(file, error);
            } else {
                message.accept(done);
            }
        }));
    }

    private CompletableFuture<Scenario> recordedScenario() {
        return runner.recordedScenario().orTimeout(SCENARIO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void inBackground(Runnable work) {
        Thread t = new Thread(work, "scalelab-export");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void failed(Path file, Throwable error) {
        Throwable cause = rootCause(error);
        if (cause instanceof CancellationException) {
            message.accept("Export of " + file.getFileName() + " cancelled; nothing was written");
            return;
        }
        String why;
        if (cause instanceof TimeoutException) {
            why = "the simulation did not answer; is it still running?";
        } else if (cause instanceof FileSystemException fse) {
            why = fileProblem(fse);
        } else {
            why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        message.accept("Export failed: " + file.getFileName() + ": " + why.lines().findFirst().orElse(why));
    }

    /** NIO names only the path in most of its messages: say what went wrong with it. */
    private static String fileProblem(FileSystemException e) {
        String what;
        if (e.getReason() != null) {
            what = e.getReason();
        } else if (e instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            what = "a file is in the way of a folder";
        } else if (e instanceof NoSuchFileException) {
            what = "no such file or folder";
        } else {
            what = e.getClass().getSimpleName();
        }
        String file = e.getFile();
        if (file != null && file.matches(".*/\\.[^/]*\\.tmp")) {
            file = file.substring(0, file.lastIndexOf('/')); // the hidden temporary file: its folder is what the user knows
        }
        return file == null ? what : file + ": " + what;
    }

    private static Throwable rootCause(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private double nowSeconds() {
        return runner.latest().snapshot().timeSeconds();
    }

    private List<String> stylesheets() {
        Node root = windowRoot.get();
        return root == null || root.getScene() == null ? List.of() : List.copyOf(root.getScene().getStylesheets());
    }
}
