/**
 * The fake Graph API and fake Cognigy REST Endpoint the processor, egress and end-to-end
 * scenarios measure against: time-stamped requests, fixed latency, the real success shapes.
 */
package io.wabridge.bench.fake;
