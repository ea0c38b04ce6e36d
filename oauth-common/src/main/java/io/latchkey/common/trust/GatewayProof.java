package io.latchkey.common.trust;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.latchkey.common.config.SharedConfig;
import io.vertx.core.http.HttpServerRequest;

/**
 * Did the gateway set this request's identity headers? Only the gateway holds
 * {@code latchkey.gateway.identity-secret} and sends it in {@link TrustHeaders#IDENTITY_PROOF}; without it every
 * {@code X-Latchkey-*} identity or address header is ignored.
 */
@ApplicationScoped
public class GatewayProof {

    private final SharedSecret secret;

    @Inject
    public GatewayProof(SharedConfig config) {
        this(config.identity().identitySecret());
    }

    public GatewayProof(Optional<String> secret) {
        this.secret = SharedSecret.of(secret);
    }

    public boolean present(HttpServerRequest request) {
        return request != null && secret.matchesSingle(request.headers().getAll(TrustHeaders.IDENTITY_PROOF));
    }

    /** For callers that read headers through JAX-RS. */
    public boolean present(List<String> proofHeaderValues) {
        return secret.matchesSingle(proofHeaderValues);
    }
}
