package io.latchkey.common.internal;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthExceptionMapper;
import io.latchkey.common.trust.SharedSecret;
import io.latchkey.common.trust.TrustHeaders;

/** Is this request a Latchkey service holding the internal secret? Fails closed when no secret is configured. */
final class InternalCaller {

    private final SharedSecret secret;

    InternalCaller(Optional<String> secret) {
        this.secret = SharedSecret.of(secret);
    }

    boolean authenticated(ContainerRequestContext request) {
        return secret.matchesSingle(request.getHeaders().get(TrustHeaders.INTERNAL));
    }

    static Response refusal() {
        return OAuthExceptionMapper.toResponse(OAuthError.INVALID_CLIENT.with("Internal route: caller not authenticated.")
                .withChallenge("Latchkey-Internal"));
    }
}
