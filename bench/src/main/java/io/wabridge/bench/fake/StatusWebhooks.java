package io.wabridge.bench.fake;

import io.wabridge.bench.load.HttpConnection;
import io.wabridge.ingress.signature.SignatureVerifier;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake Graph API's status webhooks ({@code delivered} ordering): every accepted message is
 * reported to ingress as {@code sent}, then {@code delivered}, each in a webhook of its own, signed
 * with the app secret as Meta signs them and carrying the {@code biz_opaque_callback_data} the send
 * request had (egress finds its send by it). Sent at once after Graph's answer: the phone is
 * instant, so what the benchmark sees is the pipeline's own cost of waiting for a status. Posted to
 * ingress's routed URL ({@code metadata.phone_number_id} picks the endpoint) over a few keep-alive
 * connections, one worker each; a message's two statuses go out in order, on one worker.
 */
final class StatusWebhooks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusWebhooks.class);
    private static final int TIMEOUT_MILLIS = 10_000;

    private final String appSecret;
    private final byte[] requestHead;
    private final BlockingQueue<Accepted> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** A message Graph accepted: what its statuses report. */
    record Accepted(String phoneNumberId, String recipient, String wamid, String callbackData) {
    }

    StatusWebhooks(URI url, String appSecret, int connections) {
        this.appSecret = appSecret;
        this.requestHead = HttpConnection.ascii("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: application/json\r\n");
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
        for (int i = 0; i < connections; i++) {
            Thread worker = new Thread(() -> work(address), "status-webhooks-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        log.info("status webhooks (sent, delivered) to {} over {} connections", url, connections);
    }

    void accepted(String phoneNumberId, String recipient, String wamid, String callbackData) {
        queue.add(new Accepted(phoneNumberId, recipient, wamid, callbackData));
    }

    /** {@code acknowledged rejected failed}: webhooks ingress answered 2xx, 4xx, and the ones that failed otherwise. */
    String counts() {
        return acknowledged.get() + " " + rejected.get() + " " + failed.get();
    }

    private void work(InetSocketAddress address) {
        try (HttpConnection connection = new HttpConnection(address, TIMEOUT_MILLIS)) {
            while (!Thread.currentThread().isInterrupted()) {
                Accepted message = queue.take();
                post(connection, message, "sent");
                post(connection, message, "delivered");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(HttpConnection connection, Accepted message, String status) {
        byte[] body = body(message, status, System.currentTimeMillis() / 1000).getBytes(StandardCharsets.UTF_8);
        byte[] head = concat(requestHead, HttpConnection.ascii("X-Hub-Signature-256: " + SignatureVerifier.sign(appSecret, body)
                + "\r\nContent-Length: " + body.length + "\r\n\r\n"));
        try {
            int answer = connection.exchange(head, body);
            if (answer / 100 == 2) {
                acknowledged.incrementAndGet();
            } else if (answer / 100 == 4) {
                rejected.incrementAndGet();
                log.warn("ingress refused the {} status of {} with {}", status, message.wamid(), answer);
            } else {
                failed.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            log.debug("{} status of {} failed", status, message.wamid(), e);
        }
    }

    /** One status in the envelope of a real WhatsApp webhook delivery. */
    static String body(Accepted message, String status, long epochSeconds) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + message.phoneNumberId() + "\"},"
                + "\"statuses\":[{\"id\":\"" + message.wamid() + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + epochSeconds
                + "\",\"recipient_id\":\"" + message.recipient() + "\""
                + (message.callbackData() == null ? "" : ",\"biz_opaque_callback_data\":\"" + message.callbackData() + "\"")
                + ",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"service\"}}]}}]}]}";
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Override
    public void close() {
        workers.forEach(Thread::interrupt);
    }
}
