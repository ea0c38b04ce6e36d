package io.latchkey.cli;

/** The exit codes a script can rely on (listed in {@code latchkey --help}). */
public final class Exit {

    public static final int OK = 0;
    /** Anything else: a refused request, an API call answering non-2xx, a malformed answer. */
    public static final int ERROR = 1;
    /** Bad command line (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** No stored credentials for the issuer, or they no longer work (run {@code latchkey login}). */
    public static final int NOT_LOGGED_IN = 3;
    /** RFC 8628 §3.5 access_denied: the user said no. */
    public static final int ACCESS_DENIED = 4;
    /** RFC 8628 §3.5 expired_token: the code expired before the user approved it. */
    public static final int EXPIRED = 5;
    /** The server could not be reached, or answered 5xx / 503 temporarily_unavailable. */
    public static final int UNAVAILABLE = 6;

    /** The help footer. */
    static final String HELP = "%nExit codes:%n"
            + "  0  ok%n"
            + "  1  error (refused request, non-2xx API answer, malformed answer)%n"
            + "  2  usage error%n"
            + "  3  not logged in (no credentials for the issuer, or the session ended)%n"
            + "  4  access denied by the user%n"
            + "  5  the device code expired before approval%n"
            + "  6  server unavailable (network error, 5xx, 503 temporarily_unavailable)%n";

    private Exit() {
    }
}
