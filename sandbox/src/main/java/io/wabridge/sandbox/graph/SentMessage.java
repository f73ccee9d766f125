package io.wabridge.sandbox.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message the fake Graph API accepted, as the user's phone sees it: the request body as
 * received, when it arrived and when each status was reached.
 *
 * @param statuses {@code sent} / {@code delivered} / {@code read} → when; filled in as they happen
 * @param traceparent the request's W3C {@code traceparent} header, or null: shows the trace reached Graph
 */
public record SentMessage(String id, String to, String type, JsonNode body, Instant acceptedAt, Map<String, Instant> statuses,
                          String traceparent) {

    static SentMessage accepted(String id, String to, String type, JsonNode body, Instant at, String traceparent) {
        return new SentMessage(id, to, type, body, at, new ConcurrentHashMap<>(), traceparent);
    }

    /** The furthest status reached ({@code failed} wins), or {@code accepted}. */
    @JsonProperty("status")
    public String status() {
        for (String status : new String[] {"failed", "read", "delivered", "sent"}) {
            if (statuses.containsKey(status)) {
                return status;
            }
        }
        return "accepted";
    }
}
