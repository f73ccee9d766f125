package io.wabridge.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    private HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fixed", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"outcome\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first part, ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("second part".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void readsFixedLengthAndChunkedAnswersOverOneKeptAliveConnection() throws IOException {
        try (HttpConnection connection = new HttpConnection(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort()), 5_000)) {
            for (int i = 0; i < 3; i++) {
                assertThat(connection.exchange(head("/fixed", 2), "{}".getBytes(StandardCharsets.US_ASCII))).isEqualTo(200);
                assertThat(connection.exchange(head("/chunked", 2), "{}".getBytes(StandardCharsets.US_ASCII))).isEqualTo(503);
            }
        }
    }

    private byte[] head(String path, int length) {
        return HttpConnection.ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length + "\r\n\r\n");
    }
}
