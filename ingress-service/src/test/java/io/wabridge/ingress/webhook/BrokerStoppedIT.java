package io.wabridge.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.ingress.WebhookClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Durable before ack: with its broker stopped, ingress answers 503 in bounded time and never 200.
 * Uses a broker of its own, so stopping it does not disturb other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wabridge.endpoints.open.phone-number-id=3333",
        "wabridge.endpoints.open.verify-token=open-verify",
        "wabridge.ingress.publish.timeout=2s",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000"})
@DirtiesContext
class BrokerStoppedIT {

    private static final EmbeddedKafkaKraftBroker BROKER = startBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopBroker() {
        BROKER.destroy();
    }

    @Test
    void stoppedBrokerYields503InBoundedTimeAndNever200() {
        WebhookClient client = new WebhookClient("http://localhost:" + port);
        // While the broker runs, deliveries are accepted (retried: a just-created topic may still be electing its leader).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.post("/webhooks/whatsapp/open", delivery(), null).statusCode() == 200);

        BROKER.destroy();

        for (int attempt = 0; attempt < 3; attempt++) {
            long started = System.nanoTime();
            HttpResponse<String> response = client.post("/webhooks/whatsapp/open", delivery(), null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("retry later");
            // The bound is the configured publish timeout (2 s); generous slack for a loaded CI machine.
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(client.get("/actuator/health/readiness").statusCode()).as("not ready without Kafka").isEqualTo(503);
    }

    private static byte[] delivery() {
        return WebhookIntakeIT.delivery("3333", "4999", "wamid." + UUID.randomUUID());
    }

    private static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        return broker;
    }
}
