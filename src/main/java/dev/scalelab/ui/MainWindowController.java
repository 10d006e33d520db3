package dev.scalelab.ui;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.parameters.ParameterPane;
import dev.scalelab.world.Presets;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The view of {@code MainWindow.fxml}: toolbar, navigation, the selected panel, the decision log
 * and the status bar. Its {@link AnimationTimer} is the UI's only link to the simulation: once per
 * pulse it reads {@link SimulationRunner#latest()} and hands a new frame to the view models and the
 * panel.
 *
 * <p>FX thread only.
 */
public final class MainWindowController implements dev.scalelab.ui.lesson.LessonWindow,
        dev.scalelab.ui.look.PresenterMode.SidePanes {
    private static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final long FRAME_RATE_REFRESH_NANOS = 250_000_000L;

    private final SimulationRunner runner;
    private final MainWindowViewModel viewModel;
    /** The general parameter pane, shown for panels without their own. */
    private final ParameterPane parameters;
    private final List<Panel> panels;
    private final FrameMeter frameMeter = new FrameMeter();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long nowNanos) {
            onPulse(nowNanos);
        }
    };

    private long shownFrame = -1;
    private long frameRateShownNanos;
    private File lastDirectory;

    @FXML private StackPane windowStack;
    @FXML private javafx.scene.layout.BorderPane frame;
    @FXML private javafx.scene.layout.VBox topBox;
    @FXML private javafx.scene.layout.HBox infoStrip;
    @FXML private javafx.scene.layout.VBox lessonHost;
    @FXML private javafx.scene.layout.Pane overlay;
    @FXML private javafx.scene.control.SplitPane centerSplit;
    @FXML private javafx.scene.control.SplitPane bottomSplit;
    @FXML private ComboBox<String> presetChoice;
    @FXML private Button playButton;
    @FXML private ComboBox<Double> speedChoice;
    @FXML private TextField seedField;
    @FXML private ListView<Panel> panelList;
    @FXML private StackPane panelHost;
    @FXML private StackPane parameterHost;
    @FXML private StackPane chartHost;
    @FXML private ListView<String> logList;
    @FXML private Label simTimeLabel;
    @FXML private Label speedLabel;
    @FXML private Label eventRateLabel;
    @FXML private Label frameRateLabel;
    @FXML private Label laggingLabel;
    @FXML private Label finishedLabel;
    @FXML private Label failureLabel;
    @FXML private Label messageLabel;

    public MainWindowController(SimulationRunner runner, MainWindowViewModel viewModel, ParameterPane parameters,
                                List<Panel> panels) {
        assert FxThread.isCurrent();
        this.runner = runner;
        this.viewModel = viewModel;
        this.parameters = parameters;
        this.panels = List.copyOf(panels);
    }

    @FXML
    private void initialize() {
        assert FxThread.isCurrent();
        presetChoice.getItems().setAll(Presets.names());
        // A scenario from a file is no preset: the menu then shows the file's name.
        presetChoice.promptTextProperty().bind(viewModel.scenarioLabelProperty());
        if (Presets.names().contains(viewModel.scenarioLabelProperty().get())) {
            presetChoice.setValue(viewModel.scenarioLabelProperty().get());
        }
        // Installed after the initial value, so that showing the starting scenario does not restart it.
        // The menu follows the scenario however it was chosen (a panel's "open the preset" button too).
        boolean[] followingScenario = {false};
        viewModel.scenarioLabelProperty().addListener((obs, old, label) -> {
            String shown = Presets.names().contains(label) ? label : null;
            if (!java.util.Objects.equals(presetChoice.getValue(), shown)) {
                followingScenario[0] = true; // showing it, not choosing it: no second restart
                presetChoice.setValue(shown);
                followingScenario[0] = false;
            }
        });
        presetChoice.setOnAction(event -> {
            if (!followingScenario[0] && presetChoice.getValue() != null) {
                viewModel.choosePreset(presetChoice.getValue());
            }
        });

        speedChoice.getItems().setAll(MainWindowViewModel.SPEEDS);
        speedChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double speed) {
                return speed == null ? "" : Formats.speed(speed);
            }

            @Override
            public Double fromString(String text) {
                throw new UnsupportedOperationException("the speed menu is not editable");
            }
        });
        speedChoice.valueProperty().bindBidirectional(viewModel.speedProperty());

        playButton.textProperty().bind(viewModel.playTextProperty());
        viewModel.pausedProperty().addListener((obs, was, paused) -> playButton.pseudoClassStateChanged(PLAYING, !paused));
        playButton.pseudoClassStateChanged(PLAYING, !viewModel.pausedProperty().get());

        seedField.textProperty().bindBidirectional(viewModel.seedTextProperty());
        viewModel.seedErrorProperty().addListener((obs, old, error) -> seedField.pseudoClassStateChanged(INVALID, !error.isEmpty()));

        panelList.getItems().setAll(panels);
        panelList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Panel panel, boolean empty) {
                super.updateItem(panel, empty);
                setText(empty || panel == null ? null : panel.title());
            }
        });
        panelList.getSelectionModel().selectedItemProperty().addListener((obs, old, panel) -> showPanel(panel));
        panelList.getSelectionModel().selectFirst();

        logList.setItems(viewModel.logLines());
        logList.setCellFactory(list -> {
            ListCell<String> cell = new ListCell<>() {
                @Override
                protected void updateItem(String line, boolean empty) {
                    super.updateItem(line, empty);
                    setText(empty ? null : line);
                }
            };
            // Long lines wrap rather than hide behind a horizontal scroll bar; room is left for the vertical one.
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(list.widthProperty().subtract(20));
            return cell;
        });
        viewModel.logLines().addListener((ListChangeListener<String>) change -> {
            if (!logList.getItems().isEmpty()) {
                logList.scrollTo(logList.getItems().size() - 1);
            }
        });

        simTimeLabel.textProperty().bind(viewModel.simTimeProperty().map(time -> "t = " + time));
        speedLabel.textProperty().bind(viewModel.speedTextProperty());
        eventRateLabel.textProperty().bind(viewModel.eventRateProperty());
        frameRateLabel.textProperty().bind(viewModel.frameRateProperty());
        bindBadge(laggingLabel, viewModel.laggingProperty());
        bindBadge(finishedLabel, viewModel.finishedProperty());
        finishedLabel.textProperty().bind(viewModel.finishedTextProperty());
        failureLabel.textProperty().bind(viewModel.failureProperty().map(trace -> "Simulation stopped: " + firstLine(trace)));
        failureLabel.visibleProperty().bind(viewModel.failureProperty().isNotNull());
        failureLabel.managedProperty().bind(failureLabel.visibleProperty());
        viewModel.failureProperty().addListener((obs, old, trace) -> {
            if (trace != null) {
                showFailure(trace);
            }
        });
        messageLabel.textProperty().bind(viewModel.messageProperty());
        bindSidePanes();
    }

    /** Shows the panel titled {@code title} (case-insensitive); keeps the current one if there is none. FX thread. */
    public void selectPanel(String title) {
        assert FxThread.isCurrent();
        for (Panel p : panelList.getItems()) {
            if (p.title().equalsIgnoreCase(title)) {
                panelList.getSelectionModel().select(p);
                return;
            }
        }
    }

    // ------------------------------------------------------------------ lessons and presenter mode

    private final javafx.beans.property.BooleanProperty navigationShown = new javafx.beans.property.SimpleBooleanProperty(this, "navigationShown", true);
    private final javafx.beans.property.BooleanProperty parametersShown = new javafx.beans.property.SimpleBooleanProperty(this, "parametersShown", true);
    private final javafx.beans.property.BooleanProperty bottomShown = new javafx.beans.property.SimpleBooleanProperty(this, "bottomShown", true);

    /** Hides and shows the side panes; called once from {@link #initialize()}. */
    private void bindSidePanes() {
        navigationShown.addListener((obs, was, shown) -> frame.setLeft(shown ? panelList : null));
        parametersShown.addListener((obs, was, shown) -> frame.setRight(shown ? parameterHost : null));
        double[] divider = {0.64};
        bottomShown.addListener((obs, was, shown) -> {
            if (shown) {
                centerSplit.getItems().add(bottomSplit);
                centerSplit.setDividerPositions(divider[0]);
            } else {
                divider[0] = centerSplit.getDividerPositions()[0];
                centerSplit.getItems().remove(bottomSplit);
            }
        });
    }

    @Override
    public javafx.beans.property.BooleanProperty navigationShownProperty() {
        return navigationShown;
    }

    @Override
    public javafx.beans.property.BooleanProperty parametersShownProperty() {
        return parametersShown;
    }

    @Override
    public javafx.beans.property.BooleanProperty bottomShownProperty() {
        return bottomShown;
    }

    @Override
    public Panel currentPanel() {
        return panelList.getSelectionModel().getSelectedItem();
    }

    @Override
    public javafx.scene.layout.Pane overlay() {
        return overlay;
    }

    @Override
    public javafx.scene.layout.Pane lessonHost() {
        return lessonHost;
    }

    private static void bindBadge(Label badge, ObservableBooleanValue shown) {
        badge.visibleProperty().bind(shown);
        badge.managedProperty().bind(badge.visibleProperty());
    }

    private void showPanel(Panel panel) {
        if (panel == null) {
            panelHost.getChildren().clear();
            chartHost.getChildren().clear();
            return;
        }
        panelHost.getChildren().setAll(panel.view());
        chartHost.getChildren().setAll(panel.charts());
        Node own = panel.parameters();
        parameterHost.getChildren().setAll(own != null ? own : parameters.node());
        // A panel drawn for the first time gets the newest frame at once, not on the next one.
        shownFrame = -1;
    }

    /** Starts polling the runner once per pulse. */
    public void start() {
        assert FxThread.isCurrent();
        pulse.start();
    }

    public void stop() {
        assert FxThread.isCurrent();
        pulse.stop();
    }

    /** The frame meter fed by this window's pulses. */
    public FrameMeter frameMeter() {
        assert FxThread.isCurrent();
        return frameMeter;
    }

    private void onPulse(long nowNanos) {
        assert FxThread.isCurrent();
        frameMeter.record(nowNanos);
        Panel panel = panelList.getSelectionModel().getSelectedItem();
        Frame frame = runner.latest();
        if (frame.status().frame() != shownFrame) {
            shownFrame = frame.status().frame();
            viewModel.update(frame);
            parameters.update(frame.snapshot().current());
            if (panel != null) {
                panel.update(frame, nowNanos);
            }
        }
        if (panel != null) {
            panel.animate(nowNanos);
        }
        if (nowNanos - frameRateShownNanos >= FRAME_RATE_REFRESH_NANOS) {
            frameRateShownNanos = nowNanos;
            viewModel.showFrameRate(frameMeter);
        }
    }

    // ------------------------------------------------------------------ toolbar

    @FXML
    private void togglePlay() {
        viewModel.togglePlay();
    }

    @FXML
    private void step() {
        viewModel.step();
    }

    @FXML
    private void reset() {
        viewModel.reset();
    }

    @FXML
    private void open() {
        FileChooser chooser = scenarioChooser("Open scenario");
        File file = chooser.showOpenDialog(window());
        if (file == null) {
            return;
        }
        lastDirectory = file.getParentFile();
        viewModel.open(file.toPath()).ifPresentOrElse(
                problem -> showError("The scenario was not opened", problem),
                () -> presetChoice.setValue(null));
    }

    @FXML
    private void save() {
        FileChooser chooser = scenarioChooser("Save scenario");
        chooser.setInitialFileName(viewModel.scenarioLabelProperty().get().replaceFirst("(\\.json)?$", ".json"));
        File file = chooser.showSaveDialog(window());
        if (file == null) {
            return;
        }
        lastDirectory = file.getParentFile();
        Path path = file.toPath();
        viewModel.save(path).exceptionally(error -> {
            showError("The scenario was not saved", MainWindowViewModel.rootMessage(error));
            return null;
        });
    }

    private FileChooser scenarioChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ScaleLab scenario (*.json)", "*.json"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Window window() {
        return panelHost.getScene().getWindow();
    }

    // ------------------------------------------------------------------ dialogs

    private void showError(String header, String problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR, problem);
        alert.initOwner(window());
        alert.setHeaderText(header);
        alert.show();
    }

    /** Shown once per failure; show(), not showAndWait(), because it opens during a pulse. */
    private void showFailure(String trace) {
        Alert alert = new Alert(Alert.AlertType.ERROR,
                firstLine(trace) + "\n\nThe run is paused. Reset or choose a scenario to start again.");
        alert.initOwner(window());
        // One line is a stop the run explains itself (it outgrew the heap); a stack is a defect to report.
        boolean defect = trace.contains("\n");
        alert.setHeaderText(defect ? "The simulation stopped with an error" : "The simulation stopped");
        if (defect) {
            TextArea details = new TextArea(trace);
            details.setEditable(false);
            details.setPrefRowCount(16);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.show();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}
