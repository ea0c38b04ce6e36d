package io.latchkey.consent.authorize;

/** An RFC 6749 §4.1.2.1 error that is sent back to the client's (validated) redirect URI. */
public record AuthorizeError(String error, String description) {

    static AuthorizeError invalidRequest(String description) {
        return new AuthorizeError("invalid_request", description);
    }
}
