package io.wabridge.processor.translate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded LRU of translations by (text, source, target, glossary, formality), so that a bot's
 * fixed phrases are paid for once. In memory, per instance; lost on restart, which costs only
 * provider calls.
 */
final class TranslationCache {

    record Key(String text, String source, String target, String glossaryId, String formality) {
    }

    private final Map<Key, String> entries;

    TranslationCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<String> get(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(Key key, String translation) {
        entries.put(key, translation);
    }

    synchronized int size() {
        return entries.size();
    }
}
