package dev.scalelab.practice;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.scalelab.practice.GraderTest.START;
import static dev.scalelab.practice.GraderTest.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreTest {
    /** scoreCostPerHour is $1/h. */
    private static final Challenge CHALLENGE = challenge(START, """
            [{"id": "p99", "metric": "p99-ms", "max": 100}, {"id": "errors", "metric": "error-ratio", "max": 0.01}]""", "[]", "[]");

    private static List<RequirementResult> results(boolean p99, boolean errors) {
        List<Requirement> r = CHALLENGE.requirements();
        return List.of(new RequirementResult(r.get(0), List.of(50.0), 50, p99, null),
                new RequirementResult(r.get(1), List.of(0.0), 0, errors, null));
    }

    @Test
    void allMetEarnsSixtyAndTheCostPointsBelowTheCostBar() {
        assertEquals(92, Grader.score(CHALLENGE, results(true, true), true, 0.2)); // 60 + 40 x (1 - 0.2)
        assertEquals(76, Grader.score(CHALLENGE, results(true, true), true, 0.6));
        assertEquals(60, Grader.score(CHALLENGE, results(true, true), true, 1.5)); // no cost points past the bar
    }

    @Test
    void aMissedRequirementEarnsItsShareAndNoCostPoints() {
        assertEquals(30, Grader.score(CHALLENGE, results(true, false), true, 0.1));
        assertEquals(0, Grader.score(CHALLENGE, results(false, false), true, 0.1));
    }

    @Test
    void aViolationEarnsNoCostPoints() {
        assertEquals(60, Grader.score(CHALLENGE, results(true, true), false, 0.1));
    }

    @Test
    void cheaperBeatsDearerAndBothBeatAMiss() {
        int cheaper = Grader.score(CHALLENGE, results(true, true), true, 0.3);
        int dearer = Grader.score(CHALLENGE, results(true, true), true, 0.9);
        int missed = Grader.score(CHALLENGE, results(false, true), true, 0.01);
        assertTrue(cheaper > dearer && dearer > missed, cheaper + " " + dearer + " " + missed);
    }
}
