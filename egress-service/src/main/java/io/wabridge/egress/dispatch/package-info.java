/**
 * Consumption of {@code whatsapp.outbound} with key-level concurrency: an own poll loop, one lane
 * per recipient (strict order inside, no waiting across), offsets committed up to the lowest
 * unfinished record, and a pause when too much is in flight.
 */
package io.wabridge.egress.dispatch;
