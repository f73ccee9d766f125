package io.wabridge.bench.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void readsOptionsFlagsAndPositionalArguments() {
        Args args = Args.parse("broker", "--port=9092", "--stamped", "--spring.kafka.bootstrap-servers=localhost:1");

        assertThat(args.positional()).containsExactly("broker");
        assertThat(args.getInt("port", 0)).isEqualTo(9092);
        assertThat(args.flag("stamped")).isTrue();
        assertThat(args.required("spring.kafka.bootstrap-servers")).isEqualTo("localhost:1");
    }

    @Test
    void namesTheOptionThatIsMissingOrMalformed() {
        Args args = Args.parse("--port=many");

        assertThatThrownBy(() -> args.required("url")).hasMessageContaining("--url");
        assertThatThrownBy(() -> args.getInt("port", 0)).hasMessageContaining("--port");
    }
}
