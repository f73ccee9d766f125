package io.wabridge.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake Graph API ({@code POST /{version}/{phone-number-id}/messages}) in the test JVM: it is
 * the outside world, never killed. It records every send it accepts, in arrival order, with the
 * recipient, the outbound id egress puts into {@code biz_opaque_callback_data} and the text; and it
 * can fail a share of the message sends the ways Graph does (see {@link Fault}). Mark-read and typing
 * calls are answered {@code success} and not recorded.
 */
final class FakeGraph implements AutoCloseable {

    /** How a send fails; each equally likely once a send is picked to fail. */
    enum Fault {
        /** HTTP 429, code 130429: the number's throughput, egress pauses the whole number. */
        THROTTLED,
        /** HTTP 500, code 131000: transient. */
        SERVER_ERROR,
        /** HTTP 400, code 131056: pair rate limit, egress backs off that recipient only. */
        PAIR_RATE,
        /** No answer for longer than egress's request timeout, then the connection is closed. */
        HANG,
        /** The connection is closed without an answer. */
        DROP
    }

    /** One accepted send, {@code order} counting all accepted sends of this fake. */
    record Send(long order, String recipient, String outboundId, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(64);
    private final long hangMillis;
    private final List<Send> sends = new ArrayList<>();
    private final Map<Fault, AtomicLong> faults = new EnumMap<>(Fault.class);
    private final AtomicLong wamids = new AtomicLong();
    private volatile double failureRate;
    private volatile StatusWebhooks statuses;

    private FakeGraph(long hangMillis) throws IOException {
        this.hangMillis = hangMillis;
        for (Fault fault : Fault.values()) {
            faults.put(fault, new AtomicLong());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Ports.free()), 1024);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @param hangMillis how long a {@link Fault#HANG} holds the request (longer than egress's request timeout) */
    static FakeGraph start(long hangMillis) throws IOException {
        return new FakeGraph(hangMillis);
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** From now on, every accepted send is followed by its {@code sent} status webhook, as Meta does. */
    void sendStatusesWith(StatusWebhooks webhooks) {
        statuses = webhooks;
    }

    /** The share (0…1) of message sends to fail from now on. */
    void failureRate(double rate) {
        failureRate = rate;
    }

    synchronized List<Send> sends() {
        return List.copyOf(sends);
    }

    synchronized int sendCount() {
        return sends.size();
    }

    /** Faults injected so far, per kind. */
    Map<Fault, Long> faults() {
        Map<Fault, Long> copy = new EnumMap<>(Fault.class);
        faults.forEach((fault, count) -> copy.put(fault, count.get()));
        return copy;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!body.has("to")) {
                // mark-read / typing indicator
                answer(exchange, 200, "{\"success\":true}");
                return;
            }
            if (failureRate > 0 && ThreadLocalRandom.current().nextDouble() < failureRate) {
                fail(exchange, Fault.values()[ThreadLocalRandom.current().nextInt(Fault.values().length)]);
                return;
            }
            String recipient = body.path("to").asText();
            String callbackData = body.path("biz_opaque_callback_data").asText(null);
            synchronized (this) {
                sends.add(new Send(sends.size(), recipient, callbackData, body.path("text").path("body").asText(null)));
            }
            String wamid = "wamid.crash-" + wamids.incrementAndGet();
            answer(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + recipient + "\",\"wa_id\":\""
                    + recipient + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
            StatusWebhooks webhooks = statuses;
            if (webhooks != null && callbackData != null) {
                webhooks.sent(wamid, recipient, callbackData);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(HttpExchange exchange, Fault fault) throws IOException, InterruptedException {
        faults.get(fault).incrementAndGet();
        switch (fault) {
            case THROTTLED -> answer(exchange, 429, error(130429, "(#130429) Rate limit hit"));
            case SERVER_ERROR -> answer(exchange, 500, error(131000, "Something went wrong"));
            case PAIR_RATE -> answer(exchange, 400, error(131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit"));
            case HANG -> Thread.sleep(hangMillis); // then closed unanswered
            case DROP -> {
                // closing the exchange before any response headers closes the connection
            }
        }
    }

    private static String error(int code, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"crash test fault\"},\"fbtrace_id\":\"crash\"}}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
