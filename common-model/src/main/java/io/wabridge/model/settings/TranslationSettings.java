package io.wabridge.model.settings;

import java.time.Duration;

/**
 * Cognigy's "Real-Time Translation" for one endpoint ({@code wabridge.endpoints.<id>.translation.*}):
 * user text is translated into the flow language before the flow, the flow's outputs back into
 * the user's language. Off unless {@code enabled}; {@code docs/translation.md} describes it.
 *
 * @param enabled             translate at all (default false)
 * @param provider            {@code microsoft}, {@code google} or {@code deepl}; required when enabled
 * @param apiKey              the provider's key (a secret, never logged); required when enabled
 * @param region              Microsoft's resource region ({@code Ocp-Apim-Subscription-Region}); unset for a global resource
 * @param baseUrl             the provider's API base URL; unset = the provider's own (DeepL: the free or the pro
 *                            host by the key's {@code :fx} suffix)
 * @param userLanguage        the users' language code, or {@code auto} (default) to detect it
 * @param flowLanguage        the language the flow is written in (default {@code en})
 * @param detectOnFirst       with {@code auto}: detect during a conversation's first N inputs, then keep the language (default 1)
 * @param formality           DeepL's {@code formality} of outputs ({@code more}, {@code less}, {@code prefer_more}…); unset = the provider's default
 * @param inputGlossaryId     DeepL glossary for user text (user → flow language)
 * @param outputGlossaryId    DeepL glossary for the flow's outputs (flow → user language)
 * @param noTranslationMarker text between two markers is not translated, the markers are removed (default {@code **})
 * @param alwaysRemoveMarkers remove the markers from outputs even while translation is off (default false)
 * @param translatePayloads   also translate the title of a button or list reply for the flow; the reply id never is (default false)
 * @param timeout             longest one provider call may take, retries included; after it the text goes on untranslated (default 2 s)
 */
public record TranslationSettings(
        Boolean enabled,
        Provider provider,
        Secret apiKey,
        String region,
        String baseUrl,
        String userLanguage,
        String flowLanguage,
        Integer detectOnFirst,
        String formality,
        String inputGlossaryId,
        String outputGlossaryId,
        String noTranslationMarker,
        Boolean alwaysRemoveMarkers,
        Boolean translatePayloads,
        Duration timeout) {

    public static final String AUTO = "auto";
    public static final TranslationSettings OFF =
            new TranslationSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public TranslationSettings {
        enabled = enabled != null && enabled;
        userLanguage = userLanguage == null || userLanguage.isBlank() ? AUTO : userLanguage;
        flowLanguage = flowLanguage == null || flowLanguage.isBlank() ? "en" : flowLanguage;
        detectOnFirst = detectOnFirst == null ? 1 : detectOnFirst;
        noTranslationMarker = noTranslationMarker == null ? "**" : noTranslationMarker;
        alwaysRemoveMarkers = alwaysRemoveMarkers != null && alwaysRemoveMarkers;
        translatePayloads = translatePayloads != null && translatePayloads;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }

    /** True when the user's language is detected rather than fixed. */
    public boolean detects() {
        return AUTO.equalsIgnoreCase(userLanguage);
    }

    /** A translation service with a REST API. */
    public enum Provider {
        MICROSOFT, GOOGLE, DEEPL
    }
}
