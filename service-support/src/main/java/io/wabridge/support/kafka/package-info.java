/**
 * Kafka plumbing every wabridge service shares: topic names and creation
 * ({@code wabridge.topics.*}), and writing/reading events with their {@code event-type},
 * {@code schema-version} and trace headers. Auto-configured; a service only adds the dependency.
 */
package io.wabridge.support.kafka;
