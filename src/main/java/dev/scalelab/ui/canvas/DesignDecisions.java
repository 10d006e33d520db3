package dev.scalelab.ui.canvas;

import dev.scalelab.world.network.NetworkSnapshot;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The running design's decision log: what each box decided and on which inputs (an autoscaler's
 * replicas from its utilisation, a breaker opening on its failure rate, a fault given from a box's
 * menu), newest at the bottom and kept in view unless the user scrolled up to read; choosing one
 * selects the box it names. Updated from the
 * snapshot only when a decision was made, so a quiet run costs nothing to show. FX thread only.
 */
final class DesignDecisions extends VBox {
    private static final String IDLE = "Run the design: what its boxes decide, and why, shows here.";
    private final ListView<String> list = new ListView<>();
    private final Label placeholder = new Label(IDLE);
    /** The decision count of what is shown; -1 before a run. */
    private long shownCount = -1;

    /** @param chosen told the node a chosen decision names (a line reads "12.345 s api: ..."; "network" names none) */
    DesignDecisions(java.util.function.Consumer<String> chosen) {
        Label title = new Label("Decisions");
        title.getStyleClass().add("parameter-section");
        list.setId("designDecisions");
        list.setPlaceholder(placeholder);
        // The main window's log look (compact, monospaced), at the height of the lists beside it.
        list.getStyleClass().addAll("design-problems", "log-list", "design-decisions");
        list.setCellFactory(v -> new DecisionCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            String node = now == null ? null : nodeOf(now);
            if (node != null) {
                chosen.accept(node);
            }
        });
        getChildren().addAll(title, list);
        setSpacing(4);
    }

    /** Shows the decisions of {@code live} (null: no run) if some were made since the last call. */
    void show(NetworkSnapshot live) {
        if (live == null) {
            if (shownCount != -1) {
                shownCount = -1;
                list.getItems().clear();
                placeholder.setText(IDLE);
            }
            return;
        }
        if (live.decisionCount() == shownCount) {
            return;
        }
        placeholder.setText("No decision yet: the boxes act when their inputs call for it.");
        boolean atEnd = shownCount < 0 || atBottom();
        shownCount = live.decisionCount();
        list.getItems().setAll(live.decisions());
        if (atEnd && !list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    /** Whether the newest line is in view (the list follows the log only then). */
    private boolean atBottom() {
        javafx.scene.control.ScrollBar bar = (javafx.scene.control.ScrollBar) list.lookup(".scroll-bar:vertical");
        return bar == null || !bar.isVisible() || bar.getValue() >= bar.getMax() - 1e-6;
    }

    /** The node a decision line names ("12.345 s api: ..." names api), or null. */
    static String nodeOf(String line) {
        int s = line.indexOf(" s ");
        int colon = s < 0 ? -1 : line.indexOf(": ", s + 3);
        return colon < 0 ? null : line.substring(s + 3, colon);
    }

    /** One line per decision, cut with an ellipsis where the column ends; the whole line is its tooltip. */
    private static final class DecisionCell extends javafx.scene.control.ListCell<String> {
        private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

        DecisionCell() {
            setPrefWidth(0); // cut at the list's width (with an ellipsis) instead of widening it
            whole.setWrapText(true);
            whole.setMaxWidth(600);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setWrapText(false);
            setText(empty || line == null ? null : line);
            whole.setText(line);
            setTooltip(empty || line == null ? null : whole);
        }
    }

    List<String> shown() {
        return List.copyOf(list.getItems());
    }
}
