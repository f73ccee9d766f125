package io.wabridge.egress.graph;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP side of Graph API calls ({@code wabridge.egress.graph.*}).
 *
 * @param requestTimeout longest one send may take before it counts as a transient failure
 * @param connectTimeout longest a connection attempt may take
 * @param ioThreads      threads that complete HTTP responses; they never block
 */
@ConfigurationProperties("wabridge.egress.graph")
public record GraphClientSettings(
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("4") Integer ioThreads) {
}
