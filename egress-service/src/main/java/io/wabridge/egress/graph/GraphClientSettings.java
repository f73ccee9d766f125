package io.wabridge.egress.graph;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HTTP side of Graph API calls ({@code wabridge.egress.graph.*}).
 *
 * @param requestTimeout longest one send may take before it counts as a transient failure (default 10 s)
 * @param connectTimeout longest a connection attempt may take (default 5 s)
 * @param ioThreads      threads that complete HTTP responses; they never block (default 4)
 */
@ConfigurationProperties("wabridge.egress.graph")
public record GraphClientSettings(Duration requestTimeout, Duration connectTimeout, Integer ioThreads) {

    public GraphClientSettings {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        ioThreads = ioThreads == null ? 4 : ioThreads;
    }
}
