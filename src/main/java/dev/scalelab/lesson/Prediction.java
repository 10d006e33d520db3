package dev.scalelab.lesson;

import java.util.List;

/**
 * A question asked before a step runs, answered by the run: when the step's run stops, {@link #probe}
 * is measured on the snapshot and the choice whose range holds the value is the answer.
 *
 * @param question    "How many instances will the HPA ask for when the spike arrives?"
 * @param choices     two to five, with disjoint ranges
 * @param probe       what is measured when the step's run stops
 * @param explanation why the answer is what it is, shown with it
 */
public record Prediction(String question, List<Choice> choices, Probe probe, String explanation) {

    public Prediction {
        choices = List.copyOf(choices);
    }

    /** One answer: the probe's value lies in [{@code min}, {@code max}). */
    public record Choice(String text, double min, double max) {
    }

    /** The index of the choice whose range holds {@code value}, or -1 when none does. */
    public int answer(double value) {
        for (int i = 0; i < choices.size(); i++) {
            if (value >= choices.get(i).min() && value < choices.get(i).max()) {
                return i;
            }
        }
        return -1;
    }
}
