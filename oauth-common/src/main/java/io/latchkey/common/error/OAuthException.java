package io.latchkey.common.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC error on its way to the client. It carries no stack trace: it is an answer, not a failure.
 * {@code description} is what the client sees; causes and details belong in the log only.
 */
public final class OAuthException extends RuntimeException {

    private final OAuthError error;
    private final String description;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private String wwwAuthenticate;
    private long retryAfterSeconds;

    OAuthException(OAuthError error, String description) {
        super(error.code() + (description == null ? "" : ": " + description), null, false, false);
        this.error = error;
        this.description = description;
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return description;
    }

    /** Adds a member to the JSON error body, e.g. the new {@code interval} of RFC 8628 {@code slow_down}. */
    public OAuthException withField(String name, Object value) {
        extra.put(name, value);
        return this;
    }

    public Map<String, Object> extra() {
        return Collections.unmodifiableMap(extra);
    }

    /** Overrides the WWW-Authenticate challenge (RFC 6750 §3 for bearer-protected routes). */
    public OAuthException withChallenge(String wwwAuthenticate) {
        this.wwwAuthenticate = wwwAuthenticate;
        return this;
    }

    public String challenge() {
        return wwwAuthenticate;
    }

    /** RFC 9110 §10.2.3: seconds the client should wait before retrying (sent as Retry-After when positive). */
    public OAuthException withRetryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
