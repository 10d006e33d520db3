package dev.scalelab.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A panel laid out in {@code fxml/<name>.fxml}, with itself as the layout's controller (as JabRef's
 * views): the FXML's root is the panel's {@link #view()}, and the charts and parameter pane it hands
 * to the window get the panel's stylesheets, since the window places them outside the view.
 *
 * <p>FX thread only.
 */
public abstract class FxmlPanel implements Panel {
    private final String title;
    private Parent view;
    private Node charts;
    private Node parameters;

    /** @param title the name in the navigation list */
    protected FxmlPanel(String title) {
        this.title = title;
    }

    /**
     * Loads {@code fxml/<name>.fxml} with this panel as controller and makes its root the view. The
     * loader injects the {@code @FXML} fields and calls {@code initialize()} before returning, so a
     * subclass calls this last in its constructor, once the fields {@code initialize()} uses are set.
     * FX thread only.
     */
    protected final <T extends Parent> T loadLayout(String name) {
        assert FxThread.isCurrent();
        String path = "/fxml/" + name + ".fxml";
        FXMLLoader loader = new FXMLLoader(FxmlPanel.class.getResource(path));
        loader.setController(this);
        try {
            T root = loader.load();
            view = root;
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("the " + title + " panel's layout, " + path, e);
        }
    }

    /**
     * The panel's charts and its parameter pane (null for the general parameters), styled by the
     * view's stylesheets. Call after {@link #loadLayout}. FX thread only.
     */
    protected final void place(Node charts, Node parameters) {
        assert FxThread.isCurrent();
        this.charts = charts;
        this.parameters = parameters;
        shareStylesheets(charts);
        shareStylesheets(parameters);
    }

    private void shareStylesheets(Node node) {
        if (node instanceof Parent parent) {
            for (String stylesheet : view.getStylesheets()) {
                if (!parent.getStylesheets().contains(stylesheet)) {
                    parent.getStylesheets().add(stylesheet);
                }
            }
        }
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Node view() {
        return view;
    }

    @Override
    public final Node charts() {
        return charts;
    }

    @Override
    public final Node parameters() {
        return parameters;
    }
}
