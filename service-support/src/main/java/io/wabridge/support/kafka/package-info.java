/**
 * Kafka plumbing every wabridge service shares: the one factory every Kafka client is built by
 * ({@link io.wabridge.support.kafka.KafkaClientFactory}, from {@code spring.kafka.*}), topic names and creation
 * ({@code wabridge.topics.*}), the {@code kafka} health check, and writing/reading events with their {@code event-type},
 * {@code schema-version} and trace headers. Auto-configured; a service only adds the dependency.
 */
package io.wabridge.support.kafka;
