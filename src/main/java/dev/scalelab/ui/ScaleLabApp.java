package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.parameters.ParameterPane;
import dev.scalelab.world.ScenarioException;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The ScaleLab desktop app: one simulation, started playing at 1×, and the window that animates it.
 * {@code dev.scalelab.Main} calls {@link #main} when the jar runs without a sub-command.
 */
public final class ScaleLabApp extends Application {
    private static final double MIN_WIDTH = 1024;
    private static final double MIN_HEIGHT = 700;
    private static final double SCREEN_SHARE = 0.95;
    private static final long FRAME_STATS_WARM_UP_NANOS = 1_000_000_000L;

    private AppOptions options;
    private SimulationRunner runner;
    private MainWindowController window;

    /** Checks the options before the toolkit starts, so a mistake is one line on stderr and exit code 2. */
    public static void main(String[] args) {
        try {
            AppOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException | ScenarioException e) {
            System.err.println("scalelab: " + e.getMessage());
            System.exit(2);
        }
        SignalExit.install();
        launch(args);
        if (SignalExit.status() != 0) {
            System.exit(SignalExit.status());
        }
    }

    @Override
    public void init() {
        options = AppOptions.parse(getParameters().getRaw());
    }

    @Override
    public void start(Stage stage) throws IOException {
        runner = new SimulationRunner(options.scenario(), false);
        MainWindowViewModel windowModel = new MainWindowViewModel(runner, options.scenarioLabel());
        if (options.speed() != 1) {
            windowModel.speedProperty().set(options.speed()); // the menu shows it, and it reaches the runner
        }
        ParameterPane parameters = new ParameterPane(runner::set, runner.latest().snapshot().current());
        PanelCatalog.Context context = new PanelCatalog.Context(runner, windowModel::choosePreset, windowModel::startScenario);
        List<Panel> panels = new java.util.ArrayList<>();
        for (PanelCatalog.Entry entry : PanelCatalog.entries()) {
            panels.add(entry.factory().apply(context));
        }
        window = new MainWindowController(runner, windowModel, parameters, panels);

        FXMLLoader loader = new FXMLLoader(ScaleLabApp.class.getResource("/fxml/MainWindow.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainWindowController.class) {
                return window;
            }
            throw new IllegalArgumentException("no controller " + type.getName());
        });
        Parent root = loader.load();
        // The window's preferred size, or most of a smaller screen, but never under the minimum: a
        // scene smaller than the minimum is centred for its own size, then grown past the screen's edge.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.max(MIN_WIDTH, Math.min(root.prefWidth(-1), SCREEN_SHARE * screen.getWidth())),
                Math.max(MIN_HEIGHT, Math.min(root.prefHeight(-1), SCREEN_SHARE * screen.getHeight())));
        scene.getStylesheets().add(ScaleLabApp.class.getResource("/styles/app.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(windowModel.scenarioLabelProperty().map(label -> "ScaleLab — " + label));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);

        if (options.panel() != null) {
            window.selectPanel(options.panel());
        }
        runner.start();
        window.start();
        stage.show();
        stage.requestFocus(); // headless JavaFX 20+ does not focus a new stage by itself
        if (options.frameStatsSeconds() > 0) {
            measureFramesThenExit(options.frameStatsSeconds());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
        }
        if (runner != null) {
            runner.close();
        }
    }

    /** The simulation this window shows; for tests and tools that drive the app. */
    public SimulationRunner runner() {
        return runner;
    }

    /**
     * {@code --frame-stats}: after a short warm-up, counts {@code seconds} of pulses, prints the frame
     * meter's summary line and quits. The warm-up keeps startup (class loading, the JIT, the first CSS
     * and layout passes) out of the figures, which are about the steady animation.
     */
    private void measureFramesThenExit(double seconds) {
        new AnimationTimer() {
            private long firstPulseNanos = -1;
            private long measureStartNanos = -1;
            private long startEvents;

            @Override
            public void handle(long nowNanos) {
                if (firstPulseNanos < 0) {
                    firstPulseNanos = nowNanos;
                } else if (measureStartNanos < 0 && nowNanos - firstPulseNanos >= FRAME_STATS_WARM_UP_NANOS) {
                    measureStartNanos = nowNanos;
                    startEvents = runner.latest().snapshot().eventsFired();
                    window.frameMeter().restartRun();
                } else if (measureStartNanos >= 0 && nowNanos - measureStartNanos >= seconds * 1e9) {
                    stop();
                    long events = runner.latest().snapshot().eventsFired() - startEvents;
                    System.out.println(window.frameMeter().runSummary(events * 1e9 / (nowNanos - measureStartNanos)));
                    System.out.flush();
                    Platform.exit();
                }
            }
        }.start();
    }
}
