package io.wabridge.egress;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Finished spans, exported in-process: Spring Boot hands every {@code SpanExporter} bean to the tracer. */
@TestConfiguration(proxyBeanMethods = false)
public class SpanCapture {

    @Bean
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
