/**
 * Many runs of a design, headless and in parallel, so that a person can tell a real difference from
 * noise: seed bands (one design on many seeds, or two designs on the same seeds, each headline figure
 * with its mean and 95 % interval, the per-second throughput and p99 as a median and a 5–95 % band,
 * the difference of two designs tested pair by pair) and sweeps (a design over a grid of field
 * values, with the Pareto front of two figures). No JavaFX here: the app's Seed bands and Sweep
 * windows ({@code dev.scalelab.ui.seeds}) and the {@code compare} and {@code sweep} commands show
 * what this computes.
 */
package dev.scalelab.seeds;
