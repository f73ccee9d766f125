package io.wabridge.crash;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated WhatsApp users as Meta delivers them: each user writes numbered messages
 * ({@code u=<wa_id> n=<sequence>}) one after another, each as a signed webhook to ingress, and a
 * webhook that gets anything but 200 (or no answer) is delivered again, with the same message id,
 * until it gets a 200. A user writes the next message only after the previous one was acknowledged.
 */
final class Users implements AutoCloseable {

    /** One webhook delivery attempt: when it started and ended ({@link System#nanoTime()}) and its status (0: no answer). */
    record Attempt(long startNanos, long endNanos, int status) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final long RETRY_MILLIS = 500;

    private final String webhookUrl;
    private final String phoneNumberId;
    private final String appSecret;
    private final List<String> waIds;
    private final Duration thinkTime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Map<String, Set<Integer>> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean stopping;

    /**
     * @param thinkTime average pause between a user's acknowledged message and their next one
     *                  (the load is about {@code users / thinkTime} messages per second)
     */
    Users(String webhookUrl, String phoneNumberId, String appSecret, List<String> waIds, Duration thinkTime) {
        this.webhookUrl = webhookUrl;
        this.phoneNumberId = phoneNumberId;
        this.appSecret = appSecret;
        this.waIds = List.copyOf(waIds);
        this.thinkTime = thinkTime;
    }

    /** {@code count} wa_ids starting at {@code first}. */
    static List<String> waIds(long first, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Long.toString(first + i));
        }
        return ids;
    }

    /** Every user starts writing, spread over the first think time. */
    void start() {
        for (String waId : waIds) {
            acknowledged.put(waId, ConcurrentHashMap.newKeySet());
            busy.incrementAndGet();
            scheduler.schedule(() -> deliver(waId, 1), ThreadLocalRandom.current().nextLong(thinkTime.toMillis() + 1),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** No user starts a new message from now on; the ones being delivered are still retried until acknowledged. */
    void stopWriting() {
        stopping = true;
    }

    /** Users still delivering a message (0 once {@link #stopWriting()} has taken effect everywhere). */
    int busy() {
        return busy.get();
    }

    /** Per user, the sequence numbers ingress acknowledged with 200. */
    Map<String, Set<Integer>> acknowledged() {
        Map<String, Set<Integer>> copy = new TreeMap<>();
        acknowledged.forEach((user, sequences) -> copy.put(user, Set.copyOf(sequences)));
        return copy;
    }

    int acknowledgedCount() {
        return acknowledged.values().stream().mapToInt(Set::size).sum();
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    List<String> waIds() {
        return waIds;
    }

    static String text(String waId, int sequence) {
        return "u=" + waId + " n=" + sequence;
    }

    private void deliver(String waId, int sequence) {
        byte[] body = body(waId, sequence);
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", Signature.header(appSecret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long start = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = response == null ? 0 : response.statusCode();
            attempts.add(new Attempt(start, System.nanoTime(), status));
            if (status == 200) {
                acknowledged.get(waId).add(sequence);
                if (stopping) {
                    busy.decrementAndGet();
                } else {
                    long pause = thinkTime.toMillis() / 2 + ThreadLocalRandom.current().nextLong(thinkTime.toMillis() + 1);
                    scheduler.schedule(() -> next(waId, sequence + 1), pause, TimeUnit.MILLISECONDS);
                }
            } else {
                // As Meta does: the same delivery again, until it is acknowledged.
                scheduler.schedule(() -> deliver(waId, sequence), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void next(String waId, int sequence) {
        if (stopping) {
            busy.decrementAndGet();
        } else {
            deliver(waId, sequence);
        }
    }

    private byte[] body(String waId, int sequence) {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Crash User\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"wamid.crash-" + waId + "-" + sequence + "\",\"timestamp\":\""
                + (1_750_000_000L + sequence) + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text(waId, sequence) + "\"}}]}}]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stopping = true;
        scheduler.shutdownNow();
    }
}
