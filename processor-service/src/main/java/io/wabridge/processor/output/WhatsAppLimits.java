package io.wabridge.processor.output;

/** Cloud API limits a message must respect, or Graph rejects the request (see {@code docs/whatsapp.md}, "Sending"). */
final class WhatsAppLimits {

    static final int TEXT_BODY = 4096;
    static final int INTERACTIVE_BODY = 1024;
    static final int LIST_BODY = 4096;
    static final int CAPTION = 1024;
    static final int MAX_BUTTONS = 3;
    static final int BUTTON_ID = 256;
    static final int BUTTON_TITLE = 20;
    static final int MAX_ROWS = 10;
    static final int ROW_ID = 200;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;
    static final int LIST_BUTTON = 20;
    static final int CTA_DISPLAY_TEXT = 20;

    private WhatsAppLimits() {
    }
}
