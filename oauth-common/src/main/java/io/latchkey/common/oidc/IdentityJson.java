package io.latchkey.common.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An {@link Identity} as stored by the services that keep it (Redis fields, a PostgreSQL column): JSON, or none. */
public final class IdentityJson {

    private IdentityJson() {
    }

    /** The JSON of {@code who}, or null when there is none. */
    public static String write(ObjectMapper json, Identity who) {
        try {
            return who == null ? null : json.writeValueAsString(who);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The identity stored as {@code stored}; null for null or empty (no identity). */
    public static Identity read(ObjectMapper json, String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        try {
            return json.readValue(stored, Identity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored identity", e);
        }
    }
}
