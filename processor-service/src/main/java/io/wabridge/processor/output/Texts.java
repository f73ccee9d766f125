package io.wabridge.processor.output;

import java.util.ArrayList;
import java.util.List;

/** Cutting and splitting text for WhatsApp's length limits, never inside a surrogate pair. */
final class Texts {

    private static final String ELLIPSIS = "…";

    private Texts() {
    }

    /**
     * {@code text} if it fits, else as much of it as fits with an ellipsis: cut after the last whole
     * word when that keeps at least half the room (a translated title should not end in half a
     * word), else hard at {@code max - 1} chars, never inside a surrogate pair.
     */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int room = max - ELLIPSIS.length();
        int space = lastWhitespace(text, room);
        if (space >= room / 2) {
            String words = text.substring(0, space).stripTrailing();
            if (!words.isEmpty()) {
                return words + ELLIPSIS;
            }
        }
        return text.substring(0, safeEnd(text, room)) + ELLIPSIS;
    }

    /**
     * Splits {@code text} into chunks of at most {@code max} chars, breaking at the last whitespace
     * before the limit; a single word longer than the limit is cut hard. Chunks are trimmed of the
     * whitespace they were split at, and blank chunks are dropped.
     */
    static List<String> split(String text, int max) {
        List<String> chunks = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int end = lastWhitespace(rest, max);
            if (end <= 0) {
                end = safeEnd(rest, max);
            }
            addIfNotBlank(chunks, rest.substring(0, end).stripTrailing());
            rest = rest.substring(end).stripLeading();
        }
        addIfNotBlank(chunks, rest);
        return chunks;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Index of the last whitespace at or before {@code max} (so the chunk is {@code [0, index)}), or -1. */
    private static int lastWhitespace(String text, int max) {
        for (int i = max; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int safeEnd(String text, int end) {
        return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    private static void addIfNotBlank(List<String> chunks, String chunk) {
        if (!chunk.isBlank()) {
            chunks.add(chunk);
        }
    }
}
