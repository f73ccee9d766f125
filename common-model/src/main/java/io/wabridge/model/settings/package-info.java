/**
 * The settings of one WhatsApp endpoint ({@code wabridge.endpoints.<id>.*}), the rebuilt form of
 * Cognigy's WhatsApp Endpoint settings. Plain records: the services bind them with Spring Boot.
 */
package io.wabridge.model.settings;
