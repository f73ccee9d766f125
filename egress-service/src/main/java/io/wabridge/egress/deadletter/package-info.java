/**
 * The outbound dead-letter topic: records that cannot be sent (unreadable, unknown endpoint,
 * permanent Graph error, retries exhausted, number blocked) with the reason and Graph error in
 * headers. Nothing egress consumes is dropped without landing here or at Graph.
 */
package io.wabridge.egress.deadletter;
