/**
 * The API gateway's admission control (engines.md §8): rate limiters (a token bucket with a rate
 * and a burst, a sliding-window counter as Cloudflare describes it) and a load shedder that rejects
 * the lowest priority first when the service is overloaded (by queue length, or CoDel-style by
 * queueing delay). Pure Java, driven by virtual time in nanoseconds; no JavaFX, no wall clock.
 */
package dev.scalelab.engine.gateway;
