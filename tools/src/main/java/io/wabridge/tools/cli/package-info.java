/** The {@code wabridge} entry point (picocli): dispatch to a command, exit statuses, time arguments. */
package io.wabridge.tools.cli;
