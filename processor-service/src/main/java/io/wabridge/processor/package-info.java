/**
 * processor-service: the bot-facing half of the WhatsApp endpoint. Consumes
 * {@code whatsapp.inbound}, keeps each conversation's Cognigy session, calls the Cognigy REST
 * Endpoint and writes the flow's outputs as WhatsApp messages to {@code whatsapp.outbound}.
 */
package io.wabridge.processor;
