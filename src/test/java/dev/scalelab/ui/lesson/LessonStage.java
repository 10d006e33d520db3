package dev.scalelab.ui.lesson;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.Panel;
import dev.scalelab.ui.PanelCatalog;
import dev.scalelab.ui.parameters.ParameterPane;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A window for the lesson tests, laid out as the main window is where a lesson looks: the lesson host
 * above the panel, the panel's view in the center, its parameters (or the general ones) on the right,
 * its charts and a decision log ({@code #logList}) at the bottom, and a transparent overlay over it
 * all. Panels are built from {@link PanelCatalog} when first shown, and fed the frames of
 * {@code frames} every pulse as the window feeds them. FX thread only.
 */
final class LessonStage implements LessonWindow {
    private final PanelCatalog.Context context;
    private final Supplier<Frame> frames;
    private final ParameterPane general;
    private final Map<String, Panel> built = new LinkedHashMap<>();
    private final VBox lessonHost = new VBox();
    private final StackPane panelHost = new StackPane();
    private final StackPane parameterHost = new StackPane();
    private final StackPane chartHost = new StackPane();
    private final ListView<String> logList = new ListView<>();
    private final Pane overlay = new Pane();
    private final StackPane root;
    private Panel current;
    private long shownFrame = -1;
    private boolean running;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Frame frame = frames.get();
            if (current != null) {
                if (frame.status().frame() != shownFrame) {
                    shownFrame = frame.status().frame();
                    general.update(frame.snapshot().current());
                    current.update(frame, now);
                }
                current.animate(now);
            }
        }
    };

    /** @param frames the frame to show each pulse: the runner's latest, or a fixed one */
    LessonStage(SimulationRunner runner, Supplier<Frame> frames) {
        this.context = new PanelCatalog.Context(runner, name -> { }, (scenario, label) -> { });
        this.frames = frames;
        this.general = new ParameterPane(runner::set, frames.get().snapshot().current());
        parameterHost.setId("parameterHost");
        parameterHost.setPrefWidth(260);
        logList.setId("logList");
        logList.getItems().setAll("0.000 s  world      the run starts");
        HBox bottom = new HBox(chartHost, logList);
        HBox.setHgrow(chartHost, Priority.ALWAYS);
        bottom.setPrefHeight(200);
        BorderPane frame = new BorderPane(panelHost, lessonHost, parameterHost, bottom, null);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        root = new StackPane(frame, overlay);
    }

    /** Shows the window on {@code stage} at {@code width} × {@code height} and starts feeding frames. */
    void show(Stage stage, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(LessonStage.class.getResource("/styles/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
        pulse.start();
        running = true;
    }

    void stop() {
        pulse.stop();
        running = false;
    }

    /** A new frame is shown at the next pulse even if its number is the same as the last one's. */
    void refresh() {
        shownFrame = -1;
    }

    @Override
    public void selectPanel(String title) {
        PanelCatalog.Entry entry = PanelCatalog.find(title);
        if (entry == null) {
            return;
        }
        current = built.computeIfAbsent(entry.title(), t -> entry.factory().apply(context));
        panelHost.getChildren().setAll(current.view());
        chartHost.getChildren().setAll(current.charts());
        Node own = current.parameters();
        parameterHost.getChildren().setAll(own != null ? own : general.node());
        shownFrame = -1;
        // After the panel's own timers (the "This app" monitor samples before it is first drawn), as in the window.
        if (running) {
            pulse.stop();
            pulse.start();
        }
    }

    @Override
    public Panel currentPanel() {
        return current;
    }

    @Override
    public Pane overlay() {
        return overlay;
    }

    @Override
    public Pane lessonHost() {
        return lessonHost;
    }
}
