package io.wabridge.support.endpoint;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Graph API is ({@code wabridge.whatsapp.*}).
 *
 * @param graphUrl   base URL (default {@code https://graph.facebook.com}; tests and the sandbox point it at a fake)
 * @param apiVersion Graph API version (default {@code v25.0})
 */
@ConfigurationProperties("wabridge.whatsapp")
public record WhatsAppApiSettings(URI graphUrl, String apiVersion) {

    public WhatsAppApiSettings {
        graphUrl = graphUrl == null ? URI.create("https://graph.facebook.com") : graphUrl;
        apiVersion = apiVersion == null || apiVersion.isBlank() ? "v25.0" : apiVersion;
    }

    /** {@code {graph-url}/{api-version}/{phone-number-id}/messages}. */
    public URI messagesUri(String phoneNumberId) {
        String base = graphUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + apiVersion + "/" + phoneNumberId + "/messages");
    }
}
