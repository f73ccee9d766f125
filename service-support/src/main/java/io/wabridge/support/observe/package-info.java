/**
 * What every service shares for observability: the span around work on a consumed record
 * (continuing the trace in its {@code traceparent} header), the {@code traceparent} of the
 * current span for the records it writes, and consumer lag meters for hand-written poll loops.
 */
package io.wabridge.support.observe;
