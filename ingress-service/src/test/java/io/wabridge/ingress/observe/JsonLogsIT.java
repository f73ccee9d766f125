package io.wabridge.ingress.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.ingress.IngressApplication;
import io.wabridge.ingress.WebhookClient;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Json;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}: the service logs one JSON object per line, with the trace id. */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsIT {

    private static final String TRACE_ID = "7c1d3e5f7a9b4c2d8e0f1a3b5c7d9e1f";

    @Test
    void logsJsonLinesWithTheTraceIdWhenStructuredLoggingIsOn(CapturedOutput output) throws IOException {
        try (ConfigurableApplicationContext context = IngressApplication.builder().run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestKafkaBroker.bootstrapServers(),
                "--wabridge.endpoints.open.phone-number-id=3333",
                "--wabridge.endpoints.open.verify-token=open-verify",
                "--logging.structured.format.console=ecs")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            // Refused (unknown endpoint): logged at WARN inside the request's span.
            new WebhookClient("http://localhost:" + port).post("/webhooks/whatsapp/nope", "{}".getBytes(StandardCharsets.UTF_8),
                    null, Map.of(EventHeaders.TRACEPARENT, "00-" + TRACE_ID + "-1a2b3c4d5e6f7a8b-01"));
        }

        List<String> refused = output.getOut().lines().filter(line -> line.contains("Webhook refused with 404")).toList();
        assertThat(refused).hasSize(1);
        JsonNode line = Json.mapper().readTree(refused.get(0));
        assertThat(line.path("log").path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("service").path("name").asText()).isEqualTo("wabridge-ingress");
        assertThat(line.path("traceId").asText()).as("the request's trace id, from the MDC").isEqualTo(TRACE_ID);
        assertThat(line.path("spanId").asText()).matches("[0-9a-f]{16}");
    }
}
