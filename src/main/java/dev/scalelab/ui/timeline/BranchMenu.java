package dev.scalelab.ui.timeline;

import dev.scalelab.runtime.Branch;
import dev.scalelab.runtime.Branches;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.seeds.BranchCompareViewModel;
import dev.scalelab.ui.seeds.BranchCompareWindow;
import dev.scalelab.world.ScenarioFiles;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * "Branch: main ▾" at the right of the timeline bar: the run's branches (a fork is made when the
 * user changes something at a moment they went back to), each with Switch to, Rename…, Delete…,
 * Save as scenario… and Compare with parent…. FX thread only.
 */
public final class BranchMenu extends MenuButton {
    private final SimulationRunner runner;
    private long shownVersion = -1;
    private double nowSeconds;
    private Consumer<String> say = text -> { };
    // Tests put a recorder in the save dialog's place (a native file dialog cannot be driven headless).
    private Function<FileChooser, File> saveDialog = chooser -> chooser.showSaveDialog(window());
    private BranchCompareWindow lastCompare;

    public BranchMenu(SimulationRunner runner) {
        this.runner = runner;
        setId("branchMenu");
        getStyleClass().add("branch-menu");
        setTooltip(new Tooltip("The branches of this run. Go back on the timeline and change something: the change makes a "
                + "new branch from that moment, without your later changes; the branch you left stays, to switch back to or "
                + "compare with."));
        setAccessibleText("Branches of the run");
        setOnShowing(e -> rebuild());
        rebuild();
    }

    /** Where the menu says what it did (the status bar). */
    public void setOnMessage(Consumer<String> say) {
        this.say = say;
    }

    /** For tests: what the save dialog returns in place of asking. */
    public void replaceSaveDialog(Function<FileChooser, File> dialog) {
        saveDialog = dialog;
    }

    /** The Compare window opened last, or null (tests). */
    public BranchCompareWindow lastCompare() {
        return lastCompare;
    }

    /** A frame from the runner: the label follows the current branch. */
    void update(Frame frame) {
        assert FxThread.isCurrent();
        nowSeconds = frame.snapshot().timeSeconds();
        Branches.View view = runner.branches();
        if (view != null && view.version() != shownVersion) {
            shownVersion = view.version();
            setText("Branch: " + view.current().name());
            if (isShowing()) {
                rebuild();
            }
        }
    }

    private void rebuild() {
        Branches.View view = runner.branches();
        if (view == null) {
            return;
        }
        setText("Branch: " + view.current().name());
        List<MenuItem> items = new ArrayList<>();
        for (Branch b : view.branches()) {
            items.add(branchItems(view, b));
        }
        Branch current = view.current();
        MenuItem compare = item("Compare " + current.name() + " with its parent…", "compareCurrent", () -> compare(current.id()));
        compare.setDisable(view.parentOf(current) == null);
        MenuItem save = item("Save " + current.name() + " as scenario…", "saveCurrent", () -> save(current.id()));
        items.add(new SeparatorMenuItem());
        items.add(compare);
        items.add(save);
        if (view.branches().size() == 1) {
            MenuItem hint = new MenuItem("Go back on the timeline and change something to make a branch");
            hint.setDisable(true);
            items.add(hint);
        }
        getItems().setAll(items);
    }

    private Menu branchItems(Branches.View view, Branch b) {
        boolean current = b.id() == view.currentId();
        Branch parent = view.parentOf(b);
        String where = b.isRoot() ? "as loaded" : "from " + Branches.clock(b.forkSeconds()) + " of " + (parent == null ? "?" : parent.name());
        Menu m = new Menu((current ? "● " : "") + b.name() + "  (" + where + ")");
        m.setId("branch-" + b.id());
        MenuItem switchTo = item("Switch to", "switch-" + b.id(), () -> switchTo(b.id()));
        switchTo.setDisable(current);
        MenuItem rename = item("Rename…", "rename-" + b.id(), () -> rename(b));
        MenuItem delete = item("Delete…", "delete-" + b.id(), () -> delete(b));
        delete.setDisable(current || b.isRoot());
        MenuItem save = item("Save as scenario…", "save-" + b.id(), () -> save(b.id()));
        MenuItem compare = item("Compare with parent…", "compare-" + b.id(), () -> compare(b.id()));
        compare.setDisable(parent == null);
        m.getItems().setAll(switchTo, rename, delete, save, compare);
        return m;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setMnemonicParsing(false);
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Goes to the same moment on branch {@code id}, or to the furthest it got when that is earlier. */
    public CompletableFuture<Frame> switchTo(int id) {
        assert FxThread.isCurrent();
        CompletableFuture<Frame> arrived = runner.switchBranch(id, nowSeconds);
        arrived.whenComplete((f, error) -> Platform.runLater(() -> {
            Branches.View view = runner.branches();
            Branch b = view == null ? null : view.byId(id);
            say.accept(error != null ? "Not switched: " + root(error)
                    : "On branch " + (b == null ? id : b.name()) + " at " + Branches.clock(f.snapshot().timeSeconds()));
        }));
        return arrived;
    }

    private void rename(Branch b) {
        TextInputDialog dialog = new TextInputDialog(b.name());
        dialog.initOwner(window());
        dialog.setTitle("Rename branch");
        dialog.setHeaderText("A name for " + b.name() + " (at most " + Branches.MAX_NAME_LENGTH + " characters)");
        dialog.showAndWait().ifPresent(name -> runner.renameBranch(b.id(), name).whenComplete((v, error) -> Platform.runLater(() -> {
            if (error != null) {
                error("The branch was not renamed", root(error));
            } else {
                say.accept("Renamed " + b.name() + " to " + v.byId(b.id()).name());
            }
        })));
    }

    private void delete(Branch b) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Its changes are gone unless you saved it as a scenario. Its forks stay, as forks of its parent.");
        confirm.initOwner(window());
        confirm.setHeaderText("Delete branch " + b.name() + "?");
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        runner.deleteBranch(b.id()).whenComplete((v, error) -> Platform.runLater(() -> {
            if (error != null) {
                error("The branch was not deleted", root(error));
            } else {
                say.accept("Deleted branch " + b.name());
            }
        }));
    }

    /** Saves branch {@code id} as a scenario file: the scenario as loaded, the branch's changes on its timeline at their moments. */
    public void save(int id) {
        assert FxThread.isCurrent();
        Branch b = runner.branches().byId(id);
        if (b == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save branch " + b.name() + " as scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ScaleLab scenario (*.json)", "*.json"));
        chooser.setInitialFileName(b.name().replaceAll("[^A-Za-z0-9 ._-]", "_") + ".json");
        File file = saveDialog.apply(chooser);
        if (file == null) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                ScenarioFiles.writeAtomically(file.toPath(), ScenarioFiles.write(b.scenario()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).whenComplete((v, error) -> Platform.runLater(() -> {
            if (error != null) {
                error("The branch was not saved", root(error));
            } else {
                say.accept("Saved branch " + b.name() + " to " + file);
            }
        }));
    }

    /**
     * Opens the comparison of branch {@code id} with its parent: both re-run to the later of the
     * moments they reached (the current branch has reached at least the moment shown).
     */
    public void compare(int id) {
        assert FxThread.isCurrent();
        Branches.View view = runner.branches();
        Branch b = view.byId(id);
        Branch parent = b == null ? null : view.parentOf(b);
        if (parent == null) {
            return;
        }
        double at = Math.max(reached(view, b), reached(view, parent));
        lastCompare = new BranchCompareWindow(window(), new BranchCompareViewModel(parent.name(), parent.scenario(), b.name(),
                b.scenario(), Math.min(at, b.base().durationSeconds())));
        lastCompare.show();
    }

    private double reached(Branches.View view, Branch b) {
        double r = Math.max(b.forkSeconds(), b.reachedSeconds());
        return b.id() == view.currentId() ? Math.max(r, nowSeconds) : r;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void error(String header, String problem) {
        Alert a = new Alert(Alert.AlertType.ERROR, problem);
        a.initOwner(window());
        a.setHeaderText(header);
        a.show();
    }

    private static String root(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.toString() : r.getMessage();
    }
}
