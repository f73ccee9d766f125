package io.wabridge.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.ingress.signature.SignatureVerifier;
import io.wabridge.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/**
 * Signed {@code smb_message_echoes} and {@code standby} webhooks for the local pipeline's demo
 * number, in Meta's documented shapes (common-model's {@code webhook/smb-message-echoes.json},
 * {@code webhook/standby.json}): what Meta would send when a person answers from the WhatsApp
 * Business app, or when another app owns the thread.
 */
record ResponderWebhooks(int ingressPort) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A person answered {@code user} from the WhatsApp Business app; returns ingress's status. */
    int echo(String user, String text) {
        ObjectNode value = value();
        item(value.putArray("message_echoes"), "15550000000", text).put("to", "+" + user);
        return post("smb_message_echoes", value);
    }

    /** A standby copy of {@code user}'s own message, delivered because another app owns the thread. */
    int standby(String user, String text) {
        ObjectNode value = value();
        value.putArray("contacts").addObject().put("wa_id", user).putObject("profile").put("name", "E2E");
        item(value.putArray("messages"), user, text);
        return post("standby", value);
    }

    private static ObjectNode value() {
        ObjectNode value = Json.mapper().createObjectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000").put("phone_number_id", LocalDefaults.PHONE_NUMBER_ID);
        return value;
    }

    private static ObjectNode item(ArrayNode items, String from, String text) {
        ObjectNode item = items.addObject().put("from", from).put("id", "wamid.e2e-" + System.nanoTime())
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", "text");
        item.putObject("text").put("body", text);
        return item;
    }

    private int post(String field, ObjectNode value) {
        ObjectNode root = Json.mapper().createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry").addObject().put("id", "WABA").putArray("changes").addObject();
        change.set("value", value);
        change.put("field", field);
        byte[] body = Json.toBytes(root);
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ingressPort + "/webhooks/whatsapp/demo"))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", SignatureVerifier.sign(LocalDefaults.APP_SECRET, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
