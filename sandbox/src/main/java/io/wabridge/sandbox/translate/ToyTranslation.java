package io.wabridge.sandbox.translate;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deterministic toy translation between English and German, enough to watch real-time
 * translation in the chat page: a few known phrases and words are swapped, any other text into a
 * language other than English is tagged {@code [de] …} (and the tag removed on the way back).
 */
final class ToyTranslation {

    private static final Map<String, String> EN_DE = Map.ofEntries(
            // One English phrase per German one: the way back must be unambiguous.
            Map.entry("hello", "hallo"), Map.entry("thanks", "danke"),
            Map.entry("yes", "ja"), Map.entry("no", "nein"), Map.entry("please", "bitte"), Map.entry("menu", "Menü"),
            Map.entry("options", "Optionen"), Map.entry("please choose an option", "Bitte wähle eine Option"),
            Map.entry("good morning", "guten Morgen"), Map.entry("goodbye", "auf Wiedersehen"), Map.entry("help", "Hilfe"));
    private static final Set<String> GERMAN_WORDS = Set.of("ich", "und", "hallo", "danke", "bitte", "ja", "nein", "ist", "nicht",
            "guten", "morgen", "wie", "geht", "es", "mir", "hilfe", "menü");
    private static final Pattern TAG = Pattern.compile("^\\[[a-z]{2}] ");

    private ToyTranslation() {
    }

    static String translate(String text, String source, String target) {
        String from = source == null ? detect(text) : source.toLowerCase(Locale.ROOT);
        String to = target.toLowerCase(Locale.ROOT).substring(0, 2);
        if (from.equals(to)) {
            return text;
        }
        String key = text.strip().toLowerCase(Locale.ROOT);
        if (from.equals("en") && EN_DE.containsKey(key) && to.equals("de")) {
            return EN_DE.get(key);
        }
        if (from.equals("de") && to.equals("en")) {
            for (Map.Entry<String, String> entry : EN_DE.entrySet()) {
                if (entry.getValue().toLowerCase(Locale.ROOT).equals(key)) {
                    return entry.getKey();
                }
            }
        }
        return to.equals("en") ? TAG.matcher(text).replaceFirst("") : "[" + to + "] " + text;
    }

    /** {@code de} for text with umlauts or common German words, else {@code en}. */
    static String detect(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches(".*[äöüß].*")) {
            return "de";
        }
        for (String word : lower.split("[^\\p{L}]+")) {
            if (GERMAN_WORDS.contains(word)) {
                return "de";
            }
        }
        return "en";
    }
}
