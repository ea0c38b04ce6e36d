package io.latchkey.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Successful answers that carry tokens, codes or credentials (the token, device-authorization and introspection endpoints). */
public final class NoStore {

    private NoStore() {
    }

    /** RFC 6749 §5.1 / RFC 8628 §3.2 / RFC 7662 §2.2: responses carrying codes or tokens are not cacheable. */
    public static Response ok(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
