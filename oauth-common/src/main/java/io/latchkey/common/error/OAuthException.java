package io.latchkey.common.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC error on its way to the client. It carries no stack trace: it is an answer, not a failure.
 * {@code description} is what the client sees; causes and details belong in the log only: {@link #withLogDetail}
 * (logged by {@link OAuthExceptionMapper} and on pages, never in a body, a header or a redirect).
 */
public final class OAuthException extends RuntimeException {

    private final OAuthError error;
    private final String description;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private String wwwAuthenticate;
    private long retryAfterSeconds;
    private String logDetail;

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

    /**
     * What only the log sees (a cause, the value that failed a check), never the client: the JSON body, the headers
     * and the front-channel redirect carry {@link #description()} only. Logged with the request id when answered.
     */
    public OAuthException withLogDetail(String detail) {
        this.logDetail = detail;
        return this;
    }

    /** The log-only detail, or null. */
    public String logDetail() {
        return logDetail;
    }

    /**
     * The front-channel rendering (RFC 6749 §4.1.2.1): {@code error} and, when there is one,
     * {@code error_description}, in that order; the caller adds {@code state} and {@code iss} (RFC 9207 §2).
     */
    public Map<String, String> redirectValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("error", error.code());
        if (description != null) {
            values.put("error_description", description);
        }
        return values;
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
