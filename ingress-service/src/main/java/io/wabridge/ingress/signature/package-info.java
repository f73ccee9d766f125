/** {@code X-Hub-Signature-256}: HMAC-SHA256 of the raw request bytes, keyed with the App Secret. */
package io.wabridge.ingress.signature;
