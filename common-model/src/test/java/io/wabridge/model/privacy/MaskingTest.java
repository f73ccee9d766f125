package io.wabridge.model.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void keepsThreeCharactersAtEachEndOfAnId() {
        assertThat(Masking.ON.id("4915550001234")).isEqualTo("491*******234");
        assertThat(Masking.ON.id("123456")).isEqualTo("******");
        assertThat(Masking.ON.id(null)).isNull();
    }

    @Test
    void masksTheUserPartOfAConversationKeyOnly() {
        assertThat(Masking.ON.key("100000000000001:4915550001234")).isEqualTo("100000000000001:491*******234");
        assertThat(Masking.ON.key("nouserpart")).isEqualTo("nou****art");
    }

    @Test
    void keepsOnlyTheEndOfALongMessageId() {
        String wamid = "wamid.HBgLNDkxNTU1MDAwMTIzNBUCABIYFDNBMEQ0RDQ0Q0RBQkM";

        assertThat(Masking.ON.messageId(wamid)).isEqualTo("wamid.…0Q0RBQkM").doesNotContain("HBgLNDkxNTU1MDAwMTIzNBUC");
        assertThat(Masking.OFF.messageId(wamid)).isEqualTo(wamid);
        assertThat(Masking.ON.messageId("wamid.short")).isEqualTo("wamid.short");
    }

    @Test
    void hidesTextsEntirelyUnlessUnmasked() {
        assertThat(Masking.ON.text("my address is ...")).isEqualTo("***");
        assertThat(Masking.OFF.text("my address is ...")).isEqualTo("my address is ...");
        assertThat(Masking.OFF.id("4915550001234")).isEqualTo("4915550001234");
        assertThat(Masking.OFF.key("1:4915550001234")).isEqualTo("1:4915550001234");
    }

    @Test
    void replacesDataEntirely() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("address", "Main Street 1");

        assertThat(Masking.ON.data(data).asText()).isEqualTo("***");
        assertThat(Masking.OFF.data(data)).isSameAs(data);
        assertThat(Masking.ON.data(null)).isNull();
    }

    @Test
    void pseudonymousKeyKeepsTheBusinessNumberAndHidesTheUser() {
        String pseudonym = Masking.pseudonymousKey("100000000000001:4915550001234");

        assertThat(pseudonym).startsWith("100000000000001:").doesNotContain("4915550001234")
                .isEqualTo(Masking.pseudonymousKey("100000000000001:4915550001234"))
                .isNotEqualTo(Masking.pseudonymousKey("100000000000001:4915550001235"));
    }
}
