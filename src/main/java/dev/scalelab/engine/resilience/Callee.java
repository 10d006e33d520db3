package dev.scalelab.engine.resilience;

/**
 * What a {@link MeshClient} sends its attempts to: a {@link DownstreamService} in the fixed pipeline,
 * or any node of a drawn system. It answers each attempt once, from a later event.
 */
public interface Callee {
    /** The name breakers, traces and stats use. */
    String name();

    /** Starts one attempt of the call made for request {@code requestId}; {@code handler} hears its answer. */
    void submit(long requestId, DownstreamService.ResponseHandler handler);
}
