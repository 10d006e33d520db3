package dev.scalelab.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reference solution: a JSON merge patch (RFC 7386) over the starting system, and the reasoning
 * an interviewer wants to hear (the trade-offs, the numbers).
 */
public record Solution(ObjectNode patch, String explanation) {
}
