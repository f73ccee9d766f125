package io.wabridge.egress.graph;

import java.util.Set;

/** Maps a Graph error code to an {@link ErrorClass}. */
final class ErrorClassifier {

    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 4, 80007, 131000, 131016, 133004);
    private static final Set<Integer> ACCOUNT = Set.of(190, 368, 131031);
    private static final Set<Integer> PERMANENT = Set.of(100, 131008, 131009, 131026, 131047, 131049, 131051, 131052, 131053, 131062);

    private ErrorClassifier() {
    }

    /**
     * What a permanent code means for the operator reading the dead letter, beyond Meta's message;
     * empty for codes whose message says enough.
     */
    static String explain(int code) {
        return switch (code) {
            case 131047 -> "outside the 24-hour customer-service window: only a template can reach the user now";
            case 131062 -> "this kind of message cannot be sent to a business-scoped user id (a username user without a known phone number)";
            default -> "";
        };
    }

    static ErrorClass classify(int code, int httpStatus) {
        switch (code) {
            case 130429:
                return ErrorClass.NUMBER_THROTTLED;
            case 131056:
                return ErrorClass.PAIR_THROTTLED;
            case 131057:
                return ErrorClass.MAINTENANCE;
            case 131048:
                return ErrorClass.SPAM_LIMITED;
            default:
                break;
        }
        if (TRANSIENT.contains(code)) {
            return ErrorClass.TRANSIENT;
        }
        if (ACCOUNT.contains(code)) {
            return ErrorClass.ACCOUNT_BLOCKED;
        }
        if (PERMANENT.contains(code) || (code >= 132000 && code <= 132018)) {
            return ErrorClass.PERMANENT;
        }
        // A code this table does not know: trust the server's hint. 5xx and 429 may pass, another 4xx will not.
        return httpStatus >= 500 || httpStatus == 429 ? ErrorClass.TRANSIENT : ErrorClass.PERMANENT;
    }
}
