package io.wabridge.processor.translate;

import java.util.List;

/**
 * One translation provider's REST API. Blocking; called from a turn's worker thread.
 * Failures are {@link TranslationException}s ({@link TranslationException#retryable()} for 429 and 5xx).
 */
public interface Translator {

    /**
     * Translates every text, in one request, keeping their order.
     *
     * @param source     the texts' language, or null to let the provider detect it
     * @param formality  DeepL formality, or null (the others ignore it)
     * @param glossaryId DeepL glossary id, or null (the others ignore it)
     */
    Translation translate(List<String> texts, String source, String target, String formality, String glossaryId);

    /** The language of {@code text}, as the provider names it (lower case, e.g. {@code de}). */
    String detect(String text);

    /**
     * @param texts          the translations, aligned with the request's texts
     * @param detectedSource the language the provider detected (lower case) when no source was given, else null
     */
    record Translation(List<String> texts, String detectedSource) {
    }
}
