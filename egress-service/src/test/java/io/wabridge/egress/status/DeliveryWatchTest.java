package io.wabridge.egress.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeliveryWatchTest {

    private final DeliveryWatch watch = new DeliveryWatch();

    @Test
    void findsTheSendByCallbackData() {
        CompletableFuture<DeliveryStatus> reached = watch.expect("ob-1");

        watch.onStatus(status("wamid.1", "ob-1", DeliveryStatus.SENT));
        assertThat(reached).isNotDone();
        watch.onStatus(status("wamid.1", "ob-1", DeliveryStatus.DELIVERED));

        assertThat(reached).isCompletedWithValue(DeliveryStatus.DELIVERED);
        assertThat(watch.tracked()).isZero();
    }

    @Test
    void findsTheSendByWamidWhenThereIsNoCallbackData() {
        CompletableFuture<DeliveryStatus> reached = watch.expect("ob-2");
        watch.accepted("ob-2", "wamid.2");

        watch.onStatus(status("wamid.2", null, DeliveryStatus.READ));

        assertThat(reached).isCompletedWithValue(DeliveryStatus.READ);
    }

    @Test
    void aFailedStatusEndsTheWaitToo() {
        CompletableFuture<DeliveryStatus> reached = watch.expect("ob-3");

        watch.onStatus(status("wamid.3", "ob-3", DeliveryStatus.FAILED));

        assertThat(reached).isCompletedWithValue(DeliveryStatus.FAILED);
    }

    @Test
    void ignoresStatusesOfSendsNobodyWaitsFor() {
        CompletableFuture<DeliveryStatus> reached = watch.expect("ob-4");

        watch.onStatus(status("wamid.other", "ob-other", DeliveryStatus.DELIVERED));

        assertThat(reached).isNotDone();
    }

    private static StatusEvent status(String wamid, String callbackData, DeliveryStatus status) {
        return new StatusEvent(1, "ev", StatusSource.WEBHOOK, "demo", "1", "1:2", "2", wamid, null, status, Instant.now(),
                Instant.now(), callbackData, List.of(), null);
    }
}
