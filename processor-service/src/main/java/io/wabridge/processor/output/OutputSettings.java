package io.wabridge.processor.output;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Wording the mapping needs when a Cognigy output lacks it ({@code wabridge.processor.output.*}).
 *
 * @param listButtonLabel label of the button that opens a list (at most 20 characters)
 * @param defaultBodyText body of buttons or a list whose output has no text (WhatsApp requires one)
 */
@ConfigurationProperties("wabridge.processor.output")
public record OutputSettings(
        @DefaultValue("Options") String listButtonLabel,
        @DefaultValue("Please choose an option") String defaultBodyText) {

    public OutputSettings {
        if (listButtonLabel.length() > WhatsAppLimits.LIST_BUTTON) {
            throw new IllegalArgumentException("wabridge.processor.output.list-button-label must be at most "
                    + WhatsAppLimits.LIST_BUTTON + " characters");
        }
    }
}
