package io.wabridge.processor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class JdkRequestFactoriesTest {

    @Test
    void requestBodiesAreWrittenByTheReusedPoolNotByANewThreadPerRequest() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] echo = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, echo.length);
            exchange.getResponseBody().write(echo);
            exchange.close();
        });
        server.start();
        try {
            RestClient client = RestClient.builder()
                    .requestFactory(JdkRequestFactories.of(HttpClient.newHttpClient(), Duration.ofSeconds(10))).build();
            for (int i = 0; i < 3; i++) {
                String answer = client.post().uri("http://127.0.0.1:" + server.getAddress().getPort() + "/")
                        .body(("call " + i).getBytes(StandardCharsets.UTF_8)).retrieve().body(String.class);
                assertThat(answer).isEqualTo("call " + i);
            }
        } finally {
            server.stop(0);
        }

        // The pool keeps an idle writer for a minute; Spring's default would have started a SimpleAsyncTaskExecutor thread per call.
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName).anyMatch(name -> name.startsWith("http-request-body-"));
    }
}
