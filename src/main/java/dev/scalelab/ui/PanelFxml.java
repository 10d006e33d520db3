package dev.scalelab.ui;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Loads a panel's layout, {@code fxml/<name>.fxml}, with the one controller it names, made by
 * {@code controller} (as JabRef's view loader does): the controller gets its view model in its
 * constructor, and FXML injects its nodes. FX thread only.
 */
public final class PanelFxml {
    private PanelFxml() {
    }

    /** Loads {@code /fxml/<name>.fxml} and returns its controller, of {@code type}, made by {@code controller}. */
    public static <C> C load(String name, Class<C> type, Supplier<C> controller) {
        assert FxThread.isCurrent();
        String path = "/fxml/" + name + ".fxml";
        FXMLLoader loader = new FXMLLoader(PanelFxml.class.getResource(path));
        loader.setControllerFactory(requested -> {
            if (requested != type) {
                throw new IllegalArgumentException(path + " asks for controller " + requested.getName() + ", not " + type.getName());
            }
            return controller.get();
        });
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
        return loader.getController();
    }
}
