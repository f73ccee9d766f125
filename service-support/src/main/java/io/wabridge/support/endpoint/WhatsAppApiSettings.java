package io.wabridge.support.endpoint;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Graph API is ({@code wabridge.whatsapp.*}).
 *
 * @param graphUrl   base URL of the Graph API; tests and the sandbox point it at a fake
 * @param apiVersion Graph API version
 */
@ConfigurationProperties("wabridge.whatsapp")
public record WhatsAppApiSettings(
        @DefaultValue("https://graph.facebook.com") URI graphUrl,
        @DefaultValue("v25.0") String apiVersion) {

    /** {@code {graph-url}/{api-version}/{phone-number-id}/messages}. */
    public URI messagesUri(String phoneNumberId) {
        String base = graphUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + apiVersion + "/" + phoneNumberId + "/messages");
    }
}
