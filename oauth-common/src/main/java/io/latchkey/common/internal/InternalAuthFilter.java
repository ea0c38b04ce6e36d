package io.latchkey.common.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthExceptionMapper;

/**
 * Guards every {@code /internal/} route of a service: the caller must present the shared internal secret
 * (the gateway strips this header from the outside world, and never routes {@code /internal/}).
 * Fails closed when no secret is configured.
 */
public class InternalAuthFilter {

    private final byte[] secret;

    public InternalAuthFilter(@ConfigProperty(name = "latchkey.internal.secret") Optional<String> secret) {
        this.secret = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path == null || !path.startsWith("/internal/")) {
            return null;
        }
        String presented = request.getHeaderString(OAuthParams.INTERNAL_AUTH_HEADER);
        if (secret == null || presented == null
                || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            return OAuthExceptionMapper.toResponse(OAuthError.INVALID_CLIENT.with("Internal route: caller not authenticated.")
                    .withChallenge("Latchkey-Internal"));
        }
        return null;
    }
}
