package io.wabridge.transformer;

/**
 * A Java transformer, found with {@link java.util.ServiceLoader}. Implement this and the hook
 * interfaces you need. Runs on the processor's turn threads, concurrently for different
 * conversations: keep it thread-safe. Trusted code: unlike a script it has no sandbox and no time
 * limit, so it must bound its own calls.
 */
public interface Transformer {

    /** Whether this transformer serves the endpoint ({@code wabridge.endpoints.<id>}); at most one may per endpoint. */
    boolean appliesTo(String endpointId);
}
