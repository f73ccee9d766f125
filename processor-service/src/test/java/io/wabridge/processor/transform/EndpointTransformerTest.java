package io.wabridge.processor.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabridge.model.Json;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.model.settings.TransformerSettings;
import io.wabridge.model.settings.TransformerSettings.Hook;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cognigy's return-value rules and abort-on-error, and the Java SPI behind the same contracts. */
class EndpointTransformerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InputValues mapped = new InputValues("u1", "s1", "hi", Json.mapper().createObjectNode().put("channel", "whatsapp"));

    @Test
    void absentFieldsKeepTheMappedValues() {
        InputValues merged = EndpointTransformer.merge(Hook.INPUT, mapped, json("{\"text\":\"changed\"}"));

        assertThat(merged).isEqualTo(new InputValues("u1", "s1", "changed", mapped.data()));
    }

    @Test
    void returnValuesAreValidatedAsCognigyDoes() {
        assertInvalid("{\"userId\":\"" + "x".repeat(257) + "\"}", "userId longer than 256");
        assertInvalid("{\"sessionId\":\"" + "x".repeat(257) + "\"}", "sessionId longer than 256");
        assertInvalid("{\"userId\":42}", "userId must be a non-empty string");
        assertInvalid("{\"text\":\"" + "x".repeat(10_001) + "\"}", "text longer than 10000");
        assertInvalid("{\"text\":7}", "text must be a string");
        assertInvalid("{\"data\":[1]}", "data must be an object");
        assertInvalid("\"just text\"", "must return an object");
        assertThat(EndpointTransformer.merge(Hook.INPUT, mapped, json("{\"userId\":\"" + "x".repeat(256) + "\"}")).userId())
                .hasSize(256);
    }

    @Test
    void anErrorGoesOnUntransformedUnlessAbortOnErrorIsOn() {
        HookRunner throwing = new FixedRunner(null);

        InputOutcome lenient = transformer(false, throwing).input(Hook.INPUT, null, mapped, null);
        InputOutcome strict = transformer(true, throwing).input(Hook.INPUT, null, mapped, null);

        assertThat(lenient.stopped()).isFalse();
        assertThat(lenient.values()).isEqualTo(mapped);
        assertThat(strict.stopReason()).isEqualTo("script-error");
        assertThat(meters.find("wabridge.processor.transformer.errors").tag("reason", "script-error").counters()).hasSize(1);
    }

    @Test
    void sessionStorageOverTheCapIsAnError() {
        ObjectNode storage = Json.mapper().createObjectNode().put("userId", "u1").put("sessionId", "s1");
        storage.putObject("value").put("big", "x".repeat(EndpointTransformer.MAX_STORAGE_BYTES));
        HookRunner storing = new FixedRunner(new HookResult(HookResult.Kind.VALUE, json("{}"), storage));

        InputOutcome outcome = transformer(true, storing).input(Hook.INPUT, null, mapped, null);

        assertThat(outcome.stopReason()).isEqualTo("storage-too-large");
        assertThat(outcome.storage()).isNull();
    }

    @Test
    void aJavaTransformerIsFoundOnTheClasspathAndKeepsTheContracts() {
        Endpoints endpoints = endpoints(TransformerSettings.NONE);
        try (Transformers transformers = Transformers.load(endpoints, meters)) {
            EndpointTransformer transformer = transformers.of("java-demo").orElseThrow();
            assertThat(transformer.runs(Hook.INPUT)).isTrue();
            assertThat(transformer.runs(Hook.INJECT)).as("not implemented").isFalse();

            InputOutcome first = transformer.input(Hook.INPUT, json("{\"type\":\"text\"}"), mapped, null);
            assertThat(first.values()).isEqualTo(new InputValues("u1", "s1", "hello hi #1", mapped.data()));
            InputOutcome second = transformer.input(Hook.INPUT, null, mapped, first.storage());
            assertThat(second.values().text()).as("session storage carried over").isEqualTo("hello hi #2");

            InputValues drop = new InputValues("u1", "s1", "drop", mapped.data());
            assertThat(transformer.input(Hook.INPUT, null, drop, null).stopReason()).isEqualTo("falsy");
            InputValues fail = new InputValues("u1", "s1", "fail", mapped.data());
            assertThat(transformer.input(Hook.INPUT, null, fail, null).values()).as("error, not aborting").isEqualTo(fail);

            OutputOutcome replaced = transformer.output(json("{\"text\":\"hey\"}"), null, "u1", "s1", null);
            assertThat(replaced.replacement().path("text").path("body").asText()).isEqualTo("java says hey");
            assertThat(transformer.output(json("{\"text\":\"drop\"}"), null, "u1", "s1", null).dropReason()).isEqualTo("falsy");
        }
    }

    @Test
    void twoTransformersForOneEndpointStopStartUp() {
        Endpoints endpoints = endpoints(new TransformerSettings("some.js", null, null, null, null));

        assertThatThrownBy(() -> Transformers.load(endpoints, meters, List.of(new GreetingTransformer())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wabridge.endpoints.java-demo has more than one transformer");
    }

    private static Endpoints endpoints(TransformerSettings settings) {
        return new Endpoints(new EndpointsSettings(Map.of("java-demo",
                TestEndpointSettings.number("9009").cognigyUrl("http://cognigy.invalid").transformers(settings).build())));
    }

    private EndpointTransformer transformer(boolean abortOnError, HookRunner runner) {
        TransformerSettings settings = new TransformerSettings("t.js", null, abortOnError, null, null);
        return new EndpointTransformer(endpoints(settings).byId("java-demo").orElseThrow(), runner, meters);
    }

    private static void assertInvalid(String value, String message) {
        assertThatThrownBy(() -> EndpointTransformer.merge(Hook.INPUT, new InputValues("u", "s", "t",
                Json.mapper().createObjectNode()), json(value)))
                .isInstanceOfSatisfying(TransformerException.class, e -> assertThat(e.reason()).isEqualTo("invalid-result"))
                .hasMessageContaining(message);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns its result, or throws a script error when it has none. */
    private record FixedRunner(HookResult result) implements HookRunner {
        @Override
        public boolean defines(Hook hook) {
            return true;
        }

        @Override
        public HookResult run(Hook hook, ObjectNode argument, JsonNode storage, CallScope scope) {
            if (result == null) {
                throw new TransformerException("script-error", "boom");
            }
            return result;
        }

        @Override
        public void close() {
        }
    }
}
