package io.wabridge.bench.fake;

/**
 * One request a fake received, as it hands it to the harness: one tab-separated line each.
 *
 * @param arrivalMicros  epoch µs when the request's body had been read
 * @param answerMicros   epoch µs when the answer was about to be written (after the fake's latency)
 * @param sender         the sending phone number id (fake Graph API) or "cognigy"
 * @param recipient      the {@code to} (fake Graph API) or {@code userId} (fake Cognigy)
 * @param sequence       {@link Stamp#sequence()}, -1 when the text has none
 * @param stampMicros    {@link Stamp#micros()}, -1 when the text has none
 */
public record Request(long arrivalMicros, long answerMicros, String sender, String recipient, long sequence, long stampMicros) {

    public String line() {
        return arrivalMicros + "\t" + answerMicros + "\t" + sender + "\t" + recipient + "\t" + sequence + "\t" + stampMicros;
    }

    public static Request parse(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a request line: " + line);
        }
        return new Request(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2], parts[3],
                Long.parseLong(parts[4]), Long.parseLong(parts[5]));
    }
}
