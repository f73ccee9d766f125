/** The HTTP client plumbing the processor's outbound calls (Cognigy, translation providers) share. */
package io.wabridge.processor.http;
