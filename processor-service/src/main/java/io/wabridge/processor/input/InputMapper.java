package io.wabridge.processor.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.webhook.Message;

/**
 * Turns an inbound WhatsApp message (or an inject) into Cognigy input.
 *
 * <p>{@code data} always carries {@code channel}, {@code messageType}, the original
 * {@code message}, {@code contact}, {@code contactName}, {@code endpoint} and webhook
 * {@code metadata}, plus one convenience object for the type ({@code reply}, {@code media},
 * {@code location}…) so that flows need not know the Cloud API's nesting.
 */
public final class InputMapper {

    /** Cognigy rejects inputs with longer text. */
    static final int MAX_TEXT = 10_000;
    private static final ObjectMapper JSON = Json.mapper();

    public CognigyInput map(InboundEvent event) {
        ObjectNode data = JSON.createObjectNode();
        data.put("channel", "whatsapp");
        data.put("messageType", event.messageType());
        putIfPresent(data, "message", event.message());
        putIfPresent(data, "contact", event.contact());
        if (event.contactName() != null) {
            data.put("contactName", event.contactName());
        }
        ObjectNode endpoint = data.putObject("endpoint");
        endpoint.put("id", event.endpointId());
        endpoint.put("phoneNumberId", event.phoneNumberId());
        putIfPresent(data, "metadata", event.metadata());

        String text = switch (event.kind()) {
            case MESSAGE -> event.message() == null ? null : fromMessage(parse(event.message()), data);
            default -> {
                // Inject: the caller's text, its data merged over ours so the flow sees what it was sent.
                if (event.data() instanceof ObjectNode injected) {
                    data.setAll(injected);
                }
                yield event.text();
            }
        };
        return new CognigyInput(clip(text), data);
    }

    private static Message parse(JsonNode message) {
        try {
            return JSON.treeToValue(message, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a WhatsApp message: " + e.getOriginalMessage(), e);
        }
    }

    /** Adds the type's convenience object to {@code data} and returns the text the flow sees. */
    private static String fromMessage(Message m, ObjectNode data) {
        if (m.context() != null) {
            data.set("context", JSON.valueToTree(m.context()));
        }
        if (m.referral() != null) {
            data.set("referral", JSON.valueToTree(m.referral()));
        }
        String type = m.type() == null ? "" : m.type();
        return switch (type) {
            case "text" -> m.text() == null ? null : m.text().body();
            case "image", "video", "document", "audio", "sticker" -> media(type, m, data);
            case "location" -> {
                data.set("location", JSON.valueToTree(m.location()));
                yield null;
            }
            case "contacts" -> {
                data.set("contacts", JSON.valueToTree(m.contacts()));
                yield null;
            }
            case "interactive" -> interactive(m.interactive(), data);
            case "button" -> {
                // A template quick-reply: the payload is what the template's author put there for the flow.
                data.set("reply", JSON.valueToTree(m.button()));
                yield m.button() == null ? null : firstNonBlank(m.button().payload(), m.button().text());
            }
            case "reaction" -> {
                data.set("reaction", JSON.valueToTree(m.reaction()));
                yield null;
            }
            case "order" -> {
                data.set("order", JSON.valueToTree(m.order()));
                yield m.order() == null ? null : m.order().text();
            }
            case "system" -> {
                data.set("system", JSON.valueToTree(m.system()));
                yield m.system() == null ? null : m.system().body();
            }
            case "edit" -> {
                // Not a new message: the flow is told which message changed and to what, never given it as new text.
                JsonNode edit = other(m, "edit");
                JsonNode edited = edit.path("message");
                ObjectNode node = whatsapp(data).putObject("edit");
                node.put("originalMessageId", edit.path("original_message_id").asText(null));
                putIfPresent(node, "text", editedText(edited));
                putIfPresent(node, "message", edited.isMissingNode() ? null : edited);
                yield null;
            }
            case "revoke" -> {
                whatsapp(data).putObject("revoke").put("messageId", other(m, "revoke").path("original_message_id").asText(null));
                yield null;
            }
            default -> {
                // unsupported, request_welcome and types newer than this build: the flow gets data only.
                if (!m.errors().isEmpty()) {
                    data.set("errors", JSON.valueToTree(m.errors()));
                }
                yield null;
            }
        };
    }

    private static JsonNode other(Message m, String field) {
        JsonNode node = m.other() == null ? null : m.other().get(field);
        return node == null ? JSON.missingNode() : node;
    }

    private static ObjectNode whatsapp(ObjectNode data) {
        return data.has("whatsapp") ? (ObjectNode) data.get("whatsapp") : data.putObject("whatsapp");
    }

    /** The edited message's new text: its text body or media caption. */
    private static String editedText(JsonNode edited) {
        String type = edited.path("type").asText("");
        JsonNode content = edited.path(type);
        JsonNode text = "text".equals(type) ? content.path("body") : content.path("caption");
        return text.isTextual() ? text.asText() : null;
    }

    private static String media(String type, Message m, ObjectNode data) {
        Message.Media media = switch (type) {
            case "image" -> m.image();
            case "video" -> m.video();
            case "document" -> m.document();
            case "audio" -> m.audio();
            default -> m.sticker();
        };
        if (media == null) {
            return null;
        }
        ObjectNode node = data.putObject("media");
        node.put("type", type);
        node.put("id", media.id());
        node.put("mimeType", media.mimeType());
        putIfPresent(node, "caption", media.caption());
        putIfPresent(node, "filename", media.filename());
        if (media.voice() != null) {
            node.put("voice", media.voice());
        }
        if (media.animated() != null) {
            node.put("animated", media.animated());
        }
        return media.caption();
    }

    private static String interactive(Message.Interactive interactive, ObjectNode data) {
        if (interactive == null) {
            return null;
        }
        Message.Interactive.Reply reply = interactive.buttonReply() != null ? interactive.buttonReply() : interactive.listReply();
        if (reply != null) {
            // The id is the payload the flow put on the button or row; the title is only what the user saw.
            data.set("reply", JSON.valueToTree(reply));
            return reply.id();
        }
        if (interactive.nfmReply() != null) {
            ObjectNode flow = data.putObject("flowResponse");
            flow.put("name", interactive.nfmReply().name());
            flow.set("response", parseJsonText(interactive.nfmReply().responseJson()));
            return interactive.nfmReply().body();
        }
        return null;
    }

    private static JsonNode parseJsonText(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value instanceof JsonNode json) {
            node.set(field, json);
        } else if (value instanceof String text) {
            node.put(field, text);
        }
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    private static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end);
    }
}
