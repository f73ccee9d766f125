/**
 * Inject &amp; Notify: put text/data into a conversation's flow as if the user had sent it
 * (inject), or send it straight to the user without the flow (notify). Cognigy's own API, rebuilt;
 * written durably to {@code whatsapp.inbound} like any webhook.
 */
package io.wabridge.ingress.api;
