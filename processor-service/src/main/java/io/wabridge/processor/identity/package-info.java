/**
 * Who a conversation's user is: the ids a webhook carries, identity changes, and the records by
 * which one conversation's state moves to the key that continues it (docs/events.md,
 * "Conversation key"). The turns that use them are in the pipeline ({@code IdentityTurns}).
 */
package io.wabridge.processor.identity;
