package io.wabridge.ingress;

import io.wabridge.model.Topics;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TestKafkaBroker;
import io.wabridge.support.kafka.TopicProbe;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An HTTP call into ingress on its real port and what it wrote to {@code whatsapp.inbound}: the
 * probe reads the topic from its end at each test's start, so a test sees only its own records.
 */
public abstract class InboundApiITSupport extends KafkaForTests {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    protected int port;

    protected TopicProbe probe;
    protected final EventCodec codec = new EventCodec();

    @BeforeEach
    void openProbe() {
        probe = TopicProbe.atEnd(TestKafkaBroker.bootstrapServers(), Topics.INBOUND);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }
}
