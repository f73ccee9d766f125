package io.wabridge.model;

/**
 * Default topic names. Every name is configurable in the services ({@code wabridge.topics.*});
 * these are the defaults documented in {@code docs/events.md}.
 */
public final class Topics {

    /** User messages, injects, notifies, agent replies, handover commands. Key: conversation key. */
    public static final String INBOUND = "whatsapp.inbound";
    /** Delivery receipts and send outcomes. Key: conversation key. */
    public static final String STATUSES = "whatsapp.statuses";
    /** One record per WhatsApp message or action to send. Key: conversation key. */
    public static final String OUTBOUND = "whatsapp.outbound";
    /** Signed but unusable webhook bodies, kept verbatim. Key: endpoint id. */
    public static final String QUARANTINE = "whatsapp.quarantine";
    /** Webhook changes that are neither messages nor statuses (account, template, quality updates). */
    public static final String CHANGES = "whatsapp.changes";
    /** The conversation, when an endpoint's transcript is on or masked. Key: conversation key (or its pseudonym). */
    public static final String TRANSCRIPTS = "whatsapp.transcripts";
    /** Handover lifecycle events and, for the {@code kafka} provider, the user's messages for agent desks. Key: conversation key. */
    public static final String HANDOVER = "whatsapp.handover";
    /** Suffix of a topic's dead-letter topic. */
    public static final String DLT_SUFFIX = "-dlt";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DLT_SUFFIX;
    }
}
