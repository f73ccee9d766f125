/**
 * What a Cognigy flow sees for each WhatsApp message: the {@code text} a user typed or clicked
 * (a button's payload id, never its title) and {@code data} with the whole original message,
 * the contact and the endpoint. The mapping is documented in {@code docs/cognigy-mapping.md}.
 */
package io.wabridge.processor.input;
