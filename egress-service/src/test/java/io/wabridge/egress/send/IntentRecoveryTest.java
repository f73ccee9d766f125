package io.wabridge.egress.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.egress.status.AcceptanceProof;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A crash-interrupted send is repeated only when no status proves Graph accepted it. */
class IntentRecoveryTest {

    private static final Instant INTENT = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<String> searches = new ArrayList<>();

    @Test
    void anIntentWithAStatusIsNotSentAgain() {
        StatusEvent sent = webhookStatus("ob-1");
        IntentRecovery recovery = new IntentRecovery(proof(Optional.of(sent)), WAIT);

        assertThat(recovery.alreadyAccepted("ob-1", INTENT).join()).contains(sent);
        assertThat(searches).containsExactly("ob-1 from " + INTENT + " until " + INTENT.plus(WAIT));
    }

    @Test
    void anIntentWithoutAStatusWithinTheWaitIsSent() {
        IntentRecovery recovery = new IntentRecovery(proof(Optional.empty()), WAIT);

        assertThat(recovery.alreadyAccepted("ob-1", INTENT).join()).isEmpty();
        assertThat(searches).containsExactly("ob-1 from " + INTENT + " until " + INTENT.plus(WAIT));
    }

    @Test
    void withoutAnIntentItIsSentWithoutLookingForStatuses() {
        IntentRecovery recovery = new IntentRecovery(proof(Optional.of(webhookStatus("ob-1"))), WAIT);

        assertThat(recovery.alreadyAccepted("ob-1", null).join()).isEmpty();
        assertThat(searches).isEmpty();
    }

    private AcceptanceProof proof(Optional<StatusEvent> answer) {
        return (outboundId, since, deadline) -> {
            searches.add(outboundId + " from " + since + " until " + deadline);
            return CompletableFuture.completedFuture(answer);
        };
    }

    private static StatusEvent webhookStatus(String callbackData) {
        return new StatusEvent(1, "e-1", StatusSource.WEBHOOK, "fast", "1004", "1004:1", "1", "wamid.1", null, DeliveryStatus.SENT,
                INTENT.plusSeconds(2), INTENT.plusSeconds(2), callbackData, List.of(), null);
    }
}
