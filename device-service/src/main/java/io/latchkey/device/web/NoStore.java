package io.latchkey.device.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Successful token-endpoint style answers. */
final class NoStore {

    private NoStore() {
    }

    /** RFC 6749 §5.1 / RFC 8628 §3.2: responses carrying codes or tokens are not cacheable. */
    static Response ok(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
