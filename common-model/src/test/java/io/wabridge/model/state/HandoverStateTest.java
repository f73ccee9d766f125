package io.wabridge.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.Json;
import io.wabridge.model.event.HandoverStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HandoverStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void theProvidersReferenceSurvivesTheStepsAndTheChangelog() {
        HandoverState state = HandoverState.requested("h", "demo", "u", "chatwoot", "bot", T0, null).withProviderRef("1234")
                .queued(null).activeAt(T0.plusSeconds(1)).forwardedOne().active();

        HandoverState read = Json.fromBytes(Json.toBytes(state), HandoverState.class);

        assertThat(read).isEqualTo(state);
        assertThat(read.providerRef()).isEqualTo("1234");
        assertThat(read.ended(io.wabridge.model.event.HandoverEndReason.COMPLETED).providerRef()).isEqualTo("1234");
    }

    @Test
    void stateWrittenBeforeTheReferenceReadsWithoutOne() {
        String old = "{\"id\":\"h\",\"endpointId\":\"demo\",\"userId\":\"u\",\"status\":\"queued\",\"provider\":\"kafka\","
                + "\"source\":\"api\",\"startedAt\":\"2026-01-01T10:00:00Z\",\"warned\":false,\"forwarded\":2}";
        HandoverState read = Json.fromBytes(old.getBytes(StandardCharsets.UTF_8), HandoverState.class);
        assertThat(read.status()).isEqualTo(HandoverStatus.QUEUED);
        assertThat(read.forwarded()).isEqualTo(2);
        assertThat(read.providerRef()).isNull();
    }
}
