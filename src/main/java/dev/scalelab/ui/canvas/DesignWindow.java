package dev.scalelab.ui.canvas;

import dev.scalelab.design.DesignCheck;
import dev.scalelab.world.network.NetworkSnapshot;
import dev.scalelab.design.Mermaid;
import dev.scalelab.ui.look.Appearance;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Topology;
import javafx.animation.AnimationTimer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * Run ▸ Design canvas…: draw a system from the palette's components, connect them, set each node's
 * and edge's parameters in the inspector, and see what the design still lacks in the problems list.
 * Delete, undo/redo, copy/paste/duplicate, auto-layout, zoom/pan/fit and a minimap; New, Open, Save
 * and Save as of scenario files with a topology, import of a Mermaid flowchart and export as Mermaid,
 * PNG and SVG. FX thread only.
 */
public final class DesignWindow {
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private final Stage stage = new Stage();
    private final DesignEditor editor = new DesignEditor();
    private final Label statusLine = new Label();
    private final DesignView view;
    /** Repaints the canvas in a new theme; taken off the app's one appearance when the window closes. */
    private final javafx.beans.InvalidationListener themeChanged;
    private final DesignMinimap minimap;
    private final DesignInspector inspector;
    private final DesignFiles files;
    private final ListView<DesignCheck.Problem> problems = new ListView<>();
    private final DesignInsights insights;
    private DesignPlannerDialog planner;
    private final DesignRunControls run;
    /** The selected box's figures over the run, above the inspector while a run is on. */
    private final NodeTrends trends = new NodeTrends();
    private final NodeTrendsView trendsView = new NodeTrendsView(trends);
    /** The run the trends were taken from: another one starts them over. */
    private dev.scalelab.runtime.DesignRun trendsRun;
    private final AnimationTimer frames;
    /** What the running boxes decide, beside the insights. */
    private final DesignDecisions decisions = new DesignDecisions(node -> {
        if (editor.topology().node(node) != null) {
            editor.select(List.of(node));
        }
    });
    /** A running box's faults, from its menu. */
    private final DesignFaults faults;
    /** The link from a box to its pattern panel in the main window. */
    private final DesignPanels panels;
    /** Takes the design for grading and says null, or why it did not; null outside a challenge. */
    private Function<Scenario, String> submission;
    /** The challenge this canvas answers, beside its Submit button; hidden outside a challenge. */
    private final Label challengeLabel = new Label();
    private final HBox challengeBar = new HBox(8);
    private final Button submitButton = button("Submit for grading", "designSubmit",
            "Grade this drawing against the challenge: the Practice panel runs it with the hidden incidents on several "
                    + "seeds and shows the verdict.", this::submit);

    public DesignWindow(Window owner) {
        if (owner != null) {
            stage.initOwner(owner);
        }
        view = new DesignView(editor, this::say);
        minimap = new DesignMinimap(view);
        inspector = new DesignInspector(editor, this::say);
        files = new DesignFiles(editor, stage, this::say);
        run = new DesignRunControls(editor, this::say);
        faults = new DesignFaults(this::give, this::say);
        DesignPalette palette = new DesignPalette(view::addInView);
        insights = new DesignInsights(i -> {
            if (!i.node().isEmpty() && editor.topology().node(i.node()) != null) {
                editor.select(List.of(i.node()));
                // The link leads to the moment too: where it began, on the box's lines over the run.
                trendsView.mark(i.node(), i.sinceSeconds(), i.kind().label());
            }
        });

        statusLine.setId("designStatus");
        statusLine.getStyleClass().add("design-status");
        statusLine.setMaxWidth(Double.MAX_VALUE);
        problems.setId("designProblems");
        problems.getStyleClass().add("design-problems");
        problems.setCellFactory(list -> new ProblemCell());
        Label noProblems = new Label("No problems: the design can run.");
        noProblems.getStyleClass().add("design-note");
        problems.setPlaceholder(noProblems);
        problems.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !now.node().isEmpty() && editor.topology().node(now.node()) != null) {
                editor.select(List.of(now.node()));
            }
        });
        Label problemsTitle = new Label("Problems");
        problemsTitle.getStyleClass().add("parameter-section");
        VBox problemsBox = new VBox(problemsTitle, problems);
        // Problems (what the drawing lacks) beside insights (what the running design shows), half the width each.
        // and the decisions the running boxes make (why it does what it does), a third each.
        javafx.scene.layout.HBox lists = new javafx.scene.layout.HBox(12, problemsBox, insights, decisions);
        for (Region r : List.of(problemsBox, insights, decisions)) {
            HBox.setHgrow(r, Priority.ALWAYS);
            r.setPrefWidth(0);
        }
        VBox bottom = new VBox(lists, statusLine);
        bottom.getStyleClass().add("design-bottom");

        StackPane centre = new StackPane(view, minimap.node());
        StackPane.setAlignment(minimap.node(), Pos.BOTTOM_RIGHT);
        centre.getStyleClass().add("design-centre");
        centre.setMinSize(0, 0);

        // A challenge's canvas has a row of its own under the toolbar: which challenge, and the way to submit.
        challengeLabel.setId("designChallenge");
        challengeLabel.getStyleClass().add("design-challenge");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        challengeBar.getChildren().addAll(challengeLabel, gap, submitButton);
        challengeBar.getStyleClass().add("design-challenge-bar");
        challengeBar.setVisible(false);
        challengeBar.setManaged(false);
        VBox top = new VBox(menus(), toolbar(), challengeBar);
        VBox right = new VBox(trendsView, inspector.node());
        VBox.setVgrow(inspector.node(), Priority.ALWAYS);
        right.getStyleClass().add("design-right");
        trendsView.show(null);
        BorderPane root = new BorderPane(centre, top, right, bottom, palette.node());
        root.getStyleClass().add("design-window");
        // Most of the screen, never past it (a headless test screen is small).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(scene(root, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight())));
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setOnCloseRequest(e -> {
            if (!files.mayDiscard("Close the design canvas")) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> close());

        editor.onChange(this::designChanged);
        panels = new DesignPanels(editor, stage, this::say, () -> run.current());
        view.setOnOpenNode(this::openNode);
        view.setOnNodeMenu((node, x, y) -> faults.show(stage, editor.topology(),
                editor.topology().node(node), run.latest(), x, y));
        themeChanged = obs -> view.invalidate();
        Appearance.get().themeProperty().addListener(themeChanged);
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        designChanged();
        say("Drag a component from the palette, or double-click it.", false);
    }

    /** A scene with the app's and the canvas's stylesheets and the current theme and font size. */
    static Scene scene(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        for (String sheet : new String[] {"/styles/app.css", "/styles/design.css"}) {
            scene.getStylesheets().add(DesignWindow.class.getResource(sheet).toExternalForm());
        }
        Appearance.get().install(scene);
        return scene;
    }

    /** Opens a new canvas window over {@code owner}. */
    public static DesignWindow open(Window owner) {
        DesignWindow w = new DesignWindow(owner);
        w.show();
        return w;
    }

    public void show() {
        stage.show();
        stage.toFront();
        stage.requestFocus();
        frames.start();
        view.fit();
    }

    /** Opens {@code file} in this window; false (with the reason in the status line) when it cannot. */
    public boolean openFile(Path file) {
        boolean opened = files.open(file);
        if (opened) {
            view.fit();
        }
        return opened;
    }

    public Stage stage() {
        return stage;
    }

    /** The drawing and its history: what another window that opened this canvas reads or changes. */
    public DesignEditor editor() {
        return editor;
    }

    DesignView view() {
        return view;
    }

    DesignFiles files() {
        return files;
    }

    DesignRunControls run() {
        return run;
    }

    /** The way to the pattern panels, and the window of a service open in one. */
    DesignPanels panels() {
        return panels;
    }

    /** The line under the lists that says what just happened. */
    public Label statusLine() {
        return statusLine;
    }

    private void close() {
        frames.stop();
        Appearance.get().themeProperty().removeListener(themeChanged); // the app's one appearance would keep this window
        panels.closeNodeWindows();
        run.stop();
    }

    private void frame(long nanos) {
        run.frame(view, nanos / 1e9);
        NetworkSnapshot latest = run.latest();
        if (run.current() != trendsRun) {
            trendsRun = run.current();
            trends.clear();
            trendsView.mark(null, 0, null);
            trendsView.pointsChanged();
        }
        if (latest != null && trends.take(latest)) {
            trendsView.pointsChanged();
        }
        trendsView.show(trendsRun == null ? null : editor.selectedNode());
        trendsView.paintIfNeeded();
        insights.show(latest == null ? List.of() : latest.insights(), latest != null);
        decisions.show(latest);
        String refused = run.current() == null ? null : run.current().takeRefusal();
        if (refused != null) {
            say("A fault was not run: " + refused, true);
        }
        if (view.paintIfNeeded()) {
            minimap.paint();
        }
    }

    /** Gives a fault from a box's menu to the run; refused, naming the field, when it cannot take it. */
    private void give(Scenario.TimelineEntry e) {
        dev.scalelab.runtime.DesignRun current = run.current();
        if (current == null) {
            throw new dev.scalelab.world.ScenarioException("command", "the design is not running");
        }
        current.command(e);
    }

    private void say(String text, boolean refused) {
        statusLine.setText(text);
        statusLine.pseudoClassStateChanged(REFUSED, refused);
    }

    private void designChanged() {
        List<DesignCheck.Problem> now = DesignCheck.problems(editor.design());
        if (!now.equals(problems.getItems())) {
            problems.getItems().setAll(now);
        }
        run.designChanged(now);
        stage.setTitle("Design canvas — " + files.name() + (editor.isModified() ? " •" : ""));
    }

    // ---------------------------------------------------------------- menus and keys

    private MenuBar menus() {
        Menu file = new Menu("_File");
        file.getItems().addAll(item("_New design", "Ctrl+N", files::newDesign), item("_Open…", "Ctrl+O", this::openChosen),
                item("_Save", "Ctrl+S", files::save), item("Save _as…", null, files::saveAs), new SeparatorMenuItem(),
                item("_Import Mermaid…", null, this::importMermaid), item("Export as _Mermaid…", null, files::exportMermaid),
                item("Export as _PNG…", null, () -> files.exportPng(view.snapshot(null, null))),
                item("Export as S_VG…", null, files::exportSvg), new SeparatorMenuItem(),
                item("Save the _run (its faults and changes)…", null, () -> files.saveRun(run.current())), new SeparatorMenuItem(),
                item("_Close", "Ctrl+W", () -> {
                    if (files.mayDiscard("Close the design canvas")) {
                        stage.hide();
                    }
                }));
        Menu edit = new Menu("_Edit");
        MenuItem undo = item("_Undo", "Ctrl+Z", editor::undo);
        MenuItem redo = item("_Redo", "Ctrl+Y", editor::redo);
        undo.setId("designUndoItem");
        redo.setId("designRedoItem");
        edit.setOnShowing(e -> {
            undo.setDisable(!editor.canUndo());
            redo.setDisable(!editor.canRedo());
        });
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), item("_Copy", "Ctrl+C", editor::copy),
                item("_Paste", "Ctrl+V", editor::paste), item("_Duplicate", "Ctrl+D", editor::duplicate),
                item("De_lete", "Delete", editor::deleteSelection), item("Select _all", "Ctrl+A", this::selectAll));
        Menu viewMenu = new Menu("_View");
        viewMenu.getItems().addAll(item("_Auto-layout", "Ctrl+L", this::layout), item("_Fit", "Ctrl+0", view::fit),
                item("Zoom _in", "Ctrl++", () -> zoom(1.25)), item("Zoom _out", "Ctrl+-", () -> zoom(0.8)));
        Menu design = new Menu("_Design");
        MenuItem plan = item("_Plan capacity…", null, this::planCapacity);
        plan.setId("designPlanItem");
        MenuItem report = item("Export _report (Markdown)…", null, this::exportReport);
        report.setId("designReportItem");
        design.setOnShowing(e -> {
            boolean runnable = DesignCheck.problems(editor.design()).isEmpty();
            plan.setDisable(!runnable);
            report.setDisable(!runnable);
        });
        design.getItems().addAll(plan, report);
        MenuBar bar = new MenuBar(file, edit, viewMenu, design);
        bar.setId("designMenuBar");
        return bar;
    }

    private ToolBar toolbar() {
        ToolBar bar = new ToolBar(button("Undo", "designUndo", "Undo the last edit (Ctrl+Z).", editor::undo),
                button("Redo", "designRedo", "Redo the edit undone (Ctrl+Y).", editor::redo),
                button("Delete", "designDelete", "Remove the selected boxes with their edges, or the selected edge (Delete).",
                        editor::deleteSelection),
                button("Duplicate", "designDuplicate", "Copy the selected boxes and the edges between them beside them (Ctrl+D).",
                        editor::duplicate),
                button("Auto-layout", "designLayout", "Place every box in layers, left to right as requests flow (Ctrl+L).",
                        this::layout),
                button("Fit", "designFit", "Zoom and pan so the whole design shows (Ctrl+0).", view::fit));
        bar.getItems().addAll(run.controls());
        submitButton.getStyleClass().add("design-submit");
        submitButton.setDefaultButton(false);
        bar.getStyleClass().add("design-toolbar");
        return bar;
    }

    private static Button button(String text, String id, String explanation, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(tooltip(explanation));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static MenuItem item(String text, String key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(true);
        item.setOnAction(e -> action.run());
        if (key != null) {
            item.setAccelerator(new dev.scalelab.ui.controls.ShownKey(key));
        }
        return item;
    }

    /** Opens the planner on the design as it is; its plan, applied, is one undo step. */
    void planCapacity() {
        run.stop();
        say("Planning capacity: the run is stopped while the planner runs its own.", false);
        planner = new DesignPlannerDialog(stage, editor.scenario(), planned -> {
            editor.applyWhole(planned);
            say("Plan applied: Undo (Ctrl+Z) takes it back.", false);
        });
        planner.show();
    }

    /** The planner opened last; null before. */
    DesignPlannerDialog planner() {
        return planner;
    }

    NodeTrendsView trendsView() {
        return trendsView;
    }

    DesignFaults faults() {
        return faults;
    }

    DesignDecisions decisions() {
        return decisions;
    }

    DesignInsights insights() {
        return insights;
    }

    /** Writes the design's Markdown report, its diagram as the canvas shows it, and its charts. */
    void exportReport() {
        Path md = files.chooseReport();
        if (md == null) {
            return;
        }
        say("Running the design to write its report…", false);
        // With the faults given to the run so far, at their moments: the report is of the run the user watched.
        Scenario reported = run.current() == null ? editor.scenario() : run.current().recordedScenario();
        DesignReportExport.export(reported, view.snapshot(null, null), md, text -> say(text, text.startsWith("Report not")));
    }

    private void openChosen() {
        files.open();
        view.fit();
    }

    private void layout() {
        editor.autoLayout();
        view.fit();
        say("Laid out in layers, left to right as requests flow.", false);
    }

    private void zoom(double factor) {
        view.zoomBy(factor, view.getWidth() / 2, view.getHeight() / 2);
    }

    private void selectAll() {
        editor.select(editor.topology().nodes().stream().map(Topology.Node::id).toList());
    }

    private void importMermaid() {
        new MermaidImportDialog(stage, this::imported).show();
    }

    /** Replaces the design by an imported one, laid out, as one undo step. */
    void imported(Mermaid.Imported imported) {
        editor.replace(DesignEditor.laidOut(Topology.DEFAULT.withDesign(imported.design())));
        view.fit();
        say("Imported " + imported.design().nodes().size() + " nodes and " + imported.design().edges().size() + " edges"
                + (imported.notes().isEmpty() ? "." : "; " + String.join("; ", imported.notes()) + "."), !imported.notes().isEmpty());
    }

    /** The window's keys; a text field keeps the ones it types with. */
    private void key(KeyEvent e) {
        boolean typing = stage.getScene().getFocusOwner() instanceof TextInputControl;
        boolean shortcut = e.isShortcutDown();
        Runnable action = null;
        if (shortcut && e.getCode() == KeyCode.Z && !typing) {
            action = e.isShiftDown() ? editor::redo : editor::undo;
        } else if (shortcut && e.getCode() == KeyCode.Y && !typing) {
            action = editor::redo;
        } else if (shortcut && e.getCode() == KeyCode.C && !typing) {
            action = editor::copy;
        } else if (shortcut && e.getCode() == KeyCode.V && !typing) {
            action = editor::paste;
        } else if (shortcut && e.getCode() == KeyCode.A && !typing) {
            action = this::selectAll;
        } else if (shortcut && e.getCode() == KeyCode.D) {
            action = editor::duplicate;
        } else if (shortcut && e.getCode() == KeyCode.L) {
            action = this::layout;
        } else if (shortcut && (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0)) {
            action = view::fit;
        } else if (shortcut && (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD)) {
            action = () -> zoom(1.25);
        } else if (shortcut && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
            action = () -> zoom(0.8);
        } else if (shortcut && e.getCode() == KeyCode.S) {
            action = files::save;
        } else if (shortcut && e.getCode() == KeyCode.O) {
            action = this::openChosen;
        } else if (shortcut && e.getCode() == KeyCode.N) {
            action = files::newDesign;
        } else if (shortcut && e.getCode() == KeyCode.W) {
            action = () -> {
                if (files.mayDiscard("Close the design canvas")) {
                    stage.hide();
                }
            };
        } else if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && !typing) {
            action = editor::deleteSelection;
        }
        if (action != null) {
            action.run();
            e.consume();
        }
    }

    /**
     * Opens a canvas on a challenge's system, drawn ({@code drawn}), titled {@code name} until it is
     * saved, with Submit for grading: {@code submit} takes the design and returns null, or why it did
     * not take it (a drawing of another shape, a grading already running), which the status line shows.
     */
    public static DesignWindow forChallenge(Window owner, String name, Scenario drawn, Function<Scenario, String> submit) {
        DesignWindow w = new DesignWindow(owner);
        w.files.startOn(drawn, name);
        w.submission = submit;
        w.challengeLabel.setText(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        w.challengeBar.setVisible(true);
        w.challengeBar.setManaged(true);
        String cannotRun = null;
        try {
            dev.scalelab.world.network.Network.check(drawn);
        } catch (dev.scalelab.world.ScenarioException e) {
            cannotRun = e.getMessage();
        }
        w.say("Draw your answer: change the boxes' settings in the inspector, add the parts it needs, then Submit for grading."
                + (cannotRun == null ? "" : " The canvas cannot run this system itself yet (" + cannotRun + "); the grader can."),
                false);
        return w;
    }

    /**
     * Lets a double-click on a box open its pattern panel in the main window: {@code open} starts the
     * drawing there (as its sections) and shows the panel of the given title.
     */
    public void setOpenInMain(BiConsumer<Scenario, String> open) {
        panels.openInMain = open;
    }

    /** Starts over on {@code drawing}, not saved anywhere yet, called {@code name} until it is; laid out to fit. */
    public void startOn(Scenario drawing, String name) {
        files.startOn(drawing, name);
        view.fit();
        say("Drawn from the main window's system: change it, grow it into another shape, or double-click a box to see it "
                + "in its pattern panel.", false);
    }

    /** Replaces the question asked before the main window's run starts over (a test answers it). */
    public void setConfirmOpenInMain(Function<String, Boolean> confirm) {
        panels.confirm = confirm;
    }

    /** Box {@code id}, double-clicked: see {@link DesignPanels#open}. */
    public void openNode(String id) {
        panels.open(id);
    }

    /** Hands the design to the challenge that opened this canvas; a design with problems is kept back, saying which. */
    void submit() {
        if (submission == null) {
            return;
        }
        List<DesignCheck.Problem> now = DesignCheck.problems(editor.design());
        if (!now.isEmpty()) {
            say("Not submitted: " + now.get(0).message(), true);
            return;
        }
        String refused = submission.apply(editor.scenario());
        say(refused == null ? "Submitted: the Practice panel grades this drawing on several seeds, with the hidden incidents, "
                + "and shows the verdict." : "Not submitted: " + refused, refused != null);
    }

    /**
     * Opens the canvas on a file over the whole screen, for a demo or a screenshot ({@code --design FILE}),
     * and with {@code run} starts its run at {@code speed} ({@code --run-design}).
     */
    public static void openOnStart(Window owner, Path file, boolean run, double speed) {
        DesignWindow w = new DesignWindow(owner);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        w.stage.setX(screen.getMinX());
        w.stage.setY(screen.getMinY());
        w.stage.setWidth(screen.getWidth());
        w.stage.setHeight(screen.getHeight());
        w.show();
        if (w.openFile(file) && run) {
            w.run.startAt(speed);
        }
    }

    /** A problem of the design, in one line; a click selects its node. */
    private static final class ProblemCell extends javafx.scene.control.ListCell<DesignCheck.Problem> {
        @Override
        protected void updateItem(DesignCheck.Problem p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.message());
            setWrapText(false);
        }
    }
}
