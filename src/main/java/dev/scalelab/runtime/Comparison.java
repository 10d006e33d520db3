package dev.scalelab.runtime;

import java.util.Objects;

/**
 * What a comparison of two designs shows beside its figures: the names the user gave the two
 * variants and, in a line, how B differs from A ("service.instances=8", or the file it came from).
 *
 * @param labelA      variant A's name, run in the main world
 * @param labelB      variant B's name, run in the second world
 * @param differences how B differs from A, for the compare bar; may be empty
 */
public record Comparison(String labelA, String labelB, String differences) {
    public Comparison {
        Objects.requireNonNull(labelA);
        Objects.requireNonNull(labelB);
        Objects.requireNonNull(differences);
    }
}
