package io.wabridge.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.support.kafka.TestKafkaBroker.Kind;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TestKafkaBrokerTest {

    @Test
    void anExternalBrokerWinsWithoutAskingForDocker() {
        AtomicInteger probes = new AtomicInteger();

        assertThat(TestKafkaBroker.choose("kafka:9092", () -> probes.incrementAndGet() > 0)).isEqualTo(Kind.EXTERNAL);
        assertThat(probes).as("the Docker probe is not run when it cannot change the answer").hasValue(0);
    }

    @Test
    void aDockerEngineStartsAContainerWhenNoExternalBrokerIsNamed() {
        assertThat(TestKafkaBroker.choose(null, () -> true)).isEqualTo(Kind.CONTAINER);
        assertThat(TestKafkaBroker.choose("  ", () -> true)).as("a blank variable names no broker").isEqualTo(Kind.CONTAINER);
    }

    @Test
    void withoutDockerTheBrokerRunsInProcess() {
        assertThat(TestKafkaBroker.choose(null, () -> false)).isEqualTo(Kind.IN_PROCESS);
        assertThat(TestKafkaBroker.choose("", () -> false)).isEqualTo(Kind.IN_PROCESS);
    }
}
