/** The {@code wabridge} command line: replay and re-drive topics, tail one conversation. */
package io.wabridge.tools;
