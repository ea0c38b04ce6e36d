package io.latchkey.cli;

/** Ends a command with a message for the user (on stderr) and one of the {@link Exit} codes. */
public final class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    static CliFailure notLoggedIn(String issuer) {
        return new CliFailure(Exit.NOT_LOGGED_IN, "Not logged in to " + issuer + ". Run: latchkey login --issuer " + issuer);
    }
}
