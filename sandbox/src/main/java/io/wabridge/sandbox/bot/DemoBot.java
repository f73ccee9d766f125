package io.wabridge.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The demo bot's brain: one keyword per output format, so every conversion path of the processor
 * can be seen in the chat page, and clicked payloads are answered so a click visibly round-trips.
 */
final class DemoBot {

    static final String HELP = """
            I am the wabridge demo bot. Send one of these words:
            quick – quick replies
            buttons – text with buttons
            gallery – a gallery of cards
            list – a list
            image – an image
            multi – three messages in one turn
            whatsapp – native WhatsApp buttons
            location – a native WhatsApp location
            count – how often you have called me
            whoami – the user id and session I see
            agent – a human agent (the agent panel)
            help – this text""";

    /** A clicked payload, e.g. {@code COLOR_RED}: upper-case words joined by underscores. */
    private static final Pattern PAYLOAD = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final Map<String, String> PICKS = Map.of(
            "COLOR_RED", "red",
            "COLOR_GREEN", "green",
            "COLOR_BLUE", "blue",
            "PLAN_BASIC", "the Basic plan",
            "PLAN_PRO", "the Pro plan",
            "PLAN_TEAM", "the Team plan",
            "PLAN_COMPARE", "to compare plans");

    /** Asks who the bot thinks the user is: the conversation identity made visible. */
    static final String WHOAMI = "whoami";

    /** Said when the user asks for a human; the output's data carries the handover start marker (docs/handover.md). */
    static final String CONNECTING = "Let me connect you with a colleague. Open the agent panel to answer as the agent.";
    /** The answer to the handover's end input: the flow has the conversation again. */
    static final String BACK = "The agent has left; I am back.";

    private DemoBot() {
    }

    /** The user id and session the flow sees: one person, one session, whatever ids their webhooks carry. */
    static BotOutput whoami(String userId, String sessionId) {
        return BotOutput.text("You are " + userId + " in session " + sessionId + ".");
    }

    /**
     * The outputs of one turn.
     *
     * @param calls how many times this user has called the bot, this call included
     */
    static List<BotOutput> reply(String text, JsonNode data, int calls) {
        JsonNode handover = data == null ? null : data.get("handover");
        if ((text == null || text.isBlank()) && handover != null && handover.hasNonNull("status")) {
            // The end input (docs/handover.md, "When it ends"): the conversation is the bot's again.
            return List.of(BotOutput.text(BACK));
        }
        if (text == null || text.isBlank()) {
            return List.of(BotOutput.text("I got data without text (" + fieldNames(data) + ")."));
        }
        String trimmed = text.trim();
        if (PAYLOAD.matcher(trimmed).matches()) {
            return List.of(BotOutput.text("You picked " + PICKS.getOrDefault(trimmed, trimmed) + "."));
        }
        return switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "help" -> List.of(BotOutput.text(HELP));
            case "quick" -> List.of(RichOutputs.quickReplies());
            case "buttons" -> List.of(RichOutputs.buttons());
            case "gallery" -> List.of(RichOutputs.gallery());
            case "list" -> List.of(RichOutputs.list());
            case "image" -> List.of(RichOutputs.image());
            case "multi" -> List.of(BotOutput.text("1/3"), BotOutput.text("2/3"), BotOutput.text("3/3"));
            case "whatsapp" -> List.of(RichOutputs.whatsAppButtons());
            case "location" -> List.of(RichOutputs.whatsAppLocation());
            case "agent" -> List.of(handoverStart());
            case "count" -> List.of(BotOutput.text("This is call number " + calls + " from you."));
            default -> List.of(BotOutput.text("You said: " + trimmed + "\n\n" + HELP));
        };
    }

    /** The documented start marker: {@code data.handover.action = start}; no provider named = the endpoint's (kafka by default). */
    private static BotOutput handoverStart() {
        BotOutput output = BotOutput.text(CONNECTING);
        output.data().putObject("handover").put("action", "start").put("team", "sandbox");
        return output;
    }

    private static String fieldNames(JsonNode data) {
        if (data == null || !data.isObject() || data.isEmpty()) {
            return "empty";
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return "fields: " + String.join(", ", names);
    }
}
