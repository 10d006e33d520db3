/**
 * Comparing the branches of a run: a branch (a fork made by changing something at a past moment)
 * and its parent re-run headless on the same seed to the same moment, their reports side by side
 * figure by figure, and that table written as Markdown and CSV. No JavaFX: the app's Compare with
 * parent window ({@code dev.scalelab.ui.branches}) shows it. The branches themselves live with the
 * runner ({@code dev.scalelab.runtime.Branches}).
 */
package dev.scalelab.branches;
