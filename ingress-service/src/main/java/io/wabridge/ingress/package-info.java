/**
 * ingress-service: receives WhatsApp Cloud API webhooks, checks them, splits each delivery into
 * per-item events and acknowledges only after Kafka has durably written every one of them.
 */
package io.wabridge.ingress;
