package io.wabridge.processor;

import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.processor.handover.HandoverCall;
import io.wabridge.processor.handover.HandoverProvider;
import io.wabridge.processor.handover.HandoverProviderException;
import io.wabridge.processor.handover.ProviderAnswer;
import io.wabridge.processor.handover.UserMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A test provider shaped like an HTTP agent desk (as a Chatwoot provider would be): each step a
 * POST to {@code <base>/desk/<endpoint>/<step>} with an {@code Idempotency-Key}; a non-2xx answer
 * or no answer is the provider being down. WireMock plays the desk.
 */
final class HttpDeskProvider implements HandoverProvider {

    static final String NAME = "http-desk";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;

    HttpDeskProvider(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderAnswer start(HandoverCall call) {
        post(call, "start", "{\"conversation\":\"" + call.handover().id() + "\"}");
        return ProviderAnswer.queued(1);
    }

    @Override
    public ProviderAnswer forward(HandoverCall call, UserMessage message) {
        post(call, "user/" + message.sequence(), "{\"text\":\"" + message.text() + "\"}");
        return ProviderAnswer.UNCHANGED;
    }

    @Override
    public ProviderAnswer end(HandoverCall call, HandoverEndReason reason) {
        post(call, "end", "{\"reason\":\"" + reason.wireName() + "\"}");
        return ProviderAnswer.UNCHANGED;
    }

    private void post(HandoverCall call, String step, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/desk/" + call.context().endpointId() + "/" + step))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", call.idempotencyKey(step))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new HandoverProviderException("desk answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new HandoverProviderException("desk unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandoverProviderException("interrupted", e);
        }
    }
}
