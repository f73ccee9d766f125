/**
 * {@code wabridge replay}: re-drive a bounded selection of a topic's records into the stage that
 * consumes it (or a dead-letter topic's records into their source), or copy them to a scratch topic.
 */
package io.wabridge.tools.replay;
