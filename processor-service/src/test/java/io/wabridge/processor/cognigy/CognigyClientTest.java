package io.wabridge.processor.cognigy;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.wabridge.model.Json;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.Secret;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Against a fake Cognigy over real HTTP. */
class CognigyClientTest {

    private static final WireMockServer cognigy = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final CognigyRequest REQUEST = new CognigyRequest("u1", "s1", "hi", Json.mapper().createObjectNode());

    private final CognigyClient client = new CognigyClient(new CognigyClientSettings(3, Duration.ofMillis(10), 50f, 4, 4,
            Duration.ofMinutes(1), Duration.ofSeconds(1)), RestClient.builder());

    @BeforeAll
    static void startCognigy() {
        cognigy.start();
    }

    @AfterAll
    static void stopCognigy() {
        cognigy.stop();
    }

    @BeforeEach
    void reset() {
        cognigy.resetAll();
    }

    @Test
    void postsTheInputAndReturnsTheOutputStackInOrder() {
        cognigy.stubFor(post("/rest/token").willReturn(okJson("""
                {"text":"a","outputStack":[{"text":"first"},{"text":"second","data":{"x":1}}]}""")));

        var outputs = client.send("demo", settings(Duration.ofSeconds(2)), REQUEST);

        assertThat(outputs).extracting(o -> o.path("text").asText()).containsExactly("first", "second");
        cognigy.verify(postRequestedFor(urlEqualTo("/rest/token"))
                .withRequestBody(equalToJson("{\"userId\":\"u1\",\"sessionId\":\"s1\",\"text\":\"hi\",\"data\":{}}")));
    }

    @Test
    void retriesTransientFailuresWithBackoff() {
        cognigy.stubFor(post("/rest/token").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        cognigy.stubFor(post("/rest/token").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"outputStack\":[{\"text\":\"ok\"}]}")));

        assertThat(client.send("demo", settings(Duration.ofSeconds(2)), REQUEST)).hasSize(1);
        cognigy.verify(2, postRequestedFor(urlEqualTo("/rest/token")));
    }

    @Test
    void givesUpAfterTheAttemptsAllowed() {
        cognigy.stubFor(post("/rest/token").willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> client.send("down", settings(Duration.ofSeconds(2)), REQUEST))
                .isInstanceOfSatisfying(CognigyException.class, e -> assertThat(e.failure()).isEqualTo(CognigyException.Failure.UNAVAILABLE));
        cognigy.verify(3, postRequestedFor(urlEqualTo("/rest/token")));
    }

    @Test
    void timesOutASlowCognigy() {
        cognigy.stubFor(post("/rest/token").willReturn(okJson("{\"outputStack\":[]}").withFixedDelay(1500)));

        assertThatThrownBy(() -> client.send("slow", settings(Duration.ofMillis(200)), REQUEST))
                .isInstanceOfSatisfying(CognigyException.class, e -> assertThat(e.failure()).isEqualTo(CognigyException.Failure.UNAVAILABLE));
    }

    @Test
    void doesNotRetryARejectionOrAMalformedAnswer() {
        cognigy.stubFor(post("/rest/token").willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> client.send("demo", settings(Duration.ofSeconds(2)), REQUEST))
                .isInstanceOfSatisfying(CognigyException.class, e -> assertThat(e.failure()).isEqualTo(CognigyException.Failure.REJECTED));
        cognigy.verify(1, postRequestedFor(urlEqualTo("/rest/token")));

        cognigy.stubFor(post("/rest/token").willReturn(okJson("<html>not json</html>")));
        assertThatThrownBy(() -> client.send("demo", settings(Duration.ofSeconds(2)), REQUEST))
                .isInstanceOfSatisfying(CognigyException.class, e -> assertThat(e.failure()).isEqualTo(CognigyException.Failure.MALFORMED));
    }

    @Test
    void opensTheCircuitOfAnEndpointThatKeepsFailingAndOnlyThatOne() {
        cognigy.stubFor(post("/rest/token").willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.send("broken", settings(Duration.ofSeconds(2)), REQUEST)).isInstanceOf(CognigyException.class);
        }
        assertThat(client.circuitState("broken")).isEqualTo(CircuitBreaker.State.OPEN);
        int before = cognigy.getAllServeEvents().size();

        assertThatThrownBy(() -> client.send("broken", settings(Duration.ofSeconds(2)), REQUEST))
                .isInstanceOfSatisfying(CognigyException.class, e -> assertThat(e.failure()).isEqualTo(CognigyException.Failure.CIRCUIT_OPEN));
        assertThat(cognigy.getAllServeEvents()).hasSize(before);
        assertThat(client.circuitState("other")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static EndpointSettings.Cognigy settings(Duration timeout) {
        return new EndpointSettings.Cognigy(new Secret(cognigy.baseUrl() + "/rest/token"), timeout, null, null);
    }
}
