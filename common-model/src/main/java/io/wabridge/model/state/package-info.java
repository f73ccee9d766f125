/**
 * The records on wabridge's compacted state topics: what survives a restart. Versioned and
 * tested against golden fixtures like the events in {@code io.wabridge.model.event}; a state
 * topic also holds tombstones (null values) that forget a key when compaction runs.
 */
package io.wabridge.model.state;
