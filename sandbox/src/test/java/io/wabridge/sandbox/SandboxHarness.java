package io.wabridge.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One sandbox on a random port for all integration tests (one Spring context), with WireMock
 * playing ingress: it records every webhook so tests can check shape and signature. WireMock is
 * never reset, since status webhooks of earlier tests may still arrive; tests pick their own
 * deliveries by unique user ids and message ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wabridge.sandbox.status-delays.sent=50ms",
        "wabridge.sandbox.status-delays.delivered=150ms",
        "wabridge.sandbox.status-delays.read=250ms",
        "wabridge.sandbox.app-secret=" + SandboxHarness.APP_SECRET,
        "wabridge.sandbox.access-token=" + SandboxHarness.TOKEN,
        "wabridge.sandbox.endpoint-id=" + SandboxHarness.ENDPOINT,
})
public abstract class SandboxHarness {

    protected static final String APP_SECRET = "it-app-secret";
    protected static final String TOKEN = "it-token";
    protected static final String ENDPOINT = "it-demo";
    protected static final String PHONE_NUMBER_ID = "100000000000001";
    protected static final String WEBHOOK_PATH = "/webhooks/whatsapp/" + ENDPOINT;

    protected static final WireMockServer INGRESS = startIngress();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    private static WireMockServer startIngress() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(WireMock.post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"accepted\"}")));
        return server;
    }

    @DynamicPropertySource
    static void ingress(DynamicPropertyRegistry registry) {
        registry.add("wabridge.sandbox.ingress-url", INGRESS::baseUrl);
    }

    protected record Response(int status, JsonNode body) {
    }

    protected Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected Response postAuthorized(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** The status of a DELETE. */
    protected int delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE()).status();
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Webhooks ingress received whose raw body matches {@code filter}, oldest first. */
    protected static List<LoggedRequest> webhooks(Predicate<JsonNode> filter) {
        return INGRESS.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH))).stream()
                .filter(request -> filter.test(body(request)))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    protected static JsonNode body(LoggedRequest request) {
        try {
            return Json.mapper().readTree(request.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the request carries Meta's signature over its raw bytes, computed here independently. */
    protected static boolean signedByAppSecret(LoggedRequest request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.getBody()));
            String presented = request.getHeader("X-Hub-Signature-256");
            return presented != null && MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh wa_id-like user id, so tests never see each other's webhooks. */
    protected static String newUserId() {
        return String.format("49%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }
}
