/**
 * Seed bands: one design run on many seeds, or two designs on the same seeds, headless and in
 * parallel, so that a person can tell a real difference from noise. Each headline figure gets its
 * mean and 95 % interval; the per-second throughput and p99 get their median and 5–95 % band; the
 * difference of two designs on the same seeds is tested pair by pair. No JavaFX here: the app's
 * Seed bands window ({@code dev.scalelab.ui.seeds}) shows what this computes.
 */
package dev.scalelab.seeds;
