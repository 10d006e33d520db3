/**
 * The shape of a system the user draws: nodes of a kind (clients, gateway, CDN, balancer, service,
 * cache, database, queue, topic, external API) in zones, joined by edges that say what traffic they
 * carry and how (a synchronous call, a hand-off, an asynchronous publish). This package holds the
 * graph and what can be said about it without running it: which connections make sense and why
 * the others do not ({@link dev.scalelab.design.Connections}), what a whole design still lacks
 * ({@link dev.scalelab.design.DesignCheck}), a layered layout for drawing it
 * ({@link dev.scalelab.design.LayeredLayout}), and Mermaid flowcharts in and out
 * ({@link dev.scalelab.design.Mermaid}), the kind of each imported box guessed from its shape and
 * label with the reason for the guess. No JavaFX and no simulation here: the design canvas draws
 * it, and the world will run it with one engine behind each box.
 */
package dev.scalelab.design;
