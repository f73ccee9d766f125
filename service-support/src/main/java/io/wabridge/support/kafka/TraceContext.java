package io.wabridge.support.kafka;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C trace context ({@code traceparent}) carried in Kafka headers so that one trace id follows a
 * message from webhook to WhatsApp send.
 */
public final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final HexFormat HEX = HexFormat.of();

    private TraceContext() {
    }

    /** The incoming header if it is a valid traceparent, else a new root trace. */
    public static String continueOrStart(String incoming) {
        return incoming != null && TRACEPARENT.matcher(incoming).matches() ? incoming : newRoot();
    }

    public static String newRoot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "00-" + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong())
                + "-" + HEX.toHexDigits(random.nextLong()) + "-01";
    }

    /** The 32-hex-digit trace id of a traceparent. */
    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }
}
