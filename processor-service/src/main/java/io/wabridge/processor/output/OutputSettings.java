package io.wabridge.processor.output;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Wording the mapping needs when a Cognigy output lacks it ({@code wabridge.processor.output.*}).
 *
 * @param listButtonLabel label of the button that opens a list (default {@code Options}, ≤ 20 chars)
 * @param defaultBodyText body of buttons or a list whose output has no text (WhatsApp requires one;
 *                        default {@code Please choose an option})
 */
@ConfigurationProperties("wabridge.processor.output")
public record OutputSettings(String listButtonLabel, String defaultBodyText) {

    public OutputSettings {
        listButtonLabel = listButtonLabel == null || listButtonLabel.isBlank() ? "Options" : listButtonLabel;
        defaultBodyText = defaultBodyText == null || defaultBodyText.isBlank() ? "Please choose an option" : defaultBodyText;
        if (listButtonLabel.length() > WhatsAppLimits.LIST_BUTTON) {
            throw new IllegalArgumentException("wabridge.processor.output.list-button-label must be at most "
                    + WhatsAppLimits.LIST_BUTTON + " characters");
        }
    }

    public static OutputSettings defaults() {
        return new OutputSettings(null, null);
    }
}
