/** Signed webhook deliveries to ingress, shaped and signed exactly as Meta sends them. */
package io.wabridge.sandbox.webhook;
