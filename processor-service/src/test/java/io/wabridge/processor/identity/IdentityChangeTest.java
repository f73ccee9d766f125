package io.wabridge.processor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Fixtures;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.state.UserIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The identity changes of {@code webhook/identity-changes.json} (Meta's documented shapes) as the processor reads them. */
class IdentityChangeTest {

    private static final String PNID = "106540352242922";
    private static final UserIdentity BO = new UserIdentity("16505551234", "US.90871234509876543210", "16505551234", "@bo");

    @Test
    void aNumberChangeContinuesThePreviousIdsConversationWithTheNewNumber() {
        InboundEvent event = event(0, "US.55501234567890123456");
        IdentityChange change = IdentityChange.of(event).orElseThrow();

        assertThat(change.continues(event, PNID + ":US.55501234567890123456")).contains(PNID + ":US.90871234509876543210");
        assertThat(change.applyTo(BO)).isEqualTo(new UserIdentity("16505551234", "US.55501234567890123456", "12195555358", "@bo"));
        assertThat(SeenIds.after(event, BO, PNID + ":US.55501234567890123456").phoneNumber())
                .as("the change message's from is the old number").isEqualTo("12195555358");
    }

    @Test
    void aNewBusinessScopedIdAloneKeepsTheNumber() {
        InboundEvent event = event(1, "US.24681357924681357924");
        IdentityChange change = IdentityChange.of(event).orElseThrow();

        assertThat(change.continues(event, PNID + ":US.24681357924681357924")).contains(PNID + ":US.13491208655302741918");
        assertThat(change.applyTo(BO).phoneNumber()).isEqualTo("16505551234");
        assertThat(change.applyTo(BO).businessScopedUserId()).isEqualTo("US.24681357924681357924");
    }

    @Test
    void aChangeFromBeforeBusinessScopedIdsContinuesTheOldNumbersConversation() {
        InboundEvent event = event(2, "12195555358");

        assertThat(IdentityChange.of(event).orElseThrow().continues(event, PNID + ":12195555358")).contains(PNID + ":16505551234");
        assertThat(IdentityChange.of(event).orElseThrow().continues(event, PNID + ":16505551234"))
                .as("keyed on the old number by an earlier ingress: nothing to claim").isEmpty();
    }

    @Test
    void otherMessagesAreNoIdentityChange() {
        InboundEvent text = new InboundEvent(1, "e", InboundKind.MESSAGE, "demo", PNID, PNID + ":1", "1", "wamid.t", "text",
                Instant.EPOCH, Instant.EPOCH, null, null, null, null, Fixtures.tree("webhook/all-message-types.json")
                .at("/entry/0/changes/0/value/messages/0"), null, null);

        assertThat(IdentityChange.of(text)).isEmpty();
    }

    private static InboundEvent event(int index, String keyUserId) {
        JsonNode message = Fixtures.tree("webhook/identity-changes.json").at("/entry/0/changes/0/value/messages/" + index);
        return new InboundEvent(1, "e" + index, InboundKind.MESSAGE, "demo", PNID, PNID + ":" + keyUserId, keyUserId,
                message.path("id").asText(), "system", Instant.EPOCH, Instant.EPOCH, null, null, null, null, message, null, null);
    }
}
