package io.wabridge.sandbox.agent;

import io.wabridge.model.Json;
import io.wabridge.sandbox.SandboxSettings;
import io.wabridge.sandbox.webhook.IngressClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Ingress's handover API ({@code POST /api/v1/endpoints/{id}/handover/{call}}) with the endpoint's API key. */
@Component
class HandoverApi {

    private final SandboxSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HandoverApi(SandboxSettings settings) {
        this.settings = settings;
    }

    /** @param call {@code reply}, {@code end}, {@code status} */
    IngressClient.Delivery post(String endpointId, String call, Map<String, Object> body) throws IOException {
        String base = settings.ingressUrl().toString().replaceAll("/+$", "");
        String endpoint = endpointId == null ? settings.endpointId() : endpointId;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/endpoints/" + endpoint + "/handover/" + call))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)));
        String apiKey = settings.agentDesk().apiKey();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("X-API-Key", apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new IngressClient.Delivery(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the handover API", e);
        }
    }
}
