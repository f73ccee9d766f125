package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.settings.TranslationSettings;
import io.wabridge.model.state.ConversationState.UserLanguage;
import io.wabridge.processor.input.CognigyInput;
import io.wabridge.processor.translate.Translations;
import io.wabridge.processor.translate.Translator.Translation;
import java.util.List;
import java.util.Optional;

/**
 * Real-time translation of a user message into the flow language, after the input transformer
 * and before the flow. A button or list reply's text is its id (the flow's payload) and is never
 * translated. The flow gets {@code data.translation}: {@code {original, userLanguage,
 * flowLanguage, translated}} (and {@code title}, the reply title translated, with
 * {@code translate-payloads}). With {@code user-language=auto} the language is detected during
 * the conversation's first {@code detect-on-first} inputs and kept in the conversation state.
 */
final class InputTranslationStage implements TurnStage {

    private final Translations translations;

    InputTranslationStage(Translations translations) {
        this.translations = translations;
    }

    @Override
    public String name() {
        return "input-translation";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        TranslationSettings settings = turn.endpoint.settings().translation();
        if (!translations.enabled(turn.endpoint.id()) || turn.event().kind() != InboundKind.MESSAGE || turn.input == null) {
            return Optional.empty();
        }
        String text = turn.input.text();
        ObjectNode data = turn.input.data() == null ? Json.mapper().createObjectNode() : turn.input.data().deepCopy();
        ObjectNode translation = data.putObject("translation");
        translation.put("original", text);
        translation.put("flowLanguage", settings.flowLanguage());
        translation.put("translated", false);
        UserLanguage known = turn.currentUserLanguage();
        String source = !settings.detects() ? settings.userLanguage()
                : known != null && known.detections() >= settings.detectOnFirst() ? known.code() : null;
        if (payload(data)) {
            JsonNode title = data.path("reply").path("title");
            if (settings.translatePayloads() && title.isTextual()) {
                translations.translate(turn.endpoint.id(), List.of(title.asText()), source != null ? source : known == null ? null : known.code(),
                        settings.flowLanguage(), settings.inputGlossaryId(), null)
                        .ifPresent(t -> translation.put("title", t.texts().get(0)));
            }
        } else if (text != null && !text.isBlank()) {
            Optional<Translation> result = translations.translate(turn.endpoint.id(), List.of(text), source, settings.flowLanguage(),
                    source == null ? null : settings.inputGlossaryId(), null);
            if (result.isPresent()) {
                String detected = result.get().detectedSource();
                if (source == null && detected != null) {
                    source = detected;
                    turn.userLanguage = new UserLanguage(detected, known != null && known.code().equalsIgnoreCase(detected)
                            ? known.detections() + 1 : (known == null ? 1 : known.detections() + 1));
                }
                if (source == null || !source.equalsIgnoreCase(settings.flowLanguage())) {
                    text = result.get().texts().get(0);
                    translation.put("translated", true);
                }
            }
        }
        String language = source != null ? source : known == null ? null : known.code();
        if (language != null) {
            translation.put("userLanguage", language);
        }
        turn.input = new CognigyInput(text, data);
        return Optional.empty();
    }

    /** A button or list reply (or a template quick reply): its text is a payload id. */
    private static boolean payload(ObjectNode data) {
        String type = data.path("messageType").asText();
        return type.equals("button") || (type.equals("interactive") && data.has("reply"));
    }
}
