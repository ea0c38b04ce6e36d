package io.latchkey.common.error;

/**
 * Every OAuth error code Latchkey answers, with the HTTP status it travels with.
 * Refine a value at the call site with {@link #with(String)} to get an exception carrying a description.
 */
public enum OAuthError {
    // RFC 6749 §5.2: token endpoint errors
    INVALID_REQUEST("invalid_request", 400),
    /** RFC 6749 §5.2: 401 with WWW-Authenticate when the client tried to authenticate. */
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    // RFC 6749 §4.1.2.1: authorization endpoint errors
    ACCESS_DENIED("access_denied", 400),
    /**
     * The same {@code access_denied} answered by a JSON API to a signed-in caller that may not do this (a missing or
     * wrong CSRF token): 403 (RFC 9110 §15.5.4), not the 400 the token endpoint sends. {@link #fromCode} of
     * {@code access_denied} stays {@link #ACCESS_DENIED}.
     */
    ACCESS_FORBIDDEN("access_denied", 403),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
    /** OIDC Core §3.1.2.6 (prompt=none without a usable session); also a JSON API's "sign in first". */
    LOGIN_REQUIRED("login_required", 401),
    /** OIDC Core §3.1.2.6: prompt=none, but the user would have to approve. */
    CONSENT_REQUIRED("consent_required", 400),
    SERVER_ERROR("server_error", 500),
    /** RFC 6749 §4.1.2.1; sent as 503 when PostgreSQL or Redis cannot be reached. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503),
    // RFC 8628 §3.5: device access token errors
    AUTHORIZATION_PENDING("authorization_pending", 400),
    SLOW_DOWN("slow_down", 400),
    EXPIRED_TOKEN("expired_token", 400),
    // RFC 7009 §2.2.1
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type", 400),
    // RFC 7591 §3.2.2: client registration errors (the admin API for clients)
    INVALID_REDIRECT_URI("invalid_redirect_uri", 400),
    INVALID_CLIENT_METADATA("invalid_client_metadata", 400),
    // RFC 6750 §3.1: protected resource errors
    INVALID_TOKEN("invalid_token", 401),
    INSUFFICIENT_SCOPE("insufficient_scope", 403),
    /** Not an RFC code: a route that does not exist. */
    NOT_FOUND("not_found", 404),
    /** Not an RFC code: a route that exists but not for this HTTP method. */
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    /** Not an RFC code: the request conflicts with the resource's state (an email taken, an application decided). */
    CONFLICT("conflict", 409),
    /**
     * Not an RFC code: a rate limit refused the request (RFC 6585 §4: 429 with Retry-After). Device-code polls that
     * come too fast get RFC 8628's slow_down instead.
     */
    TOO_MANY_REQUESTS("too_many_requests", 429);

    private final String code;
    private final int status;

    OAuthError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** An exception for this error with a human-readable description (shown to the client). */
    public OAuthException with(String description) {
        return new OAuthException(this, description);
    }

    /** This error with a log-only detail (never sent to the client) and no description. */
    public OAuthException withLogDetail(String detail) {
        return exception().withLogDetail(detail);
    }

    /** The value whose wire code is {@code code}, or null (e.g. an error a peer sent that Latchkey does not know). */
    public static OAuthError fromCode(String code) {
        for (OAuthError e : values()) {
            if (e.code.equals(code)) {
                return e;
            }
        }
        return null;
    }

    public OAuthException exception() {
        return new OAuthException(this, null);
    }
}
