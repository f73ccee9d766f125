package io.wabridge.sandbox.agent;

import io.wabridge.sandbox.SandboxSettings;
import io.wabridge.sandbox.webhook.IngressClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent panel's backend ({@code /agent.html}): the open handovers with their messages, and the
 * agent's two answers, a reply and the end, sent through ingress's handover API.
 */
@RestController
@RequestMapping("/agent/api")
class AgentController {

    private final SandboxSettings settings;
    private final Handovers handovers;
    private final HandoverApi api;

    AgentController(SandboxSettings settings, Handovers handovers, HandoverApi api) {
        this.settings = settings;
        this.handovers = handovers;
        this.api = api;
    }

    record Reply(String text) {
    }

    @GetMapping("/handovers")
    Map<String, Object> handovers() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("enabled", settings.agentDesk().enabled());
        result.put("topic", settings.agentDesk().topic());
        result.put("handovers", handovers.open());
        return result;
    }

    /** The agent's message to the user ({@code handover/reply}); the first one makes a queued handover active. */
    @PostMapping("/handovers/{handoverId}/reply")
    ResponseEntity<Map<String, Object>> reply(@PathVariable String handoverId, @RequestBody(required = false) Reply reply) {
        if (reply == null || reply.text() == null || reply.text().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "text is required"));
        }
        return handovers.find(handoverId)
                .map(handover -> {
                    ResponseEntity<Map<String, Object>> answer = call(handover, "reply", Map.of("userId", handover.userId(), "text", reply.text()));
                    if (answer.getStatusCode().is2xxSuccessful()) {
                        handovers.agentSaid(handoverId, reply.text());
                    }
                    return answer;
                })
                .orElseGet(AgentController::notOpen);
    }

    /** The agent ends it ({@code handover/end}, {@code completed}, {@code source: agent}); the flow gets the end input. */
    @PostMapping("/handovers/{handoverId}/end")
    ResponseEntity<Map<String, Object>> end(@PathVariable String handoverId) {
        return handovers.find(handoverId)
                .map(handover -> call(handover, "end", Map.of("userId", handover.userId(), "status", "completed", "source", "agent")))
                .orElseGet(AgentController::notOpen);
    }

    private ResponseEntity<Map<String, Object>> call(Handovers.Handover handover, String call, Map<String, Object> body) {
        try {
            IngressClient.Delivery delivery = api.post(handover.endpointId(), call, body);
            return ResponseEntity.status(delivery.ok() ? HttpStatus.OK : HttpStatus.BAD_GATEWAY)
                    .body(Map.of("ingressStatus", delivery.status(), "ingressResponse", delivery.body()));
        } catch (IOException e) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", "ingress is unreachable at " + settings.ingressUrl() + " (" + e + ")"));
        }
    }

    private static ResponseEntity<Map<String, Object>> notOpen() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no open handover with that id"));
    }
}
