/**
 * WhatsApp's own humans: a person answering from the WhatsApp Business app on a coexistence number
 * ({@code smb_message_echoes}) and Conversation Routing giving the thread to another app
 * ({@code messaging_handovers}, {@code standby}) pause the bot for that conversation
 * ({@code docs/handover.md}, "WhatsApp's own humans"). Separate from the agent handover, which is
 * wabridge's own: this package only keeps the bot quiet while someone else answers.
 */
package io.wabridge.processor.humans;
