package io.latchkey.device.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import io.latchkey.common.error.OAuthError;

/** Reading form-encoded OAuth requests. */
final class Forms {

    private Forms() {
    }

    /** RFC 6749 §3.1/§3.2: request parameters MUST NOT be included more than once. */
    static void rejectRepeated(MultivaluedMap<String, String> form) {
        for (Map.Entry<String, List<String>> parameter : form.entrySet()) {
            if (parameter.getValue() != null && parameter.getValue().size() > 1) {
                throw OAuthError.INVALID_REQUEST.with("Parameter '" + safeName(parameter.getKey()) + "' is repeated.");
            }
        }
    }

    /** The value of a parameter, or null. RFC 6749 §3.1: a parameter without a value counts as omitted. */
    static String optional(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isEmpty() ? null : value;
    }

    static String required(MultivaluedMap<String, String> form, String name) {
        String value = optional(form, name);
        if (value == null) {
            throw OAuthError.INVALID_REQUEST.with("Missing parameter '" + name + "'.");
        }
        return value;
    }

    /** Parameter names come from the client: keep only harmless characters in the echoed description. */
    private static String safeName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
