package io.wabridge.egress.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Json;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.WhatsAppError;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.WhatsAppApiSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one outbound record to {@code POST {graph-url}/{version}/{phone-number-id}/messages} and
 * classifies the answer. Never throws and never completes exceptionally: timeouts, refused
 * connections and unreadable answers become {@link ErrorClass#TRANSIENT} results, so the caller
 * has exactly one place that decides about retries.
 */
public class GraphClient {

    private static final Logger log = LoggerFactory.getLogger(GraphClient.class);

    private final HttpClient http;
    private final WhatsAppApiSettings api;
    private final GraphClientSettings settings;

    public GraphClient(HttpClient http, WhatsAppApiSettings api, GraphClientSettings settings) {
        this.http = http;
        this.api = api;
        this.settings = settings;
    }

    public CompletableFuture<GraphResult> send(Endpoint endpoint, OutboundMessage outbound) {
        return send(endpoint, outbound, null);
    }

    /** @param traceparent the W3C trace context the request carries (the send's span), or null */
    public CompletableFuture<GraphResult> send(Endpoint endpoint, OutboundMessage outbound, String traceparent) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(endpoint.settings(), endpoint.phoneNumberId()))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + endpoint.settings().accessToken().reveal())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(GraphRequests.body(outbound))));
        if (traceparent != null) {
            builder.header(EventHeaders.TRACEPARENT, traceparent);
        }
        HttpRequest request = builder.build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> interpret(outbound, response.statusCode(), response.body()))
                .exceptionally(failure -> noAnswer(outbound, failure));
    }

    private URI uri(EndpointSettings endpoint, String phoneNumberId) {
        URI uri = api.messagesUri(phoneNumberId);
        if (!endpoint.requiresSignature()) {
            return uri;
        }
        String proof = AppSecretProof.of(endpoint.appSecret().reveal(), endpoint.accessToken().reveal());
        return URI.create(uri + "?appsecret_proof=" + proof);
    }

    static GraphResult interpret(OutboundMessage outbound, int status, byte[] body) {
        JsonNode json = readJson(body);
        if (status >= 200 && status < 300) {
            String wamid = json == null ? null : json.path("messages").path(0).path("id").asText(null);
            boolean actionDone = outbound.kind() != OutboundKind.MESSAGE && json != null && json.path("success").asBoolean(false);
            if (wamid != null || actionDone) {
                return GraphResult.accepted(wamid, status);
            }
            // 200 without a message id: it may or may not have gone out. Transient, bounded.
            return GraphResult.failed(ErrorClass.TRANSIENT, status, null, "HTTP " + status + " without a message id");
        }
        JsonNode error = json == null ? null : json.get("error");
        if (error == null || !error.path("code").canConvertToInt()) {
            // Garbage (a proxy's HTML page, a truncated body): transient, and bounded by the retry limit.
            return GraphResult.failed(ErrorClass.TRANSIENT, status, null, "HTTP " + status + " without a Graph error body");
        }
        WhatsAppError whatsAppError = new WhatsAppError(
                error.path("code").asInt(),
                text(error, "error_user_title", text(error, "type", null)),
                text(error, "message", null),
                text(error.path("error_data"), "details", null),
                text(error, "fbtrace_id", null));
        ErrorClass errorClass = ErrorClassifier.classify(whatsAppError.code(), status);
        return GraphResult.failed(errorClass, status, whatsAppError,
                "Graph error " + whatsAppError.code() + " (HTTP " + status + "): " + whatsAppError.message() + explained(whatsAppError.code()));
    }

    private static GraphResult noAnswer(OutboundMessage outbound, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String reason = cause instanceof HttpTimeoutException ? "Graph API timed out" : "Graph API unreachable: " + cause;
        log.debug("send of {} got no answer: {}", outbound.outboundId(), reason);
        return GraphResult.notSent(ErrorClass.TRANSIENT, reason);
    }

    private static JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static String explained(int code) {
        String explanation = ErrorClassifier.explain(code);
        return explanation.isEmpty() ? "" : " (" + explanation + ")";
    }
}
