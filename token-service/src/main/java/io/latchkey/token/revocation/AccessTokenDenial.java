package io.latchkey.token.revocation;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Revokes one access token by its {@code jti} until it would have expired anyway (RFC 7009 §2.1; RFC 6749 §4.1.2 for
 * a replayed code): PostgreSQL first (the durable record), then the news in Redis for the gateways.
 */
@ApplicationScoped
public class AccessTokenDenial {

    private final RevocationRepository repository;
    private final DenyListStore denyList;
    private final RevocationWindow window;

    public AccessTokenDenial(RevocationRepository repository, DenyListStore denyList, RevocationWindow window) {
        this.repository = repository;
        this.denyList = denyList;
        this.window = window;
    }

    public Uni<Void> deny(String jti, long expiresAtEpochSeconds) {
        if (jti == null) {
            return Uni.createFrom().voidItem();
        }
        Instant exp = Instant.ofEpochSecond(expiresAtEpochSeconds);
        return repository.recordAccessToken(jti, exp)
                .call(() -> denyList.denyAccessToken(jti, window.forgetTokenAfter(exp).toEpochMilli()));
    }
}
