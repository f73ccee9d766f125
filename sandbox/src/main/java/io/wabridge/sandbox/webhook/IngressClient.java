package io.wabridge.sandbox.webhook;

import io.wabridge.model.Json;
import io.wabridge.sandbox.SandboxSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Delivers webhooks to ingress as Meta would: a POST of the serialised body, signed over exactly
 * the bytes that go on the wire.
 */
@Component
public class IngressClient {

    private final SandboxSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    IngressClient(SandboxSettings settings) {
        this.settings = settings;
    }

    /** What ingress answered. */
    public record Delivery(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** Serialises {@code payload} once, signs those bytes and POSTs them; IOException when ingress is unreachable. */
    public Delivery deliver(Object payload) throws IOException {
        byte[] body = Json.toBytes(payload);
        HttpRequest request = HttpRequest.newBuilder(settings.webhookUri())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, WebhookSigner.sign(settings.appSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delivering a webhook", e);
        }
    }
}
