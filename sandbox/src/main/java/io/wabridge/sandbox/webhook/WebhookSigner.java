package io.wabridge.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body the way Meta does: {@code X-Hub-Signature-256: sha256=<lowercase hex>} of
 * HMAC-SHA256 over the exact bytes sent. Kept here rather than borrowed from ingress so the fake
 * stays independent of the code it exercises.
 */
public final class WebhookSigner {

    public static final String HEADER = "X-Hub-Signature-256";

    private WebhookSigner() {
    }

    public static String sign(String appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmacSha256(appSecret, body));
    }

    /** Hex HMAC-SHA256: also Graph's {@code appsecret_proof} (key = app secret, message = access token). */
    public static String hex(String key, String message) {
        return HexFormat.of().formatHex(hmacSha256(key, message.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmacSha256(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
