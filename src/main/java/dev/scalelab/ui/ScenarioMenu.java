package dev.scalelab.ui;

import dev.scalelab.world.Presets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * The toolbar's Scenario menu: it lists the presets, shows the scenario that runs however it was
 * chosen (a panel's "open the preset" button too; a file or a lesson by its name as the prompt), and
 * starts the preset the user picks. FX thread only.
 */
final class ScenarioMenu {
    private ScenarioMenu() {
    }

    static void show(ComboBox<String> menu, MainWindowViewModel viewModel) {
        menu.getItems().setAll(Presets.names());
        // A scenario from a file is no preset: the menu then shows the file's name.
        menu.promptTextProperty().bind(viewModel.scenarioLabelProperty());
        // A combo box does not show its prompt again once its value went back to none (a preset, then a
        // drawing or a challenge's system): its button shows the label itself.
        ListCell<String> button = new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? menu.getPromptText() : item);
            }
        };
        menu.setButtonCell(button);
        menu.promptTextProperty().addListener((obs, old, prompt) -> {
            if (menu.getValue() == null) {
                button.setText(prompt);
            }
        });
        if (Presets.names().contains(viewModel.scenarioLabelProperty().get())) {
            menu.setValue(viewModel.scenarioLabelProperty().get());
        }
        // Installed after the initial value, so that showing the starting scenario does not restart it.
        boolean[] following = {false};
        viewModel.scenarioLabelProperty().addListener((obs, old, label) -> {
            String shown = Presets.names().contains(label) ? label : null;
            if (!java.util.Objects.equals(menu.getValue(), shown)) {
                following[0] = true; // showing it, not choosing it: no second restart
                menu.setValue(shown);
                following[0] = false;
            }
        });
        menu.setOnAction(event -> {
            if (!following[0] && menu.getValue() != null) {
                viewModel.choosePreset(menu.getValue());
            }
        });
    }
}
