/**
 * The chat page and its backend: the user's phone. Typed text and clicks become signed webhooks to
 * ingress; bot messages and their ticks stream back from the fake Graph API over Server-Sent Events.
 */
package io.wabridge.sandbox.chat;
