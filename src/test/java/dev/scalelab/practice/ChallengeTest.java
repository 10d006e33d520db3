package dev.scalelab.practice;

import org.junit.jupiter.api.Test;

import static dev.scalelab.practice.GraderTest.START;
import static dev.scalelab.practice.GraderTest.challenge;
import static dev.scalelab.practice.GraderTest.design;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a design is graded: the challenge's duration and seed, and workers that follow the instance size. */
class ChallengeTest {
    private static final String P99 = "[{\"id\": \"p99\", \"metric\": \"p99-ms\", \"max\": 100}]";

    @Test
    void aDesignAtAnotherSizeGetsTheWorkersOfThatSize() {
        Challenge c = challenge(START, P99, "[\"service.size\", \"service.workersPerInstance\"]", "[]");
        // The start: medium (2 vCPU) with 4 workers. Small has 1 vCPU: 2 workers; xlarge 8 vCPU: 16.
        assertEquals(2, c.graded(design(c, "{\"service\": {\"size\": \"small\"}}"), 9).service().workersPerInstance());
        assertEquals(16, c.graded(design(c, "{\"service\": {\"size\": \"xlarge\"}}"), 9).service().workersPerInstance());
        assertEquals(4, c.graded(c.startScenario(), 9).service().workersPerInstance());
        // Workers the design sets itself are its own.
        assertEquals(3, c.graded(design(c, "{\"service\": {\"size\": \"small\", \"workersPerInstance\": 3}}"), 9)
                .service().workersPerInstance());
    }

    @Test
    void theChallengeSetsTheSeedAndTheDuration() {
        Challenge c = challenge(START, P99, "[]", "[]");
        var graded = c.graded(design(c, "{\"durationSeconds\": 5}"), 77);
        assertEquals(77, graded.seed());
        assertEquals(20, graded.durationSeconds());
    }
}
