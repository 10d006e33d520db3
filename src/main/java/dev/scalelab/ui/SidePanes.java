package dev.scalelab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * The window's side panes, which presenter mode and the View menu hide and show: the navigation on
 * the left, the parameters on the right, the charts and log below (whose divider comes back where it
 * was). FX thread only.
 */
final class SidePanes {
    final BooleanProperty navigationShown = new SimpleBooleanProperty(this, "navigationShown", true);
    final BooleanProperty parametersShown = new SimpleBooleanProperty(this, "parametersShown", true);
    final BooleanProperty bottomShown = new SimpleBooleanProperty(this, "bottomShown", true);

    /** Makes the properties move the panes; once, when the window's layout is loaded. */
    void bind(BorderPane frame, Node navigation, Node parameters, SplitPane centerSplit, Node bottom) {
        navigationShown.addListener((obs, was, shown) -> frame.setLeft(shown ? navigation : null));
        parametersShown.addListener((obs, was, shown) -> frame.setRight(shown ? parameters : null));
        double[] divider = {0.64};
        bottomShown.addListener((obs, was, shown) -> {
            if (shown) {
                centerSplit.getItems().add(bottom);
                centerSplit.setDividerPositions(divider[0]);
            } else {
                divider[0] = centerSplit.getDividerPositions()[0];
                centerSplit.getItems().remove(bottom);
            }
        });
    }
}
