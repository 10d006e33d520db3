package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.parameters.ParameterPane;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.LessonLibrary;
import dev.scalelab.ui.look.Appearance;
import dev.scalelab.ui.look.Settings;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
    private static final long FRAME_STATS_MAX_WARM_UP_NANOS = 20_000_000_000L;
    private static final long JIT_QUIET_MILLIS_PER_SECOND = 50;

    /** The options main() checked, so that init() does not read the scenario a second time. */
    private static volatile AppOptions parsed;
    private AppOptions options;
    private SimulationRunner runner;
    private MainWindowController window;

    /** Checks the options before the toolkit starts, so a mistake is one line on stderr and exit code 2. */
    public static void main(String[] args) {
        try {
            parsed = AppOptions.parse(Arrays.asList(args));
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
        AppOptions checked = parsed;
        options = checked != null ? checked : AppOptions.parse(getParameters().getRaw());
    }

    @Override
    public void start(Stage stage) throws IOException {
        // Nothing runs yet: the simulation starts on the first pulse after the window is drawn, so no
        // simulated time passes unseen, and only the first panel shown is built now.
        runner = new SimulationRunner(options.scenario(), false);
        MainWindowViewModel windowModel = new MainWindowViewModel(runner, options.scenarioLabel(), options.scenario());
        if (options.speed() != 1) {
            windowModel.speedProperty().set(options.speed()); // the menu shows it, and it reaches the runner
        }
        ParameterPane parameters = new ParameterPane(runner::set, runner.latest().snapshot().current());
        PanelCatalog.Context context = new PanelCatalog.Context(runner, windowModel::choosePreset, windowModel::startScenario,
                title -> window.selectPanel(title), () -> CanvasWindows.drawThisSystem(window, runner, stage));
        window = new MainWindowController(runner, windowModel, parameters, PanelCatalog.lazyPanels(context));

        FXMLLoader loader = new FXMLLoader(ScaleLabApp.class.getResource("/fxml/MainWindow.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainWindowController.class) {
                return window;
            }
            throw new IllegalArgumentException("no controller " + type.getName());
        });
        if (options.panel() != null) {
            window.selectPanelOnStart(options.panel());
        }
        Parent root = loader.load();
        applyStartOptions(window.currentPanel(), options);
        // The window's preferred size, or most of a smaller screen; never under the minimum (a scene
        // smaller than it is centred for its own size, then grown past the screen's edge) nor under
        // the content's own minimum while the screen has room for it. The saved size, when there is one.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.max(MIN_WIDTH, Math.min(screen.getWidth(),
                Math.max(root.minWidth(-1), Math.min(root.prefWidth(-1), SCREEN_SHARE * screen.getWidth()))));
        double height = Math.max(MIN_HEIGHT, Math.min(screen.getHeight(),
                Math.max(root.minHeight(-1), Math.min(root.prefHeight(-1), SCREEN_SHARE * screen.getHeight()))));
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(ScaleLabApp.class.getResource("/styles/app.css").toExternalForm());
        scene.getStylesheets().add(ScaleLabApp.class.getResource("/styles/window.css").toExternalForm());
        Appearance.get().install(scene);
        stage.setScene(scene);
        // A stage sized before (a second app on the same stage, as the robot tests do) keeps its old
        // size and place over a new scene: the scene's size decides, centred as a new window is, then
        // the saved bounds if there are some.
        stage.sizeToScene();
        stage.centerOnScreen();
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> "ScaleLab — " + windowModel.scenarioLabelProperty().get()
                        + (windowModel.modifiedProperty().get() ? " (modified)" : ""),
                windowModel.scenarioLabelProperty(), windowModel.modifiedProperty()));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        if (!options.startupStats() && options.frameStatsSeconds() == 0) {
            Settings.restore(stage);
            stage.setOnCloseRequest(event -> Settings.rememberWindow(stage));
        }

        window.start();
        startRunnerOnFirstPulse();
        stage.show();
        long shownMillis = System.currentTimeMillis();
        stage.requestFocus(); // headless JavaFX 20+ does not focus a new stage by itself
        window.focusNavigation();
        if (options.frameStatsSeconds() > 0) {
            measureFramesThenExit(options.frameStatsSeconds());
        }
        window.onFirstContent(() -> {
            if (options.startupStats()) {
                long contentMillis = System.currentTimeMillis();
                long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("jvm→window shown " + (shownMillis - jvmStartMillis) + " ms, window→first content "
                        + (contentMillis - shownMillis) + " ms");
                System.out.flush();
                Platform.exit();
                return;
            }
            loadLessonsInBackground();
            if (options.design() != null) {
                dev.scalelab.ui.canvas.DesignWindow.openOnStart(stage, options.design(), options.runDesign(), options.speed());
            }
            if (options.lesson() != null) {
                window.startLesson(options.lesson());
            }
        });
    }

    /** Starts the simulation on the first pulse: the window is then shown and about to be drawn. */
    private void startRunnerOnFirstPulse() {
        new AnimationTimer() {
            @Override
            public void handle(long nowNanos) {
                stop();
                runner.start();
            }
        }.start();
    }

    /** Reads the lessons off the FX thread once the window shows content; the Lessons menu appears then. */
    private void loadLessonsInBackground() {
        Thread reader = new Thread(() -> {
            List<Lesson> lessons;
            try {
                lessons = LessonLibrary.all();
            } catch (RuntimeException e) {
                System.err.println("scalelab: lessons: " + e.getMessage());
                return;
            }
            Platform.runLater(() -> window.showLessons(lessons));
        }, "scalelab-lessons");
        reader.setDaemon(true);
        reader.start();
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

    /** The main window's controller; for tests that drive the app. */
    MainWindowController window() {
        return window;
    }

    /** The simulation this window shows; for tests and tools that drive the app. */
    public SimulationRunner runner() {
        return runner;
    }

    /**
     * {@code --frame-stats}: after a warm-up, counts {@code seconds} of pulses, prints the frame
     * meter's summary line and quits. The warm-up keeps startup (class loading, the JIT, the first CSS
     * and layout passes) out of the figures, which are about the steady animation: it lasts until the
     * JIT has gone quiet (under {@link #JIT_QUIET_MILLIS_PER_SECOND} ms of compiling in the last
     * second), at least one second and at most {@link #FRAME_STATS_MAX_WARM_UP_NANOS}. On two cores the
     * JIT's compiler threads take most of a core for the first seconds (measured: C2 busy 11 of the
     * first 16 s on Overview at 100x), which shows as late frames that a user sees once per start, not
     * as the animation's steady cost; the summary says how long the warm-up took.
     */
    private void measureFramesThenExit(double seconds) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        new AnimationTimer() {
            private long firstPulseNanos = -1;
            private long measureStartNanos = -1;
            private long startEvents;
            private long lastLookNanos;
            private long lastCompileMillis;

            private boolean jitQuiet(long nowNanos) {
                if (!jitTimed) {
                    return true;
                }
                long compileMillis = jit.getTotalCompilationTime();
                boolean quiet = compileMillis - lastCompileMillis < JIT_QUIET_MILLIS_PER_SECOND;
                lastCompileMillis = compileMillis;
                lastLookNanos = nowNanos;
                return quiet;
            }

            @Override
            public void handle(long nowNanos) {
                if (firstPulseNanos < 0) {
                    firstPulseNanos = nowNanos;
                    lastLookNanos = nowNanos;
                    lastCompileMillis = jitTimed ? jit.getTotalCompilationTime() : 0;
                } else if (measureStartNanos < 0) {
                    long sinceFirst = nowNanos - firstPulseNanos;
                    if (nowNanos - lastLookNanos >= FRAME_STATS_WARM_UP_NANOS
                            && (jitQuiet(nowNanos) || sinceFirst >= FRAME_STATS_MAX_WARM_UP_NANOS)) {
                        measureStartNanos = nowNanos;
                        startEvents = runner.latest().snapshot().eventsFired();
                        window.frameMeter().restartRun();
                        System.out.printf(java.util.Locale.ROOT, "warm-up %.1f s%s%n", sinceFirst / 1e9,
                                sinceFirst >= FRAME_STATS_MAX_WARM_UP_NANOS ? " (the JIT was still busy)" : " (the JIT went quiet)");
                    }
                } else if (measureStartNanos >= 0 && nowNanos - measureStartNanos >= seconds * 1e9) {
                    stop();
                    long events = runner.latest().snapshot().eventsFired() - startEvents;
                    System.out.println(window.frameMeter().runSummary(events * 1e9 / (nowNanos - measureStartNanos)));
                    // Issue 17: how often the simulation thread slept for late frames (0: it never had to).
                    System.out.println("simulation back-off: " + runner.backedOffSlices() + " slices slept since the start");
                    System.out.flush();
                    Platform.exit();
                }
            }
        }.start();
    }

    /**
     * What the command line asks of the panel shown first: {@code --charts} (when its charts can
     * show the whole run) and {@code --race} (when it is Load balancing).
     */
    private static void applyStartOptions(Panel shown, AppOptions options) {
        Panel built = shown == null ? null : shown.unwrapped();
        if (options.charts() != null && built instanceof dev.scalelab.ui.charts.RunCharts run) {
            run.range().apply(options.charts());
        }
        if (options.race() != null && built instanceof dev.scalelab.ui.balancing.BalancingView balancing) {
            balancing.startRace(options.race());
        }
    }
}
