/**
 * The 24-hour customer-service window: what replaces, or stops, a free-form message that would
 * leave after it closed.
 */
package io.wabridge.processor.window;
