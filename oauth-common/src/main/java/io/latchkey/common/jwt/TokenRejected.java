package io.latchkey.common.jwt;

/**
 * Why an access token was not accepted. The message is safe to show the client (RFC 6750 §3
 * {@code error_description}); no stack trace is captured.
 */
public final class TokenRejected extends RuntimeException {

    public TokenRejected(String description) {
        super(description, null, false, false);
    }

    public String description() {
        return getMessage();
    }
}
