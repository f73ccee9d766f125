package io.wabridge.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake Cognigy REST Endpoint in the test JVM: answers every user message with
 * {@value #REPLIES} outputs, {@code "<user's text> r=1"}, {@code "… r=2"}, so each reply carries the
 * user's sequence number and its own place in the turn. It records every call: a message seen twice
 * is a bot-side duplicate (a turn the processor ran again).
 */
final class FakeBot implements AutoCloseable {

    static final int REPLIES = 2;

    /** One call: the processor's {@code userId} and the user's text. */
    record Call(String userId, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(64);
    private final List<Call> calls = new ArrayList<>();

    private FakeBot() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Ports.free()), 1024);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeBot start() throws IOException {
        return new FakeBot();
    }

    /** The REST Endpoint URL (with its URL token) for {@code cognigy.url}. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/crash-url-token";
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String userId = request.path("userId").asText();
            String text = request.path("text").asText("");
            synchronized (this) {
                calls.add(new Call(userId, text));
            }
            ObjectNode reply = JSON.createObjectNode();
            reply.put("userId", userId);
            reply.put("sessionId", request.path("sessionId").asText(""));
            reply.put("text", "");
            reply.putObject("data");
            ArrayNode outputs = reply.putArray("outputStack");
            for (int part = 1; part <= REPLIES; part++) {
                ObjectNode output = outputs.addObject();
                output.put("text", text + " r=" + part);
                output.putObject("data");
                output.put("source", "bot");
            }
            byte[] bytes = JSON.writeValueAsBytes(reply);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
