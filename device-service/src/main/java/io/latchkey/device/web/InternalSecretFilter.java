package io.latchkey.device.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthExceptionMapper;
import io.latchkey.device.device.Hashes;

/** Every {@code /internal/} route requires the shared secret (docs/internal-api.md), compared in constant time. */
public class InternalSecretFilter {

    private final String secret;

    public InternalSecretFilter(@ConfigProperty(name = "latchkey.internal.secret") String secret) {
        this.secret = secret;
    }

    @ServerRequestFilter
    public Response requireSecret(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/internal/")) {
            return null;
        }
        String presented = request.getHeaderString(OAuthParams.INTERNAL_AUTH_HEADER);
        if (Hashes.constantTimeEquals(presented, secret)) {
            return null;
        }
        return OAuthExceptionMapper.toResponse(OAuthError.INVALID_CLIENT.with("Internal route: missing or wrong secret."));
    }
}
