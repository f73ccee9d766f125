package io.wabridge.ingress.signature;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex>} header.
 *
 * <p>The HMAC is computed over the raw request bytes, never over re-serialised JSON. Meta has
 * documented (for Messenger) that it signs an escaped-unicode form of the body ({@code ä} →
 * a backslash-u escape {@code 00e4}), so when the raw bytes do not match and the body has non-ASCII characters, that
 * form is tried too. Comparison is constant-time; the expected value is never exposed.
 */
public final class SignatureVerifier {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    /** One keyed Mac per app secret, never used itself: each check works on a clone. Few secrets, so unbounded is fine. */
    private static final Map<String, Mac> KEYED_MACS = new ConcurrentHashMap<>();

    private SignatureVerifier() {
    }

    /** True when {@code header} is a valid signature of {@code body} under {@code appSecret}. */
    public static boolean isValid(String appSecret, byte[] body, String header) {
        byte[] presented = parse(header);
        if (presented == null) {
            return false;
        }
        if (MessageDigest.isEqual(presented, hmac(appSecret, body))) {
            return true;
        }
        byte[] escaped = escapeNonAscii(body);
        return escaped != null && MessageDigest.isEqual(presented, hmac(appSecret, escaped));
    }

    /** {@code sha256=<lowercase hex>} for {@code body}: what Meta would send (used by tests and the sandbox). */
    public static String sign(String appSecret, byte[] body) {
        return PREFIX + HEX.formatHex(hmac(appSecret, body));
    }

    private static byte[] parse(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String hex = header.substring(PREFIX.length()).trim().toLowerCase(Locale.ROOT);
        if (hex.length() != 64) {
            return null;
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    static byte[] hmac(String key, byte[] data) {
        Mac prototype = KEYED_MACS.computeIfAbsent(key, SignatureVerifier::keyedMac);
        try {
            // A clone of a keyed Mac skips the provider lookup and the key set-up of every check.
            return ((Mac) prototype.clone()).doFinal(data);
        } catch (CloneNotSupportedException notCloneable) {
            return keyedMac(key).doFinal(data);
        }
    }

    private static Mac keyedMac(String key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The body with every non-ASCII character written as a JSON backslash-u escape with lowercase hex
     * (characters outside the BMP as their two surrogate escapes, as JSON encoders do), or null
     * when the body is all ASCII (nothing to try) or not valid UTF-8.
     */
    static byte[] escapeNonAscii(byte[] body) {
        boolean ascii = true;
        for (byte b : body) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                escaped.append(c);
            } else {
                escaped.append("\\u").append(HEX.toHexDigits(c));
            }
        }
        return escaped.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
