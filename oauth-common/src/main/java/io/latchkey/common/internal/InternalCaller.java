package io.latchkey.common.internal;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthExceptionMapper;
import io.latchkey.common.trust.SharedSecret;
import io.latchkey.common.trust.TrustHeaders;

/** Is this request a Latchkey service holding the internal secret? Fails closed when no secret is configured. */
final class InternalCaller {

    private final Supplier<Optional<String>> source;
    private volatile SharedSecret secret;

    /**
     * The secret is read on the first request, not when the filter is built: RESTEasy builds its filters during static
     * init, before the runtime configuration (and so the service's mapping) exists, and a native image must not carry
     * the build machine's value.
     */
    InternalCaller(Supplier<Optional<String>> secret) {
        this.source = secret;
    }

    boolean authenticated(ContainerRequestContext request) {
        return secret().matchesSingle(request.getHeaders().get(TrustHeaders.INTERNAL));
    }

    private SharedSecret secret() {
        SharedSecret known = secret;
        if (known == null) {
            known = SharedSecret.of(source.get());
            secret = known;
        }
        return known;
    }

    static Response refusal() {
        return OAuthExceptionMapper.toResponse(OAuthError.INVALID_CLIENT.with("Internal route: caller not authenticated.")
                .withChallenge("Latchkey-Internal"));
    }
}
