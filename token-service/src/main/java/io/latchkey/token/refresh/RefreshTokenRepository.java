package io.latchkey.token.refresh;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.contract.SessionInfo;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Refresh tokens in PostgreSQL, stored only as SHA-256 hashes, grouped in families ({@code token.refresh_families}:
 * one row per family, which says whether the family is revoked, when it was last used and where it started). Every
 * statement touches a constant number of rows whatever the length of the family: the token by its hash, the family by
 * its id, the grant by its id (issue 17). Every statement that locks a token row and a family row locks the token
 * first, so a rotation and a revocation never deadlock.
 */
@ApplicationScoped
public class RefreshTokenRepository {

    private static final String COLUMNS = "r.family_id, r.grant_id, r.client_id, r.subject, r.scope, r.issued_at, "
            + "r.idle_expires_at, r.family_expires_at, r.rotated_at, r.revoked_at, r.identity";

    private static final String TOKEN_COLUMNS = "token_hash, family_id, grant_id, client_id, subject, scope, issued_at, "
            + "idle_expires_at, family_expires_at, identity";

    /**
     * A family's last_used_at is rewritten only when it is older than a minute ($3: now): "last used" is shown to the
     * minute, and a client refreshing in a loop would otherwise write its family row (a dead row version, WAL) on
     * every rotation, on the same few pages as every other busy family (issue 17).
     */
    static final String STALE_LAST_USE = "(f.last_used_at IS NULL OR f.last_used_at < $3 - interval '1 minute')";

    /** The family row and the first token, in one statement; nothing when the grant is revoked or the client disabled. */
    static final String START_FAMILY = "WITH family AS (INSERT INTO token.refresh_families (family_id, grant_id, "
            + "client_id, subject, created_at, last_used_at, user_agent, ip, device_name, family_expires_at) "
            + "SELECT $2,$3,$4,$5,$7,$7,$11,$12,$13,$9 "
            + "WHERE NOT EXISTS (SELECT 1 FROM token.revoked_grants WHERE grant_id = $3) "
            // a client disabled while its code was being redeemed starts no family
            + "AND NOT EXISTS (SELECT 1 FROM token.clients WHERE client_id = $4 AND disabled) RETURNING family_id) "
            + "INSERT INTO token.refresh_tokens (" + TOKEN_COLUMNS + ") "
            + "SELECT $1, family_id, $3, $4, $5, $6, $7, $8, $9, $10 FROM family";

    /** A token and whether its family is dead: the family row and the grant, each by primary key. */
    static final String FIND = "SELECT " + COLUMNS + ", "
            + "(f.revoked_at IS NOT NULL OR EXISTS (SELECT 1 FROM token.revoked_grants g WHERE g.grant_id = r.grant_id)) "
            + "AS family_revoked "
            + "FROM token.refresh_tokens r JOIN token.refresh_families f ON f.family_id = r.family_id "
            + "WHERE r.token_hash = $1";

    /**
     * Rotation in one statement (one round trip): marks the presented token rotated if, and only if, it is still
     * usable by this client for this scope and its family and grant are alive; inserts the successor; sets the family's
     * last_used_at ({@link #STALE_LAST_USE}). Of any number of concurrent callers exactly one gets the row back (the
     * conditional UPDATE re-checks {@code rotated_at} after waiting for the winner's row lock).
     * $1 hash, $2 client, $3 now, $4 successor hash, $5 successor idle expiry, $6 requested scopes.
     */
    static final String ROTATE = "WITH consumed AS (UPDATE token.refresh_tokens r SET rotated_at = $3 "
            + "WHERE r.token_hash = $1 AND r.client_id = $2 AND r.rotated_at IS NULL AND r.revoked_at IS NULL "
            + "AND r.idle_expires_at > $3 AND r.family_expires_at > $3 "
            // RFC 6749 §6: the requested scope must not exceed the scope originally granted
            + "AND string_to_array(r.scope, ' ') @> $6::text[] "
            + "AND EXISTS (SELECT 1 FROM token.refresh_families f WHERE f.family_id = r.family_id AND f.revoked_at IS NULL) "
            + "AND NOT EXISTS (SELECT 1 FROM token.revoked_grants g WHERE g.grant_id = r.grant_id) "
            + "RETURNING " + COLUMNS + "), "
            + "successor AS (INSERT INTO token.refresh_tokens (" + TOKEN_COLUMNS + ") "
            + "SELECT $4, family_id, grant_id, client_id, subject, scope, $3, LEAST($5, family_expires_at), "
            + "family_expires_at, identity FROM consumed RETURNING 1), "
            + "used AS (UPDATE token.refresh_families f SET last_used_at = $3 "
            + "FROM consumed c WHERE f.family_id = c.family_id AND " + STALE_LAST_USE + " RETURNING 1) "
            + "SELECT * FROM consumed";

    /**
     * Within the reuse interval: another successor for a token rotated at or after $4, if and only if the token, its
     * family and its grant are still alive; sets the family's last_used_at ({@link #STALE_LAST_USE}).
     */
    static final String REISSUE = "WITH parent AS (SELECT " + COLUMNS + " FROM token.refresh_tokens r "
            + "JOIN token.refresh_families f ON f.family_id = r.family_id "
            + "WHERE r.token_hash = $1 AND r.client_id = $2 AND r.rotated_at >= $4 AND r.revoked_at IS NULL "
            + "AND r.family_expires_at > $3 AND f.revoked_at IS NULL "
            + "AND NOT EXISTS (SELECT 1 FROM token.revoked_grants g WHERE g.grant_id = r.grant_id)), "
            + "inserted AS (INSERT INTO token.refresh_tokens (" + TOKEN_COLUMNS + ") "
            + "SELECT $5, family_id, grant_id, client_id, subject, scope, $3, LEAST($6, family_expires_at), "
            + "family_expires_at, identity FROM parent RETURNING 1), "
            + "used AS (UPDATE token.refresh_families f SET last_used_at = $3 "
            + "FROM parent p WHERE f.family_id = p.family_id AND " + STALE_LAST_USE
            + " AND EXISTS (SELECT 1 FROM inserted) RETURNING 1) "
            + "SELECT * FROM parent r WHERE EXISTS (SELECT 1 FROM inserted)";

    /**
     * Revokes a family ($4: only if it is under this grant, null: any): its tokens (rows kept), then its row (a family
     * revoked twice keeps its first time), then the record in {@code token.revoked_families} with that time. No row
     * when there is no such family.
     */
    static final String REVOKE_FAMILY = "WITH target AS (SELECT family_id FROM token.refresh_families "
            + "WHERE family_id = $1 AND ($4::text IS NULL OR grant_id = $4)), "
            + "tokens AS (UPDATE token.refresh_tokens SET revoked_at = $2, revoked_reason = $3 "
            + "WHERE family_id = $1 AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM target) RETURNING 1), "
            + "family AS (UPDATE token.refresh_families SET revoked_at = COALESCE(revoked_at, $2), "
            + "revoked_reason = COALESCE(revoked_reason, $3) WHERE family_id IN (SELECT family_id FROM target) "
            + "RETURNING revoked_at), "
            + "recorded AS (INSERT INTO token.revoked_families (family_id, revoked_at, reason) "
            + "SELECT $1, revoked_at, $3 FROM family "
            + "ON CONFLICT (family_id) DO UPDATE SET revoked_at = token.revoked_families.revoked_at RETURNING revoked_at) "
            // the token count first: the token rows are locked before the family row, as in a rotation
            + "SELECT (SELECT count(*) FROM tokens) AS n, (SELECT revoked_at FROM family) AS family_revoked_at, "
            + "(SELECT revoked_at FROM recorded) AS revoked_at";

    /**
     * A client's live families and their live tokens. The families CTE is not read by the main statement, so it runs
     * after it: the token rows are locked before the family rows, as in a rotation.
     */
    static final String REVOKE_CLIENT = "WITH families AS (UPDATE token.refresh_families SET revoked_at = $2, "
            + "revoked_reason = 'client_revoked' WHERE client_id = $1 AND revoked_at IS NULL RETURNING 1) "
            + "UPDATE token.refresh_tokens SET revoked_at = $2, revoked_reason = 'client_revoked' "
            + "WHERE family_id IN (SELECT family_id FROM token.refresh_families WHERE client_id = $1 "
            + "AND revoked_at IS NULL) AND revoked_at IS NULL";

    /** A grant's families and their tokens, tokens first as in {@link #REVOKE_CLIENT}. */
    static final String REVOKE_GRANT = "WITH families AS (UPDATE token.refresh_families SET revoked_at = $2, "
            + "revoked_reason = 'grant_revoked' WHERE grant_id = $1 AND revoked_at IS NULL RETURNING 1) "
            + "UPDATE token.refresh_tokens SET revoked_at = $2, revoked_reason = 'grant_revoked' "
            + "WHERE family_id IN (SELECT family_id FROM token.refresh_families WHERE grant_id = $1) "
            + "AND revoked_at IS NULL";

    private final Pool pool;

    public RefreshTokenRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Starts a family (its row, with where the session started, and its first token) in one round trip that also
     * refuses a revoked grant or a disabled client: false (nothing written) then.
     */
    public Uni<Boolean> startFamily(byte[] tokenHash, UUID familyId, String grantId, String clientId, String subject,
                                    String scope, Instant now, Instant idleExpiresAt, Instant familyExpiresAt,
                                    String identity, SessionInfo session) {
        SessionInfo s = session == null ? new SessionInfo(null, null, null) : session;
        return pool.preparedQuery(START_FAMILY)
                .execute(Tuple.from(new Object[] {bytea(tokenHash), familyId, grantId, clientId, subject, scope,
                        utc(now), utc(idleExpiresAt), utc(familyExpiresAt), identity, s.userAgent(), s.ip(),
                        s.deviceName()}))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Revokes every live family of a disabled or deleted client and the live tokens in them (a token of a family that
     * is already revoked is dead through its family); returns how many tokens. The tokens are found through their
     * families (refresh_tokens has no index by client, V11) and updated first, the families after.
     */
    public Uni<Integer> revokeClient(SqlConnection conn, String clientId, Instant now) {
        return conn.preparedQuery(REVOKE_CLIENT).execute(Tuple.of(clientId, utc(now))).map(RowSet::rowCount);
    }

    /** Runs {@code work} in one transaction. */
    public <T> Uni<T> inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** The stored facts about a token, or null when no token has this hash. */
    public Uni<StoredRefreshToken> find(byte[] tokenHash) {
        return pool.preparedQuery(FIND)
                .execute(Tuple.of(bytea(tokenHash)))
                .map(rows -> rows.iterator().hasNext() ? toToken(rows.iterator().next(), true) : null);
    }

    /**
     * {@link #ROTATE}: the consumed token's facts, or null when nothing was rotated (unknown, another client's,
     * rotated, revoked, expired, dead family or grant, or a scope beyond the original: {@link #find} tells which).
     */
    public Uni<StoredRefreshToken> rotate(byte[] tokenHash, String clientId, Set<String> requested, byte[] successorHash,
                                          Instant now, Instant idleExpiresAt) {
        return pool.preparedQuery(ROTATE)
                .execute(Tuple.from(new Object[] {bytea(tokenHash), clientId, utc(now), bytea(successorHash),
                        utc(idleExpiresAt), requested.toArray(String[]::new)}))
                .map(rows -> rows.iterator().hasNext() ? toToken(rows.iterator().next(), false) : null);
    }

    /**
     * {@link #REISSUE}: the presented token's facts, or null when nothing was issued (a revocation that races it either
     * happens first or revokes the new successor with the family).
     */
    public Uni<StoredRefreshToken> insertReuseSuccessor(byte[] presentedHash, String clientId, byte[] successorHash,
                                                        Instant now, Instant rotatedSince, Instant idleExpiresAt) {
        return pool.preparedQuery(REISSUE)
                .execute(Tuple.from(new Object[] {bytea(presentedHash), clientId, utc(now), utc(rotatedSince),
                        bytea(successorHash), utc(idleExpiresAt)}))
                .map(rows -> rows.iterator().hasNext() ? toToken(rows.iterator().next(), false) : null);
    }

    /** A family's revocation: when it was first revoked, and how many tokens this call revoked. */
    public record FamilyRevoked(Instant revokedAt, int refreshTokensRevoked) {
    }

    /**
     * {@link #REVOKE_FAMILY} in one statement; {@code grantId} null for any grant. Null when there is no such family
     * (under that grant).
     */
    public Uni<FamilyRevoked> revokeFamily(UUID familyId, String grantId, String reason, Instant now) {
        return pool.preparedQuery(REVOKE_FAMILY)
                .execute(Tuple.of(familyId, utc(now), reason, grantId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    OffsetDateTime at = r.getOffsetDateTime("family_revoked_at");
                    return at == null ? null : new FamilyRevoked(at.toInstant(), r.getLong("n").intValue());
                });
    }

    /**
     * Revokes every still-unrevoked token and family of a grant, keeping the rows; the number of tokens revoked. The
     * tokens are found through the grant's families (refresh_tokens has no index by grant, V11).
     */
    public Uni<Integer> revokeGrant(SqlConnection conn, String grantId, Instant now) {
        return conn.preparedQuery(REVOKE_GRANT).execute(Tuple.of(grantId, utc(now))).map(RowSet::rowCount);
    }

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
