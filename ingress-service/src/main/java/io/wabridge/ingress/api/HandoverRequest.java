package io.wabridge.ingress.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of the handover API ({@code docs/handover.md}).
 *
 * @param userId        the user's WhatsApp id (wa_id or business-scoped id); required
 * @param provider      {@code start}: the provider; unset = the endpoint's {@code handover.provider}
 * @param status        {@code status}: {@code queued} or {@code active}; {@code end}: {@code completed} (default) or {@code cancelled}
 * @param queuePosition {@code status} {@code queued}: the user's place in the queue
 * @param agentName     {@code status} {@code active}: the agent's name
 * @param source        {@code end}: {@code agent} (default: the provider knows already) or {@code api} (the provider is told)
 * @param text          {@code reply}: the agent's text
 * @param data          {@code reply}: data as a flow output's (e.g. {@code _cognigy} quick replies); {@code start}: provider-specific fields
 */
record HandoverRequest(String userId, String provider, String status, Integer queuePosition, String agentName, String source,
                       String text, JsonNode data) {

    private static final Set<String> END_STATUSES = Set.of("completed", "cancelled");
    private static final Set<String> OPEN_STATUSES = Set.of("queued", "active");

    List<String> problems(String action) {
        List<String> problems = new ArrayList<>();
        if (userId == null || userId.isBlank()) {
            problems.add("userId is required");
        } else if (userId.length() > InjectRequest.MAX_ID_LENGTH) {
            problems.add("userId must be at most " + InjectRequest.MAX_ID_LENGTH + " characters");
        }
        if (data != null && !data.isNull() && !data.isObject()) {
            problems.add("data must be a JSON object");
        }
        switch (action) {
            case "status" -> {
                if (status == null || !OPEN_STATUSES.contains(status)) {
                    problems.add("status must be queued or active");
                }
            }
            case "end" -> {
                if (status != null && !END_STATUSES.contains(status)) {
                    problems.add("status must be completed or cancelled");
                }
                if (source != null && !Set.of("agent", "api").contains(source)) {
                    problems.add("source must be agent or api");
                }
            }
            default -> {
            }
        }
        return problems;
    }

    /** The {@code handover} command's data as the processor reads it ({@code data.action}…). */
    JsonNode command(String action) {
        ObjectNode command = Json.mapper().createObjectNode();
        if (action.equals("start") && data != null && data.isObject()) {
            command.setAll((ObjectNode) data.deepCopy());
        }
        command.put("action", action.equals("status") ? status : action);
        if (provider != null && !provider.isBlank()) {
            command.put("provider", provider);
        }
        if (action.equals("end")) {
            command.put("status", status == null ? "completed" : status);
            command.put("source", source == null ? "agent" : source);
        }
        if (queuePosition != null) {
            command.put("queuePosition", queuePosition);
        }
        if (agentName != null) {
            command.put("agentName", agentName);
        }
        return command;
    }
}
