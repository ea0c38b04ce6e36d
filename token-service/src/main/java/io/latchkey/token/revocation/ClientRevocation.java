package io.latchkey.token.revocation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.token.refresh.RefreshTokenRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Disabling or deleting a client revokes all its grants: every live refresh token of the client is revoked and the
 * client is recorded in {@code token.revoked_clients} (the durable record: introspection and the gateways' rebuilds
 * deny its access tokens with {@code iat <= revoked_at}, client-credentials tokens included), in the caller's
 * transaction; after the commit {@link #announce} tells the gateways (best effort, like every revocation).
 * Enabling the client again revives none of it.
 */
@ApplicationScoped
public class ClientRevocation {

    /** What a revocation did. */
    public record Revoked(String clientId, Instant revokedAt, int refreshTokensRevoked) {
    }

    private final RefreshTokenRepository refreshTokens;
    private final DenyListStore denyList;
    private final RevocationWindow window;

    public ClientRevocation(RefreshTokenRepository refreshTokens, DenyListStore denyList, RevocationWindow window) {
        this.refreshTokens = refreshTokens;
        this.denyList = denyList;
        this.window = window;
    }

    /** The durable part, in {@code conn}'s transaction. A later revocation of the same client moves revoked_at on. */
    public Uni<Revoked> record(SqlConnection conn, String clientId, Instant now) {
        return conn.preparedQuery("INSERT INTO token.revoked_clients (client_id, revoked_at) VALUES ($1, $2) "
                        + "ON CONFLICT (client_id) DO UPDATE SET revoked_at = GREATEST(token.revoked_clients.revoked_at, "
                        + "EXCLUDED.revoked_at) RETURNING revoked_at")
                .execute(Tuple.of(clientId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getOffsetDateTime("revoked_at").toInstant())
                .chain(revokedAt -> refreshTokens.revokeClient(conn, clientId, now)
                        .map(n -> new Revoked(clientId, revokedAt, n)));
    }

    /** The news for every gateway replica, after the commit; never fails. */
    public Uni<Void> announce(Revoked r) {
        return denyList.denyClient(r.clientId(), r.revokedAt().toEpochMilli(),
                window.forgetSessionAfter(r.revokedAt()).toEpochMilli());
    }
}
