package dev.scalelab.world;

/** Bad scenario input: names the field (a JSON path such as {@code service.instances}) and the problem. */
public final class ScenarioException extends RuntimeException {
    private final String field;
    private final String problem;

    public ScenarioException(String field, String problem) {
        // A field path is the author's own text (an unknown field's name): quote a long one shortened.
        super(field.isEmpty() ? problem : Quote.shorten(field) + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
