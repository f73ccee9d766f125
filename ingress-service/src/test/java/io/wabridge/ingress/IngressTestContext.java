package io.wabridge.ingress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The ingress as the integration tests run it: real HTTP on a random port, three endpoints (two of
 * one Meta app sharing an app secret, one without signature checks; the two with a Chatwoot, one
 * checking signatures, one a URL token). One annotation, so the test
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
        "wabridge.endpoints.demo.handover.chatwoot.base-url=http://localhost:9",
        "wabridge.endpoints.demo.handover.chatwoot.api-access-token=cw-api-token",
        "wabridge.endpoints.demo.handover.chatwoot.account-id=7",
        "wabridge.endpoints.demo.handover.chatwoot.inbox-id=3",
        "wabridge.endpoints.demo.handover.chatwoot.webhook-secret=cw-webhook-secret",
        "wabridge.endpoints.second.handover.chatwoot.base-url=http://localhost:9",
        "wabridge.endpoints.second.handover.chatwoot.api-access-token=cw-api-token",
        "wabridge.endpoints.second.handover.chatwoot.account-id=7",
        "wabridge.endpoints.second.handover.chatwoot.inbox-id=4",
        "wabridge.endpoints.second.handover.chatwoot.webhook-token=cw-url-token",
        "wabridge.endpoints.second.phone-number-id=2222",
        "wabridge.endpoints.second.verify-token=second-verify",
        "wabridge.endpoints.second.app-secret=app-secret",
        "wabridge.endpoints.open.phone-number-id=3333",
        "wabridge.endpoints.open.verify-token=open-verify",
        "wabridge.endpoints.open.data-protection.mask-logging=false",
        "wabridge.ingress.webhook.max-body-size=64KB"})
public @interface IngressTestContext {
}
