package io.latchkey.token.refresh;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Refresh tokens in PostgreSQL, stored only as SHA-256 hashes, grouped in families. */
@ApplicationScoped
public class RefreshTokenRepository {

    private final Pool pool;

    public RefreshTokenRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Starts a family, in one round trip that also refuses a revoked grant: false (nothing written) when the grant
     * is in {@code token.revoked_grants}.
     */
    public Uni<Boolean> insertUnlessGrantRevoked(byte[] tokenHash, UUID familyId, String grantId, String clientId,
                                                 String subject, String scope, Instant idleExpiresAt,
                                                 Instant familyExpiresAt, String identity) {
        return pool.preparedQuery("INSERT INTO token.refresh_tokens (token_hash, family_id, grant_id, client_id, "
                        + "subject, scope, idle_expires_at, family_expires_at, identity) SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9 "
                        + "WHERE NOT EXISTS (SELECT 1 FROM token.revoked_grants WHERE grant_id = $3) "
                        // a client disabled while its code was being redeemed starts no family
                        + "AND NOT EXISTS (SELECT 1 FROM token.clients WHERE client_id = $4 AND disabled)")
                .execute(Tuple.from(new Object[] {bytea(tokenHash), familyId, grantId, clientId, subject, scope,
                        utc(idleExpiresAt), utc(familyExpiresAt), identity}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Revokes every live refresh token of a disabled or deleted client; returns how many. */
    public Uni<Integer> revokeClient(SqlConnection conn, String clientId, Instant now) {
        return conn.preparedQuery("UPDATE token.refresh_tokens SET revoked_at = $2, revoked_reason = 'client_revoked' "
                        + "WHERE client_id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(clientId, utc(now)))
                .map(rows -> rows.rowCount());
    }

    /** Runs {@code work} in one transaction. */
    public <T> Uni<T> inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** The stored facts about a token, or null when no token has this hash. */
    public Uni<StoredRefreshToken> find(byte[] tokenHash) {
        return pool.preparedQuery("SELECT " + COLUMNS + ", "
                        + "(EXISTS (SELECT 1 FROM token.refresh_tokens f WHERE f.family_id = r.family_id AND f.revoked_at IS NOT NULL) "
                        + "OR EXISTS (SELECT 1 FROM token.revoked_families rf WHERE rf.family_id = r.family_id) "
                        + "OR EXISTS (SELECT 1 FROM token.revoked_grants g WHERE g.grant_id = r.grant_id)) AS family_revoked "
                        + "FROM token.refresh_tokens r WHERE r.token_hash = $1")
                .execute(Tuple.of(bytea(tokenHash)))
                .map(rows -> rows.iterator().hasNext() ? toToken(rows.iterator().next(), true) : null);
    }

    /**
     * Marks a token rotated if, and only if, it is still usable by this client: one conditional UPDATE, so of
     * any number of concurrent callers exactly one gets the row back; the others get null. Run it in the
     * transaction that inserts the successor ({@link #insertSuccessor}).
     */
    public Uni<StoredRefreshToken> markRotated(SqlConnection conn, byte[] tokenHash, String clientId, Instant now) {
        return conn.preparedQuery("UPDATE token.refresh_tokens r SET rotated_at = $3 "
                        + "WHERE r.token_hash = $1 AND r.client_id = $2 AND r.rotated_at IS NULL AND r.revoked_at IS NULL "
                        + "AND r.idle_expires_at > $3 AND r.family_expires_at > $3 "
                        + "AND NOT EXISTS (SELECT 1 FROM token.revoked_grants g WHERE g.grant_id = r.grant_id) "
                        // a family revoked while a rotation raced it: its successor never rotates again
                        + "AND NOT EXISTS (SELECT 1 FROM token.revoked_families rf WHERE rf.family_id = r.family_id) "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of(bytea(tokenHash), clientId, utc(now)))
                .map(rows -> rows.iterator().hasNext() ? toToken(rows.iterator().next(), false) : null);
    }

    /** The next token of a family: same grant, client, subject, scope, sign-in and absolute expiry. */
    public Uni<Void> insertSuccessor(SqlConnection conn, byte[] tokenHash, StoredRefreshToken parent, Instant now,
                                     Instant idleExpiresAt) {
        return conn.preparedQuery("INSERT INTO token.refresh_tokens (token_hash, family_id, grant_id, client_id, "
                        + "subject, scope, issued_at, idle_expires_at, family_expires_at, identity) "
                        + "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)")
                .execute(Tuple.from(new Object[] {bytea(tokenHash), parent.familyId(), parent.grantId(),
                        parent.clientId(), parent.subject(), parent.scope(), utc(now), utc(idleExpiresAt),
                        utc(parent.familyExpiresAt()), parent.identity()}))
                .replaceWithVoid();
    }

    /**
     * Inside the reuse interval: issues another successor for a token that was rotated at or after {@code rotatedSince},
     * if and only if the token, its family and its grant are still alive — one conditional INSERT, so a revocation that
     * races it either happens first (nothing issued) or revokes the new successor with the family. Returns the
     * presented token's facts, or null when nothing was issued.
     */
    public Uni<StoredRefreshToken> insertReuseSuccessor(byte[] presentedHash, String clientId, byte[] successorHash,
                                                        Instant now, Instant rotatedSince, Instant idleExpiresAt) {
        return pool.preparedQuery("WITH parent AS (SELECT " + COLUMNS + " FROM token.refresh_tokens r "
                        + "WHERE r.token_hash = $1 AND r.client_id = $2 AND r.rotated_at >= $4 AND r.revoked_at IS NULL "
                        + "AND r.family_expires_at > $3 "
                        + "AND NOT EXISTS (SELECT 1 FROM token.refresh_tokens f WHERE f.family_id = r.family_id AND f.revoked_at IS NOT NULL) "
                        + "AND NOT EXISTS (SELECT 1 FROM token.revoked_grants g WHERE g.grant_id = r.grant_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM token.revoked_families rf WHERE rf.family_id = r.family_id)), "
                        + "inserted AS (INSERT INTO token.refresh_tokens (token_hash, family_id, grant_id, client_id, "
                        + "subject, scope, issued_at, idle_expires_at, family_expires_at, identity) "
                        + "SELECT $5, family_id, grant_id, client_id, subject, scope, $3, LEAST($6, family_expires_at), "
                        + "family_expires_at, identity FROM parent RETURNING 1) "
                        + "SELECT * FROM parent r WHERE EXISTS (SELECT 1 FROM inserted)")
                .execute(Tuple.from(new Object[] {bytea(presentedHash), clientId, utc(now), utc(rotatedSince),
                        bytea(successorHash), utc(idleExpiresAt)}))
                .map(rows -> rows.iterator().hasNext() ? toToken(rows.iterator().next(), false) : null);
    }

    /** A family's revocation: when it was first revoked, and how many tokens this call revoked. */
    public record FamilyRevoked(Instant revokedAt, int refreshTokensRevoked) {
    }

    /**
     * Records the family in {@code token.revoked_families} (a family revoked twice keeps its first time: its access
     * tokens carry its id in {@code sid}) and revokes its still-unrevoked tokens, keeping the rows: one statement.
     */
    public Uni<FamilyRevoked> revokeFamily(UUID familyId, String reason, Instant now) {
        return pool.preparedQuery("WITH recorded AS (INSERT INTO token.revoked_families (family_id, revoked_at, reason) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (family_id) DO UPDATE SET revoked_at = token.revoked_families.revoked_at "
                        + "RETURNING revoked_at), "
                        + "revoked AS (UPDATE token.refresh_tokens SET revoked_at = $2, revoked_reason = $3 "
                        + "WHERE family_id = $1 AND revoked_at IS NULL RETURNING 1) "
                        + "SELECT (SELECT revoked_at FROM recorded) AS revoked_at, (SELECT count(*) FROM revoked) AS n")
                .execute(Tuple.of(familyId, utc(now), reason))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new FamilyRevoked(r.getOffsetDateTime("revoked_at").toInstant(), r.getLong("n").intValue());
                });
    }

    /** Revokes every still-unrevoked token issued under a grant, keeping the rows; the number revoked. */
    public Uni<Integer> revokeGrant(SqlConnection conn, String grantId, Instant now) {
        return conn.preparedQuery("UPDATE token.refresh_tokens SET revoked_at = $2, revoked_reason = 'grant_revoked' "
                        + "WHERE grant_id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(grantId, utc(now)))
                .map(RowSet::rowCount);
    }

    private static final String COLUMNS = "r.family_id, r.grant_id, r.client_id, r.subject, r.scope, r.issued_at, "
            + "r.idle_expires_at, r.family_expires_at, r.rotated_at, r.revoked_at, r.identity";

    private static StoredRefreshToken toToken(Row r, boolean withFamilyState) {
        return new StoredRefreshToken(r.getUUID("family_id"), r.getString("grant_id"), r.getString("client_id"),
                r.getString("subject"), r.getString("scope"), instant(r, "issued_at"), instant(r, "idle_expires_at"),
                instant(r, "family_expires_at"), instant(r, "rotated_at"), instant(r, "revoked_at"),
                withFamilyState && r.getBoolean("family_revoked"), r.getString("identity"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static io.vertx.core.buffer.Buffer bytea(byte[] b) {
        return io.vertx.core.buffer.Buffer.buffer(b);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
