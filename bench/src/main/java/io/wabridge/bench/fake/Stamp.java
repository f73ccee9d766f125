package io.wabridge.bench.fake;

/**
 * The marks a benchmark message carries in its text, {@code n=<sequence> t=<epoch micros>}: the
 * load's sequence number (order and loss per recipient) and, when stamped, the intended send time
 * (latency across processes without a correlation table). Both -1 when absent.
 */
public record Stamp(long sequence, long micros) {

    public static final Stamp NONE = new Stamp(-1, -1);

    /** The text of a message carrying {@code sequence} and {@code micros} (omitted when negative). */
    public static String text(long sequence, long micros, String rest) {
        return "n=" + sequence + (micros >= 0 ? " t=" + micros : "") + " " + rest;
    }

    public static Stamp parse(String text) {
        if (text == null) {
            return NONE;
        }
        return new Stamp(number(text, "n="), number(text, "t="));
    }

    private static long number(String text, String mark) {
        for (String token : text.split(" ")) {
            if (token.startsWith(mark) && token.length() > mark.length()) {
                try {
                    return Long.parseLong(token.substring(mark.length()));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
