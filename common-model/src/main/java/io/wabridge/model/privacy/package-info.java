/**
 * How personal data is shown where it does not need to be whole (logs, command output, masked
 * transcripts): user ids and phone numbers partly, texts and data not at all. One scheme for the
 * services and the command-line tools, so a masked key in a log line matches one in {@code wabridge tail}.
 */
package io.wabridge.model.privacy;
