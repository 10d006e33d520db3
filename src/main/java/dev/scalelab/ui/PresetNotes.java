package dev.scalelab.ui;

import dev.scalelab.world.Scenario;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Objects;

/**
 * The strip under the toolbar: the running scenario's description (its first sentence; the whole
 * text in the tooltip and on a click) and what to watch. It hides itself for a scenario without
 * either, and the user can hide it ({@link #shownProperty()}, the View menu and its ✕). FX thread only.
 */
public final class PresetNotes {
    private final HBox strip;
    private final Label description = new Label();
    private final Label watch = new Label();
    private final Tooltip fullText = new Tooltip();
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", false);
    private String shownDescription;
    private String shownWatch;
    /** A lesson's bar guides instead: the notes of its scenario would repeat or contradict it. */
    private boolean lessonActive;

    public PresetNotes(HBox strip) {
        this.strip = strip;
        description.setId("presetDescription");
        description.getStyleClass().add("preset-description");
        description.setWrapText(true);
        description.setMinWidth(0);
        fullText.setWrapText(true);
        fullText.setMaxWidth(600);
        fullText.setShowDuration(Duration.seconds(30));
        description.setOnMouseClicked(e -> expanded.set(!expanded.get()));
        watch.setId("presetWatch");
        watch.getStyleClass().add("preset-watch");
        watch.setWrapText(true);
        watch.setMinWidth(0);
        VBox texts = new VBox(description, watch);
        texts.getStyleClass().add("preset-texts");
        HBox.setHgrow(texts, Priority.ALWAYS);
        Button hide = new Button("✕");
        hide.getStyleClass().add("preset-hide");
        hide.setAccessibleText("Hide the scenario's notes");
        hide.setTooltip(new Tooltip("Hide the scenario's notes (View › Show scenario notes brings them back)."));
        hide.setOnAction(e -> shown.set(false));
        strip.getChildren().setAll(texts, hide);
        shown.addListener((obs, was, now) -> layout());
        expanded.addListener((obs, was, now) -> layout());
        layout();
    }

    /** Shows the notes of {@code scenario}; cheap when they did not change (every frame calls it). */
    public void show(Scenario scenario) {
        String d = scenario.description() == null ? "" : scenario.description().trim();
        String w = scenario.watch() == null ? "" : scenario.watch().trim();
        if (Objects.equals(d, shownDescription) && Objects.equals(w, shownWatch)) {
            return;
        }
        shownDescription = d;
        shownWatch = w;
        expanded.set(false);
        fullText.setText(d);
        watch.setText(w.isEmpty() ? "" : "Watch: " + w);
        layout();
    }

    private void layout() {
        String d = shownDescription == null ? "" : shownDescription;
        String first = firstSentence(d);
        boolean more = !first.equals(d);
        description.setText(expanded.get() || !more ? d : first + " …");
        description.setTooltip(more && !expanded.get() ? fullText : null);
        watch.setVisible(!watch.getText().isEmpty());
        watch.setManaged(watch.isVisible());
        boolean any = !d.isEmpty() || !watch.getText().isEmpty();
        strip.setVisible(shown.get() && any && !lessonActive);
        strip.setManaged(strip.isVisible());
    }

    /** Hides the notes while a lesson runs; they come back when it closes. */
    public void setLessonActive(boolean active) {
        lessonActive = active;
        layout();
    }

    /** The text up to its first ". " (or all of it). */
    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** Whether the user wants the notes; a scenario without notes hides the strip anyway. */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
