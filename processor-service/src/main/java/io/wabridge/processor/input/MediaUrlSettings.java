package io.wabridge.processor.input;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fetching media download URLs from Graph for the flow ({@code wabridge.processor.media.*}).
 *
 * @param fetchUrls add {@code data.media.url} (valid about 5 minutes, needs the endpoint's access
 *                  token to download) to media messages (default false: the flow gets the media id)
 * @param timeout   how long the Graph lookup may take before the input goes without a URL (default 2 s)
 */
@ConfigurationProperties("wabridge.processor.media")
public record MediaUrlSettings(Boolean fetchUrls, Duration timeout) {

    public MediaUrlSettings {
        fetchUrls = fetchUrls != null && fetchUrls;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }
}
