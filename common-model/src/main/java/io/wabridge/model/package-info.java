/**
 * The contract the wabridge services share: events on the Kafka topics, the WhatsApp webhook
 * and send models, endpoint settings and the JSON mapping. Free of Spring and of the Kafka
 * client, so any stage (or a replay tool) can read what any other stage wrote.
 */
package io.wabridge.model;
