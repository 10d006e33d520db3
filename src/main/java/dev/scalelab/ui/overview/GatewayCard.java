package dev.scalelab.ui.overview;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.FxThread;
import dev.scalelab.world.GatewayView;
import dev.scalelab.world.GatewayView.ClientView;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;

/**
 * The Overview's API gateway card, shown only for a scenario with a gateway: per client, a compact
 * bar of what it let through, limited (429) and shed (503) in the last whole virtual second, with
 * the numbers beside it, and the load shedder's state with its reason. Bars are scaled to the
 * busiest client, so an abusive client's mostly-amber bar stands out beside the others.
 *
 * <p>Its nodes are made once per set of clients; a frame only sets widths and texts, and only when
 * the second they show has changed. The look is {@code styles/overview.css} ({@code .gateway-card}).
 * FX thread only.
 */
public final class GatewayCard extends HBox {
    private static final PseudoClass SHEDDING = PseudoClass.getPseudoClass("shedding");
    /** The bar's full width, for the busiest client. */
    static final double BAR_WIDTH = 160;

    private final Label shedderState = new Label();
    private final GridPane rows = new GridPane();
    private final List<Row> clientRows = new ArrayList<>();
    private GatewayView shown;

    public GatewayCard() {
        getStyleClass().add("gateway-card");
        Label title = new Label("API gateway");
        title.getStyleClass().add("gateway-title");
        shedderState.getStyleClass().add("gateway-shedder");
        shedderState.setId("gatewayShedder");
        shedderState.setWrapText(true);
        Label legend = new Label("per second: admitted · limited (429) · shed (503)");
        legend.getStyleClass().add("gateway-legend");
        VBox side = new VBox(title, shedderState, legend);
        side.getStyleClass().add("gateway-side");
        rows.getStyleClass().add("gateway-rows");
        HBox.setHgrow(rows, Priority.ALWAYS);
        getChildren().addAll(side, rows);
        setAlignment(Pos.CENTER_LEFT);
        setMinHeight(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip("Each client's requests in the last virtual second: let through to the balancer, refused "
                + "over a rate limit (HTTP 429), or shed because the service was overloaded (HTTP 503, lowest priority "
                + "first). Bars are scaled to the busiest client.");
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(this, tip);
    }

    /** Shows {@code view}, or hides the card when it is null (no gateway). */
    public void show(GatewayView view) {
        assert FxThread.isCurrent();
        boolean visible = view != null;
        if (isVisible() != visible) {
            setVisible(visible);
            setManaged(visible);
        }
        if (view == null || sameSecond(view)) {
            return;
        }
        if (shown == null || shown.clients().size() != view.clients().size()) {
            rebuild(view.clients());
        }
        double busiest = 1;
        for (ClientView c : view.clients()) {
            busiest = Math.max(busiest, c.admittedPerSecond() + c.limitedPerSecond() + c.shedPerSecond());
        }
        for (int i = 0; i < clientRows.size(); i++) {
            clientRows.get(i).show(view.clients().get(i), BAR_WIDTH / busiest);
        }
        boolean shedding = view.admittedDownTo() < 2;
        shedderState.pseudoClassStateChanged(SHEDDING, shedding);
        shedderState.setText("none".equals(view.shedding()) || view.shedderReason().isEmpty()
                ? "no load shedding" : view.shedderReason());
        shown = view;
    }

    /** Whether {@code view} shows the same second as the one shown: its per-second counts and totals are unchanged. */
    private boolean sameSecond(GatewayView view) {
        if (shown == null || shown.clients().size() != view.clients().size() || shown.limited() != view.limited()
                || shown.shed() != view.shed() || !shown.shedderReason().equals(view.shedderReason())) {
            return false;
        }
        for (int i = 0; i < view.clients().size(); i++) {
            ClientView a = shown.clients().get(i);
            ClientView b = view.clients().get(i);
            if (a.admittedPerSecond() != b.admittedPerSecond() || a.limitedPerSecond() != b.limitedPerSecond()
                    || a.shedPerSecond() != b.shedPerSecond()) {
                return false;
            }
        }
        return true;
    }

    private void rebuild(List<ClientView> clients) {
        rows.getChildren().clear();
        clientRows.clear();
        for (int i = 0; i < clients.size(); i++) {
            Row row = new Row(clients.get(i));
            rows.addRow(i, row.name, row.priority, row.bar, row.numbers);
            clientRows.add(row);
        }
    }

    /** The client row's numbers as drawn: "75 · 900 · 0". */
    static String numbers(ClientView c) {
        return Formats.count(c.admittedPerSecond()) + " · " + Formats.count(c.limitedPerSecond()) + " · "
                + Formats.count(c.shedPerSecond());
    }

    /** One client: its name, its priority, the three-part bar and the numbers. */
    private static final class Row {
        final Label name = new Label();
        final Label priority = new Label();
        final HBox bar = new HBox();
        final Region admitted = new Region();
        final Region limited = new Region();
        final Region shed = new Region();
        final Label numbers = new Label();

        Row(ClientView client) {
            name.setText(client.name());
            name.getStyleClass().add("gateway-client");
            priority.setText(client.priority());
            priority.getStyleClass().addAll("gateway-priority", "priority-" + client.priority());
            admitted.getStyleClass().addAll("gateway-bar-part", "gateway-admitted");
            limited.getStyleClass().addAll("gateway-bar-part", "gateway-limited");
            shed.getStyleClass().addAll("gateway-bar-part", "gateway-shed");
            bar.getChildren().addAll(admitted, limited, shed);
            bar.getStyleClass().add("gateway-bar");
            bar.setMinWidth(BAR_WIDTH);
            bar.setPrefWidth(BAR_WIDTH);
            bar.setMaxWidth(BAR_WIDTH);
            numbers.getStyleClass().add("gateway-numbers");
            numbers.setMinWidth(Region.USE_PREF_SIZE);
        }

        void show(ClientView c, double pxPerRequest) {
            width(admitted, c.admittedPerSecond() * pxPerRequest);
            width(limited, c.limitedPerSecond() * pxPerRequest);
            width(shed, c.shedPerSecond() * pxPerRequest);
            numbers.setText(numbers(c));
        }

        private static void width(Region part, double px) {
            part.setMinWidth(px);
            part.setPrefWidth(px);
            part.setMaxWidth(px);
        }
    }
}
