package io.wabridge.ingress.chatwoot;

import io.wabridge.model.settings.HandoverSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether a webhook comes from the endpoint's Chatwoot. Every check the endpoint configures must pass:
 * <ul>
 *   <li>{@code chatwoot.webhook-secret}: Chatwoot signs a webhook of a secret-carrying inbox or
 *       webhook with {@code X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Chatwoot-Timestamp>.<raw body>")>};
 *       the timestamp (Unix seconds) must be within {@link #TOLERANCE} of now, so a recorded webhook cannot be replayed later;</li>
 *   <li>{@code chatwoot.webhook-token}: the webhook URL carries {@code ?token=<token>} (for Chatwoot
 *       versions that do not sign; the token is then as secret as the URL).</li>
 * </ul>
 * An endpoint with neither accepts no Chatwoot webhook (start-up refuses that configuration anyway).
 */
final class ChatwootWebhookCheck {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private ChatwootWebhookCheck() {
    }

    /** Null when authentic, else why not (for the log; the caller answers 401). */
    static String problem(HandoverSettings.Chatwoot settings, byte[] body, String signature, String timestamp, String token, Instant now) {
        if (!settings.webhookChecked()) {
            return "no chatwoot.webhook-secret or chatwoot.webhook-token is set";
        }
        if (settings.webhookToken() != null && !settings.webhookToken().isBlank() && !settings.webhookToken().matches(token)) {
            return "missing or wrong token";
        }
        if (settings.webhookSecret() != null && !settings.webhookSecret().isBlank()) {
            if (signature == null || timestamp == null || !timestamp.matches("\\d{1,12}")) {
                return "missing X-Chatwoot-Signature or X-Chatwoot-Timestamp";
            }
            if (Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs().compareTo(TOLERANCE) > 0) {
                return "X-Chatwoot-Timestamp " + timestamp + " is too far from now";
            }
            String expected = sign(settings.webhookSecret().reveal(), timestamp, body);
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.trim().getBytes(StandardCharsets.US_ASCII))) {
                return "wrong X-Chatwoot-Signature";
            }
        }
        return null;
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code <timestamp>.<body>}. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
