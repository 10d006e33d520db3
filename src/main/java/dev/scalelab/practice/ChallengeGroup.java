package dev.scalelab.practice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.scalelab.sim.HasId;

/** The three groups of the pattern notes' interview questions. */
public enum ChallengeGroup implements HasId {
    BASIC("basic", "Basic concepts"),
    ADVANCED("advanced", "Advanced"),
    DESIGN("design", "System design");

    private final String id;
    private final String title;

    ChallengeGroup(String id, String title) {
        this.id = id;
        this.title = title;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    @JsonCreator
    static ChallengeGroup of(String id) {
        ChallengeGroup g = HasId.byId(ChallengeGroup.class, id);
        if (g == null) {
            throw new IllegalArgumentException("\"" + id + "\" is not a group; one of basic, advanced, design");
        }
        return g;
    }
}
