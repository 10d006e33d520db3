package dev.scalelab.ui.practice;

import dev.scalelab.practice.Breach;
import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.ChallengeLibrary;
import dev.scalelab.practice.RequirementResult;
import dev.scalelab.practice.Verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A small challenge of the tests' own ({@code practice/fixture-challenge.json}) and a verdict on it with a failure. */
final class PracticeFixture {
    private PracticeFixture() {
    }

    static Challenge challenge() {
        try (InputStream in = PracticeFixture.class.getResourceAsStream("/practice/fixture-challenge.json")) {
            return ChallengeLibrary.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "fixture-challenge.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same challenge under another id and number, in another group. */
    static Challenge basic(String id, int number) {
        Challenge c = challenge();
        return new Challenge(id, number, "Basic " + number, dev.scalelab.practice.ChallengeGroup.BASIC, c.question(), c.brief(),
                c.requirements(), c.start(), c.knobs(), c.incidents(), c.hints(), c.solution(), c.predictions(), c.seeds(),
                c.scoreCostPerHour(), c.waitsFor());
    }

    /** p99 fails on seed 8 at 0:31 after the incident; errors and cost pass. */
    static Verdict failingVerdict(Challenge c) {
        RequirementResult p99 = new RequirementResult(c.requirements().get(0), List.of(180.0, 2140.0, 190.0), 2140.0, false,
                new Breach(8, 31.4, "at 0:31 the 1-s p99 was 2,140 ms (target ≤ 200 ms)",
                        List.of("0:30 fault: kill-instance i-1", "0:30 balancer: i-1 removed, 1 instance ready")));
        RequirementResult errors = new RequirementResult(c.requirements().get(1), List.of(0.0, 0.004, 0.0), 0.004, true, null);
        RequirementResult cost = new RequirementResult(c.requirements().get(2), List.of(0.19, 0.19, 0.19), 0.192, true, null);
        return new Verdict(c.id(), List.of(7L, 8L, 9L), false, 40, List.of(), List.of(p99, errors, cost), 0.192,
                Map.of("p99", 2140.0, "errors", 0.004));
    }
}
