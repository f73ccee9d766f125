package io.wabridge.processor.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a transformer script may ask of the host, and nothing else: a log line, one HTTP request,
 * a UUID, a hash or HMAC. Strings in and out (JSON where structured), so the script never holds a
 * host object. Shared by all contexts; thread-safe.
 */
final class HostFunctions {

    private static final Logger log = LoggerFactory.getLogger("io.wabridge.processor.transform.console");
    /** Larger answers are refused rather than parsed into the script. */
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** {@code console.*}: into the service log, the text masked when the endpoint masks logs. */
    void log(CallScope scope, String level, String text) {
        String line = scope.masking().text(text);
        switch (level) {
            case "error" -> log.error("[{} {}] {}", scope.endpointId(), scope.hook(), line);
            case "warn" -> log.warn("[{} {}] {}", scope.endpointId(), scope.hook(), line);
            case "debug" -> log.debug("[{} {}] {}", scope.endpointId(), scope.hook(), line);
            default -> log.info("[{} {}] {}", scope.endpointId(), scope.hook(), line);
        }
    }

    /**
     * {@code httpRequest({uri, method, headers, body, json})}, as Cognigy's (request-promise
     * options): resolves to the response body, parsed when {@code json} is true; a non-2xx answer
     * rejects with {@code statusCode} and {@code body}. Bounded by what is left of the call's time.
     *
     * @return {@code {body}} or {@code {error, statusCode?, body?}} as JSON
     */
    String http(CallScope scope, String optionsJson) {
        ObjectNode answer = Json.mapper().createObjectNode();
        try {
            JsonNode options = Json.mapper().readTree(optionsJson);
            String uri = options.path("uri").asText(options.path("url").asText(""));
            if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
                return answer.put("error", "uri must be an http(s) URL").toString();
            }
            boolean json = options.path("json").asBoolean(false);
            String method = options.path("method").asText("GET").toUpperCase(Locale.ROOT);
            Duration left = Duration.between(Instant.now(), scope.deadline());
            if (left.isNegative() || left.isZero()) {
                return answer.put("error", "no time left for the request").toString();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(left);
            options.path("headers").properties().forEach(h -> request.header(h.getKey(), h.getValue().asText()));
            JsonNode body = options.path("body");
            String payload = body.isMissingNode() || body.isNull() ? null : body.isTextual() && !json ? body.asText() : body.toString();
            if (json && payload != null && !options.path("headers").has("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.body().length > MAX_RESPONSE_BYTES) {
                return answer.put("error", "response larger than " + MAX_RESPONSE_BYTES + " bytes").toString();
            }
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode responseBody = json && !text.isBlank() ? Json.mapper().readTree(text) : Json.mapper().getNodeFactory().textNode(text);
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                answer.put("error", "HTTP " + status).put("statusCode", status);
                return answer.set("body", responseBody).toString();
            }
            return answer.set("body", responseBody).toString();
        } catch (IOException | IllegalArgumentException e) {
            return answer.put("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())).toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answer.put("error", "interrupted").toString();
        }
    }

    String uuid() {
        return UUID.randomUUID().toString();
    }

    /** {@code crypto.hash(algorithm, text, encoding)}: md5, sha1, sha256, sha384, sha512; hex or base64. */
    String hash(String algorithm, String text, String encoding) {
        try {
            MessageDigest digest = MessageDigest.getInstance(digestName(algorithm));
            return encode(digest.digest(text.getBytes(StandardCharsets.UTF_8)), encoding);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unknown hash algorithm " + algorithm);
        }
    }

    /** {@code crypto.hmac(algorithm, key, text, encoding)}: the same algorithms as {@link #hash}, md5 excepted. */
    String hmac(String algorithm, String key, String text, String encoding) {
        try {
            String name = "Hmac" + digestName(algorithm).replace("-", "");
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), name));
            return encode(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), encoding);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unknown HMAC algorithm " + algorithm);
        }
    }

    private static String digestName(String algorithm) {
        return switch (algorithm.toLowerCase(Locale.ROOT).replace("-", "")) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
        };
    }

    private static String encode(byte[] bytes, String encoding) {
        return "base64".equalsIgnoreCase(encoding) ? Base64.getEncoder().encodeToString(bytes) : HexFormat.of().formatHex(bytes);
    }
}
