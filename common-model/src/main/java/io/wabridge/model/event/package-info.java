/**
 * The records on wabridge's topics. Each has a {@code SCHEMA_VERSION}; a change that an older
 * reader could not ignore gets a new version and a new golden fixture.
 */
package io.wabridge.model.event;
