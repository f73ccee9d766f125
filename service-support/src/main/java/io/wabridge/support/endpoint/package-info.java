/**
 * The configured WhatsApp endpoints ({@code wabridge.endpoints.<id>.*}) and the Graph API
 * location ({@code wabridge.whatsapp.*}), bound once and looked up by id or phone number id. The
 * one home of endpoint settings on the Spring side: binding, the metadata that describes each
 * property ({@code META-INF/additional-spring-configuration-metadata.json}), and the start-up
 * checks ({@link io.wabridge.support.endpoint.EndpointChecks}) against what each service declares
 * it needs ({@link io.wabridge.support.endpoint.EndpointRequirements}).
 */
package io.wabridge.support.endpoint;
