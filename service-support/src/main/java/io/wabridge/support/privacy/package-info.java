/**
 * Masked logging: every log line that carries a user id, conversation key, message text or data
 * goes through {@link io.wabridge.support.privacy.LogMasking}, which masks it unless the endpoint's
 * {@code data-protection.mask-logging} is off.
 */
package io.wabridge.support.privacy;
