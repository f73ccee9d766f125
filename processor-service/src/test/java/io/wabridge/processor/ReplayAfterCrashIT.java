package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.model.event.InboundEvent;
import io.wabridge.processor.pipeline.InboundProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance dies while a slow turn runs, after a later record of the same partition (another
 * conversation) was committed: the partition's offset could not pass the slow record, so both are
 * replayed. The committed turn must not be answered twice; the abandoned one exactly once.
 */
class ReplayAfterCrashIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    InboundProcessor first;

    @Test
    void aReplayNeverRepeatsACommittedTurnsReplies() {
        String slow = newUser();
        String quick = userOnSamePartitionAs(slow);
        cognigy.stubFor(post(urlPathMatching("/cognigy/.*")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.userId", equalTo(slow)))
                .willReturn(okJson("{\"outputStack\":[{\"text\":\"slow answer\"}]}").withFixedDelay(8000)));

        first.stop();
        Map<String, String> properties = properties();
        properties.put("wabridge.processor.pipeline.transactional-id", "processor-it-doomed");
        properties.put("wabridge.processor.pipeline.drain-timeout", "0s");
        InboundEvent slowEvent = TestEvents.text(TestEvents.PHONE_NUMBER_ID, slow, "wamid.slow-" + slow, "take your time", TestEvents.T0);
        InboundEvent quickEvent = TestEvents.text(TestEvents.PHONE_NUMBER_ID, quick, "wamid.quick-" + quick, "quick", TestEvents.T0);
        try (ConfigurableApplicationContext doomed = ProcessorApplication.builder().sources(TestDesk.class)
                .web(WebApplicationType.NONE).properties(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new)).run()) {
            InboundProcessor doomedProcessor = doomed.getBean(InboundProcessor.class);
            await().atMost(WAIT).until(() -> doomedProcessor.assignedPartitions().size() == 12);
            send(slowEvent);
            await().atMost(WAIT).until(() -> cognigyCalls(slow).size() == 1);
            send(quickEvent);
            await().atMost(WAIT).until(() -> outbound(quickEvent.conversationKey()).size() == 1);
            assertThat(outbound(slowEvent.conversationKey())).as("still waiting for Cognigy").isEmpty();
        } // closed without waiting for the slow turn: its result is lost with the instance

        first.start();
        await().atMost(WAIT).until(() -> outbound(slowEvent.conversationKey()).size() == 1);
        assertThat(cognigyCalls(slow)).as("the abandoned turn ran again").hasSize(2);
        assertThat(outbound(slowEvent.conversationKey())).extracting(ProcessorITSupport::textOf).containsExactly("slow answer");
        send(TestEvents.text(TestEvents.PHONE_NUMBER_ID, quick, "wamid.later-" + quick, "later", TestEvents.T0.plusSeconds(60)));
        await().atMost(WAIT).until(() -> outbound(quickEvent.conversationKey()).size() >= 2);
        assertThat(outbound(quickEvent.conversationKey())).extracting(ProcessorITSupport::textOf)
                .as("the committed turn was not answered again").containsExactly("echo quick", "echo later");
        assertThat(cognigyCalls(quick)).hasSize(2);
    }

    private static String userOnSamePartitionAs(String user) {
        int partition = partition(TestEvents.PHONE_NUMBER_ID + ":" + user);
        while (true) {
            String candidate = newUser();
            if (partition(TestEvents.PHONE_NUMBER_ID + ":" + candidate) == partition) {
                return candidate;
            }
        }
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 12;
    }
}
