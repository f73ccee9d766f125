/** Real-time translation: the providers' REST clients, their resilience and cache, and the texts of a turn ({@code docs/translation.md}). */
package io.wabridge.processor.translate;
