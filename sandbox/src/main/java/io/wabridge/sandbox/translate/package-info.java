/** A fake DeepL API for real-time translation in the sandbox ({@code docs/translation.md}). */
package io.wabridge.sandbox.translate;
