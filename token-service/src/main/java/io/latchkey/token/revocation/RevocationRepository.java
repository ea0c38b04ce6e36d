package io.latchkey.token.revocation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.revocation.RevocationKind;
import io.latchkey.common.revocation.RevocationList;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The durable revocation record in PostgreSQL, read side and revoked access tokens: {@code token.revoked_grants},
 * {@code token.revoked_families}, {@code token.revoked_access_tokens}. Introspection and the gateways' rebuilds read
 * here, never Redis, so a Redis wipe brings nothing back.
 */
@ApplicationScoped
public class RevocationRepository {

    private static final String DENIES = "SELECT EXISTS (SELECT 1 FROM token.revoked_access_tokens WHERE jti = $1) "
            + "OR EXISTS (SELECT 1 FROM token.revoked_grants WHERE grant_id = $2) "
            + "OR EXISTS (SELECT 1 FROM token.revoked_families WHERE family_id = $3) "
            // a disabled or deleted client: its tokens issued up to the revocation (iat has second precision)
            + "OR EXISTS (SELECT 1 FROM token.revoked_clients WHERE client_id = $4 AND $5 <= revoked_at) AS revoked";

    /** Every revocation still relevant: $1 = oldest relevant grant/family revocation, $2 = oldest relevant exp. */
    private static final String LIVE = "SELECT 'grant' AS kind, grant_id AS id, revoked_at AS at FROM token.revoked_grants "
            + "WHERE revoked_at > $1 "
            + "UNION ALL SELECT 'family', family_id::text, revoked_at FROM token.revoked_families WHERE revoked_at > $1 "
            + "UNION ALL SELECT 'jti', jti, expires_at FROM token.revoked_access_tokens WHERE expires_at > $2 "
            + "UNION ALL SELECT 'client', client_id, revoked_at FROM token.revoked_clients WHERE revoked_at > $1";

    private final Pool pool;
    private final RevocationWindow window;

    public RevocationRepository(Pool pool, RevocationWindow window) {
        this.pool = pool;
        this.window = window;
    }

    /** Records a revoked access token until its {@code exp}; revoking it again changes nothing. */
    public Uni<Void> recordAccessToken(String jti, Instant expiresAt) {
        return pool.preparedQuery("INSERT INTO token.revoked_access_tokens (jti, expires_at) VALUES ($1, $2) "
                        + "ON CONFLICT (jti) DO NOTHING")
                .execute(Tuple.of(jti, utc(expiresAt)))
                .replaceWithVoid();
    }

    /** One round trip over four primary keys: is this access token, its grant, its family or its client revoked? */
    public Uni<Boolean> denies(String jti, String grantId, UUID familyId, String clientId, long issuedAtEpochSeconds) {
        return pool.preparedQuery(DENIES).execute(Tuple.of(jti, grantId, familyId, clientId,
                        utc(Instant.ofEpochSecond(issuedAtEpochSeconds))))
                .map(rows -> Boolean.TRUE.equals(rows.iterator().next().getBoolean("revoked")));
    }

    /** Every entry that can still deny a live token, each with the time it may be forgotten. */
    public Uni<RevocationList> live(Instant now) {
        return pool.preparedQuery(LIVE)
                .execute(Tuple.of(utc(window.oldestRelevantSession(now)), utc(now.minus(RevocationWindow.SLACK))))
                .map(rows -> {
                    List<RevocationList.Entry> entries = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        RevocationKind kind = RevocationKind.fromWire(r.getString("kind"));
                        Instant at = r.getOffsetDateTime("at").toInstant();
                        Instant forgetAfter = kind == RevocationKind.JTI ? window.forgetTokenAfter(at)
                                : window.forgetSessionAfter(at);
                        entries.add(new RevocationList.Entry(kind, r.getString("id"), forgetAfter.toEpochMilli(),
                                kind == RevocationKind.CLIENT ? at.toEpochMilli() : 0));
                    }
                    return new RevocationList(entries);
                });
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
