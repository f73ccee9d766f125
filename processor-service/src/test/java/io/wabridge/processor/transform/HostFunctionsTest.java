package io.wabridge.processor.transform;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wabridge.model.privacy.Masking;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host side of {@code httpRequest} and the hashing helpers, over real HTTP. */
class HostFunctionsTest {

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final HostFunctions host = new HostFunctions();

    HostFunctionsTest() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void postsJsonAndParsesTheAnswer() {
        server.stubFor(post("/lookup").withRequestBody(equalToJson("{\"user\":\"u1\"}"))
                .withHeader("Content-Type", containing("application/json")).willReturn(okJson("{\"answer\":42}")));

        String answer = host.http(scope(), "{\"uri\":\"" + server.baseUrl() + "/lookup\",\"method\":\"POST\",\"json\":true,"
                + "\"body\":{\"user\":\"u1\"}}");

        assertThat(answer).isEqualTo("{\"body\":{\"answer\":42}}");
    }

    @Test
    void aNon2xxAnswerIsAnErrorWithStatusAndBody() {
        server.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("nope")));

        String answer = host.http(scope(), "{\"uri\":\"" + server.baseUrl() + "/missing\"}");

        assertThat(answer).isEqualTo("{\"error\":\"HTTP 404\",\"statusCode\":404,\"body\":\"nope\"}");
    }

    @Test
    void onlyHttpUrls() {
        assertThat(host.http(scope(), "{\"uri\":\"file:///etc/passwd\"}")).contains("uri must be an http(s) URL");
    }

    @Test
    void theRequestGetsOnlyTheTimeLeft() {
        server.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(3000)));

        String answer = host.http(new CallScope("demo", "handleInput", Masking.OFF, Instant.now().plusMillis(300)),
                "{\"uri\":\"" + server.baseUrl() + "/slow\"}");

        assertThat(answer).contains("HttpTimeoutException");
    }

    @Test
    void hashesAndHmacsAsNodeWouldPrintThem() {
        assertThat(host.hash("sha1", "abc", "hex")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(host.hash("md5", "abc", "base64")).isEqualTo("kAFQmDzST7DWlj99KOF/cg==");
        assertThat(host.hmac("sha256", "key", "The quick brown fox jumps over the lazy dog", "hex"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    private static CallScope scope() {
        return new CallScope("demo", "handleInput", Masking.OFF, Instant.now().plusSeconds(5));
    }
}
