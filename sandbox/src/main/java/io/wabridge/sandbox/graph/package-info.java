/**
 * The fake WhatsApp Graph API: validates sends against Meta's limits, answers in Meta's shapes and
 * plays the recipient's phone (sent → delivered → read status webhooks to ingress).
 */
package io.wabridge.sandbox.graph;
