package io.wabridge.ingress;

import io.wabridge.support.kafka.TestKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base class of the {@link IngressTestContext} tests: points the context at the shared real test broker. */
public abstract class KafkaForTests {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafkaBroker::bootstrapServers);
    }
}
