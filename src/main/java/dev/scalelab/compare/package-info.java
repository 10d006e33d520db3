/**
 * Two designs side by side: how variant B differs from A (a list of field changes, checked as
 * {@code simulate --set} checks them) and the headline figures of a live run read from its
 * snapshot, for the difference table. No JavaFX here: the app's compare mode
 * ({@code dev.scalelab.ui.compare}) shows what this computes, the runner
 * ({@code SimulationRunner.startCompare}) runs the two in lockstep.
 */
package dev.scalelab.compare;
