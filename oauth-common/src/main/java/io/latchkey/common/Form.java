package io.latchkey.common;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import io.latchkey.common.error.OAuthError;

/** Reads form parameters the way RFC 6749 §3.1/§3.2 demands: parameters MUST NOT be included more than once. */
public final class Form {

    private final MultivaluedMap<String, String> params;

    public Form(MultivaluedMap<String, String> params) {
        this.params = params;
    }

    /** The single value of a parameter; null when absent or empty (RFC 6749 §3.1: empty = omitted). */
    public String optional(String name) {
        List<String> values = params == null ? null : params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            // RFC 6749 §3.1: request and response parameters MUST NOT be included more than once
            throw OAuthError.INVALID_REQUEST.with("Parameter '" + name + "' is repeated.");
        }
        String v = values.get(0);
        return v == null || v.isEmpty() ? null : v;
    }

    public String required(String name) {
        String v = optional(name);
        if (v == null) {
            throw OAuthError.INVALID_REQUEST.with("Missing parameter '" + name + "'.");
        }
        return v;
    }
}
