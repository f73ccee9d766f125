package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.settings.TranslationSettings;
import io.wabridge.model.state.ConversationState.UserLanguage;
import io.wabridge.processor.output.OutputSettings;
import io.wabridge.processor.translate.Markers;
import io.wabridge.processor.translate.Translations;
import io.wabridge.processor.translate.Translator.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Real-time translation of the turn's outputs into the user's language, in one provider request
 * for the whole turn. It runs on the Cognigy outputs just before output mapping, so that
 * WhatsApp's limits (a 20-character button title…) are applied by the mapping to the translated
 * text, and its adjustments counted as for any output. Translated: {@code text},
 * {@code fallbackText} and the {@code text}, {@code title} and {@code subtitle} of the default
 * formats ({@code data._cognigy._default}: quick replies, buttons, gallery, list), plus the list
 * button label and default body of the settings. Never translated: payloads, URLs, native
 * WhatsApp JSON ({@code _whatsapp}); a choice without a payload gets its original title as
 * payload first, so that the id the flow sees back does not change. Text between
 * no-translation markers is kept and the markers removed (also with translation off when
 * {@code always-remove-markers}).
 */
final class OutputTranslationStage implements TurnStage {

    // A list: the batch order must be the same on every run.
    private static final List<String> TEXT_FIELDS = List.of("text", "title", "subtitle", "fallbackText");

    private final Translations translations;
    private final OutputSettings wording;

    OutputTranslationStage(Translations translations, OutputSettings wording) {
        this.translations = translations;
        this.wording = wording;
    }

    /** A text field of an output: where it is and what it says. */
    private record Slot(ObjectNode parent, String field) {
        String value() {
            return parent.path(field).asText();
        }
    }

    @Override
    public String name() {
        return "output-translation";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        TranslationSettings settings = turn.endpoint.settings().translation();
        String target = target(turn, settings);
        boolean translate = target != null && translations.enabled(turn.endpoint.id())
                && !target.equalsIgnoreCase(settings.flowLanguage());
        if (!translate && !settings.alwaysRemoveMarkers() && !translations.enabled(turn.endpoint.id())) {
            return Optional.empty();
        }
        List<JsonNode> outputs = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        for (JsonNode output : turn.outputs) {
            JsonNode copy = output.deepCopy();
            if (copy instanceof ObjectNode object) {
                collect(object, translate, slots);
            }
            outputs.add(copy);
        }
        String marker = settings.noTranslationMarker();
        List<String> pieces = new ArrayList<>();
        for (Slot slot : slots) {
            for (Markers.Part part : Markers.parse(slot.value(), marker)) {
                if (part.translate() && !part.text().isBlank()) {
                    pieces.add(part.text().strip());
                }
            }
        }
        boolean wordingToo = translate && !outputs.isEmpty();
        if (wordingToo) {
            pieces.add(wording.listButtonLabel());
            pieces.add(wording.defaultBodyText());
        }
        Optional<Translation> translated = translate && !pieces.isEmpty()
                ? translations.translate(turn.endpoint.id(), pieces, settings.flowLanguage(), target, settings.outputGlossaryId(),
                        settings.formality())
                : Optional.empty();
        int next = 0;
        for (Slot slot : slots) {
            StringBuilder text = new StringBuilder();
            for (Markers.Part part : Markers.parse(slot.value(), marker)) {
                if (translated.isPresent() && part.translate() && !part.text().isBlank()) {
                    String piece = part.text();
                    // Providers trim; keep the spaces around the piece, which join it to the marked spans.
                    text.append(piece, 0, piece.length() - piece.stripLeading().length())
                            .append(translated.get().texts().get(next++))
                            .append(piece.substring(piece.stripTrailing().length()));
                } else {
                    text.append(part.text());
                }
            }
            slot.parent().put(slot.field(), text.toString());
        }
        if (translated.isPresent() && wordingToo) {
            turn.listButtonLabel = translated.get().texts().get(next++);
            turn.defaultBodyText = translated.get().texts().get(next);
        }
        turn.outputs = outputs;
        return Optional.empty();
    }

    /** The user's language: the fixed one, else the detected one; null = unknown (nothing is translated). */
    private static String target(TurnContext turn, TranslationSettings settings) {
        if (!settings.detects()) {
            return settings.userLanguage();
        }
        UserLanguage language = turn.currentUserLanguage();
        return language == null ? null : language.code();
    }

    private static void collect(ObjectNode output, boolean translate, List<Slot> slots) {
        addIfText(output, "text", slots);
        JsonNode defaults = output.path("data").path("_cognigy").path("_default");
        if (defaults instanceof ObjectNode formats) {
            if (translate) {
                formats.path("_list").path("items").forEach(OutputTranslationStage::keepListRowId);
            }
            walk(formats, translate, slots);
        }
    }

    /** Every text field under the default formats; choices keep their id (the original title when they had no payload). */
    private static void walk(ObjectNode node, boolean translate, List<Slot> slots) {
        if (translate && node.path("title").isTextual() && isChoice(node)
                && (!node.path("payload").isValueNode() || node.path("payload").asText().isBlank())) {
            node.put("payload", node.path("title").asText());
        }
        for (String field : TEXT_FIELDS) {
            addIfText(node, field, slots);
        }
        node.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode child) {
                walk(child, translate, slots);
            } else if (entry.getValue() instanceof ArrayNode array) {
                array.forEach(element -> {
                    if (element instanceof ObjectNode child) {
                        walk(child, translate, slots);
                    }
                });
            }
        });
    }

    /** A button or quick reply (not a URL or phone button, whose payload is not an id). */
    private static boolean isChoice(ObjectNode node) {
        String type = node.path("type").asText("");
        return !type.equals("web_url") && !type.equals("phone_number") && (node.has("payload") || node.has("contentType")
                || type.equals("postback") || type.isEmpty());
    }

    /** A list row's id is its first postback payload, else its title: pin the title as that payload. */
    private static void keepListRowId(JsonNode item) {
        if (!(item instanceof ObjectNode row) || !row.path("title").isTextual()) {
            return;
        }
        for (JsonNode button : row.path("buttons")) {
            if (!"web_url".equals(button.path("type").asText()) && button.path("payload").isTextual()) {
                return;
            }
        }
        if (row.path("buttons").isArray() || !row.has("buttons")) {
            ArrayNode buttons = row.path("buttons").isArray() ? (ArrayNode) row.get("buttons") : row.putArray("buttons");
            buttons.addObject().put("type", "postback").put("payload", row.path("title").asText()).put("title", row.path("title").asText());
        }
    }

    private static void addIfText(ObjectNode node, String field, List<Slot> slots) {
        if (node.path(field).isTextual() && !node.path(field).asText().isBlank()) {
            slots.add(new Slot(node, field));
        }
    }
}
