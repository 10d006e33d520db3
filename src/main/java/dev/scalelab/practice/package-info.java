/**
 * Interview practice: the challenges (data files under {@code challenges/} in the resources), the
 * grader that runs a candidate's design headless on several seeds with the challenge's hidden
 * incidents and judges it against the requirements, the candidate's saved progress, and the
 * back-of-the-envelope capacity estimator. No JavaFX: the CLI ({@code challenges}, {@code grade})
 * and the Practice panel both use it.
 */
package dev.scalelab.practice;
