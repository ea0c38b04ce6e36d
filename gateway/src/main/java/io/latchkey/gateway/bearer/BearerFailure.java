package io.latchkey.gateway.bearer;

import io.latchkey.common.error.OAuthError;

/**
 * Why a request to a protected resource is refused (RFC 6750 §3.1). {@code error} is null when the request carried
 * no bearer token at all: then the challenge names no error (RFC 6750 §3.1).
 */
public final class BearerFailure extends RuntimeException {

    public enum Kind {
        /** No token: 401 with a bare challenge. */
        MISSING(401, null),
        /** RFC 6750 §3.1: a malformed request, e.g. two Authorization headers or two ways of sending the token. */
        INVALID_REQUEST(400, OAuthError.INVALID_REQUEST),
        /** RFC 6750 §3.1: expired, revoked, malformed, or not ours. */
        INVALID_TOKEN(401, OAuthError.INVALID_TOKEN),
        /** RFC 6750 §3.1: a valid token without the scopes this resource needs. */
        INSUFFICIENT_SCOPE(403, OAuthError.INSUFFICIENT_SCOPE),
        /** The gateway cannot check the token now (keys or the revocation list unreachable). */
        UNAVAILABLE(503, OAuthError.TEMPORARILY_UNAVAILABLE);

        final int status;
        final OAuthError error;

        Kind(int status, OAuthError error) {
            this.status = status;
            this.error = error;
        }
    }

    private final Kind kind;
    private final String description;

    private BearerFailure(Kind kind, String description) {
        super(description, null, false, false);
        this.kind = kind;
        this.description = description;
    }

    public static BearerFailure missing() {
        return new BearerFailure(Kind.MISSING, null);
    }

    public static BearerFailure invalidRequest(String description) {
        return new BearerFailure(Kind.INVALID_REQUEST, description);
    }

    public static BearerFailure invalidToken(String description) {
        return new BearerFailure(Kind.INVALID_TOKEN, description);
    }

    public static BearerFailure insufficientScope(String description) {
        return new BearerFailure(Kind.INSUFFICIENT_SCOPE, description);
    }

    public static BearerFailure unavailable(String description) {
        return new BearerFailure(Kind.UNAVAILABLE, description);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status;
    }

    /** The RFC error, or null for a request without a token. */
    public OAuthError error() {
        return kind.error;
    }

    public String description() {
        return description;
    }
}
