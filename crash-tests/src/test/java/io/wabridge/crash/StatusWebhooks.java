package io.wabridge.crash;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Meta does after it accepted a send: a signed {@code sent} status webhook to ingress,
 * carrying the send's {@code biz_opaque_callback_data}, retried until acknowledged (bounded). It is
 * the proof egress looks for when it finds a send it started before a crash but never recorded as
 * accepted; without it every such send would be sent again.
 */
final class StatusWebhooks implements AutoCloseable {

    private static final Duration FIRST_DELAY = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final String webhookUrl;
    private final String appSecret;
    private final String phoneNumberId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final AtomicLong acknowledged = new AtomicLong();

    StatusWebhooks(String webhookUrl, String appSecret, String phoneNumberId) {
        this.webhookUrl = webhookUrl;
        this.appSecret = appSecret;
        this.phoneNumberId = phoneNumberId;
    }

    /** Posts the {@code sent} status of an accepted send, soon, and again until ingress acknowledges it. */
    void sent(String wamid, String recipient, String callbackData) {
        byte[] body = body(wamid, recipient, callbackData);
        Instant deadline = Instant.now().plus(GIVE_UP);
        scheduler.schedule(() -> post(body, deadline), FIRST_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Status webhooks ingress acknowledged with 200. */
    long acknowledged() {
        return acknowledged.get();
    }

    private void post(byte[] body, Instant deadline) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", Signature.header(appSecret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (response != null && response.statusCode() == 200) {
                acknowledged.incrementAndGet();
            } else if (Instant.now().isBefore(deadline) && !scheduler.isShutdown()) {
                scheduler.schedule(() -> post(body, deadline), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private byte[] body(String wamid, String recipient, String callbackData) {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"sent\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"recipient_id\":\"" + recipient + "\",\"biz_opaque_callback_data\":\"" + callbackData + "\"}]}}]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
