package io.wabridge.bench.sut;

import io.wabridge.support.endpoint.EndpointsConfiguration;
import io.wabridge.support.kafka.KafkaHealthConfiguration;
import io.wabridge.support.kafka.KafkaTopicsConfiguration;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP ceiling: the stack ingress runs on (Spring Boot, Spring MVC, embedded Tomcat,
 * actuator's request metrics; same classpath, same defaults) with a controller that reads the
 * body and answers 200 with a small JSON body, doing nothing else. No Kafka, no signature check:
 * service-support's Kafka and endpoint configurations are excluded (each would need what this app
 * leaves out), its observability stays, as in ingress. {@code RolesStartIT} starts it.
 */
@SpringBootApplication(exclude = {KafkaAutoConfiguration.class, KafkaTopicsConfiguration.class, KafkaHealthConfiguration.class,
        EndpointsConfiguration.class})
public class NoWorkApplication {

    static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NoWorkApplication.class).properties("spring.config.name=bench-nowork");
    }

    @RestController
    static class NoWorkController {

        @PostMapping("/webhooks/whatsapp/{endpointId}")
        ResponseEntity<Map<String, String>> accept(@PathVariable String endpointId, @RequestBody byte[] body) {
            return ResponseEntity.ok(Map.of("outcome", "accepted", "message", body.length + " bytes from " + endpointId));
        }
    }
}
