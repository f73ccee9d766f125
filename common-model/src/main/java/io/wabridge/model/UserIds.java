package io.wabridge.model;

import java.util.regex.Pattern;

/**
 * The two kinds of WhatsApp user id (docs/whatsapp.md, "Identity"): a phone number ({@code wa_id})
 * and a business-scoped user id (BSUID: a two-letter country code, a dot and up to 128
 * alphanumerics, e.g. {@code US.13491208655302741918}; a parent BSUID contains {@code ENT}).
 * Graph takes a phone number in {@code to} and a BSUID only in {@code recipient}.
 */
public final class UserIds {

    private static final Pattern BUSINESS_SCOPED = Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9]{1,128}");

    private UserIds() {
    }

    /** True when {@code userId} is a business-scoped user id rather than a phone number. */
    public static boolean isBusinessScoped(String userId) {
        return userId != null && BUSINESS_SCOPED.matcher(userId).matches();
    }
}
