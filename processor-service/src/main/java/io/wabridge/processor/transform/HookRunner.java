package io.wabridge.processor.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.settings.TransformerSettings.Hook;

/**
 * Runs an endpoint's hooks, whatever they are written in (JavaScript, Java). Called from turn
 * worker threads, concurrently for different conversations; never longer than the endpoint's
 * time limit.
 */
interface HookRunner extends AutoCloseable {

    /** Whether the transformer has this hook at all. */
    boolean defines(Hook hook);

    /**
     * @param argument the hook's argument ({@code {endpoint, request, response}} or the output's)
     * @param storage  the conversation's session storage, null when none
     * @throws TransformerException when the call fails
     */
    HookResult run(Hook hook, ObjectNode argument, JsonNode storage, CallScope scope);

    @Override
    void close();
}
