/**
 * The configured WhatsApp endpoints ({@code wabridge.endpoints.<id>.*}) and the Graph API
 * location ({@code wabridge.whatsapp.*}), bound once and looked up by id or phone number id.
 */
package io.wabridge.support.endpoint;
