package io.wabridge.tools.cli;

/** A command line that cannot be run as given; its message is shown to the user with the usage. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
