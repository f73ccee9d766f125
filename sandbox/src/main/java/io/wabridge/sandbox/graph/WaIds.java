package io.wabridge.sandbox.graph;

import java.util.regex.Pattern;

/** How Graph turns a {@code to} into the recipient's wa_id: phone numbers lose '+', spaces, dashes and brackets. */
final class WaIds {

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[\\d\\s().-]*\\d[\\d\\s().-]*");

    private WaIds() {
    }

    /** The wa_id for {@code to}; anything that is not a phone number (e.g. a business-scoped user id) is kept as is. */
    static String of(String to) {
        return PHONE_NUMBER.matcher(to).matches() ? to.replaceAll("\\D", "") : to;
    }
}
