package io.wabridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConversationKeyTest {

    @Test
    void wireFormIsPhoneNumberIdColonUserId() {
        assertThat(new ConversationKey("106540352242922", "16505551234")).hasToString("106540352242922:16505551234");
    }

    @Test
    void parsesUserIdsThatContainColons() {
        ConversationKey key = ConversationKey.parse("106540352242922:US:1349");

        assertThat(key.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(key.userId()).isEqualTo("US:1349");
    }

    @Test
    void rejectsMalformedKeys() {
        assertThatThrownBy(() -> ConversationKey.parse("nocolon")).hasMessageContaining("nocolon");
        assertThatThrownBy(() -> ConversationKey.parse(":user")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConversationKey("1", " ")).hasMessageContaining("userId");
    }
}
