package io.wabridge.ingress.webhook;

import org.springframework.http.HttpStatus;

/**
 * How a webhook delivery ended: the HTTP status Meta gets, a metric/log outcome, and a message
 * for the response body (never a secret or an expected signature).
 */
record IntakeResult(HttpStatus status, String outcome, String message, int records) {

    static IntakeResult accepted(int records) {
        return new IntakeResult(HttpStatus.OK, "accepted", "written", records);
    }

    static IntakeResult quarantined(String reason) {
        return new IntakeResult(HttpStatus.OK, "quarantined", "kept in quarantine: " + reason, 1);
    }

    static IntakeResult badSignature() {
        return new IntakeResult(HttpStatus.UNAUTHORIZED, "bad_signature",
                "missing or invalid " + io.wabridge.ingress.signature.SignatureVerifier.HEADER, 0);
    }

    static IntakeResult unknownEndpoint(String what) {
        return new IntakeResult(HttpStatus.NOT_FOUND, "unknown_endpoint", what, 0);
    }

    static IntakeResult tooLarge(long limitBytes) {
        return new IntakeResult(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "body exceeds " + limitBytes + " bytes", 0);
    }

    static IntakeResult unroutable(String reason) {
        return new IntakeResult(HttpStatus.BAD_REQUEST, "unroutable", reason, 0);
    }

    static IntakeResult notWritten(String reason) {
        return new IntakeResult(HttpStatus.SERVICE_UNAVAILABLE, "kafka_unavailable", "not written, retry later: " + reason, 0);
    }
}
