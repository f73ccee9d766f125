/**
 * Cognigy outputs to WhatsApp Cloud API message objects: text split at WhatsApp's limit, quick
 * replies and postback buttons as reply buttons or a list (payloads kept as reply ids), URL
 * buttons as {@code cta_url}, galleries as cards, media by link, native WhatsApp JSON as is.
 * Everything is clipped or converted to stay valid; {@code docs/cognigy-mapping.md} has the table.
 */
package io.wabridge.processor.output;
