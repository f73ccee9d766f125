package io.wabridge.bench.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wabridge.bench.load.EpochClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measurement equipment, not a simulator: the fake Graph API and the fake Cognigy REST Endpoint.
 * Each request is time-stamped on arrival, held for the configured latency (a thread sleeping,
 * from a pool big enough for latency × rate), answered with the real API's success shape and kept
 * in memory as a {@link Request}. The harness reads {@code GET /bench/count} while it waits and
 * {@code GET /bench/log} (one {@link Request#line()} per request) at the end.
 *
 * <p>Why not the sandbox's fakes: they validate, keep outboxes and send status webhooks for every
 * message, which costs CPU on the same two cores as the system under test and measures nothing
 * most scenarios need; the scenario that needs statuses ({@code delivered} ordering) starts this
 * fake {@link #startWithStatuses with them}, and {@code GET /bench/statuses} counts them.
 */
public final class FakeServer {

    private static final Logger log = LoggerFactory.getLogger(FakeServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a fake answers, and how it names the request's sender, recipient and text. */
    public enum Kind {
        GRAPH, COGNIGY
    }

    private final Kind kind;
    private final long latencyMillis;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong wamids = new AtomicLong();
    private final HttpServer server;
    private final StatusWebhooks statuses;

    private FakeServer(Kind kind, long latencyMillis, HttpServer server, StatusWebhooks statuses) {
        this.kind = kind;
        this.latencyMillis = latencyMillis;
        this.server = server;
        this.statuses = statuses;
    }

    /** Starts a fake on {@code port} with {@code threads} request threads. */
    public static FakeServer start(Kind kind, int port, long latencyMillis, int threads) throws IOException {
        return start(kind, port, latencyMillis, threads, null);
    }

    /**
     * A fake Graph API that also reports every message it accepted to ingress as {@code sent} and
     * {@code delivered} (see {@link StatusWebhooks}), over {@code statusConnections} connections to
     * {@code statusWebhookUrl}, signed with {@code appSecret}.
     */
    public static FakeServer startWithStatuses(int port, long latencyMillis, int threads, URI statusWebhookUrl, String appSecret,
                                               int statusConnections) throws IOException {
        return start(Kind.GRAPH, port, latencyMillis, threads, new StatusWebhooks(statusWebhookUrl, appSecret, statusConnections));
    }

    private static FakeServer start(Kind kind, int port, long latencyMillis, int threads, StatusWebhooks statuses) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 4096);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        FakeServer fake = new FakeServer(kind, latencyMillis, server, statuses);
        server.createContext("/bench/count", exchange -> fake.answer(exchange, 200, Long.toString(fake.count.get())));
        server.createContext("/bench/statuses", exchange -> fake.answer(exchange, 200, statuses == null ? "0 0 0" : statuses.counts()));
        server.createContext("/bench/log", fake::writeLog);
        server.createContext("/", fake::handle);
        server.start();
        log.info("fake {} on port {}, latency {} ms, {} threads", kind, port, latencyMillis, threads);
        return fake;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long arrival = EpochClock.nowMicros();
            JsonNode request = JSON.readTree(body);
            String sender;
            String recipient;
            String text;
            String answer;
            String wamid = null;
            if (kind == Kind.GRAPH) {
                // POST /{version}/{phone-number-id}/messages
                String[] path = exchange.getRequestURI().getPath().split("/");
                sender = path.length >= 3 ? path[path.length - 2] : "?";
                recipient = request.path("to").asText("?");
                text = request.path("text").path("body").asText(null);
                wamid = "wamid.fake-" + wamids.incrementAndGet();
                answer = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + recipient + "\",\"wa_id\":\""
                        + recipient + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}";
            } else {
                sender = "cognigy";
                recipient = request.path("userId").asText("?");
                text = request.path("text").asText(null);
                var reply = JSON.createObjectNode();
                reply.put("text", text);
                reply.putObject("data");
                reply.put("userId", recipient);
                reply.put("sessionId", request.path("sessionId").asText(""));
                var output = reply.putArray("outputStack").addObject();
                output.put("text", text);
                output.putObject("data");
                output.put("source", "bot");
                answer = JSON.writeValueAsString(reply);
            }
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            Stamp stamp = Stamp.parse(text);
            requests.add(new Request(arrival, EpochClock.nowMicros(), sender, recipient, stamp.sequence(), stamp.micros()));
            count.incrementAndGet();
            answer(exchange, 200, answer);
            if (statuses != null && wamid != null) {
                statuses.accepted(sender, recipient, wamid, request.path("biz_opaque_callback_data").asText(null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("fake {} failed on a request", kind, e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private void writeLog(HttpExchange exchange) throws IOException {
        List<Request> snapshot = new ArrayList<>(requests);
        StringBuilder text = new StringBuilder(snapshot.size() * 48);
        snapshot.forEach(request -> text.append(request.line()).append('\n'));
        try (exchange) {
            answer(exchange, 200, text.toString());
        }
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public void stop() {
        server.stop(0);
        if (statuses != null) {
            statuses.close();
        }
    }
}
