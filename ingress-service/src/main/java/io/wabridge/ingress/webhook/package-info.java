/**
 * The WhatsApp webhook: the verify-token handshake, and deliveries checked, split into one event
 * per message, status and other change, and acknowledged only once all of them are written.
 */
package io.wabridge.ingress.webhook;
