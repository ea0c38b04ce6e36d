package io.latchkey.token.jwt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Signing keys in PostgreSQL (schema {@code token}). */
@ApplicationScoped
public class SigningKeyRepository {

    /** Serialises key creation and rotation across replicas. */
    private static final long KEY_LOCK = 0x4c4b4b45L;

    private final Pool pool;

    public SigningKeyRepository(Pool pool) {
        this.pool = pool;
    }

    /** Keys that may still have live tokens: not retired yet. Newest first. */
    public Uni<List<StoredKey>> findPublished(Instant now) {
        return pool.preparedQuery("SELECT kid, alg, public_key, private_key, created_at, superseded_at, retire_at "
                        + "FROM token.signing_keys WHERE retire_at IS NULL OR retire_at > $1 ORDER BY created_at DESC")
                .execute(Tuple.of(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(rows -> {
                    List<StoredKey> out = new ArrayList<>();
                    rows.forEach(r -> out.add(toKey(r)));
                    return out;
                });
    }

    /** Runs {@code work} in a transaction holding the cluster-wide key lock. */
    public <T> Uni<T> underKeyLock(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(KEY_LOCK))
                .flatMap(ignored -> work.apply(conn)));
    }

    public Uni<Long> countActive(SqlConnection conn) {
        return conn.query("SELECT count(*) FROM token.signing_keys WHERE superseded_at IS NULL")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Creation time of the newest key that still signs, or null when there is none. */
    public Uni<Instant> newestActiveCreatedAt(SqlConnection conn) {
        return conn.query("SELECT max(created_at) FROM token.signing_keys WHERE superseded_at IS NULL")
                .execute()
                .map(rows -> {
                    OffsetDateTime t = rows.iterator().next().getOffsetDateTime(0);
                    return t == null ? null : t.toInstant();
                });
    }

    public Uni<Void> insert(SqlConnection conn, StoredKey key) {
        return conn.preparedQuery("INSERT INTO token.signing_keys (kid, alg, public_key, private_key, created_at) "
                        + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(key.kid(), key.alg(), io.vertx.core.buffer.Buffer.buffer(key.publicKey()),
                        io.vertx.core.buffer.Buffer.buffer(key.encryptedPrivateKey()),
                        OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Marks every active key but {@code newKid} superseded; they stay published until {@code retireAt}. */
    public Uni<Void> supersedeAllBut(SqlConnection conn, String newKid, Instant now, Instant retireAt) {
        return conn.preparedQuery("UPDATE token.signing_keys SET superseded_at = $2, retire_at = $3 "
                        + "WHERE superseded_at IS NULL AND kid <> $1")
                .execute(Tuple.of(newKid, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(retireAt, ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static StoredKey toKey(Row r) {
        return new StoredKey(r.getString("kid"), r.getString("alg"), r.getBuffer("public_key").getBytes(),
                r.getBuffer("private_key").getBytes(), instant(r, "created_at"), instant(r, "superseded_at"),
                instant(r, "retire_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
