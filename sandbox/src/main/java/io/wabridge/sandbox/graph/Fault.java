package io.wabridge.sandbox.graph;

import java.util.Map;

/**
 * A planned failure of the next send(s), so the pipeline's error handling (backoff on 131056,
 * retries on 131000, dead letters on 131047, …) can be seen and tested without Meta.
 *
 * @param code          the Graph error code (required)
 * @param httpStatus    default 500 for 131000, 1 and 2, 401 for 190, else 400
 * @param message       default: Meta's wording for well-known codes
 * @param count         how many sends it fails (default 1)
 * @param recipient     only sends to this wa_id; null for any recipient
 * @param failedStatus  accept the send (200) and report it as a {@code failed} status webhook instead,
 *                      which is how Meta reports e.g. 131047 and 131026
 */
record Fault(Integer code, Integer httpStatus, String message, Integer count, String recipient, Boolean failedStatus) {

    private static final Map<Integer, String> MESSAGES = Map.of(
            130429, "(#130429) Rate limit hit",
            131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
            131000, "Something went wrong",
            131047, "Re-engagement message",
            131026, "Message undeliverable",
            131048, "Spam rate limit hit",
            131057, "Account in maintenance mode",
            4, "(#4) Application request limit reached",
            80007, "Rate limit issues",
            368, "Temporarily blocked for policies violations");

    Fault {
        if (code == null) {
            throw new IllegalArgumentException("code is required");
        }
        httpStatus = httpStatus != null ? httpStatus : defaultHttpStatus(code);
        message = message != null && !message.isBlank() ? message : MESSAGES.getOrDefault(code, "(#" + code + ") Sandbox fault");
        count = count == null || count < 1 ? 1 : count;
        failedStatus = Boolean.TRUE.equals(failedStatus);
    }

    private static int defaultHttpStatus(int code) {
        return switch (code) {
            case 131000, 1, 2 -> 500;
            case 190 -> 401;
            default -> 400;
        };
    }

    boolean appliesTo(String waId) {
        return recipient == null || recipient.equals(waId);
    }

    GraphError error() {
        return new GraphError(httpStatus, code, null, message, "Planned by the sandbox (POST /sandbox/faults).");
    }
}
