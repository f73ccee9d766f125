/** {@code wabridge tail}: one conversation's events across all topics, in time order, masked by default. */
package io.wabridge.tools.tail;
