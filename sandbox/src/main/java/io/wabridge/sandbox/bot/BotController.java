package io.wabridge.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.sandbox.SandboxSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Cognigy REST Endpoint: {@code POST /cognigy/{urlToken}} with {@code {userId, sessionId, text?, data?}}
 * answers {@code {text, data, userId, sessionId, outputStack}}. Any URL token is accepted.
 */
@RestController
class BotController {

    private static final Logger log = LoggerFactory.getLogger(BotController.class);

    private final SandboxSettings settings;
    private final BotCalls calls;

    BotController(SandboxSettings settings, BotCalls calls) {
        this.settings = settings;
        this.calls = calls;
    }

    record BotRequest(String userId, String sessionId, String text, JsonNode data) {
    }

    @PostMapping("/cognigy/{urlToken}")
    ResponseEntity<Map<String, Object>> input(@PathVariable String urlToken, @RequestBody(required = false) BotRequest request)
            throws InterruptedException {
        String problem = problem(request);
        if (problem != null) {
            return ResponseEntity.badRequest().body(Map.of("error", problem));
        }
        int count = calls.count(request.userId());
        if (!settings.botReplyDelay().isZero()) {
            Thread.sleep(settings.botReplyDelay().toMillis());
        }
        List<BotOutput> outputs = DemoBot.WHOAMI.equalsIgnoreCase(String.valueOf(request.text()).trim())
                ? List.of(DemoBot.whoami(request.userId(), request.sessionId()))
                : DemoBot.reply(request.text(), request.data(), count);
        log.debug("Bot turn {} for {} on {}: {} outputs", count, request.userId(), urlToken, outputs.size());
        return ResponseEntity.ok(response(request, outputs));
    }

    /** Calls per userId, for tests. */
    @GetMapping("/cognigy/calls")
    Map<String, Integer> calls() {
        return calls.all();
    }

    @GetMapping("/cognigy/calls/{userId}")
    Map<String, Object> calls(@PathVariable String userId) {
        return Map.of("userId", userId, "calls", calls.of(userId));
    }

    @DeleteMapping("/cognigy/calls")
    ResponseEntity<Void> resetCalls() {
        calls.reset();
        return ResponseEntity.noContent().build();
    }

    /** Cognigy's own rules: userId and sessionId required, and at least one of text and data. */
    private static String problem(BotRequest request) {
        if (request == null) {
            return "a JSON body {userId, sessionId, text?, data?} is required";
        }
        if (request.userId() == null || request.userId().isBlank()) {
            return "userId is required";
        }
        if (request.sessionId() == null || request.sessionId().isBlank()) {
            return "sessionId is required";
        }
        boolean noText = request.text() == null || request.text().isEmpty();
        boolean noData = request.data() == null || request.data().isNull();
        if (noText && noData) {
            return "text or data is required";
        }
        if (!noData && !request.data().isObject()) {
            return "data must be an object";
        }
        return null;
    }

    /** Top-level text joins the outputs' texts and data is the last non-empty data, as a single-output client would read them. */
    private static Map<String, Object> response(BotRequest request, List<BotOutput> outputs) {
        List<Map<String, Object>> stack = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        ObjectNode lastData = Json.mapper().createObjectNode();
        for (BotOutput output : outputs) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("text", output.text());
            entry.put("data", output.data());
            entry.put("traceId", "sandbox-" + UUID.randomUUID());
            entry.put("source", "bot");
            stack.add(entry);
            if (output.text() != null) {
                texts.add(output.text());
            }
            if (!output.data().isEmpty()) {
                lastData = output.data();
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("text", texts.isEmpty() ? null : String.join("\n", texts));
        response.put("data", lastData);
        response.put("userId", request.userId());
        response.put("sessionId", request.sessionId());
        response.put("outputStack", stack);
        return response;
    }
}
