package io.latchkey.token.refresh;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Refresh tokens in PostgreSQL, stored only as SHA-256 hashes, grouped in families. */
@ApplicationScoped
public class RefreshTokenRepository {

    private final Pool pool;

    public RefreshTokenRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(byte[] tokenHash, UUID familyId, String grantId, String clientId, String subject,
                            String scope, Instant idleExpiresAt, Instant familyExpiresAt) {
        return pool.preparedQuery("INSERT INTO token.refresh_tokens (token_hash, family_id, grant_id, client_id, "
                        + "subject, scope, idle_expires_at, family_expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)")
                .execute(Tuple.from(new Object[] {io.vertx.core.buffer.Buffer.buffer(tokenHash), familyId, grantId, clientId, subject, scope,
                        utc(idleExpiresAt), utc(familyExpiresAt)}))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
