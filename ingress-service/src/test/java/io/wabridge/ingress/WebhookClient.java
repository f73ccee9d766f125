package io.wabridge.ingress;

import io.wabridge.ingress.signature.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends webhooks to a running ingress over real HTTP, as Meta would. */
public record WebhookClient(String baseUrl) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> post(String path, byte[] body, String signature) {
        return post(path, body, signature, java.util.Map.of());
    }

    public HttpResponse<String> post(String path, byte[] body, String signature, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(SignatureVerifier.HEADER, signature);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> postSigned(String path, byte[] body, String appSecret) {
        return post(path, body, SignatureVerifier.sign(appSecret, body));
    }

    /** Without a Content-Length (chunked), so the size limit must hold while reading. */
    public HttpResponse<String> postChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
