package dev.scalelab.ui;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.parameters.ParameterPane;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
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
    /** Runs once, on the pulse after a panel first drew a frame: that frame is then on screen. */
    private Runnable firstContent;
    private boolean contentDrawn;
    private long frameRateShownNanos;

    @FXML private StackPane windowStack;
    @FXML private javafx.scene.layout.BorderPane frame;
    @FXML private javafx.scene.layout.VBox topBox;
    @FXML private javafx.scene.layout.HBox infoStrip;
    @FXML private javafx.scene.layout.VBox lessonHost;
    @FXML private javafx.scene.layout.Pane overlay;
    @FXML private javafx.scene.control.SplitPane centerSplit;
    @FXML private javafx.scene.control.SplitPane bottomSplit;
    @FXML private javafx.scene.control.MenuBar menuBar;
    @FXML private javafx.scene.control.ToolBar toolBar;
    @FXML private Label modifiedMark;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private javafx.scene.control.MenuButton breakpointButton;
    @FXML private javafx.scene.control.ToggleButton presenterToggle;
    @FXML private Label breakpointBanner;
    @FXML private dev.scalelab.ui.timeline.TimelineBar timelineBar;
    @FXML private ComboBox<String> presetChoice;
    @FXML private Button playButton;
    @FXML private ComboBox<Double> speedChoice;
    @FXML private TextField seedField;
    @FXML private ListView<Panel> panelList;
    @FXML private StackPane panelHost;
    @FXML private StackPane parameterHost;
    @FXML private StackPane chartHost;
    @FXML private javafx.scene.control.ScrollPane panelScroll;
    @FXML private javafx.scene.control.ScrollPane chartScroll;
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
        this.files = new WindowFiles(viewModel, this::window);
        this.parameters = parameters;
        this.panels = List.copyOf(panels);
    }

    @FXML
    private void initialize() {
        assert FxThread.isCurrent();
        LiveScroll.uncache(panelScroll);
        LiveScroll.uncache(chartScroll);
        compare = new dev.scalelab.ui.compare.CompareMode(runner, this::window, viewModel::showMessage, topBox,
                topBox.getChildren().indexOf(timelineBar) + 1, panelHost, chartHost);
        ScenarioMenu.show(presetChoice, viewModel);
        timelineBar.setRunner(runner);
        timelineBar.branchMenu().setOnMessage(viewModel::showMessage);

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
        // --panel: the first panel shown is that one, so that start-up builds only it.
        int first = 0;
        for (int i = 0; startPanel != null && i < panels.size(); i++) {
            if (panels.get(i).title().equalsIgnoreCase(startPanel)) {
                first = i;
            }
        }
        panelList.getSelectionModel().select(first);

        LogList.show(logList, viewModel.logLines());

        simTimeLabel.textProperty().bind(viewModel.simTimeProperty().map(time -> "t = " + time));
        speedLabel.textProperty().bind(viewModel.speedTextProperty());
        eventRateLabel.textProperty().bind(viewModel.eventRateProperty());
        frameRateLabel.textProperty().bind(viewModel.frameRateProperty());
        bindBadge(laggingLabel, viewModel.laggingProperty());
        bindBadge(finishedLabel, viewModel.finishedProperty());
        finishedLabel.textProperty().bind(viewModel.finishedTextProperty());
        failureLabel.textProperty().bind(viewModel.failureProperty().map(trace -> "Simulation stopped: " + WindowDialogs.firstLine(trace)));
        failureLabel.visibleProperty().bind(viewModel.failureProperty().isNotNull());
        failureLabel.managedProperty().bind(failureLabel.visibleProperty());
        viewModel.failureProperty().addListener((obs, old, trace) -> {
            if (trace != null) {
                showFailure(trace);
            }
        });
        messageLabel.textProperty().bind(viewModel.messageProperty());
        sidePanes.bind(frame, panelList, parameterHost, centerSplit, bottomSplit);
        initializeTeaching();
    }

    private String startPanel;

    /** Before the FXML loads: the panel to show first (case-insensitive title); the first one when none matches. */
    public void selectPanelOnStart(String title) {
        startPanel = title;
    }

    /** The run's timeline under the toolbar. */
    public dev.scalelab.ui.timeline.TimelineBar timelineBar() {
        return timelineBar;
    }

    /** The number of the newest frame handed to the panels. FX thread. */
    public long shownFrame() {
        return shownFrame;
    }

    /** Puts the keyboard focus on the navigation list, where Space, → and the arrows act on the window. */
    public void focusNavigation() {
        panelList.requestFocus();
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

    private final SidePanes sidePanes = new SidePanes();

    @Override
    public javafx.beans.property.BooleanProperty navigationShownProperty() {
        return sidePanes.navigationShown;
    }

    @Override
    public javafx.beans.property.BooleanProperty parametersShownProperty() {
        return sidePanes.parametersShown;
    }

    @Override
    public javafx.beans.property.BooleanProperty bottomShownProperty() {
        return sidePanes.bottomShown;
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
        if (namedPanels.add(panel.title())) {
            AccessibleTexts.fill(panel.view());
            AccessibleTexts.fill(panel.charts());
            AccessibleTexts.fill(own);
        }
        if (own == null && namedPanels.add("")) {
            AccessibleTexts.fill(parameters.node()); // the general parameters, once
        }
        // A panel drawn for the first time gets the newest frame at once, not on the next one.
        shownFrame = -1;
        compare.panelShown(panel); // in compare mode, variant B's copy beside it
        if (annotations != null) {
            annotations.panelChanged();
        }
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

    /** Calls {@code action} once, on the first pulse after the panel's first frame was drawn. */
    public void onFirstContent(Runnable action) {
        assert FxThread.isCurrent();
        firstContent = action;
    }

    /** The frame meter fed by this window's pulses. */
    public FrameMeter frameMeter() {
        assert FxThread.isCurrent();
        return frameMeter;
    }

    private void onPulse(long nowNanos) {
        assert FxThread.isCurrent();
        frameMeter.record(nowNanos);
        runner.frameShown(nowNanos);
        Panel panel = panelList.getSelectionModel().getSelectedItem();
        Frame frame = runner.latest();
        if (frame.status().frame() != shownFrame) {
            shownFrame = frame.status().frame();
            viewModel.update(frame);
            timelineBar.update(frame);
            parameters.update(frame.snapshot().current());
            compare.update(panel, frame, nowNanos); // the panel's frame; in compare mode, B's to its copy
            annotations.show(frame, panel);
        }
        if (lessons != null) {
            lessons.onPulse();
        }
        compare.animate(panel, nowNanos);
        if (contentDrawn && firstContent != null) {
            Runnable r = firstContent;
            firstContent = null;
            r.run();
        }
        contentDrawn |= panel != null && shownFrame >= 0;
        if (nowNanos - frameRateShownNanos >= FRAME_RATE_REFRESH_NANOS) {
            frameRateShownNanos = nowNanos;
            viewModel.showFrameRate(frameMeter);
        }
    }

    // ------------------------------------------------------------------ toolbar

    @FXML
    void togglePlay() {
        viewModel.togglePlay();
    }

    @FXML
    void step() {
        viewModel.step();
    }

    @FXML
    void reset() {
        viewModel.reset();
    }

    void open() {
        files.openScenario(() -> presetChoice.setValue(null));
    }

    void save() {
        files.saveScenario();
    }

    /** Lessons → Open lesson file…: a lesson someone wrote starts as the shipped ones do. */
    void openLessonFile() {
        files.openLesson(this::startLesson);
    }

    private Window window() {
        return panelHost.getScene().getWindow();
    }

    // ------------------------------------------------------------------ menus, keys, teaching

    private final java.util.Set<String> namedPanels = new java.util.HashSet<>();
    private final WindowFiles files;
    // What Ctrl+E and Quit do; tests put recorders in their place (a dialog, the toolkit's exit).
    private Runnable exportDialog = () -> exportWith(dev.scalelab.ui.export.ExportActions::showDialog);
    private Runnable exit = () -> WindowDialogs.closeThenExit(window());
    private HelpOverlay help;
    private PresetNotes notes;
    private FrameAnnotations annotations;
    private BreakpointMenu breakpointMenu;
    private WindowMenus menus;
    /** Built when first used, so that start-up does not build them. */
    private dev.scalelab.ui.export.ExportActions exports;
    private dev.scalelab.ui.lesson.LessonController lessons;
    private dev.scalelab.ui.look.PresenterMode presenter;
    private dev.scalelab.ui.compare.CompareMode compare;

    private void initializeTeaching() {
        help = new HelpOverlay(overlay);
        notes = new PresetNotes(infoStrip);
        notes.show(runner.latest().snapshot().current());
        annotations = new FrameAnnotations(notes, viewModel, logList);
        breakpointMenu = new BreakpointMenu(breakpointButton, runner::setBreakpoints,
                () -> runner.latest().snapshot().current().dependencies().stream()
                        .map(dev.scalelab.world.Scenario.Dependency::name).toList(),
                this::window);
        menus = new WindowMenus(this);
        menus.fill(menuBar, panels, notes.shownProperty());

        modifiedMark.visibleProperty().bind(viewModel.modifiedProperty());
        modifiedMark.managedProperty().bind(modifiedMark.visibleProperty());
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
        breakpointBanner.textProperty().bind(viewModel.breakpointTextProperty());
        breakpointBanner.visibleProperty().bind(viewModel.breakpointTextProperty().isNotEmpty());
        breakpointBanner.managedProperty().bind(breakpointBanner.visibleProperty());
        windowStack.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::onKey);
            }
        });
    }

    /** The window's one key handler: every shortcut of {@link Shortcuts}, and Esc on the help card. */
    private void onKey(javafx.scene.input.KeyEvent event) {
        if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE && help.isShowing()) {
            help.hide();
            event.consume();
            return;
        }
        javafx.scene.Scene scene = windowStack.getScene();
        Shortcuts.Action action = Shortcuts.actionFor(event, scene == null ? null : scene.getFocusOwner(),
                lessons != null && lessons.activeProperty().get());
        if (action != null) {
            event.consume();
            perform(action);
        }
    }

    /** Does what the help overlay says {@code action}'s key does. */
    private void perform(Shortcuts.Action action) {
        assert FxThread.isCurrent();
        if (action.panelIndex() >= 0) {
            selectPanel(action.panelIndex());
            return;
        }
        switch (action) {
            case PLAY_PAUSE -> togglePlay();
            case STEP -> step();
            case FASTER -> viewModel.faster();
            case SLOWER -> viewModel.slower();
            case OPEN -> open();
            case SAVE -> save();
            case EXPORT -> export();
            case UNDO -> undo();
            case REDO -> redo();
            case HELP -> toggleHelp();
            case PRESENTER -> togglePresenter();
            case QUIT -> quit();
            // Only while a lesson is open (Shortcuts.actionFor); each does nothing while a step runs or seeks.
            case LESSON_NEXT -> lessons.next();
            case LESSON_BACK -> lessons.back();
            default -> throw new IllegalStateException("no action for " + action);
        }
    }

    SimulationRunner runner() {
        return runner;
    }

    MainWindowViewModel viewModel() {
        return viewModel;
    }

    /** Shows the panel at {@code index} of the navigation list, if there is one. */
    void selectPanel(int index) {
        if (index >= 0 && index < panelList.getItems().size()) {
            panelList.getSelectionModel().select(index);
        }
    }

    /** The F1 card. */
    HelpOverlay help() {
        return help;
    }

    void toggleHelp() {
        help.toggle();
    }

    @FXML
    void undo() {
        viewModel.undo();
    }

    @FXML
    void redo() {
        viewModel.redo();
    }

    /** Starts the scenario again as it was loaded, after a confirmation when the user changed it. */
    void revert() {
        if (!viewModel.modifiedProperty().get() || WindowDialogs.confirmRevert(window(), viewModel.scenarioLabelProperty().get())) {
            viewModel.revert();
        }
    }

    /** Ctrl+E: the export dialog. */
    void export() {
        exportDialog.run();
    }

    /** For tests: what Open, Save, Export and Quit do in place of dialogs and the toolkit's exit. */
    void replaceDialogs(java.util.function.Function<FileChooser, File> open, java.util.function.Function<FileChooser, File> save,
                        Runnable export, Runnable quit) {
        files.replaceDialogs(open, save);
        exportDialog = export;
        exit = quit;
    }

    /** Runs one export, building the exports on first use. */
    void exportWith(java.util.function.Consumer<dev.scalelab.ui.export.ExportActions> action) {
        try {
            if (exports == null) {
                exports = new dev.scalelab.ui.export.ExportActions(window(), runner, this::currentPanel, () -> windowStack,
                        () -> viewModel.scenarioLabelProperty().get(), viewModel::showMessage);
            }
            action.accept(exports);
        } catch (RuntimeException e) {
            viewModel.showMessage("Export failed: " + MainWindowViewModel.rootMessage(e));
        }
    }

    /** Starts {@code lesson}, building the lesson controller on first use. */
    void startLesson(dev.scalelab.lesson.Lesson lesson) {
        try {
            if (lessons == null) {
                lessons = new dev.scalelab.ui.lesson.LessonController(runner, this);
                lessons.activeProperty().addListener((obs, was, active) -> notes.setLessonActive(active));
            }
            lessons.start(lesson);
            viewModel.lessonStarted(lesson.start(), "lesson: " + lesson.title());
        } catch (RuntimeException e) {
            lessons = null;
            viewModel.showMessage("The lesson did not start: " + MainWindowViewModel.rootMessage(e));
        }
    }

    /** Lists the lessons in the Lessons menu; called once they were read (off the FX thread). */
    public void showLessons(List<dev.scalelab.lesson.Lesson> all) {
        assert FxThread.isCurrent();
        menus.showLessons(menuBar, all);
    }

    @FXML
    void togglePresenter() {
        presenter().toggle();
        presenterToggle.setSelected(presenter.activeProperty().get()); // a click flipped it already; F11 did not
    }

    private dev.scalelab.ui.look.PresenterMode presenter() {
        if (presenter == null) {
            presenter = new dev.scalelab.ui.look.PresenterMode((javafx.stage.Stage) window(), this);
            // Not bound: a click sets the button's own state. Esc leaving full screen ends the mode too.
            presenter.activeProperty().addListener((obs, was, active) -> presenterToggle.setSelected(active));
        }
        return presenter;
    }

    /** Presenter mode, or null until it was first used. */
    public dev.scalelab.ui.look.PresenterMode presenterMode() {
        return presenter;
    }

    /** Opens the "Pause when…" dialog. */
    void addBreakpoint() {
        breakpointMenu.showAddDialog();
    }

    void seedBands() {
        dev.scalelab.ui.seeds.Experiments.seedBands(window(), runner, viewModel);
    }

    /** Run › Compare designs…; the compare mode it starts shows in every panel. */
    void compareDesigns() {
        compare.showDialog();
    }

    void sweep() {
        dev.scalelab.ui.seeds.Experiments.sweep(window(), runner, viewModel);
    }

    public BreakpointMenu breakpointMenu() {
        return breakpointMenu;
    }

    /** The conditions the user set under "Pause when…": a lesson's breakpoint step keeps them beside its own. */
    @Override
    public List<dev.scalelab.world.Breakpoint> userBreakpoints() {
        return breakpointMenu == null ? List.of() : List.copyOf(breakpointMenu.breakpoints());
    }

    void quit() {
        exit.run();
    }

    void about() {
        WindowDialogs.about(window());
    }

    private void showFailure(String trace) {
        WindowDialogs.showFailure(window(), trace);
    }
}
