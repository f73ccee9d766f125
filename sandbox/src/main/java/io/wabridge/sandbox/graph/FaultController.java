package io.wabridge.sandbox.graph;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sandbox/faults}: plan Graph API failures for the next sends (see {@link Fault}). */
@RestController
@RequestMapping("/sandbox/faults")
class FaultController {

    private final FaultPlan plan;

    FaultController(FaultPlan plan) {
        this.plan = plan;
    }

    @PostMapping
    ResponseEntity<Object> add(@RequestBody Map<String, Object> request) {
        Fault fault;
        try {
            fault = new Fault(integer(request.get("code")), integer(request.get("httpStatus")),
                    (String) request.get("message"), integer(request.get("count")),
                    (String) request.get("recipient"), (Boolean) request.get("failedStatus"));
        } catch (IllegalArgumentException | ClassCastException e) {
            return ResponseEntity.badRequest().body(Map.of("error",
                    "expected {code, httpStatus?, message?, count?, recipient?, failedStatus?}: " + e.getMessage()));
        }
        plan.add(fault);
        return ResponseEntity.status(201).body(fault);
    }

    @GetMapping
    List<Fault> list() {
        return plan.list();
    }

    @DeleteMapping
    ResponseEntity<Void> clear() {
        plan.clear();
        return ResponseEntity.noContent().build();
    }

    private static Integer integer(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        throw new IllegalArgumentException("not a number: " + value);
    }
}
