/**
 * A demo bot speaking the Cognigy REST Endpoint protocol, with one keyword per output format
 * (quick replies, buttons, gallery, list, image, multi-output turns, native WhatsApp objects).
 */
package io.wabridge.sandbox.bot;
