package io.wabridge.processor.input;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fetching media download URLs from Graph for the flow ({@code wabridge.processor.media.*}).
 *
 * @param fetchUrls add {@code data.media.url} (valid about 5 minutes, needs the endpoint's access
 *                  token to download) to media messages (off: the flow gets the media id)
 * @param timeout   how long the Graph lookup may take before the input goes without a URL
 */
@ConfigurationProperties("wabridge.processor.media")
public record MediaUrlSettings(@DefaultValue("false") boolean fetchUrls, @DefaultValue("2s") Duration timeout) {
}
