/**
 * Typed views of the WhatsApp Business Cloud API webhook payload. Every message type and status
 * that Meta documents has a field; whatever Meta adds later lands in {@code other()} instead of
 * being dropped, and the events keep each item's original JSON besides.
 */
package io.wabridge.model.webhook;
