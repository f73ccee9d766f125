package io.wabridge.model.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An {@code errors[]} item of a webhook (message, status or value level). */
public record WebhookError(
        int code,
        String title,
        String message,
        @JsonProperty("error_data") ErrorData errorData,
        String href) {

    public record ErrorData(String details) {
    }

    public String details() {
        return errorData == null ? null : errorData.details();
    }
}
