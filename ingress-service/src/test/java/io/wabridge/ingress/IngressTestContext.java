package io.wabridge.ingress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The ingress as the integration tests run it: real HTTP on a random port, three endpoints (two of
 * one Meta app sharing an app secret, one without signature checks). One annotation, so the test
 * classes share one Spring context. Kafka comes from {@link KafkaForTests}. Metrics export
 * (Prometheus) and tracing are on, as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wabridge.endpoints.demo.phone-number-id=1111",
        "wabridge.endpoints.demo.verify-token=demo-verify",
        "wabridge.endpoints.demo.app-secret=app-secret",
        "wabridge.endpoints.demo.api-key=demo-api-key",
        "wabridge.endpoints.second.phone-number-id=2222",
        "wabridge.endpoints.second.verify-token=second-verify",
        "wabridge.endpoints.second.app-secret=app-secret",
        "wabridge.endpoints.open.phone-number-id=3333",
        "wabridge.endpoints.open.verify-token=open-verify",
        "wabridge.endpoints.open.data-protection.mask-logging=false",
        "wabridge.ingress.webhook.max-body-size=64KB"})
public @interface IngressTestContext {
}
