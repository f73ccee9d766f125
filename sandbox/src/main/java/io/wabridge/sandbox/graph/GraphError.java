package io.wabridge.sandbox.graph;

/**
 * One Graph API error, as Meta classifies it. Senders must classify by {@link #code()} ({@code docs/whatsapp.md},
 * "Errors"), so the fake gets the codes right and keeps HTTP statuses as Meta does (400, 401 for tokens).
 */
record GraphError(int httpStatus, int code, Integer subcode, String message, String details) {

    static final int INVALID_PARAMETER = 100;
    static final int MISSING_PARAMETER = 131008;
    static final int INVALID_VALUE = 131009;
    static final int UNSUPPORTED_TYPE = 131051;
    static final int BAD_TOKEN = 190;

    /** 131008: a required parameter is absent or empty. {@code param} is Meta's path, e.g. {@code text['body']}. */
    static GraphError missing(String param) {
        return new GraphError(400, MISSING_PARAMETER, null, "(#131008) Required parameter is missing",
                "The parameter " + param + " is required.");
    }

    /** 131009: a value breaks a rule of the message type (counts, lengths of buttons and rows, uniqueness). */
    static GraphError invalidValue(String details) {
        return new GraphError(400, INVALID_VALUE, null, "(#131009) Parameter value is not valid", details);
    }

    /** 100: a plain parameter is malformed or too long. */
    static GraphError invalidParameter(String details) {
        return new GraphError(400, INVALID_PARAMETER, null, "(#100) " + details, details);
    }

    static GraphError tooLong(String param, int max) {
        return invalidParameter("Param " + param + " must be at most " + max + " characters long.");
    }

    static GraphError unsupportedType(String type) {
        return new GraphError(400, UNSUPPORTED_TYPE, null, "(#131051) Unsupported message type",
                "Message type " + type + " is not currently supported.");
    }

    static GraphError badToken() {
        return new GraphError(401, BAD_TOKEN, null, "Invalid OAuth access token - Cannot parse access token",
                "The access token is missing or does not match wabridge.sandbox.access-token.");
    }

    /** What Graph answers for a phone number id it does not know (code 100, subcode 33). */
    static GraphError unknownObject(String id) {
        return new GraphError(400, INVALID_PARAMETER, 33,
                "Unsupported post request. Object with ID '" + id + "' does not exist, cannot be loaded due to "
                        + "missing permissions, or does not support this operation.",
                "Unknown phone number id " + id + "; the sandbox serves wabridge.sandbox.phone-number-id only.");
    }
}
