/**
 * The sandbox: everything outside wabridge, faked so the pipeline runs on a laptop with no Meta or
 * Cognigy account. {@code graph} is the WhatsApp Graph API, {@code bot} a Cognigy REST Endpoint,
 * {@code chat} the user's phone, {@code webhook} the signed deliveries to ingress. Never for production.
 */
package io.wabridge.sandbox;
