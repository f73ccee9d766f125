/**
 * egress-service: sends {@code whatsapp.outbound} to the WhatsApp Graph API, in order per
 * recipient, paced, within each number's budget, retried by Graph error code, recorded in the
 * send ledger so nothing goes twice, and dead-lettered when it cannot go at all. The features
 * live in the sub-packages; this one wires them (Kafka clients come from service-support's
 * {@code KafkaClientFactory}).
 */
package io.wabridge.egress;
