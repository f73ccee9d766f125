package io.wabridge.ingress.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code wabridge.ingress.webhook.*}
 *
 * @param maxBodySize larger webhook bodies are refused with 413 (Meta's payloads reach 3 MB)
 */
@ConfigurationProperties("wabridge.ingress.webhook")
public record WebhookSettings(@DefaultValue("4MB") DataSize maxBodySize) {

    public WebhookSettings {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("wabridge.ingress.webhook.max-body-size must be between 1B and 2GB but was " + maxBodySize);
        }
    }
}
