package io.wabridge.processor.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Cognigy's No-Translation Marker: text between two markers ({@code **} by default) is kept as
 * it is and the markers are removed. A marker without its closing one is ordinary text.
 */
public final class Markers {

    /** A piece of a text: translated or kept verbatim. */
    public record Part(String text, boolean translate) {
    }

    private Markers() {
    }

    public static List<Part> parse(String text, String marker) {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf(marker, from);
            int close = open < 0 ? -1 : text.indexOf(marker, open + marker.length());
            if (close < 0) {
                break;
            }
            if (open > from) {
                parts.add(new Part(text.substring(from, open), true));
            }
            parts.add(new Part(text.substring(open + marker.length(), close), false));
            from = close + marker.length();
        }
        if (from < text.length()) {
            parts.add(new Part(text.substring(from), true));
        }
        return parts;
    }

    /** The text with its marked spans unmarked. */
    public static String remove(String text, String marker) {
        StringBuilder out = new StringBuilder();
        parse(text, marker).forEach(part -> out.append(part.text()));
        return out.toString();
    }
}
