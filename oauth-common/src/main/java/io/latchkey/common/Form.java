package io.latchkey.common;

import java.util.List;
import java.util.Map;

import io.latchkey.common.error.OAuthError;

/**
 * A decoded form body or query string ({@link FormDecoder}), read the way RFC 6749 §3.1/§3.2 demands: parameters
 * MUST NOT be included more than once.
 */
public final class Form {

    private final Map<String, List<String>> params;

    private Form(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The body of a form POST; throws {@code invalid_request} for anything {@link FormDecoder} refuses. */
    public static Form body(String contentType, byte[] body) {
        return new Form(FormDecoder.body(contentType, body));
    }

    /** The raw query string of a GET (without '?'), held to the same rules as a body. */
    public static Form query(String rawQuery) {
        return new Form(FormDecoder.query(rawQuery));
    }

    /** Every value of a parameter, in order; null when absent. */
    public List<String> all(String name) {
        return params.get(name);
    }

    /** The single value of a parameter; null when absent or empty (RFC 6749 §3.1: empty = omitted). */
    public String optional(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            // RFC 6749 §3.1: request and response parameters MUST NOT be included more than once
            throw OAuthError.INVALID_REQUEST.with("Parameter '" + name + "' is repeated.");
        }
        String v = values.get(0);
        return v.isEmpty() ? null : v;
    }

    public String required(String name) {
        String v = optional(name);
        if (v == null) {
            throw OAuthError.INVALID_REQUEST.with("Missing parameter '" + name + "'.");
        }
        return v;
    }
}
