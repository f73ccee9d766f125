package io.wabridge.bench.load;

import io.wabridge.bench.fake.Stamp;
import io.wabridge.ingress.signature.SignatureVerifier;
import java.nio.charset.StandardCharsets;

/**
 * Signed single-message webhook deliveries, each with its own wamid ({@code wamid.bench-<sequence>})
 * and a sender out of {@code users}, so records spread over the partitions as real traffic does.
 *
 * @param phoneNumberId the endpoint's phone number id; with several {@code numbers}, the first of
 *                      consecutive ones
 * @param appSecret     the endpoint's app secret (signs the raw body as Meta does; one Meta app's
 *                      numbers share it)
 * @param users         distinct senders
 * @param numbers       business numbers the messages go to, in turn (message {@code sequence} to
 *                      number {@code sequence mod numbers}); 1 for one endpoint
 */
public record WebhookBodies(String phoneNumberId, String appSecret, int users, int numbers) {

    private static final long FIRST_WA_ID = 491_510_000_000L;

    public WebhookBodies {
        if (numbers < 1) {
            throw new IllegalArgumentException("numbers must be at least 1 but was " + numbers);
        }
    }

    /** Webhooks for one number. */
    public WebhookBodies(String phoneNumberId, String appSecret, int users) {
        this(phoneNumberId, appSecret, users, 1);
    }

    public byte[] body(long sequence) {
        return body(sequence, "Benchmark message number " + sequence + ", does it come in another color?");
    }

    /**
     * A body whose text carries {@link Stamp} marks: the sequence number and the intended send
     * time in epoch µs, which the echo bot sends back and the fake Graph API reads (end to end).
     */
    public byte[] stampedBody(long sequence, long intendedEpochMicros) {
        return body(sequence, Stamp.text(sequence, intendedEpochMicros, "Benchmark message, does it come in another color?"));
    }

    private byte[] body(long sequence, String text) {
        String waId = waId(sequence);
        long timestamp = 1_750_000_000L + sequence / 1000;
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + phoneNumberId(sequence) + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Bench User " + waId + "\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"wamid.bench-" + sequence + "\",\"timestamp\":\"" + timestamp
                + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]}}]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code X-Hub-Signature-256} header value for {@code body}. */
    public String signature(byte[] body) {
        return SignatureVerifier.sign(appSecret, body);
    }

    /** The sender ({@code wa_id}) of message {@code sequence}. */
    public String waId(long sequence) {
        return Long.toString(FIRST_WA_ID + Math.floorMod(sequence, users));
    }

    /** The business number message {@code sequence} is sent to. */
    public String phoneNumberId(long sequence) {
        return numbers == 1 ? phoneNumberId : Long.toString(Long.parseLong(phoneNumberId) + Math.floorMod(sequence, numbers));
    }

    /** The conversation key ingress gives message {@code sequence} (used for Kafka records of the same shape). */
    public String conversationKey(long sequence) {
        return phoneNumberId(sequence) + ":" + (FIRST_WA_ID + Math.floorMod(sequence, users));
    }
}
