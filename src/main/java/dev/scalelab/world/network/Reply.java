package dev.scalelab.world.network;

/** Hears, once, whether a request sent to a node was answered ({@code ok}) or failed. */
@FunctionalInterface
interface Reply {
    void done(boolean ok);
}
