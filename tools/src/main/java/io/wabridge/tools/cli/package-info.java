/** Argument parsing, time arguments and the {@code wabridge} entry point that dispatches to a command. */
package io.wabridge.tools.cli;
